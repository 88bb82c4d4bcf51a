/**
 * Options › Header Media of Send Reply Buttons and Send Call-to-Action URL Button
 * (docs/whatsapp-rules.md § Interactive messages): an image, video or document header by public
 * link, uploaded media ID or a binary file of the input item (uploaded first, its ID added to the
 * output as `uploadedMedia`), checked the way media messages check their file. Options › Header
 * Text keeps building the body it always built.
 */
import type { INodeParameters } from 'n8n-workflow';

import {
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	type RecordedRequest,
	expectAuthorised,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { formOf, itemWithFile } from '../media/multipart';
import { expectRefusedBeforeSending } from '../refusal';

const MB = 1024 * 1024;

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const replyButtons = (options: INodeParameters, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendReplyButtons',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	bodyText: 'Would you like to proceed?',
	specifyButtons: 'fields',
	buttons: { button: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] },
	options,
	...extra,
});

const callToAction = (options: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'sendCallToActionUrl',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	bodyText: 'Your order has shipped. Track it any time:',
	buttonText: 'Track order',
	url: 'https://example.com/orders/123',
	options,
});

const buttonsAction = {
	buttons: [
		{ type: 'reply', reply: { id: 'yes', title: 'Yes' } },
		{ type: 'reply', reply: { id: 'no', title: 'No' } },
	],
};

const ctaAction = {
	name: 'cta_url',
	parameters: { display_text: 'Track order', url: 'https://example.com/orders/123' },
};

function expectInteractive(request: RecordedRequest, interactive: Record<string, unknown>): void {
	expect(request.method).toBe('POST');
	expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
	expectAuthorised(request);
	expect(request.body).toEqual({
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to: '15551234567',
		type: 'interactive',
		interactive,
	});
}

const headerMedia = (media: INodeParameters) => ({ headerMedia: { media } });

