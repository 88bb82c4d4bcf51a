import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requireSegment } from '../../../shared/checks/urlSegments';
import { inputError } from '../../../shared/errors';
import { asText } from '../../../shared/checks/text';
import {
	DOCUMENT_FILENAME_MAX,
	MEDIA_CAPTION_MAX,
	VOICE_NOTE_EXTENSIONS,
} from '../../../shared/limits';
import { checkLength } from '../../../shared/checks/text';

/**
 * preSend: a media message names its file by exactly one of `link` (a public https URL WhatsApp
 * downloads) or `id` (an upload). An http link or a blank value would only fail at Meta, and so
 * would a caption over 1024 characters or a document file name over 240. An expression that
 * gives undefined leaves neither in the body (`video: {}`): Media Source says which one is empty.
 * A binary file is uploaded by a later hook, which puts its `id` in. An audio message with
 * Options › Voice Note gets `voice: true`, and must then be an Ogg Opus file (see checkVoiceNote).
 */
export async function checkMediaReference(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	const media = (body[String(body.type)] ?? {}) as IDataObject;
	const source = mediaSourceOf(this, media);
	const voiceNote = body.type === 'audio' && voiceNoteOf(this);
	if (voiceNote) {
		media.voice = true;
		// A binary file has no reference in the body yet: the upload hook fills this object in.
		body.audio = media;
	}
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
		if (voiceNote) checkVoiceNoteLink(this, link);
	} else if (source === 'id') {
		media.id = requireSegment(this, 'mediaId', 'Media ID', media.id, {
			hint: 'Give the ID returned by Media › Upload or found in an incoming message.',
		});
	}
	if (typeof media.caption === 'string') {
		checkLength(this, 'Caption', media.caption, { max: MEDIA_CAPTION_MAX });
	}
	if (typeof media.filename === 'string') {
		checkLength(this, 'File Name', media.filename, { max: DOCUMENT_FILENAME_MAX });
	}
	return requestOptions;
}

/** Which reference the body must carry: the one it has, else the one Media Source names. */
function mediaSourceOf(context: IExecuteSingleFunctions, media: IDataObject): string {
	if (media.link !== undefined && media.link !== null) return 'link';
	if (media.id !== undefined && media.id !== null) return 'id';
	return String(context.getNodeParameter('mediaSource', 'link') ?? 'link');
}

/** Options › Voice Note: a boolean, also when an expression gives it. */
function voiceNoteOf(context: IExecuteSingleFunctions): boolean {
	const voice = context.getNodeParameter('options.voice', false) as unknown;
	if (voice === undefined || voice === null) return false;
	if (typeof voice !== 'boolean') {
		throw inputError(
			context,
			`Voice Note must be true or false; got ${JSON.stringify(voice)}`,
			'Turn the option on or off, or give an expression that returns a boolean.',
		);
	}
	return voice;
}

/**
 * A voice note must be an Ogg file with the Opus codec. A link's bytes cannot be seen before
 * WhatsApp downloads them, so its file name decides: one ending in another extension (.mp3,
 * .m4a, …) is refused; one without an extension is left to WhatsApp.
 */
function checkVoiceNoteLink(context: IExecuteSingleFunctions, link: string): void {
	const path = link.replace(/[?#].*$/, '').replace(/^https:\/\/[^/]*/i, '');
	const extension = /\.([A-Za-z0-9]+)$/.exec(path.split('/').pop() ?? '')?.[1]?.toLowerCase();
	if (extension !== undefined && !VOICE_NOTE_EXTENSIONS.includes(extension)) {
		throw inputError(
			context,
			`Media URL ends in ".${extension}"; a voice note (Options › Voice Note) must be an Ogg file with the Opus codec (.ogg or .opus)`,
			'Convert the audio to Ogg Opus, or turn Voice Note off to send it as an audio file.',
		);
	}
}
