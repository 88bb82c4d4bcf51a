import type { INodeProperties } from 'n8n-workflow';

import { getFields, getOperation } from './get';
import { updateFields, updateOperation } from './update';
import { operationSelector } from '../../shared/fields/fields';

export const businessProfileDescription: INodeProperties[] = [
	operationSelector('businessProfile', 'get', [getOperation, updateOperation]),
	...getFields,
	...updateFields,
];
