import type { INodeProperties } from 'n8n-workflow';

import { phoneNumberIdField, returnAllAndLimitFields } from '../../shared/fields/fields';
import { buildPhoneNumberListing } from '../../shared/fields/phoneNumberId';
import { gatewayOperation } from '../../transport/operation';
import { QR_CODES_PATH } from './common';

export const listOperation = gatewayOperation(
	{
		name: 'List',
		value: 'list',
		action: 'List QR codes',
		description: 'List the QR codes of a business phone number, newest first, with their prefilled messages and deep links',
	},
	{
		request: { method: 'GET', url: QR_CODES_PATH },
		build: buildPhoneNumberListing,
		output: [{ type: 'rootProperty', properties: { property: 'data' } }],
	},
);

export const listFields: INodeProperties[] = [
	phoneNumberIdField('qrCode', ['list']),
	...returnAllAndLimitFields('qrCode', ['list']),
];
