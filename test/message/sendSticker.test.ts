import { NodeHelpers } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import {
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';
import { send } from '../inputs';

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const sticker = {
	resource: 'message',
	operation: 'sendSticker',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
};

// A sticker sent from a binary input field is tested with the other media in binaryMedia.test.ts.
describe('Message › Send Sticker', () => {
	it('posts a sticker by public link to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...sticker,
			recipientPhoneNumber: '+1 (555) 123-4567',
			mediaSource: 'link',
			mediaLink: 'https://example.com/sticker.webp',
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
			type: 'sticker',
			sticker: { link: 'https://example.com/sticker.webp' },
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends an uploaded media ID instead of a link, and nothing but the ID', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...sticker,
			mediaSource: 'id',
			mediaId: ' 1037543291543636 ',
			// Left over from an earlier choice of source: hidden, so never sent.
			mediaLink: 'https://example.com/sticker.webp',
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'sticker',
			sticker: { id: '1037543291543636' },
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('quotes an earlier message with Reply To Message ID', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...sticker,
			mediaSource: 'id',
			mediaId: '1037543291543636',
			options: { replyToMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'sticker',
			sticker: { id: '1037543291543636' },
			context: { message_id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=' },
		});
	});

	it('offers no caption or file name (WhatsApp shows none on a sticker)', () => {
		const { properties } = new WhatsAppMaton().description;
		const options = properties.find(
			(property) =>
				property.name === 'options' &&
				(property.displayOptions?.show?.operation as string[] | undefined)?.includes('sendSticker'),
		);
		// The Options collection is shared by the message operations: its sub-options say which.
		const where = { resource: 'message', operation: 'sendSticker' };
		const shown = ((options?.options ?? []) as INodeProperties[]).filter((option) =>
			NodeHelpers.displayParameter(where, option, null, null, where),
		);
		expect(shown.map((option) => option.name)).toEqual(['outsideWindowTemplate', 'replyToMessageId']);
		const source = properties.find(
			(property) =>
				property.name === 'mediaSource' &&
				(property.displayOptions?.show?.operation as string[] | undefined)?.includes('sendSticker'),
		);
		expect((source?.options ?? []).map((option) => ('value' in option ? option.value : undefined))).toEqual([
			'binary',
			'link',
			'id',
		]);
	});

	it('refuses a link that is not https', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...sticker, mediaSource: 'link', mediaLink: 'http://example.com/sticker.webp' },
			message: /^Media URL .*https/,
			field: 'Media URL',
		});
	});

	it('refuses an empty media ID', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...sticker, mediaSource: 'id', mediaId: '  ' },
			message: /^Media ID is empty/,
			field: 'Media ID',
		});
	});
});

describe('bad inputs', () => {
	// Message limits › image / video / audio / document / sticker (link or id, caption, file name)
	itRefusesEach([
		{
			name: 'sendSticker: a media ID left blank by its expression',
			parameters: send('sendSticker', { mediaSource: 'id', mediaId: '={{ "  " }}' }),
			message: /^Media ID is empty/,
			field: 'Media ID',
		},
	]);
});
