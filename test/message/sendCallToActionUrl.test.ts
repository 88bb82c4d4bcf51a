import {
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { expectRejected } from './expectRejected';

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const callToAction = {
	resource: 'message',
	operation: 'sendCallToActionUrl',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	bodyText: 'Your order has shipped. Track it any time:',
	buttonText: 'Track order',
	url: 'https://example.com/orders/123',
};

const envelope = {
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '15551234567',
	type: 'interactive',
};

describe('Message › Send Call-to-Action URL Button', () => {
	it('posts the cta_url message to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp(callToAction);
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
		expectAuthorised(request);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({
			...envelope,
			interactive: {
				type: 'cta_url',
				body: { text: 'Your order has shipped. Track it any time:' },
				action: {
					name: 'cta_url',
					parameters: { display_text: 'Track order', url: 'https://example.com/orders/123' },
				},
			},
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('adds header, footer and reply context from the options', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...callToAction,
			buttonText: 'x'.repeat(20),
			url: ' https://example.com/track?order=123&lang=en ',
			options: {
				headerText: 'Order 123',
				footerText: 'Reply STOP to opt out',
				replyToMessageId: 'wamid.quoted',
			},
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			...envelope,
			interactive: {
				type: 'cta_url',
				header: { type: 'text', text: 'Order 123' },
				body: { text: 'Your order has shipped. Track it any time:' },
				footer: { text: 'Reply STOP to opt out' },
				action: {
					name: 'cta_url',
					parameters: { display_text: 'x'.repeat(20), url: 'https://example.com/track?order=123&lang=en' },
				},
			},
			context: { message_id: 'wamid.quoted' },
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('refuses an http:// URL', async () => {
		await expectRejected(
			{ ...callToAction, url: 'http://example.com/orders/123' },
			/^URL must be an https:\/\/ link; got "http:\/\/example.com\/orders\/123"/,
		);
	});

	it('refuses a URL that is not a link', async () => {
		await expectRejected({ ...callToAction, url: 'example.com/orders/123' }, /^URL must be an https:\/\/ link/);
		await expectRejected({ ...callToAction, url: 'https://exa mple.com' }, /^URL must be an https:\/\/ link/);
	});

	it('refuses an empty URL', async () => {
		await expectRejected({ ...callToAction, url: '={{ $json.url }}' }, /^URL is empty/);
	});

	it('refuses a button text of 21 characters', async () => {
		await expectRejected(
			{ ...callToAction, buttonText: 'Track your order here' },
			/^Button Text is 21 characters; WhatsApp allows 20/,
		);
	});

	it('refuses an empty button text', async () => {
		await expectRejected({ ...callToAction, buttonText: ' ' }, /^Button Text is empty/);
	});

	it('refuses a body text over 1024 characters', async () => {
		await expectRejected(
			{ ...callToAction, bodyText: 'x'.repeat(1025) },
			/^Body Text is 1025 characters; WhatsApp allows 1024/,
		);
	});

	it('refuses an empty body text', async () => {
		await expectRejected({ ...callToAction, bodyText: '  ' }, /^Body Text is empty/);
	});

	it('refuses a header text over 60 characters', async () => {
		await expectRejected(
			{ ...callToAction, options: { headerText: 'h'.repeat(61) } },
			/^Header Text is 61 characters; WhatsApp allows 60/,
		);
	});

	it('refuses a footer text over 60 characters', async () => {
		await expectRejected(
			{ ...callToAction, options: { footerText: 'f'.repeat(61) } },
			/^Footer Text is 61 characters; WhatsApp allows 60/,
		);
	});
});
