import type { INodeProperties } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { normaliseDeletion } from '../../shared/fields/deletion';
import { placeMediaId, mediaIdField } from '../../shared/fields/media';

export const deleteOperation = gatewayOperation(
	{
		name: 'Delete',
		value: 'delete',
		action: 'Delete a media file',
		description: 'Delete an uploaded media file from WhatsApp',
	},
	{ build: placeMediaId, request: { method: 'DELETE' }, output: [normaliseDeletion] },
);

export const deleteFields: INodeProperties[] = [mediaIdField('media', ['delete'])];
