import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { uploadItemFile } from '../common/binaryMedia';
import { inputError } from '../../../shared/errors';
import { MEDIA_SOURCE_OPTIONS } from '../../../shared/fields/media';
import { DOCUMENT_FILENAME_MAX } from '../../../shared/limits';
import { describeSize, MEDIA_RULES, type MediaKind } from '../../../shared/media/mediaTypes';

/** The media an interactive header can carry (reply buttons and call-to-action URL messages). */
type HeaderMediaKind = Extract<MediaKind, 'document' | 'image' | 'video'>;

const HEADER_MEDIA_KINDS: HeaderMediaKind[] = ['document', 'image', 'video'];

/** One Header Media entry as the editor's fixed collection holds it. */
interface HeaderMediaFields {
	type?: unknown;
	source?: unknown;
	link?: unknown;
	id?: unknown;
	binaryPropertyName?: unknown;
}

const FIELD = 'Header Media';
const HTTPS_LINK = /^https:\/\/[^\s/]+/i;
const GRAPH_ID = /^[0-9]+$/;

const accepted = (kind: HeaderMediaKind) =>
	`${MEDIA_RULES[kind].mimeTypes.join(', ')} up to ${describeSize(MEDIA_RULES[kind].maxBytes)}`;

/**
 * Options › Header Media of Send Reply Buttons and Send Call-to-Action URL Button: an image,
 * video or document above the body, by public link, uploaded media ID or a binary file of the
 * input item (uploaded first). It is its own option beside Header Text, so that a saved
 * workflow with a text header builds the same body as before.
 */
export const interactiveHeaderMediaOption: INodeProperties = {
	displayName: 'Header Media',
	name: 'headerMedia',
	type: 'fixedCollection',
	placeholder: 'Add Header Media',
	default: {},
	description:
		'An image, video or document shown above the body, instead of a Header Text (a header is one or the other)',
	options: [
		{
			displayName: 'Media',
			name: 'media',
			values: [
				{
					displayName: 'Input Binary Field',
					name: 'binaryPropertyName',
					type: 'string',
					default: 'data',
					placeholder: 'e.g. data',
					hint: 'The name of the input field containing the binary file data to send',
					description:
						'Binary field of the input item that holds the file. It is uploaded first (like Media › Upload), and the output adds its media ID as uploadedMedia.',
					displayOptions: { show: { source: ['binary'] } },
				},
				{
					displayName: 'Media ID',
					name: 'id',
					type: 'string',
					default: '',
					placeholder: 'e.g. 1037543291543636',
					description: 'ID of media uploaded to WhatsApp with Media › Upload (valid for 30 days)',
					displayOptions: { show: { source: ['id'] } },
				},
				{
					displayName: 'Media Source',
					name: 'source',
					type: 'options',
					default: 'link',
					description: 'Where WhatsApp gets the header file from',
					options: MEDIA_SOURCE_OPTIONS,
				},
				{
					displayName: 'Media URL',
					name: 'link',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://example.com/banner.jpg',
					description: 'Public https URL of the header file',
					displayOptions: { show: { source: ['link'] } },
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'image',
					description: 'What kind of file the header shows',
					options: HEADER_MEDIA_KINDS.map(
						(kind): INodePropertyOptions => ({
							name: kind.charAt(0).toUpperCase() + kind.slice(1),
							value: kind,
							description: accepted(kind),
						}),
					),
				},
			],
		},
	],
};


const textOf = (value: unknown): string =>
	value === undefined || value === null ? '' : typeof value === 'string' ? value : String(value);

/**
 * Puts Options › Header Media into `interactive.header`, checked the way media messages check
 * their file: a public https link, a numeric media ID, or a binary file of an accepted MIME type
 * and size, which is uploaded here. Called last by the operation's build hook, so that a message
 * refused for any other reason uploads nothing.
 */
export async function applyInteractiveHeaderMedia(
	context: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<void> {
	const headerMedia = context.getNodeParameter('options.headerMedia', {}) as unknown;
	// An added option without its entry (the editor's "Add Header Media" not clicked) is no header.
	const entry = (headerMedia as { media?: HeaderMediaFields } | null)?.media;
	if (entry === undefined || entry === null) return;
	if (typeof entry !== 'object' || Array.isArray(entry)) {
		throw inputError(context, `${FIELD} must be an object with type, source and the file`);
	}
	const body = requestOptions.body as IDataObject;
	const interactive = body.interactive as IDataObject;
	const header = interactive.header as IDataObject | undefined;
	if (header !== undefined && header !== null) {
		throw inputError(
			context,
			`Header Text and ${FIELD} are both set; a header is either a text or a file`,
			'Remove one of the two options.',
		);
	}
	const type = textOf(entry.type ?? 'image').trim().toLowerCase() as HeaderMediaKind;
	if (!HEADER_MEDIA_KINDS.includes(type)) {
		throw inputError(
			context,
			`${FIELD} › Type "${textOf(entry.type)}" is not one of ${HEADER_MEDIA_KINDS.join(', ')}`,
		);
	}
	const source = textOf(entry.source ?? 'link').trim();
	let media: IDataObject;
	if (source === 'link') {
		const link = textOf(entry.link).trim();
		if (link === '') throw inputError(context, `${FIELD} › Media URL is empty`);
		if (!HTTPS_LINK.test(link)) {
			throw inputError(
				context,
				`${FIELD} › Media URL must be a public https:// link; got "${link}"`,
				'WhatsApp downloads the file from this address, and accepts only https.',
			);
		}
		media = { link };
	} else if (source === 'id') {
		const id = textOf(entry.id).trim();
		if (id === '') throw inputError(context, `${FIELD} › Media ID is empty`);
		if (!GRAPH_ID.test(id)) {
			throw inputError(
				context,
				`${FIELD} › Media ID "${id}" is not a media ID: it has only digits`,
				'Give the ID returned by Media › Upload.',
			);
		}
		media = { id };
	} else if (source === 'binary') {
		const { id, file } = await uploadItemFile(context, requestOptions, {
			kind: type,
			binaryPropertyName: entry.binaryPropertyName ?? 'data',
			field: `${FIELD} › Input Binary Field`,
		});
		media = { id };
		// As for a document message: by ID it shows no name unless the message gives one.
		if (type === 'document' && file.fileName.length <= DOCUMENT_FILENAME_MAX) media.filename = file.fileName;
	} else {
		throw inputError(context, `${FIELD} › Media Source "${source}" is not one of binary, id, link`);
	}
	interactive.header = { type, [type]: media };
}
