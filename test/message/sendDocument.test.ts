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

const document = {
	resource: 'message',
	operation: 'sendDocument',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
};

describe('Message › Send Document', () => {
	it('posts the seed body (link, caption, file name) to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...document,
			mediaSource: 'link',
			mediaLink: 'https://example.com/document.pdf',
			options: { caption: "Here's the document", filename: 'report.pdf' },
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
			type: 'document',
			document: {
				link: 'https://example.com/document.pdf',
				caption: "Here's the document",
				filename: 'report.pdf',
			},
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('sends an uploaded media ID with a file name and no caption', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...document,
			mediaSource: 'id',
			mediaId: '1037543291543636',
			options: { filename: 'invoice-2026-11.pdf' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'document',
			document: { id: '1037543291543636', filename: 'invoice-2026-11.pdf' },
		});
	});

	it('refuses a link that is not https', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...document, mediaLink: 'http://example.com/document.pdf' },
			message: /^Media URL .*https/,
			field: 'Media URL',
		});
	});

	it('refuses a file name over 240 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...document,
				mediaLink: 'https://example.com/document.pdf',
				options: { filename: `${'r'.repeat(237)}.pdf` },
			},
			message: /^File Name is 241 characters; WhatsApp allows 240/,
			field: 'File Name',
		});
	});

	it('refuses a recipient with 6 digits', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...document, recipientPhoneNumber: '555 123', mediaLink: 'https://example.com/document.pdf' },
			message: /^Recipient Phone Number "555 123" has 6 digits; WhatsApp wants 7 to 15/,
			field: 'Recipient Phone Number',
		});
	});
});

describe('bad inputs', () => {
	// Message limits › image / video / audio / document / sticker (link or id, caption, file name)
	itRefusesEach([
		{
			name: 'sendDocument: a caption of 1025 characters',
			parameters: send('sendDocument', { options: { caption: repeated('c', 1025) } }),
			message: /^Caption is 1025 characters; WhatsApp allows 1024/,
			field: 'Caption',
		},
		{
			name: 'sendDocument: a file name of 241 characters',
			parameters: send('sendDocument', { options: { filename: `={{ "f".repeat(237) + ".pdf" }}` } }),
			message: /^File Name is 241 characters; WhatsApp allows 240/,
			field: 'File Name',
		},
	]);
});
