import { mediaMessageFields, mediaMessageOperation } from './mediaMessage';

const sendVideoSpec = {
	kind: 'video',
	operation: 'sendVideo',
	label: 'Send Video',
	action: 'Send a video message',
	description:
		'Send an MP4 or 3GPP video (up to 16 MB) by public URL, uploaded media ID or binary file from the input, with an optional caption',
	caption: true,
	filename: false,
} as const;

export const sendVideoOperation = mediaMessageOperation(sendVideoSpec);

export const sendVideoFields = mediaMessageFields(sendVideoSpec);
