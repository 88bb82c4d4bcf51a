import { mediaMessageFields, mediaMessageOperation } from './mediaMessage';

const sendImageSpec = {
	kind: 'image',
	operation: 'sendImage',
	label: 'Send Image',
	action: 'Send an image message',
	description:
		'Send a JPEG or PNG image (up to 5 MB) by public URL, uploaded media ID or binary file from the input, with an optional caption',
	caption: true,
	filename: false,
} as const;

export const sendImageOperation = mediaMessageOperation(sendImageSpec);

export const sendImageFields = mediaMessageFields(sendImageSpec);
