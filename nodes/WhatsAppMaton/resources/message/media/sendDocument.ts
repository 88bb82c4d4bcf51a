import { mediaMessageFields, mediaMessageOperation } from './mediaMessage';

const sendDocumentSpec = {
	kind: 'document',
	operation: 'sendDocument',
	label: 'Send Document',
	action: 'Send a document message',
	description:
		'Send a document such as a PDF (up to 100 MB) by public URL, uploaded media ID or binary file from the input, with an optional caption and file name',
	caption: true,
	filename: true,
} as const;

export const sendDocumentOperation = mediaMessageOperation(sendDocumentSpec);

export const sendDocumentFields = mediaMessageFields(sendDocumentSpec);
