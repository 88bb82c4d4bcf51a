import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/fields/fields';
import { asText, checkLength } from '../../../shared/checks/text';
import { inputError } from '../../../shared/errors';
import {
	INTERACTIVE_BODY_MAX,
	LIST_SECTION_TITLE_MAX,
	PRODUCT_LIST_ITEMS_MAX,
	PRODUCT_LIST_SECTIONS_MAX,
} from '../../../shared/limits';
import { messageOptionsField, senderAndRecipientFields } from '../common/messageFields';
import { checkInteractiveTexts } from '../interactive/interactive';
import {
	interactiveBodyField,
	interactiveFooterTextOption,
	interactiveMessageOperation,
	sectionTitleValue,
	specifySectionsField,
} from '../interactive/fields';
import { readJsonArrayParameter, type SpecifyMode } from '../../../shared/checks/json';
import { catalogIdField, checkCatalogId, checkRetailerId } from './catalog';

export const sendProductListOperation = interactiveMessageOperation(
	{
		name: 'Send Product List',
		value: 'sendProductList',
		action: 'Send a multi-product message',
		description: 'Send up to 30 products of your catalog in up to 10 sections, which the customer can add to a cart',
	},
	'product_list',
	buildProductListMessage,
);

const show = showFor('message', ['sendProductList']);

export const sendProductListFields: INodeProperties[] = [
	...senderAndRecipientFields('sendProductList'),
	catalogIdField('sendProductList'),
	{
		displayName: 'Header Text',
		name: 'headerText',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Our menu',
		description: 'Bold title of the message, up to 60 characters; WhatsApp requires it on a multi-product message',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'interactive.header.text' } },
	},
	interactiveBodyField('sendProductList'),
	specifySectionsField('sendProductList'),
	{
		displayName: 'Sections',
		name: 'productSections',
		type: 'fixedCollection',
		placeholder: 'Add Section',
		default: {},
		typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: PRODUCT_LIST_SECTIONS_MAX },
		description:
			'One to ten sections with at most 30 products in all. Section titles (up to 24 characters) are required when there are two or more.',
		displayOptions: { show: { ...show.show, specifySections: ['fields'] } },
		options: [
			{
				displayName: 'Section',
				name: 'section',
				values: [
					sectionTitleValue,
					{
						displayName: 'Product Retailer IDs',
						name: 'productRetailerIds',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. pizza-margherita, pizza-marinara',
						description:
							"The section's products by retailer ID (Content ID), separated by commas or new lines",
					},
				],
			},
		],
	},
	{
		displayName: 'Sections (JSON)',
		name: 'productSectionsJson',
		type: 'json',
		default:
			'[\n  {\n    "title": "Pizzas",\n    "product_items": [\n      { "product_retailer_id": "pizza-margherita" },\n      { "product_retailer_id": "pizza-marinara" }\n    ]\n  }\n]',
		description:
			'A JSON array of sections as WhatsApp takes them: each with a title and its product_items, each item a product_retailer_id (see the example)',
		displayOptions: { show: { ...show.show, specifySections: ['json'] } },
	},
	messageOptionsField('sendProductList', [interactiveFooterTextOption]),
];

interface SectionFields {
	title?: unknown;
	productRetailerIds?: unknown;
}

/**
 * The retailer IDs of one section, each checked: "a, b" or "a\nb" from the fields, the
 * `product_items` array (`{ product_retailer_id }` entries) from the JSON.
 */
function retailerIdsOf(context: IExecuteSingleFunctions, label: string, value: unknown): string[] {
	const entries: unknown[] = Array.isArray(value)
		? value.map((item) => (typeof item === 'object' && item !== null ? (item as IDataObject).product_retailer_id : item))
		: asText(value).split(/[,\n]/).map((entry) => entry.trim()).filter((entry) => entry !== '');
	if (entries.length === 0) throw inputError(context, `${label} is empty; give at least one product's retailer ID`);
	return entries.map((entry, index) => checkRetailerId(context, `${label} entry ${index + 1}`, entry));
}

/**
 * The build hook of Send Product List: the catalog ID by shape; the header (required, text, up
 * to 60), body (required, up to 1,024) and footer; 1 to 10 sections, titled (up to 24) when
 * there are two or more, with 1 to 30 products in all and none twice.
 */
async function buildProductListMessage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const interactive = (requestOptions.body as IDataObject).interactive as IDataObject;
	const headerText = asText((interactive.header as IDataObject | undefined)?.text);
	if (headerText.trim() === '') throw inputError(this, 'Header Text is empty; WhatsApp requires a header on a multi-product message');
	interactive.header = { type: 'text', text: headerText };
	checkInteractiveTexts(this, interactive, INTERACTIVE_BODY_MAX);
	const action = (interactive.action ?? {}) as IDataObject;
	checkCatalogId(this, action);

	const mode = this.getNodeParameter('specifySections', 'fields') as SpecifyMode;
	const given: SectionFields[] =
		mode === 'json'
			? readJsonArrayParameter(this, 'productSectionsJson', 'Sections (JSON)').map((section) => ({
					title: section.title,
					productRetailerIds: section.product_items ?? [],
				}))
			: ((this.getNodeParameter('productSections.section', []) ?? []) as SectionFields[]);
	if (given.length === 0) throw inputError(this, 'Sections is empty; add at least one section with its products');
	if (given.length > PRODUCT_LIST_SECTIONS_MAX) {
		throw inputError(this, `Sections has ${given.length} sections; WhatsApp allows ${PRODUCT_LIST_SECTIONS_MAX}`);
	}
	const seen = new Set<string>();
	let count = 0;
	action.sections = given.map((section, index) => {
		const label = `Sections › Section ${index + 1}`;
		const title = asText(section.title).trim();
		if (title === '' && given.length > 1) {
			throw inputError(this, `${label} Title is empty; WhatsApp requires a title on each section when there are two or more`);
		}
		checkLength(this, `${label} Title`, title, { max: LIST_SECTION_TITLE_MAX });
		const ids = retailerIdsOf(this, `${label} Product Retailer IDs`, section.productRetailerIds);
		for (const id of ids) {
			if (seen.has(id)) throw inputError(this, `${label} Product Retailer IDs: "${id}" is already in the message; each product can appear once`);
			seen.add(id);
		}
		count += ids.length;
		return { ...(title ? { title } : {}), product_items: ids.map((id) => ({ product_retailer_id: id })) };
	});
	if (count > PRODUCT_LIST_ITEMS_MAX) {
		throw inputError(this, `Sections hold ${count} products; WhatsApp allows ${PRODUCT_LIST_ITEMS_MAX} in a multi-product message`);
	}
	interactive.action = action;
	return requestOptions;
}
