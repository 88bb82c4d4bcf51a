import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { businessAccountIdField, returnAllAndLimitFields, showFor } from '../../shared/fields';
import { PHONE_NUMBER_FIELDS_OPTION } from '../../shared/phoneNumberFields';

export const listOperation: INodePropertyOptions = {
	name: 'List',
	value: 'list',
	action: 'List business phone numbers',
	description: 'List the phone numbers of a WhatsApp Business Account',
	routing: {
		request: { method: 'GET' },
		output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
	},
};

export const listFields: INodeProperties[] = [
	businessAccountIdField('phoneNumber', ['list'], '/phone_numbers'),
	...returnAllAndLimitFields('phoneNumber', ['list'], { sendLimitAsQuery: true, defaultPageSize: 100 }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: showFor('phoneNumber', ['list']),
		options: [PHONE_NUMBER_FIELDS_OPTION],
	},
];
