import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { mediaIdField } from '../../shared/mediaFields';

export const getOperation: INodePropertyOptions = {
	name: 'Get URL',
	value: 'get',
	action: 'Get the download URL of a media file',
	description:
		"Get a media file's temporary download URL (valid 5 minutes), MIME type, size and SHA-256",
	routing: { request: { method: 'GET' } },
};

export const getFields: INodeProperties[] = [mediaIdField('get')];
