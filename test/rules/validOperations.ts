/**
 * Valid parameters for every operation of the node, as a workflow stores them, with the input
 * item each needs: the base that the generated bad-input cases (urlSegments.test.ts,
 * editorRules.test.ts) break one field of, and that must itself be sent as it is.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { CONNECTION_ID, phoneNumberById } from '../fixture';
import { itemWithFile } from '../media/multipart';

export const TO = '15551234567';
export const WAMID = 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA';
export const MEDIA_ID = '1037543291543636';
export const QR_CODE = '4O4YGZEG3RIVE1';

export interface ValidOperation {
	/** `resource.operation`, e.g. `message.sendText`. */
	key: string;
	parameters: INodeParameters;
	input?: INodeExecutionData[];
}

const message = (operation: string, extra: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation,
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: TO,
	...extra,
});

const byLink = (link: string) => ({ mediaSource: 'link', mediaLink: link });

/** A PNG's first bytes are enough for the node's checks (MIME type and size). */
export const pngItem = () => itemWithFile(Buffer.from('\x89PNG\r\n\x1a\n fake'), { mimeType: 'image/png', fileName: 'square.png' });

/** A period of analytics: the week before today (UTC days), within every lookback. */
const DAY_MS = 24 * 60 * 60 * 1000;
const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const period = { startDate: new Date(today - 7 * DAY_MS).toISOString(), endDate: new Date(today).toISOString() };

