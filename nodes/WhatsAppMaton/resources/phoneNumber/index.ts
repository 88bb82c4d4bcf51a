import type { INodeProperties } from 'n8n-workflow';

import { getFields, getOperation } from './get';
import { listFields, listOperation } from './list';
import { operationSelector } from '../../shared/fields/fields';

export const phoneNumberDescription: INodeProperties[] = [
	operationSelector('phoneNumber', 'list', [getOperation, listOperation]),
	...getFields,
	...listFields,
];
