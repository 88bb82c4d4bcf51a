import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { requireBusinessAccountId } from '../../shared/fields/businessAccount';
import {
	businessAccountIdField,
	GRAPH_PAGE_SIZE,
	OPTIONS_DESCRIPTION,
	pageSizeQuery,
	returnAllAndLimitFields,
	showFor,
} from '../../shared/fields/fields';
import { PHONE_NUMBER_FIELDS_OPTION } from './phoneNumberFields';

export const listOperation: INodePropertyOptions = {
	name: 'List',
	value: 'list',
	action: 'List business phone numbers',
	description: 'List the phone numbers of a WhatsApp Business Account',
	routing: {
		request: { method: 'GET', url: '/phone_numbers' },
		send: { preSend: [pageSizeQuery(GRAPH_PAGE_SIZE), requireBusinessAccountId] },
		output: { postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }] },
	},
};

export const listFields: INodeProperties[] = [
	businessAccountIdField('phoneNumber', ['list']),
	...returnAllAndLimitFields('phoneNumber', ['list']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		description: OPTIONS_DESCRIPTION,
		displayOptions: showFor('phoneNumber', ['list']),
		options: [PHONE_NUMBER_FIELDS_OPTION],
	},
];
