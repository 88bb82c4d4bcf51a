/**
 * Building blocks of the bad-input cases (the `describe('bad inputs')` block of each operation's
 * test file): a valid message of each kind that a case breaks one rule on top of, long values fed
 * by expressions, and files in an input item.
 *
 * Values that n8n itself would refuse before the node runs (an empty required field, a number
 * outside the field's own min / max, more entries than a fixed collection allows) are fed through
 * expressions or JSON, so that the node's own check is what is tested.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { phoneNumberById } from './fixture';
import { itemWithFile } from './media/multipart';

export const KB = 1024;
export const MB = 1024 * KB;
const TO = '15551234567';
const WAMID = 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA';

/** `'={{ "x".repeat(21) }}'`: a long value fed by an expression, as a model or a mapping would. */
export const repeated = (character: string, count: number) => `={{ "${character}".repeat(${count}) }}`;

/** A file of `size` bytes in the input item's binary field `data`. */
export const file = (mimeType: string, size: number, fileName = 'file.bin'): INodeExecutionData[] =>
	itemWithFile(Buffer.alloc(size, 0x61), { mimeType, fileName });

/** A static (not animated) WebP: `RIFF`, `WEBP`, one `VP8 ` image chunk, no `ANIM`. */
export function staticWebp(size: number): INodeExecutionData[] {
	const bytes = Buffer.alloc(size, 0);
	bytes.write('RIFF', 0, 'latin1');
	bytes.writeUInt32LE(size - 8, 4);
	bytes.write('WEBPVP8 ', 8, 'latin1');
	bytes.writeUInt32LE(size - 20, 16);
	return itemWithFile(bytes, { mimeType: 'image/webp', fileName: 'sticker.webp' });
}

/** A message of `operation` to the test recipient, with `extra` as its own parameters. */
export const message = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation,
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: TO,
	...extra,
});

const yesNo = { button: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] };
const oneSection = {
	section: [{ title: 'Pizzas', rows: { row: [{ id: 'margherita', title: 'Margherita' }] } }],
};

/** A valid message of each kind, but for what a case changes. */
const valid: Record<string, INodeParameters> = {
	sendText: { text: 'Hello!' },
	sendImage: { mediaSource: 'link', mediaLink: 'https://cdn.example.com/photo.jpg' },
	sendVideo: { mediaSource: 'link', mediaLink: 'https://cdn.example.com/clip.mp4' },
	sendAudio: { mediaSource: 'link', mediaLink: 'https://cdn.example.com/voice.ogg' },
	sendDocument: { mediaSource: 'link', mediaLink: 'https://cdn.example.com/invoice.pdf' },
	sendSticker: { mediaSource: 'link', mediaLink: 'https://cdn.example.com/smile.webp' },
	sendLocation: { latitude: 37.7749, longitude: -122.4194 },
	sendContacts: { contacts: { contact: [{ formattedName: 'Jane Doe', firstName: 'Jane' }] } },
	sendReaction: { messageId: WAMID, emoji: '👍' },
	sendReplyButtons: { bodyText: 'Would you like to proceed?', buttons: yesNo },
	sendList: { bodyText: 'What would you like?', buttonText: 'View menu', sections: oneSection },
	sendCallToActionUrl: {
		bodyText: 'Your order has shipped.',
		buttonText: 'Track order',
		url: 'https://example.com/orders/123',
	},
	sendLocationRequest: { bodyText: 'Please share your location' },
	sendFlow: {
		flow: { __rl: true, mode: 'id', value: '1197715005513101' },
		bodyText: 'Book your appointment in a few taps.',
		buttonText: 'Book now',
		flowAction: 'navigate',
		flowScreen: 'BOOKING',
	},
	sendTemplate: {
		template: { __rl: true, mode: 'name', value: 'order_shipped' },
		languageCode: 'en_US',
		specifyComponents: 'fields',
		components: {},
	},
};

/** A valid message of `operation`, with `extra` breaking one of its rules. */
export const send = (operation: string, extra: INodeParameters = {}) =>
	message(operation, { ...valid[operation], ...extra });

/** A media message of `operation` sent from the input item's binary field. */
export const fromBinary = (operation: string, extra: INodeParameters = {}) =>
	message(operation, { mediaSource: 'binary', ...extra });
