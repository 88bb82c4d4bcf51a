import type { INodeProperties } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { unwrapConnection } from './connectionId';
import { CONTROL_BASE_URL_EXPRESSION, MATON_APP } from '../../transport/gateway';

export const createOperation = gatewayOperation(
	{
		name: 'Create',
		value: 'create',
		action: 'Create a Maton connection',
		description: 'Start a new WhatsApp Business connection; open the returned URL to authorise it with Meta',
	},
	{
		request: {
			method: 'POST',
			baseURL: CONTROL_BASE_URL_EXPRESSION,
			url: '/connections',
			body: { app: MATON_APP },
		},
		output: [unwrapConnection],
	},
);

export const createFields: INodeProperties[] = [];
