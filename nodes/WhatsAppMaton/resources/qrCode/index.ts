import type { INodeProperties } from 'n8n-workflow';

import { createFields, createOperation } from './create';
import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { listFields, listOperation } from './list';
import { updateFields, updateOperation } from './update';
import { operationSelector } from '../../shared/fields/fields';

export const qrCodeDescription: INodeProperties[] = [
	operationSelector('qrCode', 'create', [createOperation, deleteOperation, getOperation, listOperation, updateOperation]),
	...createFields,
	...deleteFields,
	...getFields,
	...listFields,
	...updateFields,
];
