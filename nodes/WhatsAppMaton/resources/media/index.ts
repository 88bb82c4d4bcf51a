import type { INodeProperties } from 'n8n-workflow';

import { deleteFields, deleteOperation } from './delete';
import { getFields, getOperation } from './get';
import { uploadFields, uploadOperation } from './upload';
import { operationSelector } from '../../shared/fields/fields';

export const mediaDescription: INodeProperties[] = [
	operationSelector('media', 'upload', [deleteOperation, getOperation, uploadOperation]),
	...deleteFields,
	...getFields,
	...uploadFields,
];
