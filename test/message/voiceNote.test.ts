/**
 * Message › Send Audio › Options › Voice Note (docs/whatsapp-rules.md § Voice notes): the audio
 * goes with `audio.voice: true`, and WhatsApp plays it as a voice note only when it is an Ogg
 * file with the Opus codec. A binary file of another MIME type (or Ogg with another codec) and a
 * URL ending in another extension are refused before anything is sent; a link without an
 * extension and an uploaded media ID cannot be seen, so they go as given.
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

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const audio = (extra: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation: 'sendAudio',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	...extra,
});

/** An Ogg file whose first page holds the identification packet `packet` (one segment). */
function ogg(packet: string): Buffer {
	const header = Buffer.alloc(28, 0);
	header.write('OggS', 0, 'latin1');
	header[26] = 1;
	header[27] = packet.length;
	return Buffer.concat([header, Buffer.from(packet, 'latin1'), Buffer.alloc(64, 0)]);
}

function expectAudioMessage(request: RecordedRequest, audioObject: Record<string, unknown>): void {
	expect(request.method).toBe('POST');
	expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
	expectAuthorised(request);
	expect(request.body).toEqual({
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to: '15551234567',
		type: 'audio',
		audio: audioObject,
	});
}

describe('Message › Send Audio › Voice Note', () => {
	it('sends a voice note by public URL with audio.voice: true', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp(
			audio({
				mediaSource: 'link',
				mediaLink: 'https://cdn.example.com/notes/hello.ogg',
				options: { voice: true },
			}),
		);
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		expectAudioMessage(gateway.requests[0], {
			link: 'https://cdn.example.com/notes/hello.ogg',
			voice: true,
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('takes .opus and a link without an extension (its bytes cannot be seen)', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent).reply(200, sent);
		for (const link of ['https://cdn.example.com/a.opus?sig=1.mp3', 'https://cdn.example.com/voice/42']) {
			const { error } = await runWhatsApp(
				audio({ mediaSource: 'link', mediaLink: link, options: { voice: true } }),
			);
			expect(error).toBeUndefined();
		}
		expect(gateway.requests.map((request) => (request.body as { audio: unknown }).audio)).toEqual([
			{ link: 'https://cdn.example.com/a.opus?sig=1.mp3', voice: true },
			{ link: 'https://cdn.example.com/voice/42', voice: true },
		]);
	});

	it('sends a voice note by uploaded media ID', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp(
			audio({ mediaSource: 'id', mediaId: '1037543291543636', options: { voice: true } }),
		);
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		expectAudioMessage(gateway.requests[0], { id: '1037543291543636', voice: true });
	});

	it('uploads an Ogg Opus binary file, then sends it as a voice note, and outputs its media ID', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '8194' }).reply(200, sent);
		const bytes = ogg('OpusHead\x01\x02');
		const { items, error } = await runWhatsApp(
			audio({ mediaSource: 'binary', binaryPropertyName: 'data', options: { voice: true } }),
			{ input: itemWithFile(bytes, { mimeType: 'audio/ogg; codecs=opus', fileName: 'hello.ogg' }) },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(2);
		const [upload, message] = gateway.requests;
		expect(upload.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/media`);
		expect(formOf(upload)).toEqual({
			messaging_product: 'whatsapp',
			type: 'audio/ogg',
			file: { filename: 'hello.ogg', contentType: 'audio/ogg', content: bytes.toString('latin1') },
		});
		expectAudioMessage(message, { id: '8194', voice: true });
		expect(items.map((item) => item.json)).toEqual([{ ...sent, uploadedMedia: { id: '8194' } }]);
	});

	it('leaves voice out when the option is off, so the audio goes as a file', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp(
			audio({
				mediaSource: 'link',
				mediaLink: 'https://cdn.example.com/song.mp3',
				options: { voice: false },
			}),
		);
		expect(error).toBeUndefined();
		expectAudioMessage(gateway.requests[0], { link: 'https://cdn.example.com/song.mp3' });
	});

	describe('refuses before sending', () => {
		it.each([
			{
				name: 'a URL ending in .mp3',
				parameters: audio({
					mediaSource: 'link',
					mediaLink: 'https://cdn.example.com/song.mp3',
					options: { voice: true },
				}),
				message: /^Media URL ends in "\.mp3"; a voice note \(Options › Voice Note\) must be an Ogg file with the Opus codec/,
				field: 'Media URL',
			},
			{
				name: 'a URL ending in .M4A, before its query string',
				parameters: audio({
					mediaSource: 'link',
					mediaLink: 'https://cdn.example.com/memo.M4A?token=abc',
					options: { voice: true },
				}),
				message: /^Media URL ends in "\.m4a"/,
				field: 'Media URL',
			},
			{
				name: 'a binary MP3 file',
				parameters: audio({ mediaSource: 'binary', binaryPropertyName: 'data', options: { voice: true } }),
				input: itemWithFile(Buffer.from('ID3 fake mp3'), { mimeType: 'audio/mpeg', fileName: 'song.mp3' }),
				message: /^Input Binary Field "data" has MIME type "audio\/mpeg"; a voice note \(Options › Voice Note\) must be Ogg audio with the Opus codec/,
				field: 'Input Binary Field "data"',
			},
			{
				name: 'a binary Ogg file with the Vorbis codec',
				parameters: audio({ mediaSource: 'binary', binaryPropertyName: 'data', options: { voice: true } }),
				input: itemWithFile(ogg('\x01vorbis\x00\x00'), { mimeType: 'audio/ogg', fileName: 'a.ogg' }),
				message: /^Input Binary Field "data" is Ogg audio with the vorbis codec/,
				field: 'Input Binary Field "data"',
			},
			{
				name: 'Voice Note from an expression that is not a boolean',
				parameters: audio({
					mediaSource: 'link',
					mediaLink: 'https://cdn.example.com/hello.ogg',
					options: { voice: '={{ "yes" }}' },
				}),
				message: /^Voice Note is "yes"; it must be true or false/,
				field: 'Voice Note',
			},
		])('$name', expectRefusedBeforeSending);
	});
});
