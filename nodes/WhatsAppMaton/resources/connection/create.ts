import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { unwrapConnection } from './connectionId';
import { CONTROL_BASE_URL_EXPRESSION, MATON_APP } from '../../transport/gateway';

export const createOperation: INodePropertyOptions = {
	name: 'Create',
	value: 'create',
	action: 'Create a Maton connection',
	description:
		'Start a new WhatsApp Business connection; open the returned URL to authorise it with Meta',
	routing: {
		request: {
			method: 'POST',
			baseURL: CONTROL_BASE_URL_EXPRESSION,
			url: '/connections',
			body: { app: MATON_APP },
		},
		output: { postReceive: [unwrapConnection] },
	},
};

export const createFields: INodeProperties[] = [];
