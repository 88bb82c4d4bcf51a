import { NodeHelpers } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { showFor } from '../../../shared/fields/fields';
import { binaryPropertyNameField, MEDIA_SOURCE_OPTIONS, mediaIdField } from '../../../shared/fields/media';
import {
	messageOptionsField,
	moveIntoObject,
	senderAndRecipientFields,
	sendMessageOperation,
} from '../common/messageFields';
import { checkMediaReference } from './mediaReference';
import { addUploadedMediaId, uploadBinaryMedia } from '../common/binaryMedia';
import { DOCUMENT_FILENAME_MAX, MEDIA_CAPTION_MAX } from '../../../shared/limits';
import type { MediaKind } from '../../../shared/media/mediaTypes';

/** Where Input Binary Field is shown, as n8n decides it (an expression for the source shows it too). */
const BINARY_FILE_ONLY: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: '',
	displayOptions: { show: { mediaSource: ['binary'] } },
};

/** Where Media URL and Media ID put their value, for every kind: see placeMediaReference. */
const SHARED_MEDIA_KEY = 'media';

/** The media a message can carry, and the fields WhatsApp allows on each. */
export type MessageMediaKind = MediaKind;

interface MediaMessageSpec {
	kind: MessageMediaKind;
	operation: string;
	label: string;
	action: string;
	description: string;
	/** Image, video and document take a caption; audio and sticker do not. */
	caption: boolean;
	/** Documents show a file name to the recipient. */
	filename: boolean;
	/** Audio can go as a voice note (`audio.voice: true`). */
	voiceNote?: boolean;
}


/**
 * preSend of every media message, before the fields' hooks: Media URL and Media ID are defined
 * once for the five kinds, so their routing puts the value under `media`; WhatsApp wants it under
 * the kind (`image: { link }`), in the same place of the body.
 */
async function placeMediaReference(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	requestOptions.body = moveIntoObject(body, SHARED_MEDIA_KEY, String(body.type));
	return requestOptions;
}

/**
 * The build hook of the five media messages: the file's reference in place and checked, then,
 * for a binary file, the upload, last, so that a message refused for any other reason uploads
 * nothing. The upload runs where Input Binary Field is shown (Media Source › Binary File).
 */
async function buildMediaMessage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await placeMediaReference.call(this, requestOptions);
	await checkMediaReference.call(this, requestOptions);
	const shown = { mediaSource: String(this.getNodeParameter('mediaSource', '', { rawExpressions: true })) };
	if (NodeHelpers.displayParameter(shown, BINARY_FILE_ONLY, null, null)) {
		await uploadBinaryMedia.call(this, requestOptions);
	}
	return requestOptions;
}

export function mediaMessageOperation(spec: MediaMessageSpec): INodePropertyOptions {
	return sendMessageOperation(
		{ name: spec.label, value: spec.operation, action: spec.action, description: spec.description },
		spec.kind,
		buildMediaMessage,
		// The uploaded file's ID in the output (`uploadedMedia.id`), for Binary File.
		{ output: [addUploadedMediaId] },
	);
}

export function mediaMessageFields(spec: MediaMessageSpec): INodeProperties[] {
	const show = showFor('message', [spec.operation]);
	const showForSource = (source: string) => ({
		show: { resource: ['message'], operation: [spec.operation], mediaSource: [source] },
	});
	const extraOptions: INodeProperties[] = [];
	if (spec.caption) {
		extraOptions.push({
			displayName: 'Caption',
			name: 'caption',
			type: 'string',
			default: '',
			typeOptions: { rows: 2 },
			description: `Text shown under the ${spec.kind}, up to ${MEDIA_CAPTION_MAX} characters`,
			routing: { send: { type: 'body', property: `${spec.kind}.caption` } },
		});
	}
	if (spec.voiceNote) {
		extraOptions.push({
			displayName: 'Voice Note',
			name: 'voice',
			type: 'boolean',
			default: false,
			description:
				'Whether to send the audio as a voice note (played in the chat, with a microphone icon) instead of an audio file. WhatsApp needs an Ogg file with the Opus codec: a binary file of another MIME type, or a URL ending in another extension, is refused; an uploaded media ID cannot be checked.',
		});
	}
	if (spec.filename) {
		extraOptions.push({
			displayName: 'File Name',
			name: 'filename',
			type: 'string',
			default: '',
			placeholder: 'e.g. invoice-2026-11.pdf',
			description:
				`Name the recipient sees for the document, with its extension, up to ${DOCUMENT_FILENAME_MAX} characters`,
			routing: { send: { type: 'body', property: `${spec.kind}.filename` } },
		});
	}
	return [
		...senderAndRecipientFields(spec.operation),
		{
			displayName: 'Media Source',
			name: 'mediaSource',
			type: 'options',
			default: 'link',
			description: 'Where WhatsApp gets the file from',
			options: MEDIA_SOURCE_OPTIONS,
			displayOptions: show,
		},
		{
			displayName: 'Media URL',
			name: 'mediaLink',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. https://example.com/photo.jpg',
			description: 'Public https URL of the file (image, video, audio, document or sticker)',
			displayOptions: showForSource('link'),
			routing: { send: { type: 'body', property: `${SHARED_MEDIA_KEY}.link` } },
		},
		{
			...mediaIdField('message', [spec.operation], 'id'),
			routing: { send: { type: 'body', property: `${SHARED_MEDIA_KEY}.id` } },
		},
		binaryPropertyNameField('message', [spec.operation], 'binary'),
		messageOptionsField(spec.operation, extraOptions),
	];
}
