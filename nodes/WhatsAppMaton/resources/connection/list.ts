import type { INodeProperties } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { returnAllAndLimitFields, showFor } from '../../shared/fields/fields';
import { CONTROL_BASE_URL_EXPRESSION, MATON_APP } from '../../transport/gateway';

export const listOperation = gatewayOperation(
	{
		name: 'List',
		value: 'list',
		action: 'List Maton connections',
		description: 'List your Maton WhatsApp Business connections with their status',
	},
	{
		request: {
			method: 'GET',
			baseURL: CONTROL_BASE_URL_EXPRESSION,
			url: '/connections',
			qs: { app: MATON_APP },
		},
		output: [{ type: 'rootProperty', properties: { property: 'connections' } }],
	},
);

export const listFields: INodeProperties[] = [
	...returnAllAndLimitFields('connection', ['list']),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor('connection', ['list']),
		options: [
			{
				displayName: 'App',
				name: 'app',
				type: 'string',
				default: MATON_APP,
				placeholder: `e.g. ${MATON_APP}`,
				description: `Maton app whose connections to list; ${MATON_APP} unless you know better`,
				routing: { send: { type: 'query', property: 'app' } },
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'ACTIVE',
				description: 'Only connections in this state',
				options: [
					{ name: 'Active', value: 'ACTIVE', description: 'Authorised and usable' },
					{ name: 'Failed', value: 'FAILED', description: 'Authorisation failed' },
					{ name: 'Pending', value: 'PENDING', description: 'Waiting for the user to open its URL and authorise' },
				],
				routing: { send: { type: 'query', property: 'status' } },
			},
		],
	},
];
