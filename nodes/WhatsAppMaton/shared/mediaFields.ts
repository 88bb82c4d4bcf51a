import type { INodeProperties } from 'n8n-workflow';

import { showFor } from './fields';
import { requireParameter } from './required';

const requireMediaId = requireParameter(
	'mediaId',
	'Media ID',
	'Give the ID returned by Media › Upload or found in an incoming message.',
);

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
		routing: {
			// String(): an expression may give the ID as a number.
			request: { url: "=/{{ encodeURIComponent(String($value ?? '').trim()) }}" },
			send: { preSend: [requireMediaId] },
		},
	};
}
