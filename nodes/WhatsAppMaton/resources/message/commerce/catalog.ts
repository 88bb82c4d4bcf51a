import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/fields/fields';
import { requireSegment } from '../../../shared/checks/urlSegments';
import { asText, checkLength } from '../../../shared/checks/text';
import { inputError } from '../../../shared/errors';
import { PRODUCT_RETAILER_ID_MAX } from '../../../shared/limits';

/**
 * What product and catalog messages share (docs/whatsapp-rules.md § Product and catalog
 * messages): the catalog connected to the business account, and products named by their
 * retailer ID, the SKU that Commerce Manager calls Content ID.
 */

/**
 * The catalog of Send Product and Send Product List: `interactive.action.catalog_id`. Each
 * operation lists its own; the description joins the two into one field (defineOnce).
 */
export function catalogIdField(operation: string): INodeProperties {
	return {
		displayName: 'Catalog ID',
		name: 'catalogId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1488520338603416',
		description:
			'ID of the ecommerce catalog connected to the WhatsApp Business Account (Commerce Manager › Catalog › Settings)',
		displayOptions: showFor('message', [operation]),
		routing: { send: { type: 'body', property: 'interactive.action.catalog_id' } },
	};
}

/** The catalog ID routing put into the action, checked by shape and trimmed. */
export function checkCatalogId(context: IExecuteSingleFunctions, action: IDataObject): void {
	action.catalog_id = requireSegment(context, 'catalogId', 'Catalog ID', action.catalog_id, {
		hint: 'The catalog connected to your WhatsApp Business Account: Commerce Manager › Catalog › Settings shows its ID.',
	});
}

/**
 * A retailer ID as it goes into the message: not empty, at most 100 characters. WhatsApp looks
 * the product up by it exactly, so surrounding spaces (an expression's stray whitespace) are
 * refused rather than trimmed into another ID.
 */
export function checkRetailerId(context: IExecuteSingleFunctions, label: string, value: unknown): string {
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw inputError(context, `${label} is ${value === undefined || value === null ? 'empty' : 'not text'}; give the product's retailer ID (Content ID)`);
	}
	const id = asText(value);
	if (id.trim() === '') throw inputError(context, `${label} is empty; give the product's retailer ID (Content ID)`);
	if (id !== id.trim()) {
		throw inputError(
			context,
			`${label} ${JSON.stringify(id)} has leading or trailing spaces; WhatsApp finds the product by its exact retailer ID`,
			'Remove the spaces, or trim the value in its expression.',
		);
	}
	checkLength(context, label, id, { max: PRODUCT_RETAILER_ID_MAX });
	return id;
}
