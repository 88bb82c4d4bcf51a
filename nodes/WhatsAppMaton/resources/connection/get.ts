import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { connectionIdField, unwrapConnection } from './connectionId';
import { CONTROL_BASE_URL_EXPRESSION } from '../../transport/gateway';

export const getOperation: INodePropertyOptions = {
	name: 'Get',
	value: 'get',
	action: 'Get a Maton connection',
	description: 'Get a Maton connection: its status, app, and the URL that authorises it',
	routing: {
		request: { method: 'GET', baseURL: CONTROL_BASE_URL_EXPRESSION },
		output: { postReceive: [unwrapConnection] },
	},
};

export const getFields: INodeProperties[] = [connectionIdField('get')];