describe('Message › interactive media headers', () => {
	it('sends reply buttons under an image header given by public URL', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp(
			replyButtons(headerMedia({ type: 'image', source: 'link', link: 'https://cdn.example.com/banner.jpg' })),
		);
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		expectInteractive(gateway.requests[0], {
			type: 'button',
			header: { type: 'image', image: { link: 'https://cdn.example.com/banner.jpg' } },
			body: { text: 'Would you like to proceed?' },
			action: buttonsAction,
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('sends a call-to-action URL message under a video header given by uploaded media ID, with a footer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp(
			callToAction({
				...headerMedia({ type: 'video', source: 'id', id: '1037543291543636' }),
				footerText: 'Thanks for shopping',
			}),
		);
		expect(error).toBeUndefined();
		expectInteractive(gateway.requests[0], {
			type: 'cta_url',
			header: { type: 'video', video: { id: '1037543291543636' } },
			body: { text: 'Your order has shipped. Track it any time:' },
			footer: { text: 'Thanks for shopping' },
			action: ctaAction,
		});
	});

	it('uploads a binary document first, then sends it as the header by ID under its file name', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '2048' }).reply(200, sent);
		const { items, error } = await runWhatsApp(
			callToAction(headerMedia({ type: 'document', source: 'binary', binaryPropertyName: 'invoice' })),
			{
				input: itemWithFile(
					Buffer.from('%PDF-1.4 fake'),
					{ mimeType: 'application/pdf', fileName: 'invoice-2026-11.pdf' },
					'invoice',
				),
			},
		);
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(2);
		const [upload, message] = gateway.requests;
		expect(upload.method).toBe('POST');
		expect(upload.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/media`);
		expectAuthorised(upload);
		expect(formOf(upload)).toEqual({
			messaging_product: 'whatsapp',
			type: 'application/pdf',
			file: { filename: 'invoice-2026-11.pdf', contentType: 'application/pdf', content: '%PDF-1.4 fake' },
		});
		expectInteractive(message, {
			type: 'cta_url',
			header: { type: 'document', document: { id: '2048', filename: 'invoice-2026-11.pdf' } },
			body: { text: 'Your order has shipped. Track it any time:' },
			action: ctaAction,
		});
		expect(items.map((item) => item.json)).toEqual([{ ...sent, uploadedMedia: { id: '2048' } }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('uploads a binary image header for reply buttons and adds its ID to the output', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '4096' }).reply(200, sent);
		const { items, error } = await runWhatsApp(
			replyButtons(headerMedia({ type: 'image', source: 'binary', binaryPropertyName: 'data' })),
			{ input: itemWithFile(Buffer.from('fake png'), { mimeType: 'image/png', fileName: 'menu.png' }) },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => request.url)).toEqual([
			`${GRAPH}/${PHONE_NUMBER_ID}/media`,
			`${GRAPH}/${PHONE_NUMBER_ID}/messages`,
		]);
		expectInteractive(gateway.requests[1], {
			type: 'button',
			header: { type: 'image', image: { id: '4096' } },
			body: { text: 'Would you like to proceed?' },
			action: buttonsAction,
		});
		expect(items.map((item) => item.json)).toEqual([{ ...sent, uploadedMedia: { id: '4096' } }]);
	});

	it.each([
		['sendReplyButtons', replyButtons, 'button', buttonsAction],
		['sendCallToActionUrl', callToAction, 'cta_url', ctaAction],
	] as const)('%s: a saved workflow with a text header builds the same body as before', async (_operation, build, type, action) => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp(build({ headerText: 'Your order' }));
		expect(error).toBeUndefined();
		const interactive = (gateway.requests[0].body as { interactive: Record<string, unknown> }).interactive;
		expect(interactive.header).toEqual({ type: 'text', text: 'Your order' });
		expect(interactive.type).toBe(type);
		expect(interactive.action).toEqual(action);
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('uploads nothing when the message is refused for another reason', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const { error } = await runWhatsApp(
			replyButtons(headerMedia({ type: 'image', source: 'binary', binaryPropertyName: 'data' }), {
				buttons: { button: [{ id: 'yes', title: 'Yes' }, { id: 'yes', title: 'Sure' }] },
			}),
			{ input: itemWithFile(Buffer.from('fake png'), { mimeType: 'image/png', fileName: 'menu.png' }) },
		);
		expect(error?.message).toMatch(/^Button ID "yes" is used twice/);
		expect(gateway.requests).toEqual([]);
	});

	describe('stops before the message when the header upload fails', () => {
		const graphError = {
			error: {
				message: '(#131053) Media upload error',
				type: 'OAuthException',
				code: 131053,
				error_data: { details: 'Unsupported file type' },
				fbtrace_id: 'AbCdEf',
			},
		};
		const withBinaryHeader = () =>
			callToAction(headerMedia({ type: 'video', source: 'binary', binaryPropertyName: 'data' }));
		const clip = () => itemWithFile(Buffer.from('fake mp4'), { mimeType: 'video/mp4', fileName: 'clip.mp4' });

		it("with Graph's error, and only the upload sent", async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN).reply(400, graphError).reply(200, sent);
			const { items, error } = await runWhatsApp(withBinaryHeader(), { input: clip() });
			expect(items).toEqual([]);
			expect(gateway.requests.map((request) => request.url)).toEqual([`${GRAPH}/${PHONE_NUMBER_ID}/media`]);
			expect(error?.message).toBe(
				'Uploading the video failed, so the message was not sent: (#131053) Media upload error',
			);
			expect(error?.context?.itemIndex).toBe(0);
		});

		it('as one error item with Continue On Fail', async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN).reply(400, graphError).reply(200, sent);
			const { items, error } = await runWhatsApp(withBinaryHeader(), { input: clip(), continueOnFail: true });
			expect(error).toBeUndefined();
			expect(gateway.requests).toHaveLength(1);
			expect(items).toHaveLength(1);
			expect(items[0].json.error).toContain('(#131053) Media upload error');
			expect(items[0].pairedItem).toEqual({ item: 0 });
		});

		it('when the upload answers without an ID', async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, {}).reply(200, sent);
			const { items, error } = await runWhatsApp(withBinaryHeader(), { input: clip() });
			expect(items).toEqual([]);
			expect(gateway.requests).toHaveLength(1);
			expect(error?.message).toBe('The media upload answered without a media ID, so the message was not sent');
		});
	});

	describe('refuses before sending', () => {
		const png = (size: number) =>
			itemWithFile(Buffer.alloc(size, 0x61), { mimeType: 'image/png', fileName: 'big.png' });
		it.each([
			{
				name: 'both a Header Text and a Header Media',
				parameters: replyButtons({
					headerText: 'Menu',
					...headerMedia({ type: 'image', source: 'link', link: 'https://cdn.example.com/banner.jpg' }),
				}),
				message: /^Header Text and Header Media are both set; a header is either a text or a file/,
				field: 'Header Media',
			},
			{
				name: 'an http:// header link',
				parameters: callToAction(headerMedia({ type: 'image', source: 'link', link: 'http://cdn.example.com/banner.jpg' })),
				message: /^Header Media › Media URL must be a public https:\/\/ link; got "http:\/\/cdn\.example\.com\/banner\.jpg"/,
				field: 'Header Media › Media URL',
			},
			{
				name: 'an empty header link from an expression',
				parameters: replyButtons(headerMedia({ type: 'video', source: 'link', link: '={{ $json.missing }}' })),
				message: /^Header Media › Media URL is empty/,
				field: 'Header Media › Media URL',
			},
			{
				name: 'a header media ID that is not digits',
				parameters: callToAction(headerMedia({ type: 'document', source: 'id', id: '../1037' })),
				message: /^Header Media › Media ID "\.\.\/1037" is not a media ID: it has only digits/,
				field: 'Header Media › Media ID',
			},
			{
				name: 'a header type from an expression that WhatsApp does not take',
				parameters: replyButtons(headerMedia({ type: '={{ "audio" }}', source: 'id', id: '1037' })),
				message: /^Header Media › Type "audio" is not one of document, image, video/,
				field: 'Header Media › Type',
			},
			{
				name: 'a binary image header of a MIME type an image does not take',
				parameters: replyButtons(headerMedia({ type: 'image', source: 'binary', binaryPropertyName: 'data' })),
				input: itemWithFile(Buffer.from('GIF89a'), { mimeType: 'image/gif', fileName: 'a.gif' }),
				message: /^Header Media › Input Binary Field "data" has MIME type "image\/gif", which WhatsApp does not accept in an image message/,
				field: 'Header Media › Input Binary Field "data"',
			},
			{
				name: 'a binary image header over 5 MB',
				parameters: callToAction(headerMedia({ type: 'image', source: 'binary', binaryPropertyName: 'data' })),
				input: png(5 * MB + 1),
				message: /^Header Media › Input Binary Field "data" is 5\.01 MB; WhatsApp allows 5 MB for image files/,
				field: 'Header Media › Input Binary Field "data"',
			},
			{
				name: 'an empty header binary field name',
				parameters: callToAction(headerMedia({ type: 'image', source: 'binary', binaryPropertyName: '={{ "" }}' })),
				message: /^Header Media › Input Binary Field is empty/,
				field: 'Header Media › Input Binary Field',
			},
		])('$name', expectRefusedBeforeSending);
	});
});
