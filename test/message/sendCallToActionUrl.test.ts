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
		await expectRefusedBeforeSending({
			parameters: { ...callToAction, url: 'http://example.com/orders/123' },
			message: /^URL must be an https:\/\/ link; got "http:\/\/example.com\/orders\/123"/,
			field: 'URL',
		});
	});

	it('refuses a URL that is not a link', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...callToAction, url: 'example.com/orders/123' },
			message: /^URL must be an https:\/\/ link/,
			field: 'URL',
		});
		await expectRefusedBeforeSending({
			parameters: { ...callToAction, url: 'https://exa mple.com' },
			message: /^URL must be an https:\/\/ link/,
			field: 'URL',
		});
	});

	it('refuses an empty URL', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...callToAction, url: '={{ $json.url }}' },
			message: /^URL is empty/,
			field: 'URL',
		});
	});

	it('refuses a button text of 21 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...callToAction, buttonText: 'Track your order here' },
			message: /^Button Text is 21 characters; WhatsApp allows 20/,
			field: 'Button Text',
		});
	});

	it('refuses an empty button text', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...callToAction, buttonText: ' ' },
			message: /^Button Text is empty/,
			field: 'Button Text',
		});
	});

	it('refuses a body text over 1024 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...callToAction, bodyText: 'x'.repeat(1025) },
			message: /^Body Text is 1025 characters; WhatsApp allows 1024/,
			field: 'Body Text',
		});
	});

	it('refuses an empty body text', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...callToAction, bodyText: '  ' },
			message: /^Body Text is empty/,
			field: 'Body Text',
		});
	});

	it('refuses a header text over 60 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...callToAction, options: { headerText: 'h'.repeat(61) } },
			message: /^Header Text is 61 characters; WhatsApp allows 60/,
			field: 'Header Text',
		});
	});

	it('refuses a footer text over 60 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...callToAction, options: { footerText: 'f'.repeat(61) } },
			message: /^Footer Text is 61 characters; WhatsApp allows 60/,
			field: 'Footer Text',
		});
	});
});

describe('bad inputs', () => {
	// Message limits › interactive: call-to-action URL (display_text ≤ 20, url https, body ≤ 1024)
	itRefusesEach([
		{
			name: 'a button text of 21 characters',
			parameters: send('sendCallToActionUrl', { buttonText: repeated('x', 21) }),
			message: /^Button Text is 21 characters; WhatsApp allows 20/,
			field: 'Button Text',
		},
		{
			name: 'a button text left blank by its expression',
			parameters: send('sendCallToActionUrl', { buttonText: '={{ $json.label }}' }),
			message: /^Button Text is empty/,
			field: 'Button Text',
		},
		{
			name: 'an http:// URL',
			parameters: send('sendCallToActionUrl', { url: 'http://example.com/orders/123' }),
			message: /^URL must be an https:\/\/ link; got "http:\/\/example\.com\/orders\/123"/,
			field: 'URL',
		},
		{
			name: 'a URL without a scheme',
			parameters: send('sendCallToActionUrl', { url: 'example.com/orders/123' }),
			message: /^URL must be an https:\/\/ link/,
			field: 'URL',
		},
		{
			name: 'a URL left blank by its expression',
			parameters: send('sendCallToActionUrl', { url: '={{ $json.link }}' }),
			message: /^URL is empty/,
			field: 'URL',
		},
		{
			name: 'a body of 1025 characters',
			parameters: send('sendCallToActionUrl', { bodyText: repeated('b', 1025) }),
			message: /^Body Text is 1025 characters; WhatsApp allows 1024/,
			field: 'Body Text',
		},
		{
			name: 'a header text of 61 characters',
			parameters: send('sendCallToActionUrl', { options: { headerText: repeated('h', 61) } }),
			message: /^Header Text is 61 characters; WhatsApp allows 60/,
			field: 'Header Text',
		},
	]);
});
