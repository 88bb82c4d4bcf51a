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

const audio = {
	resource: 'message',
	operation: 'sendAudio',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
};

describe('Message › Send Audio', () => {
	it('posts the seed body (public link) to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...audio,
			mediaSource: 'link',
			mediaLink: 'https://example.com/audio.mp3',
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
			type: 'audio',
			audio: { link: 'https://example.com/audio.mp3' },
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('sends an uploaded media ID', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({ ...audio, mediaSource: 'id', mediaId: '1037543291543636' });
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'audio',
			audio: { id: '1037543291543636' },
		});
	});

	it('has no caption option: a caption left in the parameters is not sent', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...audio,
			mediaLink: 'https://example.com/audio.mp3',
			options: { caption: 'Listen', replyToMessageId: 'wamid.quoted' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'audio',
			audio: { link: 'https://example.com/audio.mp3' },
			context: { message_id: 'wamid.quoted' },
		});
	});

	it('refuses a link that is not https', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...audio, mediaLink: 'http://example.com/audio.mp3' },
			message: /^Media URL .*https/,
			field: 'Media URL',
		});
	});

	it('refuses a recipient starting with 00', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...audio, recipientPhoneNumber: '0015551234567', mediaLink: 'https://example.com/audio.mp3' },
			message: /^Recipient Phone Number "0015551234567" starts with 00/,
			field: 'Recipient Phone Number',
		});
	});
});

describe('bad inputs', () => {
	// Message limits › image / video / audio / document / sticker (link or id, caption, file name)
	itRefusesEach([
		{
			name: 'sendAudio: a link without a scheme',
			parameters: send('sendAudio', { mediaLink: 'cdn.example.com/voice.ogg' }),
			message: /^Media URL must be a public https:\/\/ link/,
			field: 'Media URL',
		},
		{
			name: 'sendAudio: a media ID an expression left undefined (neither link nor id)',
			parameters: send('sendAudio', { mediaSource: 'id', mediaId: '={{ $json.mediaId }}' }),
			message: /^Media ID is empty/,
			field: 'Media ID',
		},
	]);
});
