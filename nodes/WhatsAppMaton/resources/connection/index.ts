import type { INodeProperties } from 'n8n-workflow';

import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { listFields, listOperation } from './list';
import { operationSelector } from '../../shared/fields/fields';

export const connectionDescription: INodeProperties[] = [
	operationSelector('connection', 'list', [createOperation, deleteOperation, getOperation, listOperation]),
	...createFields,
	...deleteFields,
	...getFields,
	...listFields,
];
