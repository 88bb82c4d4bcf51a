import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { requireSegment } from '../checks/urlSegments';
import { showFor } from './fields';

/** Where WhatsApp gets a file from: a media message's Media Source and a header's Media Source. */
export const MEDIA_SOURCE_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Binary File From Input',
		value: 'binary',
		description: 'A binary field of the input item, uploaded to WhatsApp first and then sent by its ID',
	},
	{
		name: 'Public URL',
		value: 'link',
		description: 'A public https link that WhatsApp downloads the file from',
	},
	{
		name: 'Uploaded Media ID',
		value: 'id',
		description: 'The ID returned by Media › Upload (valid for 30 days)',
	},
];

/**
 * The build hook of Media › Get URL and Delete: the media ID is the whole path, checked by shape,
 * so that `..` or `a/b` cannot name another endpoint.
 */
export async function placeMediaId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const mediaId = requireSegment(this, 'mediaId', 'Media ID', this.getNodeParameter('mediaId', ''), {
		hint: 'Give the ID returned by Media › Upload or found in an incoming message.',
	});
	requestOptions.url = `/${encodeURIComponent(mediaId)}`;
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
	};
}
