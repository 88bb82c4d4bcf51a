import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { requireSegment } from './checks/urlSegments';
import { showFor } from './fields';

/** preSend: the media ID is the whole path, so `..` or `a/b` would name another endpoint. */
async function requireMediaId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requireSegment(this, 'mediaId', 'Media ID', this.getNodeParameter('mediaId', ''), {
		hint: 'Give the ID returned by Media › Upload or found in an incoming message.',
	});
	return requestOptions;
}

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
