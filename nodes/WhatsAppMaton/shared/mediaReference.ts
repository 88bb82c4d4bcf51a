import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requireSegment } from './checks/urlSegments';
import { inputError } from './errors';
import { asText } from './interactive';
import { checkLength } from './text';

/**
 * preSend: a media message names its file by exactly one of `link` (a public https URL WhatsApp
 * downloads) or `id` (an upload). An http link or a blank value would only fail at Meta, and so
 * would a caption over 1024 characters or a document file name over 240. An expression that
 * gives undefined leaves neither in the body (`video: {}`): Media Source says which one is empty.
 * A binary file is uploaded by a later hook, which puts its `id` in.
 */
export async function checkMediaReference(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	const media = (body[String(body.type)] ?? {}) as IDataObject;
	const source = mediaSourceOf(this, media);
	if (source === 'link') {
		const link = asText(media.link).trim();
		if (link === '') throw inputError(this, 'Media URL is empty');
		if (!/^https:\/\/[^\s/]+/i.test(link)) {
			throw inputError(
				this,
				`Media URL must be a public https:// link; got "${link}"`,
				'WhatsApp downloads the file from this address, and accepts only https.',
			);
		}
		media.link = link;
	} else if (source === 'id') {
		media.id = requireSegment(this, 'mediaId', 'Media ID', media.id, {
			hint: 'Give the ID returned by Media › Upload or found in an incoming message.',
		});
	}
	if (typeof media.caption === 'string') {
		checkLength(this, 'Caption', media.caption, { max: 1024 });
	}
	if (typeof media.filename === 'string') {
		checkLength(this, 'File Name', media.filename, { max: 240 });
	}
	return requestOptions;
}

/** Which reference the body must carry: the one it has, else the one Media Source names. */
function mediaSourceOf(context: IExecuteSingleFunctions, media: IDataObject): string {
	if (media.link !== undefined && media.link !== null) return 'link';
	if (media.id !== undefined && media.id !== null) return 'id';
	return String(context.getNodeParameter('mediaSource', 'link') ?? 'link');
}
