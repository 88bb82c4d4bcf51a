import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { normaliseDeletion } from '../../shared/fields/deletion';
import { connectionIdField } from './connectionId';
import { CONTROL_BASE_URL_EXPRESSION } from '../../transport/gateway';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a Maton connection',
	description: 'Delete a Maton connection; workflows using it stop working until you pick another',
	routing: { request: { method: 'DELETE', baseURL: CONTROL_BASE_URL_EXPRESSION }, output: { postReceive: [normaliseDeletion] } },
};

export const deleteFields: INodeProperties[] = [connectionIdField('delete')];
