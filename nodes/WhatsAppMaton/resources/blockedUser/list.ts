import type { INodeProperties } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { phoneNumberIdField, returnAllAndLimitFields } from '../../shared/fields/fields';
import { buildPhoneNumberListing } from '../../shared/fields/phoneNumberId';

export const listOperation = gatewayOperation(
	{
		name: 'List',
		value: 'list',
		action: 'List blocked users',
		description: 'List the WhatsApp users this business phone number has blocked',
	},
	{
		request: { method: 'GET', url: '/block_users' },
		build: buildPhoneNumberListing,
		output: [{ type: 'rootProperty', properties: { property: 'data' } }],
	},
);

export const listFields: INodeProperties[] = [
	phoneNumberIdField('blockedUser', ['list']),
	...returnAllAndLimitFields('blockedUser', ['list']),
];
