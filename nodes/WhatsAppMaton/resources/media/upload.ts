import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { phoneNumberIdField, OPTIONS_DESCRIPTION, showFor } from '../../shared/fields/fields';
import { requirePhoneNumberId } from '../../shared/fields/phoneNumberId';
import { binaryPropertyNameField } from '../../shared/fields/media';
import { buildMediaUploadForm } from '../../shared/media/mediaUpload';
import { gatewayOperation } from '../../transport/operation';

/** The build hook of Media › Upload: the file's form, then the phone number's path. */
async function buildMediaUpload(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await buildMediaUploadForm.call(this, requestOptions);
	return await requirePhoneNumberId.call(this, requestOptions);
}

export const uploadOperation = gatewayOperation(
	{
		name: 'Upload',
		value: 'upload',
		action: 'Upload a media file',
		description:
			'Upload a file from an input binary field to WhatsApp; the returned ID can be sent in media messages for 30 days',
	},
	{ request: { method: 'POST', url: '/media' }, build: buildMediaUpload },
);

export const uploadFields: INodeProperties[] = [
	phoneNumberIdField('media', ['upload']),
	binaryPropertyNameField('media', ['upload']),
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
