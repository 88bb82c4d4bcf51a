import type { INodeProperties } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { normaliseDeletion } from '../../shared/fields/deletion';
import { placeConnectionId, connectionIdField } from './connectionId';
import { CONTROL_BASE_URL_EXPRESSION } from '../../transport/gateway';

export const deleteOperation = gatewayOperation(
	{
		name: 'Delete',
		value: 'delete',
		action: 'Delete a Maton connection',
		description: 'Delete a Maton connection; workflows using it stop working until you pick another',
	},
	{
		build: placeConnectionId,
		request: { method: 'DELETE', baseURL: CONTROL_BASE_URL_EXPRESSION },
		output: [normaliseDeletion],
	},
);

export const deleteFields: INodeProperties[] = [connectionIdField('delete')];
