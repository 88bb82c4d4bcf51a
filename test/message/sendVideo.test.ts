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

const video = {
	resource: 'message',
	operation: 'sendVideo',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
};

describe('Message › Send Video', () => {
	it('posts the seed body (public link and caption) to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...video,
			mediaSource: 'link',
			mediaLink: 'https://example.com/video.mp4',
			options: { caption: 'Watch this video' },
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
			type: 'video',
			video: { link: 'https://example.com/video.mp4', caption: 'Watch this video' },
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('sends an uploaded media ID with a caption', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...video,
			mediaSource: 'id',
			mediaId: ' 1037543291543636 ',
			options: { caption: 'Watch this video' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'video',
			video: { id: '1037543291543636', caption: 'Watch this video' },
		});
	});

	it('refuses a link that is not https', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...video, mediaLink: 'http://example.com/video.mp4' },
			message: /^Media URL .*https/,
			field: 'Media URL',
		});
	});

	it('refuses a blank media ID', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...video, mediaSource: 'id', mediaId: '   ' },
			message: /^Media ID is empty/,
			field: 'Media ID',
		});
	});

	it('refuses a recipient with 16 digits', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...video, recipientPhoneNumber: '1555123456789012', mediaLink: 'https://example.com/video.mp4' },
			message: /^Recipient Phone Number "1555123456789012" has 16 digits; WhatsApp wants 7 to 15/,
			field: 'Recipient Phone Number',
		});
	});
});

describe('bad inputs', () => {
	// Message limits › image / video / audio / document / sticker (link or id, caption, file name)
	itRefusesEach([
		{
			name: 'sendVideo: a link an expression left undefined (neither link nor id)',
			parameters: send('sendVideo', { mediaLink: '={{ $json.url }}' }),
			message: /^Media URL is empty/,
			field: 'Media URL',
		},
		{
			name: 'sendVideo: a caption of 1025 characters (emoji count as one)',
			parameters: send('sendVideo', { options: { caption: repeated('🎬', 1025) } }),
			message: /^Caption is 1025 characters; WhatsApp allows 1024/,
			field: 'Caption',
		},
	]);
});
