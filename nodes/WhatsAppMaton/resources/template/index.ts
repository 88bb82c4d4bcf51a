import type { INodeProperties } from 'n8n-workflow';

import { createFields, createOperation } from './create/index';
import { deleteFields, deleteOperation } from './delete';
import { listFields, listOperation } from './list';
import { operationSelector } from '../../shared/fields/fields';

export const templateDescription: INodeProperties[] = [
	operationSelector('template', 'list', [createOperation, deleteOperation, listOperation]),
	...createFields,
	...deleteFields,
	...listFields,
];
