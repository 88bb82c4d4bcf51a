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
import { send } from '../inputs';

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const REACTED_TO = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=';

const reaction = {
	resource: 'message',
	operation: 'sendReaction',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	messageId: REACTED_TO,
};

const reactionBody = (emoji: string) => ({
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '15551234567',
	type: 'reaction',
	reaction: { message_id: REACTED_TO, emoji },
});

describe('Message › Send Reaction', () => {
	it('posts the reaction to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({ ...reaction, emoji: '👍' });
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
		expectAuthorised(request);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual(reactionBody('👍'));
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('sends an empty emoji to remove the reaction', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({ ...reaction, emoji: '' });
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual(reactionBody(''));
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('sends an empty emoji when Emoji is left out or blank', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent).reply(200, sent);
		const omitted = await runWhatsApp(reaction);
		const blank = await runWhatsApp({ ...reaction, emoji: '  ' });
		expect(omitted.error).toBeUndefined();
		expect(blank.error).toBeUndefined();
		expect(gateway.requests.map((request) => request.body)).toEqual([reactionBody(''), reactionBody('')]);
	});

	it.each([
		['a skin-tone modifier', '👍🏽'],
		['a flag', '🇫🇷'],
		['a ZWJ sequence', '👨‍👩‍👧'],
		['a variation selector', '❤️'],
		['a keycap', '1️⃣'],
	])('takes an emoji with %s as one emoji', async (_what, emoji) => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({ ...reaction, emoji });
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual(reactionBody(emoji));
	});

	it('reacts to each input item, with IDs and emojis from expressions, trimmed', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent).reply(200, sent);
		const { items, error } = await runWhatsApp(
			{
				...reaction,
				recipientPhoneNumber: '={{ $json.from }}',
				messageId: '={{ $json.id }}',
				emoji: '={{ $json.emoji }}',
			},
			{
				input: [
					{ json: { from: '+1 555 123 4567', id: ' wamid.first ', emoji: ' 🎉 ' } },
					{ json: { from: '15551234567', id: 'wamid.second' } },
				],
			},
		);
		expect(error).toBeUndefined();
		const bodies = gateway.requests.map((request) => request.body as { reaction: { message_id: string } });
		bodies.sort((a, b) => a.reaction.message_id.localeCompare(b.reaction.message_id));
		expect(bodies).toEqual([
			{ ...reactionBody('🎉'), reaction: { message_id: 'wamid.first', emoji: '🎉' } },
			{ ...reactionBody(''), reaction: { message_id: 'wamid.second', emoji: '' } },
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('has no reply-context option', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...reaction,
			emoji: '👍',
			options: { replyToMessageId: 'wamid.quoted' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual(reactionBody('👍'));
	});

	it('refuses two emojis', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...reaction, emoji: '👍👍' },
			message: /^Emoji "👍👍" is 2 characters; WhatsApp takes exactly one emoji/,
			field: 'Emoji',
		});
	});

	it('refuses an emoji with text around it', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...reaction, emoji: 'ok 👍' },
			message: /^Emoji "ok 👍" is 4 characters; WhatsApp takes exactly one emoji/,
			field: 'Emoji',
		});
	});

	it('refuses plain text', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...reaction, emoji: 'thumbs up' },
			message: /^Emoji "thumbs up" is not an emoji/,
			field: 'Emoji',
		});
	});

	it('refuses a single letter or digit', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...reaction, emoji: 'x' },
			message: /^Emoji "x" is not an emoji/,
			field: 'Emoji',
		});
		await expectRefusedBeforeSending({
			parameters: { ...reaction, emoji: '1' },
			message: /^Emoji "1" is not an emoji/,
			field: 'Emoji',
		});
	});

	it('refuses a missing message ID', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		// Left empty in the editor, n8n's own required-field check stops the run before the node starts.
		await expect(runWhatsApp({ ...reaction, messageId: '', emoji: '👍' })).rejects.toThrow(
			/Parameter "Message ID" is required/,
		);
		expect(gateway.requests).toEqual([]);
		// Blank but not empty, the node itself refuses it.
		await expectRefusedBeforeSending({
			parameters: { ...reaction, messageId: '  ', emoji: '👍' },
			message: /^Message ID is empty/,
			field: 'Message ID',
		});
	});

	it('refuses a message ID that is blank once its expression is resolved', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...reaction, messageId: '={{ $json.messageId }}', emoji: '👍' },
			message: /^Message ID is empty/,
			field: 'Message ID',
		});
	});

	it('refuses a recipient with too few digits', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...reaction, recipientPhoneNumber: '12345', emoji: '👍' },
			message: /^Recipient Phone Number "12345" has 5 digits/,
			field: 'Recipient Phone Number',
		});
	});
});

describe('bad inputs', () => {
	// Message limits › reaction ({ message_id, emoji }: one emoji, or empty to remove)
	itRefusesEach([
		{
			name: 'two emoji',
			parameters: send('sendReaction', { emoji: '👍👍' }),
			message: /^Emoji "👍👍" is 2 characters; WhatsApp takes exactly one emoji/,
			field: 'Emoji',
		},
		{
			name: 'a word instead of an emoji',
			parameters: send('sendReaction', { emoji: 'ok' }),
			message: /^Emoji "ok" is not an emoji/,
			field: 'Emoji',
		},
		{
			name: 'a message ID left blank by its expression',
			parameters: send('sendReaction', { messageId: '={{ $json.wamid }}' }),
			message: /^Message ID is empty/,
			field: 'Message ID',
		},
	]);
});
