import { mediaMessageFields, mediaMessageOperation } from './mediaMessage';

const sendStickerSpec = {
	kind: 'sticker',
	operation: 'sendSticker',
	label: 'Send Sticker',
	action: 'Send a sticker',
	description:
		'Send a WebP sticker (up to 100 KB, or 500 KB if animated) by public URL, uploaded media ID or binary file from the input',
	caption: false,
	filename: false,
} as const;

export const sendStickerOperation = mediaMessageOperation(sendStickerSpec);

export const sendStickerFields = mediaMessageFields(sendStickerSpec);
