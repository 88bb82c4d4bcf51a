import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { normaliseDeletion } from '../../shared/fields/deletion';
import { mediaIdField } from '../../shared/fields/media';

export const deleteOperation: INodePropertyOptions = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a media file',
	description: 'Delete an uploaded media file from WhatsApp',
	routing: { request: { method: 'DELETE' }, output: { postReceive: [normaliseDeletion] } },
};

export const deleteFields: INodeProperties[] = [mediaIdField('delete')];
