import type { INodeProperties } from 'n8n-workflow';

import { showFor } from './fields';

/** The media id of Media › Get URL and Delete; it is the whole gateway path. */
export function mediaIdField(operation: string): INodeProperties {
	return {
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1037543291543636',
		description: 'ID of the media, from Media › Upload or from an incoming message webhook',
		displayOptions: showFor('media', [operation]),
		routing: { request: { url: '=/{{ encodeURIComponent($value.trim()) }}' } },
	};
}