export const VALID_OPERATIONS: ValidOperation[] = [
	{ key: 'analytics.getMessaging', parameters: { resource: 'analytics', operation: 'getMessaging', ...period, granularity: 'DAY' } },
	{ key: 'analytics.getPricing', parameters: { resource: 'analytics', operation: 'getPricing', ...period, granularity: 'DAILY' } },
	{
		key: 'analytics.getTemplates',
		parameters: { resource: 'analytics', operation: 'getTemplates', ...period, templateIds: ['1407680676729002'] },
	},
	{
		key: 'blockedUser.block',
		parameters: { resource: 'blockedUser', operation: 'block', phoneNumberId: phoneNumberById(), users: TO },
	},
	{
		key: 'blockedUser.list',
		parameters: { resource: 'blockedUser', operation: 'list', phoneNumberId: phoneNumberById(), returnAll: false, limit: 10 },
	},
	{
		key: 'blockedUser.unblock',
		parameters: { resource: 'blockedUser', operation: 'unblock', phoneNumberId: phoneNumberById(), users: TO },
	},
	{ key: 'businessProfile.get', parameters: { resource: 'businessProfile', operation: 'get', phoneNumberId: phoneNumberById() } },
	{
		key: 'businessProfile.update',
		parameters: {
			resource: 'businessProfile',
			operation: 'update',
			phoneNumberId: phoneNumberById(),
			updateFields: { about: 'Open 9 to 5' },
		},
	},
	{ key: 'connection.create', parameters: { resource: 'connection', operation: 'create' } },
	{
		key: 'connection.delete',
		parameters: { resource: 'connection', operation: 'delete', connectionId: { __rl: true, mode: 'id', value: CONNECTION_ID } },
	},
	{
		key: 'connection.get',
		parameters: { resource: 'connection', operation: 'get', connectionId: { __rl: true, mode: 'id', value: CONNECTION_ID } },
	},
	{ key: 'connection.list', parameters: { resource: 'connection', operation: 'list', returnAll: false, limit: 10 } },
	{ key: 'media.delete', parameters: { resource: 'media', operation: 'delete', mediaId: MEDIA_ID } },
	{ key: 'media.get', parameters: { resource: 'media', operation: 'get', mediaId: MEDIA_ID } },
	{
		key: 'media.upload',
		parameters: { resource: 'media', operation: 'upload', phoneNumberId: phoneNumberById(), binaryPropertyName: 'data' },
		input: pngItem(),
	},
	{ key: 'message.markAsRead', parameters: { resource: 'message', operation: 'markAsRead', phoneNumberId: phoneNumberById(), messageId: WAMID } },
	{ key: 'message.sendAudio', parameters: message('sendAudio', byLink('https://cdn.example.com/voice.ogg')) },
	{
		key: 'message.sendCallToActionUrl',
		parameters: message('sendCallToActionUrl', {
			bodyText: 'Your order has shipped.',
			buttonText: 'Track order',
			url: 'https://example.com/orders/123',
		}),
	},
	{ key: 'message.sendContacts', parameters: message('sendContacts', { contacts: { contact: [{ formattedName: 'Jane Doe', firstName: 'Jane' }] } }) },
	{ key: 'message.sendDocument', parameters: message('sendDocument', byLink('https://cdn.example.com/invoice.pdf')) },
	{
		key: 'message.sendFlow',
		parameters: message('sendFlow', {
			flow: { __rl: true, mode: 'id', value: '1197715005513101' },
			bodyText: 'Book your appointment in a few taps.',
			buttonText: 'Book now',
			flowAction: 'navigate',
			flowScreen: 'BOOKING',
		}),
	},
	{ key: 'message.sendImage', parameters: message('sendImage', byLink('https://cdn.example.com/photo.jpg')) },
	{
		key: 'message.sendList',
		parameters: message('sendList', {
			bodyText: 'What would you like?',
			buttonText: 'View menu',
			sections: { section: [{ title: 'Pizzas', rows: { row: [{ id: 'margherita', title: 'Margherita' }] } }] },
		}),
	},
	{ key: 'message.sendLocation', parameters: message('sendLocation', { latitude: 37.7749, longitude: -122.4194 }) },
	{ key: 'message.sendLocationRequest', parameters: message('sendLocationRequest', { bodyText: 'Please share your location' }) },
	{ key: 'message.sendProduct', parameters: message('sendProduct', { catalogId: '1488520338603416', productRetailerId: 'pizza-margherita' }) },
	{
		key: 'message.sendProductList',
		parameters: message('sendProductList', {
			catalogId: '1488520338603416',
			headerText: 'Our menu',
			bodyText: 'Pick what you like',
			productSections: { section: [{ title: 'Pizzas', productRetailerIds: 'pizza-margherita, pizza-marinara' }] },
		}),
	},
	{ key: 'message.sendCatalog', parameters: message('sendCatalog', { bodyText: 'Browse our menu' }) },
	{
		key: 'message.sendCarousel',
		parameters: message('sendCarousel', {
			bodyText: 'Our latest arrivals',
			carouselCardsJson: JSON.stringify(
				['echeveria', 'jade'].map((name) => ({
					header: { type: 'image', image: { link: `https://example.com/${name}.jpg` } },
					action: { name: 'cta_url', parameters: { display_text: 'Buy now', url: `https://shop.example.com/p/${name}` } },
				})),
			),
		}),
	},
	{ key: 'message.sendReaction', parameters: message('sendReaction', { messageId: WAMID, emoji: '👍' }) },
	{
		key: 'message.sendReplyButtons',
		parameters: message('sendReplyButtons', {
			bodyText: 'Would you like to proceed?',
			buttons: { button: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] },
		}),
	},
	{ key: 'message.sendSticker', parameters: message('sendSticker', byLink('https://cdn.example.com/smile.webp')) },
	{
		key: 'message.sendTemplate',
		parameters: message('sendTemplate', {
			template: { __rl: true, mode: 'name', value: 'order_shipped' },
			languageCode: 'en_US',
			specifyComponents: 'fields',
			components: {},
		}),
	},
	{ key: 'message.sendText', parameters: message('sendText', { text: 'Hello!' }) },
	{ key: 'message.sendVideo', parameters: message('sendVideo', byLink('https://cdn.example.com/clip.mp4')) },
	{ key: 'phoneNumber.get', parameters: { resource: 'phoneNumber', operation: 'get', phoneNumberId: phoneNumberById() } },
	{ key: 'phoneNumber.list', parameters: { resource: 'phoneNumber', operation: 'list', returnAll: false, limit: 10 } },
	{
		key: 'qrCode.create',
		parameters: { resource: 'qrCode', operation: 'create', phoneNumberId: phoneNumberById(), prefilledMessage: 'Hi! I would like a table', imageFormat: 'PNG' },
	},
	{ key: 'qrCode.delete', parameters: { resource: 'qrCode', operation: 'delete', phoneNumberId: phoneNumberById(), qrCode: QR_CODE } },
	{ key: 'qrCode.get', parameters: { resource: 'qrCode', operation: 'get', phoneNumberId: phoneNumberById(), qrCode: QR_CODE } },
	{ key: 'qrCode.list', parameters: { resource: 'qrCode', operation: 'list', phoneNumberId: phoneNumberById(), returnAll: false, limit: 10 } },
	{
		key: 'qrCode.update',
		parameters: { resource: 'qrCode', operation: 'update', phoneNumberId: phoneNumberById(), qrCode: QR_CODE, prefilledMessage: 'Hi! I would like a table' },
	},
	{
		key: 'template.create',
		parameters: {
			resource: 'template',
			operation: 'create',
			templateName: 'order_confirmation',
			languageCode: 'en_US',
			category: 'UTILITY',
			bodyText: 'Hi {{1}}, your order is confirmed!',
			bodyExamples: { example: [{ value: 'Jane' }] },
		},
	},
	{ key: 'template.delete', parameters: { resource: 'template', operation: 'delete', templateName: 'order_confirmation' } },
	{ key: 'template.list', parameters: { resource: 'template', operation: 'list', returnAll: false, limit: 10 } },
];

export const validOperation = (key: string): ValidOperation => {
	const found = VALID_OPERATIONS.find((operation) => operation.key === key);
	if (!found) throw new Error(`no valid parameters for ${key}`);
	return found;
};

/** The operations of a resource whose fields include `name` at the top level. */
export const operationsOf = (resources: string[]) =>
	VALID_OPERATIONS.filter((operation) => resources.includes(String(operation.parameters.resource)));
