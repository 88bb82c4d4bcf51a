import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from './errors';
import { baseMimeType, describeSize, MEDIA_RULES, mediaKindOfMimeType } from './mediaTypes';

/** The file to upload, read from the item's binary property and checked against WhatsApp's limits. */
export async function readUploadFile(
	context: IExecuteSingleFunctions,
	binaryPropertyName: string,
	overrides: { mimeType?: string; fileName?: string },
): Promise<{ buffer: Buffer; mimeType: string; fileName: string }> {
	const binary = context.helpers.assertBinaryData(binaryPropertyName);
	const mimeType = baseMimeType(overrides.mimeType || binary.mimeType || '');
	const kind = mediaKindOfMimeType(mimeType);
	if (!kind) {
		throw inputError(
			context,
			`Input Binary Field "${binaryPropertyName}" has MIME type "${mimeType || 'unknown'}", which WhatsApp does not accept`,
			'Accepted: ' + Object.values(MEDIA_RULES).flatMap((rule) => rule.mimeTypes).join(', '),
		);
	}
	const buffer = await context.helpers.getBinaryDataBuffer(binaryPropertyName);
	const { maxBytes } = MEDIA_RULES[kind];
	if (buffer.length > maxBytes) {
		throw inputError(
			context,
			`Input Binary Field "${binaryPropertyName}" is ${describeSize(buffer.length)}; WhatsApp allows ${describeSize(maxBytes)} for ${kind} files`,
		);
	}
	const fileName = overrides.fileName || binary.fileName || `upload.${binary.fileExtension ?? 'bin'}`;
	return { buffer, mimeType, fileName };
}

/**
 * preSend for Media › Upload: the multipart body WhatsApp wants (`file`, `type`,
 * `messaging_product`), built with the web-standard FormData so the package needs no dependency.
 */
export async function buildMediaUploadForm(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', 'data') as string;
	const options = this.getNodeParameter('options', {}) as { mimeType?: string; fileName?: string };
	const file = await readUploadFile(this, binaryPropertyName, options);
	const form = new FormData();
	form.append('messaging_product', 'whatsapp');
	form.append('type', file.mimeType);
	form.append('file', new Blob([file.buffer], { type: file.mimeType }), file.fileName);
	requestOptions.body = form;
	return requestOptions;
}
