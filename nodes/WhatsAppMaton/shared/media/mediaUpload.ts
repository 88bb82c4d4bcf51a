import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from '../errors';
import {
	baseMimeType,
	describeSize,
	isAnimatedWebp,
	MEDIA_RULES,
	mediaKindOfMimeType,
	type MediaKind,
	refusedCodecOfMimeType,
	refusedCodecOfOggFile,
	STATIC_STICKER_MAX_BYTES,
} from './mediaTypes';
import { VOICE_NOTE_MIME_TYPE } from '../limits';

export interface UploadFile {
	buffer: Buffer;
	mimeType: string;
	fileName: string;
}

/**
 * The file to upload, read from the item's binary property and checked against WhatsApp's limits.
 * Without `kind` (Media › Upload) any MIME type WhatsApp accepts will do, and the size limit is
 * that of the kind the MIME type belongs to; with `kind` (a media message) the file must be one
 * that kind of message takes: an image message only takes JPEG and PNG, a sticker only WebP. A
 * voice note takes only Ogg (with the Opus codec, checked below from the MIME type's codecs and
 * the file's first bytes). `use.field` is the field's display name in errors.
 */
export async function readUploadFile(
	context: IExecuteSingleFunctions,
	binaryPropertyName: string,
	overrides: { mimeType?: string; fileName?: string },
	kind?: MediaKind,
	use: { field?: string; voiceNote?: boolean } = {},
): Promise<UploadFile> {
	const binary = context.helpers.assertBinaryData(binaryPropertyName);
	const givenMimeType = (overrides.mimeType || binary.mimeType || '').trim();
	const mimeType = baseMimeType(givenMimeType);
	const fileKind = kind ?? mediaKindOfMimeType(mimeType);
	const field = `${use.field ?? 'Input Binary Field'} "${binaryPropertyName}"`;
	const inMessage = kind ? ` in ${articled(kind)} message` : '';
	const refusedMimeType = (shown: string, description: string) =>
		inputError(
			context,
			`${field} has MIME type "${shown || 'unknown'}", which WhatsApp does not accept${inMessage}`,
			description,
		);
	if (!fileKind || !MEDIA_RULES[fileKind].mimeTypes.includes(mimeType)) {
		const accepted = kind
			? MEDIA_RULES[kind].mimeTypes
			: Object.values(MEDIA_RULES).flatMap((rule) => rule.mimeTypes);
		throw refusedMimeType(mimeType, 'Accepted: ' + accepted.join(', '));
	}
	if (use.voiceNote && mimeType !== VOICE_NOTE_MIME_TYPE) {
		throw inputError(
			context,
			`${field} has MIME type "${mimeType}"; a voice note (Options › Voice Note) must be Ogg audio with the Opus codec`,
			`${OGG_OPUS_ONLY} Turn Voice Note off to send other audio as an audio file.`,
		);
	}
	if (refusedCodecOfMimeType(givenMimeType) !== undefined) {
		throw refusedMimeType(givenMimeType, OGG_OPUS_ONLY);
	}
	const buffer = await context.helpers.getBinaryDataBuffer(binaryPropertyName);
	const { maxBytes } = MEDIA_RULES[fileKind];
	if (buffer.length > maxBytes) {
		throw inputError(
			context,
			`${field} is ${describeSize(buffer.length)}; WhatsApp allows ${describeSize(maxBytes)} for ${fileKind} files`,
			fileKind === 'sticker'
				? 'A static sticker may be at most 100 KB, an animated one 500 KB.'
				: undefined,
		);
	}
	checkFileContent(context, field, inMessage, fileKind, mimeType, buffer);
	const fileName = overrides.fileName || binary.fileName || `upload.${binary.fileExtension ?? 'bin'}`;
	return { buffer, mimeType, fileName };
}

const OGG_OPUS_ONLY = 'WhatsApp takes Ogg audio only with the Opus codec (audio/ogg; codecs=opus).';

/**
 * What only the bytes tell: an Ogg file's codec (Opus only), and whether a WebP sticker is
 * animated (500 KB) or static (100 KB). A file whose bytes say neither is left to the MIME type.
 */
function checkFileContent(
	context: IExecuteSingleFunctions,
	field: string,
	inMessage: string,
	fileKind: MediaKind,
	mimeType: string,
	buffer: Buffer,
): void {
	if (mimeType === 'audio/ogg') {
		const codec = refusedCodecOfOggFile(buffer);
		if (codec !== undefined) {
			throw inputError(
				context,
				`${field} is Ogg audio with the ${codec} codec, which WhatsApp does not accept${inMessage}`,
				OGG_OPUS_ONLY,
			);
		}
	}
	if (
		fileKind === 'sticker' &&
		buffer.length > STATIC_STICKER_MAX_BYTES &&
		isAnimatedWebp(buffer) === false
	) {
		throw inputError(
			context,
			`${field} is ${describeSize(buffer.length)}; WhatsApp allows ${describeSize(STATIC_STICKER_MAX_BYTES)} for a static sticker`,
			'The WebP file is not animated: a static sticker may be at most 100 KB, an animated one 500 KB.',
		);
	}
}

const articled = (kind: MediaKind) => (/^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`);

/**
 * The multipart body WhatsApp wants for an upload (`file` with its name and type, `type`,
 * `messaging_product`), built with the web-standard FormData so the package needs no dependency.
 */
export function mediaUploadForm(file: UploadFile): FormData {
	const form = new FormData();
	form.append('messaging_product', 'whatsapp');
	form.append('type', file.mimeType);
	form.append('file', new Blob([file.buffer], { type: file.mimeType }), file.fileName);
	return form;
}

/** preSend for Media › Upload: the item's binary file as the multipart body. */
export async function buildMediaUploadForm(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', 'data') as string;
	const options = this.getNodeParameter('options', {}) as { mimeType?: string; fileName?: string };
	const file = await readUploadFile(this, binaryPropertyName, options);
	requestOptions.body = mediaUploadForm(file);
	return requestOptions;
}
