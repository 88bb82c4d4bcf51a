/**
 * Media messages sent from a binary field of the input item (Media Source "Binary File from
 * Input"): the file is uploaded to `/{phone-number-id}/media` first, then the message is sent with
 * the ID the upload returned, and the output carries both.
 */
import { NodeApiError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import {
	CONNECTION_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	type RecordedRequest,
	expectAuthorised,
	fakeApi,
	matonCredentials,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { formOf, itemWithFile } from '../media/multipart';
import { expectRefusedBeforeSending } from '../refusal';

const MB = 1024 * 1024;
const KB = 1024;

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const fromBinary = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation,
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	mediaSource: 'binary',
	...extra,
});

const photo = () =>
	itemWithFile(Buffer.from('fake png bytes'), { mimeType: 'image/png', fileName: 'photo.png' });

/** A WebP of `size` bytes: RIFF, WEBP, then `chunks` (four-character code and data size), zero-filled. */
function webp(size: number, chunks: Array<[string, number]>, flags = 0): Buffer {
	const bytes = Buffer.alloc(size, 0);
	bytes.write('RIFF', 0, 'latin1');
	bytes.writeUInt32LE(size - 8, 4);
	bytes.write('WEBP', 8, 'latin1');
	let offset = 12;
	for (const [fourCC, dataSize] of chunks) {
		bytes.write(fourCC, offset, 'latin1');
		bytes.writeUInt32LE(dataSize, offset + 4);
		if (fourCC === 'VP8X') bytes[offset + 8] = flags;
		offset += 8 + dataSize;
	}
	return bytes;
}

/** An Ogg file whose first page holds the identification packet `packet` (one segment). */
function ogg(packet: string): Buffer {
	const header = Buffer.alloc(28, 0);
	header.write('OggS', 0, 'latin1');
	header[26] = 1; // one segment in the page
	header[27] = packet.length;
	return Buffer.concat([header, Buffer.from(packet, 'latin1'), Buffer.alloc(64, 0)]);
}

