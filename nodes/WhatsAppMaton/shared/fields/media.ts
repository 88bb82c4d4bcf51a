import type {
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { requireSegment } from '../checks/urlSegments';
import { describeSize, MEDIA_RULES, type MediaKind } from '../media/mediaTypes';
import { showFor } from './fields';

/**
 * Shown for the operations, and with a Media Source, for that source only. (A `hide` on the
 * other sources would not keep the media resource's fields: n8n checks display against every
 * field's default, Media Source's included.)
 */
function shownFor(resource: string, operations: string[], mediaSource?: string): IDisplayOptions {
	const place = showFor(resource, operations);
	return mediaSource ? { show: { ...place.show, mediaSource: [mediaSource] } } : place;
}

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

/**
 * The media ID: the whole gateway path of Media › Get URL and Delete, and a media message's file
 * when its Media Source is Uploaded Media ID (`mediaSource` given).
 */
export function mediaIdField(resource: string, operations: string[], mediaSource?: string): INodeProperties {
	return {
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1037543291543636',
		description: 'ID of the media, from Media › Upload (valid for 30 days) or from an incoming message webhook',
		displayOptions: shownFor(resource, operations, mediaSource),
	};
}

/** `image/jpeg or image/png, up to 5 MB` */
function acceptedFiles(kind: MediaKind): string {
	const { mimeTypes, maxBytes } = MEDIA_RULES[kind];
	const types =
		mimeTypes.length > 1
			? `${mimeTypes.slice(0, -1).join(', ')} or ${mimeTypes[mimeTypes.length - 1]}`
			: mimeTypes[0];
	const staticSticker = kind === 'sticker' ? ' (100 KB if not animated)' : '';
	return `${types}, up to ${describeSize(maxBytes)}${staticSticker}`;
}

/** What WhatsApp takes of each kind of file. */
const ACCEPTED_FILES = (['image', 'video', 'audio', 'document', 'sticker'] as MediaKind[])
	.map((kind) => `${kind}: ${acceptedFiles(kind)}`)
	.join('; ');

/**
 * The item's binary field holding the file: of Media › Upload, and of a media message whose
 * Media Source is Binary File (`mediaSource` given).
 */
export function binaryPropertyNameField(
	resource: string,
	operations: string[],
	mediaSource?: string,
): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		placeholder: 'e.g. data',
		hint: 'The name of the input field containing the binary file data',
		description: `Binary field of the input item that holds the file. WhatsApp takes ${ACCEPTED_FILES}. A media message uploads it first (like Media › Upload) and its output adds the media ID as uploadedMedia.`,
		displayOptions: shownFor(resource, operations, mediaSource),
	};
}
