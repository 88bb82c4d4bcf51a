import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { INTERACTIVE_BODY_MAX } from '../../../shared/limits';
import { messageOptionsField, senderAndRecipientFields } from '../common/messageFields';
import { checkInteractiveTexts } from '../interactive/interactive';
import { interactiveBodyField, interactiveFooterTextOption, interactiveMessageOperation } from '../interactive/fields';
import { checkRetailerId } from './catalog';

export const sendCatalogOperation = interactiveMessageOperation(
	{
		name: 'Send Catalog',
		value: 'sendCatalog',
		action: 'Send a catalog message',
		description: 'Send a message with a View catalog button that opens your whole product catalog in WhatsApp',
	},
	'catalog_message',
	buildCatalogMessage,
	{ fixedAction: { name: 'catalog_message' } },
);

export const sendCatalogFields: INodeProperties[] = [
	...senderAndRecipientFields('sendCatalog'),
	interactiveBodyField('sendCatalog'),
	messageOptionsField('sendCatalog', [
		interactiveFooterTextOption,
		{
			displayName: 'Thumbnail Product Retailer ID',
			name: 'thumbnailProductRetailerId',
			type: 'string',
			default: '',
			placeholder: 'e.g. pizza-margherita',
			description:
				"Retailer ID (Content ID) of the product whose image heads the message; without it WhatsApp shows the catalog's first product",
			routing: {
				send: { type: 'body', property: 'interactive.action.parameters.thumbnail_product_retailer_id' },
			},
		},
	]),
];

/**
 * The build hook of Send Catalog: the body (required, up to 1,024) and footer within their
 * lengths, and the thumbnail's retailer ID when one is given. The catalog is the one connected
 * to the business account, so the message names none.
 */
async function buildCatalogMessage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const interactive = (requestOptions.body as IDataObject).interactive as IDataObject;
	checkInteractiveTexts(this, interactive, INTERACTIVE_BODY_MAX);
	const action = interactive.action as IDataObject;
	const parameters = action.parameters as IDataObject | undefined;
	if (parameters && parameters.thumbnail_product_retailer_id !== undefined) {
		if (String(parameters.thumbnail_product_retailer_id) === '') delete action.parameters;
		else parameters.thumbnail_product_retailer_id = checkRetailerId(this, 'Thumbnail Product Retailer ID', parameters.thumbnail_product_retailer_id);
	}
	return requestOptions;
}
