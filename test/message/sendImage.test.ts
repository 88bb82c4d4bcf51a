import {
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';
import { repeated, send } from '../inputs';

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const image = {
	resource: 'message',
	operation: 'sendImage',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
};

describe('Message › Send Image', () => {
	it('posts the seed body (public link and caption) to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...image,
			recipientPhoneNumber: '+1 555-123-4567',
			mediaSource: 'link',
			mediaLink: 'https://example.com/image.jpg',
			options: { caption: 'Check out this image!' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
		expectAuthorised(request);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'image',
			image: { link: 'https://example.com/image.jpg', caption: 'Check out this image!' },
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('sends an uploaded media ID instead of a link, and nothing but the ID', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...image,
			mediaSource: 'id',
			mediaId: '1037543291543636',
			// Left over from an earlier choice of source: hidden, so never sent.
			mediaLink: 'https://example.com/image.jpg',
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'image',
			image: { id: '1037543291543636' },
		});
	});

	it('quotes an earlier message with Reply To Message ID', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...image,
			mediaLink: 'https://example.com/image.jpg',
			options: { replyToMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'image',
			image: { link: 'https://example.com/image.jpg' },
			context: { message_id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=' },
		});
	});

	it('refuses a link that is not https', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...image, mediaSource: 'link', mediaLink: 'http://example.com/image.jpg' },
			message: /^Media URL .*https/,
			field: 'Media URL',
		});
	});

	it('refuses a caption over 1024 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...image, mediaLink: 'https://example.com/image.jpg', options: { caption: 'x'.repeat(1025) } },
			message: /^Caption is 1025 characters; WhatsApp allows 1024/,
			field: 'Caption',
		});
	});

	it('refuses a recipient with letters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...image, recipientPhoneNumber: '1555CALLNOW', mediaLink: 'https://example.com/image.jpg' },
			message: /^Recipient Phone Number "1555CALLNOW" has characters other than digits/,
			field: 'Recipient Phone Number',
		});
	});
});

describe('bad inputs', () => {
	// Message limits › image / video / audio / document / sticker (link or id, caption, file name)
	itRefusesEach([
		{
			name: 'sendImage: an http:// link',
			parameters: send('sendImage', { mediaLink: 'http://cdn.example.com/photo.jpg' }),
			message: /^Media URL must be a public https:\/\/ link; got "http:\/\/cdn\.example\.com\/photo\.jpg"/,
			field: 'Media URL',
		},
		{
			name: 'sendImage: a caption of 1025 characters',
			parameters: send('sendImage', { options: { caption: repeated('c', 1025) } }),
			message: /^Caption is 1025 characters; WhatsApp allows 1024/,
			field: 'Caption',
		},
	]);
});
