import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import {
	GRAPH_PAGE_SIZE,
	pageSizeQuery,
	phoneNumberIdField,
	returnAllAndLimitFields,
} from '../../shared/fields/fields';
import { requirePhoneNumberId } from '../../shared/fields/phoneNumberId';
import { gatewayOperation } from '../../transport/operation';
import { QR_CODES_PATH } from './common';

const pageSize = pageSizeQuery(GRAPH_PAGE_SIZE);

/** The build hook of QR Code › List: page size and the phone number's path. */
async function buildQrCodeListing(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await pageSize.call(this, requestOptions);
	return await requirePhoneNumberId.call(this, requestOptions);
}

export const listOperation = gatewayOperation(
	{
		name: 'List',
		value: 'list',
		action: 'List QR codes',
		description: 'List the QR codes of a business phone number, newest first, with their prefilled messages and deep links',
	},
	{
		request: { method: 'GET', url: QR_CODES_PATH },
		build: buildQrCodeListing,
		output: [{ type: 'rootProperty', properties: { property: 'data' } }],
	},
);

export const listFields: INodeProperties[] = [
	phoneNumberIdField('qrCode', ['list']),
	...returnAllAndLimitFields('qrCode', ['list']),
];
