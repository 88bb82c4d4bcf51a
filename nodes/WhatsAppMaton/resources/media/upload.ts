import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { phoneNumberIdField, OPTIONS_DESCRIPTION, showFor } from '../../shared/fields/fields';
import { buildMediaUploadForm } from '../../shared/media/mediaUpload';

export const uploadOperation: INodePropertyOptions = {
	name: 'Upload',
	value: 'upload',
	action: 'Upload a media file',
	description:
		'Upload a file from an input binary field to WhatsApp; the returned ID can be sent in media messages for 30 days',
	routing: { request: { method: 'POST', url: '/media' }, send: { preSend: [buildMediaUploadForm] } },
};

export const uploadFields: INodeProperties[] = [
	phoneNumberIdField('media', ['upload']),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		placeholder: 'e.g. data',
		hint: 'The name of the input field containing the binary file data to upload',
		description:
			'Binary field of the input item that holds the file. Images: JPEG/PNG ≤ 5 MB; video: MP4/3GPP ≤ 16 MB; audio ≤ 16 MB; documents ≤ 100 MB; stickers: WebP ≤ 500 KB.',
		displayOptions: showFor('media', ['upload']),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		description: OPTIONS_DESCRIPTION,
		displayOptions: showFor('media', ['upload']),
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. invoice.pdf',
				description: "File name to upload under, instead of the binary data's own",
			},
			{
				displayName: 'MIME Type',
				name: 'mimeType',
				type: 'string',
				default: '',
				placeholder: 'e.g. image/jpeg',
				description: "MIME type to upload as, instead of the binary data's own",
			},
		],
	},
];
