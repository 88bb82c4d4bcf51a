import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/fields/fields';
import { asText, checkLength } from '../../../shared/checks/text';
import { INTERACTIVE_BODY_MAX, INTERACTIVE_FOOTER_TEXT_MAX } from '../../../shared/limits';
import { messageOptionsField, senderAndRecipientFields } from '../common/messageFields';
import { interactiveFooterTextOption, interactiveMessageOperation } from '../interactive/fields';
import { catalogIdField, checkCatalogId, checkRetailerId } from './catalog';

export const sendProductOperation = interactiveMessageOperation(
	{
		name: 'Send Product',
		value: 'sendProduct',
		action: 'Send a product message',
		description: 'Send one product of your catalog, which the customer can view and add to a cart',
	},
	'product',
	buildProductMessage,
);

export const sendProductFields: INodeProperties[] = [
	...senderAndRecipientFields('sendProduct'),
	catalogIdField('sendProduct'),
	{
		displayName: 'Product Retailer ID',
		name: 'productRetailerId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. pizza-margherita',
		description: "The product's retailer ID in the catalog: its SKU, shown as Content ID in Commerce Manager",
		displayOptions: showFor('message', ['sendProduct']),
		routing: { send: { type: 'body', property: 'interactive.action.product_retailer_id' } },
	},
	messageOptionsField('sendProduct', [
		{
			displayName: 'Body Text',
			name: 'productBodyText',
			type: 'string',
			default: '',
			typeOptions: { rows: 3 },
			placeholder: 'e.g. Our best seller, baked to order',
			description: `Text above the product, up to ${INTERACTIVE_BODY_MAX} characters; the product's own title, price and image are shown anyway`,
			routing: { send: { type: 'body', property: 'interactive.body', value: '={{ $value ? { text: $value } : undefined }}' } },
		},
		interactiveFooterTextOption,
	]),
];

/**
 * The build hook of Send Product: catalog and retailer ID checked; an optional body and footer
 * within their lengths. WhatsApp shows no header on a single product (the product's image is it).
 */
async function buildProductMessage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const interactive = (requestOptions.body as IDataObject).interactive as IDataObject;
	const action = (interactive.action ?? {}) as IDataObject;
	checkCatalogId(this, action);
	action.product_retailer_id = checkRetailerId(this, 'Product Retailer ID', action.product_retailer_id);
	interactive.action = action;
	const body = interactive.body as IDataObject | undefined;
	if (body) checkLength(this, 'Body Text', asText(body.text), { min: 1, max: INTERACTIVE_BODY_MAX });
	const footer = interactive.footer as IDataObject | undefined;
	if (footer) checkLength(this, 'Footer Text', asText(footer.text), { max: INTERACTIVE_FOOTER_TEXT_MAX });
	return requestOptions;
}