/** The first request must be the upload of the item's file to `/{phone-number-id}/media`. */
function expectUpload(request: RecordedRequest, file: Record<string, unknown>): void {
	expect(request.method).toBe('POST');
	expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/media`);
	expectAuthorised(request);
	expect(formOf(request)).toEqual({
		messaging_product: 'whatsapp',
		type: file.contentType,
		file,
	});
}

/** The second request must be the message, sent by the ID the upload returned. */
function expectMessage(request: RecordedRequest, body: Record<string, unknown>): void {
	expect(request.method).toBe('POST');
	expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
	expectAuthorised(request);
	expect(request.headers['content-type']).toMatch(/^application\/json/);
	expect(request.body).toEqual({
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to: '15551234567',
		...body,
	});
}

describe('Message › Send media from a binary input field', () => {
	it('sends an image in one step: uploads the file, then sends the message by the returned ID', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '1037543291543636' }).reply(200, sent);
		const { items, error } = await runWhatsApp(
			fromBinary('sendImage', { options: { caption: 'Check out this image!' } }),
			{ input: photo() },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(2);
		const [upload, message] = gateway.requests;
		expectUpload(upload, { filename: 'photo.png', contentType: 'image/png', content: 'fake png bytes' });
		expectMessage(message, {
			type: 'image',
			image: { id: '1037543291543636', caption: 'Check out this image!' },
		});
		expect(items.map((item) => item.json)).toEqual([
			{ ...sent, uploadedMedia: { id: '1037543291543636' } },
		]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends a document under its own file name, or under the File Name option', async () => {
		const invoice = () =>
			itemWithFile(
				Buffer.from('%PDF-1.4 fake'),
				{ mimeType: 'application/pdf', fileName: 'invoice-2026-11.pdf' },
				'invoice',
			);
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, { id: '2048' })
			.reply(200, sent)
			.reply(200, { id: '4096' })
			.reply(200, sent);

		const own = await runWhatsApp(
			fromBinary('sendDocument', { binaryPropertyName: 'invoice', options: { caption: 'Your invoice' } }),
			{ input: invoice() },
		);
		expect(own.error).toBeUndefined();
		const renamed = await runWhatsApp(
			fromBinary('sendDocument', { binaryPropertyName: 'invoice', options: { filename: 'Invoice November.pdf' } }),
			{ input: invoice() },
		);
		expect(renamed.error).toBeUndefined();

		expect(gateway.requests).toHaveLength(4);
		expectUpload(gateway.requests[0], {
			filename: 'invoice-2026-11.pdf',
			contentType: 'application/pdf',
			content: '%PDF-1.4 fake',
		});
		expectMessage(gateway.requests[1], {
			type: 'document',
			document: { id: '2048', caption: 'Your invoice', filename: 'invoice-2026-11.pdf' },
		});
		expectUpload(gateway.requests[2], {
			filename: 'Invoice November.pdf',
			contentType: 'application/pdf',
			content: '%PDF-1.4 fake',
		});
		expectMessage(gateway.requests[3], {
			type: 'document',
			document: { id: '4096', filename: 'Invoice November.pdf' },
		});
		expect(own.items.map((item) => item.json)).toEqual([{ ...sent, uploadedMedia: { id: '2048' } }]);
		expect(renamed.items.map((item) => item.json)).toEqual([{ ...sent, uploadedMedia: { id: '4096' } }]);
	});

	it('sends a sticker (WebP, no caption)', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '8192' }).reply(200, sent);
		const { items, error } = await runWhatsApp(fromBinary('sendSticker'), {
			input: itemWithFile(Buffer.from('RIFF fake webp'), { mimeType: 'image/webp', fileName: 'smile.webp' }),
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(2);
		expectUpload(gateway.requests[0], {
			filename: 'smile.webp',
			contentType: 'image/webp',
			content: 'RIFF fake webp',
		});
		expectMessage(gateway.requests[1], { type: 'sticker', sticker: { id: '8192' } });
		expect(items.map((item) => item.json)).toEqual([{ ...sent, uploadedMedia: { id: '8192' } }]);
	});

	it.each([
		['a VP8X animation flag', webp(400 * KB, [['VP8X', 10], ['ANIM', 6], ['ANMF', 400 * KB - 46]], 0x02)],
		['an ANIM chunk', webp(400 * KB, [['VP8X', 10], ['ANIM', 6], ['ANMF', 400 * KB - 46]])],
	])('sends an animated WebP sticker of 400 KB, told by %s', async (_how, bytes) => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '8193' }).reply(200, sent);
		const { error } = await runWhatsApp(fromBinary('sendSticker'), {
			input: itemWithFile(bytes, { mimeType: 'image/webp', fileName: 'dance.webp' }),
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(2);
		expectMessage(gateway.requests[1], { type: 'sticker', sticker: { id: '8193' } });
	});

	it('sends Ogg Opus audio given as plain audio/ogg', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '8194' }).reply(200, sent);
		const { error } = await runWhatsApp(fromBinary('sendAudio'), {
			input: itemWithFile(ogg('OpusHead\x01\x02'), { mimeType: 'audio/ogg', fileName: 'voice.ogg' }),
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(2);
		expectMessage(gateway.requests[1], { type: 'audio', audio: { id: '8194' } });
	});

	it.each([
		['sendVideo', 'video', 'video/mp4', 'clip.mp4'],
		['sendAudio', 'audio', 'audio/ogg; codecs=opus', 'voice.ogg'],
	])('%s sends its file the same way (%s message)', async (operation, kind, mimeType, fileName) => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '16384' }).reply(200, sent);
		const { items, error } = await runWhatsApp(fromBinary(operation), {
			input: itemWithFile(Buffer.from('fake bytes'), { mimeType, fileName }),
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(2);
		const baseType = mimeType.split(';')[0];
		expectUpload(gateway.requests[0], { filename: fileName, contentType: baseType, content: 'fake bytes' });
		expectMessage(gateway.requests[1], { type: kind, [kind]: { id: '16384' } });
		expect(items.map((item) => item.json)).toEqual([{ ...sent, uploadedMedia: { id: '16384' } }]);
	});

	it('sends the Maton-Connection header and the Accept header on the upload as on the message', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '1' }).reply(200, sent);
		const { error } = await runWhatsApp(
			fromBinary('sendImage', { matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID } }),
			{ input: photo(), credentials: matonCredentials({ connectionId: 'credential-default' }) },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => request.headers['maton-connection'])).toEqual([
			CONNECTION_ID,
			CONNECTION_ID,
		]);
		expect(gateway.requests.map((request) => request.headers.accept)).toEqual([
			'application/json',
			'application/json',
		]);
	});

	it('gives each item its own upload, and each output item its own media ID', async () => {
		// Items are sent concurrently, so the requests of two items may interleave. Every answer
		// serves as either an upload answer (`id`) or a message answer (`messages`), and the test
		// follows each item's file through its upload and its message to its output.
		const names = ['a.png', 'b.png', 'c.png'];
		const gateway = fakeApi(GATEWAY_ORIGIN);
		for (let n = 0; n < names.length * 2; n++) {
			gateway.reply(200, { id: `media-${n}`, messages: [{ id: `wamid.${n}` }] });
		}
		const { items, error } = await runWhatsApp(fromBinary('sendImage'), {
			input: names.flatMap((fileName) =>
				itemWithFile(Buffer.from(`bytes of ${fileName}`), { mimeType: 'image/png', fileName }),
			),
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(6);
		const uploads = gateway.requests.filter((request) => request.url.endsWith('/media'));
		const messages = gateway.requests.filter((request) => request.url.endsWith('/messages'));
		expect(uploads).toHaveLength(3);
		expect(messages).toHaveLength(3);
		names.forEach((fileName, index) => {
			const upload = uploads.find(
				(request) => (formOf(request).file as { filename: string }).filename === fileName,
			) as RecordedRequest;
			const mediaId = `media-${gateway.requests.indexOf(upload)}`;
			const message = messages.find(
				(request) => (request.body as { image: { id: string } }).image.id === mediaId,
			) as RecordedRequest;
			expect(message).toBeDefined();
			const messageAnswer = gateway.requests.indexOf(message);
			expect(items[index].json).toEqual({
				id: `media-${messageAnswer}`,
				messages: [{ id: `wamid.${messageAnswer}` }],
				uploadedMedia: { id: mediaId },
			});
			expect(items[index].pairedItem).toEqual({ item: index });
		});
	});

	describe('refuses, before any request,', () => {
		it('a PDF on an image message', async () => {
			await expectRefusedBeforeSending({
				parameters: fromBinary('sendImage'),
				input: itemWithFile(Buffer.from('%PDF-1.4 fake'), { mimeType: 'application/pdf', fileName: 'a.pdf' }),
				message: /^Input Binary Field "data" has MIME type "application\/pdf", which WhatsApp does not accept in an image message/,
				field: 'Input Binary Field "data"',
				description: /^Accepted: image\/jpeg, image\/png$/,
			});
		});

		it('a WebP on an image message, and a PNG as a sticker', async () => {
			await expectRefusedBeforeSending({
				parameters: fromBinary('sendImage'),
				input: itemWithFile(Buffer.from('RIFF'), { mimeType: 'image/webp', fileName: 'a.webp' }),
				message: /"image\/webp", which WhatsApp does not accept in an image message/,
				field: 'Input Binary Field "data"',
			});
			await expectRefusedBeforeSending({
				parameters: fromBinary('sendSticker'),
				input: itemWithFile(Buffer.from('png'), { mimeType: 'image/png', fileName: 'a.png' }),
				message: /"image\/png", which WhatsApp does not accept in a sticker message/,
				field: 'Input Binary Field "data"',
				description: /^Accepted: image\/webp$/,
			});
		});

		it('a 6 MB PNG on an image message', async () => {
			await expectRefusedBeforeSending({
				parameters: fromBinary('sendImage'),
				input: itemWithFile(Buffer.alloc(6 * MB, 0x61), { mimeType: 'image/png', fileName: 'big.png' }),
				message: /^Input Binary Field "data" is 6 MB; WhatsApp allows 5 MB for image files/,
				field: 'Input Binary Field "data"',
			});
		});

		it('a 600 KB WebP sticker', async () => {
			await expectRefusedBeforeSending({
				parameters: fromBinary('sendSticker'),
				input: itemWithFile(Buffer.alloc(600 * KB, 0x61), { mimeType: 'image/webp', fileName: 'big.webp' }),
				message: /^Input Binary Field "data" is 600 KB; WhatsApp allows 500 KB for sticker files/,
				field: 'Input Binary Field "data"',
				description: /100 KB/,
			});
		});

		it('a static WebP sticker over 100 KB', async () => {
			await expectRefusedBeforeSending({
				parameters: fromBinary('sendSticker'),
				input: itemWithFile(webp(150 * KB, [['VP8X', 10], ['VP8 ', 150 * KB - 38]]), {
					mimeType: 'image/webp',
					fileName: 'still.webp',
				}),
				message: /^Input Binary Field "data" is 150 KB; WhatsApp allows 100 KB for a static sticker/,
				field: 'Input Binary Field "data"',
				description: /animated one 500 KB/,
			});
		});

		it('Ogg audio whose codec is Vorbis, by its MIME type or by its bytes', async () => {
			await expectRefusedBeforeSending({
				parameters: fromBinary('sendAudio'),
				input: itemWithFile(Buffer.from('fake bytes'), { mimeType: 'audio/ogg; codecs="vorbis"', fileName: 'a.ogg' }),
				message: /^Input Binary Field "data" has MIME type "audio\/ogg; codecs="vorbis"", which WhatsApp does not accept in an audio message/,
				field: 'Input Binary Field "data"',
				description: /Opus/,
			});
			await expectRefusedBeforeSending({
				parameters: fromBinary('sendAudio'),
				input: itemWithFile(ogg('\x01vorbis\x00\x00'), { mimeType: 'audio/ogg', fileName: 'a.ogg' }),
				message: /^Input Binary Field "data" is Ogg audio with the vorbis codec, which WhatsApp does not accept in an audio message/,
				field: 'Input Binary Field "data"',
				description: /Opus/,
			});
		});

		it('an input item without the binary field', async () => {
			await expectRefusedBeforeSending({
				parameters: fromBinary('sendImage', { binaryPropertyName: 'attachment' }),
				input: photo(),
				message: /attachment/,
				field: 'attachment',
			});
			await expectRefusedBeforeSending({
				parameters: fromBinary('sendDocument'),
				input: [{ json: {} }],
				message: /'data'/,
				field: '\'data\'',
			});
		});

		it('a message that breaks another rule (the file is not uploaded)', async () => {
			await expectRefusedBeforeSending({
				parameters: fromBinary('sendImage', { options: { caption: 'x'.repeat(1025) } }),
				input: photo(),
				message: /^Caption is 1025 characters; WhatsApp allows 1024/,
				field: 'Caption',
			});
			await expectRefusedBeforeSending({
				parameters: fromBinary('sendImage', { recipientPhoneNumber: '1555CALLNOW' }),
				input: photo(),
				message: /^Recipient Phone Number "1555CALLNOW"/,
				field: 'Recipient Phone Number',
			});
		});
	});

	describe('stops before the message when the upload fails', () => {
		const graphError = {
			error: {
				message: '(#131053) Media upload error',
				type: 'OAuthException',
				code: 131053,
				error_data: { details: 'Unsupported file type' },
				fbtrace_id: 'AbCdEf',
			},
		};

		it('with the Graph error', async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN).reply(400, graphError).reply(200, sent);
			const { items, error } = await runWhatsApp(fromBinary('sendImage'), { input: photo() });
			expect(gateway.requests).toHaveLength(1);
			expect(gateway.requests[0].url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/media`);
			expect(items).toEqual([]);
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error?.message).toBe(
				'Uploading the image failed, so the message was not sent: (#131053) Media upload error',
			);
			expect(JSON.stringify(error)).toContain('Unsupported file type');
			expect(error?.context?.itemIndex).toBe(0);
		});

		it('as an error item with Continue On Fail', async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN).reply(400, graphError).reply(200, sent);
			const { items, error } = await runWhatsApp(fromBinary('sendImage'), {
				input: photo(),
				continueOnFail: true,
			});
			expect(error).toBeUndefined();
			expect(gateway.requests).toHaveLength(1);
			expect(items).toHaveLength(1);
			expect(items[0].error?.message).toContain('(#131053) Media upload error');
		});

		it('when the upload answers without an ID', async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, {}).reply(200, sent);
			const { items, error } = await runWhatsApp(fromBinary('sendImage'), { input: photo() });
			expect(gateway.requests).toHaveLength(1);
			expect(items).toEqual([]);
			expect(error?.message).toBe(
				'The media upload answered without a media ID, so the message was not sent',
			);
			expect(error?.context?.itemIndex).toBe(0);
		});
	});
});
