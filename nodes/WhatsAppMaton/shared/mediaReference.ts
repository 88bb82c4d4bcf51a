import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from './errors';
import { checkLength } from './text';

/**
 * preSend: a media message names its file by exactly one of `link` (a public https URL WhatsApp
 * downloads) or `id` (an upload). An http link or a blank value would only fail at Meta, and so
 * would a caption over 1024 characters or a document file name over 240.
 */
export async function checkMediaReference(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	const media = (body[String(body.type)] ?? {}) as IDataObject;
	const link = typeof media.link === 'string' ? media.link.trim() : undefined;
	const id = typeof media.id === 'string' ? media.id.trim() : undefined;
	if (link !== undefined) {
		if (link === '') throw inputError(this, 'Media URL is empty');
		if (!/^https:\/\/[^\s/]+/i.test(link)) {
			throw inputError(
				this,
				`Media URL must be a public https:// link; got "${link}"`,
				'WhatsApp downloads the file from this address, and accepts only https.',
			);
		}
		media.link = link;
	} else if (id !== undefined) {
		if (id === '') throw inputError(this, 'Media ID is empty');
		media.id = id;
	}
	if (typeof media.caption === 'string') {
		checkLength(this, 'Caption', media.caption, { max: 1024 });
	}
	if (typeof media.filename === 'string') {
		checkLength(this, 'File Name', media.filename, { max: 240 });
	}
	return requestOptions;
}
