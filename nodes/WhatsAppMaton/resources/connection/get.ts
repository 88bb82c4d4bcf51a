import type { INodeProperties } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { placeConnectionId, connectionIdField, unwrapConnection } from './connectionId';
import { CONTROL_BASE_URL_EXPRESSION } from '../../transport/gateway';

export const getOperation = gatewayOperation(
	{
		name: 'Get',
		value: 'get',
		action: 'Get a Maton connection',
		description: 'Get a Maton connection: its status, app, and the URL that authorises it',
	},
	{
		build: placeConnectionId,
		request: { method: 'GET', baseURL: CONTROL_BASE_URL_EXPRESSION },
		output: [unwrapConnection],
	},
);

export const getFields: INodeProperties[] = [connectionIdField('get')];
