import type { INodeParameters } from 'n8n-workflow';

import {
	CONNECTION_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	matonCredentials,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { formOf, itemWithFile } from './multipart';
import { KB, MB, file } from '../inputs';
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';

const photo = () =>
	itemWithFile(Buffer.from('fake png bytes'), { mimeType: 'image/png', fileName: 'photo.png' });

const upload = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'media',
	operation: 'upload',
	phoneNumberId: phoneNumberById(),
	...extra,
});

describe('Media › Upload', () => {
	it('posts the file as multipart/form-data to /{phone-number-id}/media and outputs the media ID', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '1037543291543636' });
		const { items, error } = await runWhatsApp(upload(), { input: photo() });
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/media`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(formOf(request)).toEqual({
			messaging_product: 'whatsapp',
			type: 'image/png',
			file: { filename: 'photo.png', contentType: 'image/png', content: 'fake png bytes' },
		});
		expect(items.map((item) => item.json)).toEqual([{ id: '1037543291543636' }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('reads another binary field, and takes the MIME type and file name options over the file’s own', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '2048' });
		const { items, error } = await runWhatsApp(
			upload({
				binaryPropertyName: 'invoice',
				options: { mimeType: 'application/pdf', fileName: 'invoice-2024.pdf' },
			}),
			{
				input: itemWithFile(
					Buffer.from('%PDF-1.4 fake'),
					{ mimeType: 'application/octet-stream', fileName: 'download' },
					'invoice',
				),
			},
		);
		expect(error).toBeUndefined();
		expect(formOf(gateway.requests[0])).toEqual({
			messaging_product: 'whatsapp',
			type: 'application/pdf',
			file: { filename: 'invoice-2024.pdf', contentType: 'application/pdf', content: '%PDF-1.4 fake' },
		});
		expect(items.map((item) => item.json)).toEqual([{ id: '2048' }]);
	});

	it('sends the base MIME type of a voice note (without its codecs parameter)', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '4096' });
		const { error } = await runWhatsApp(upload(), {
			input: itemWithFile(Buffer.from('OggS fake opus'), {
				mimeType: 'audio/ogg; codecs=opus',
				fileName: 'voice.ogg',
			}),
		});
		expect(error).toBeUndefined();
		expect(formOf(gateway.requests[0])).toEqual({
			messaging_product: 'whatsapp',
			type: 'audio/ogg',
			file: { filename: 'voice.ogg', contentType: 'audio/ogg', content: 'OggS fake opus' },
		});
	});

	it('uploads each input item on its own', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '1' }).reply(200, { id: '2' });
		const { items, error } = await runWhatsApp(upload(), {
			input: [
				...photo(),
				...itemWithFile(Buffer.from('fake jpeg bytes'), { mimeType: 'image/jpeg', fileName: 'b.jpg' }),
			],
		});
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => (formOf(request).file as { filename: string }).filename)).toEqual([
			'photo.png',
			'b.jpg',
		]);
		expect(items.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ id: '1' }, { item: 0 }],
			[{ id: '2' }, { item: 1 }],
		]);
	});

	it('sends the Maton-Connection header from the node, over the credential default', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '1' }).reply(200, { id: '2' });
		const credentials = matonCredentials({ connectionId: 'credential-default' });
		await runWhatsApp(upload({ matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID } }), {
			input: photo(),
			credentials,
		});
		await runWhatsApp(upload(), { input: photo(), credentials });
		expect(gateway.requests.map((request) => request.headers['maton-connection'])).toEqual([
			CONNECTION_ID,
			'credential-default',
		]);
	});

	describe('refuses, without a request,', () => {
		it('a MIME type WhatsApp does not accept', async () => {
			await expectRefusedBeforeSending({
				parameters: upload(),
				input: itemWithFile(Buffer.from('PK fake zip'), { mimeType: 'application/zip', fileName: 'a.zip' }),
				message: /"application\/zip".*WhatsApp does not accept/,
				field: 'Input Binary Field "data"',
				description: /image\/jpeg/,
			});
		});

		it('an image over 5 MB', async () => {
			await expectRefusedBeforeSending({
				parameters: upload(),
				input: itemWithFile(Buffer.alloc(5 * MB + 1, 0x61), { mimeType: 'image/jpeg', fileName: 'big.jpg' }),
				message: /^Input Binary Field "data" is 5\.01 MB; WhatsApp allows 5 MB for image files/,
				field: 'Input Binary Field "data"',
			});
		});

		it('an input item without the binary field', async () => {
			await expectRefusedBeforeSending({
				parameters: upload({ binaryPropertyName: 'attachment' }),
				input: photo(),
				message: /attachment/,
				field: 'attachment',
			});
		});
	});
});

describe('bad inputs', () => {
	const upload = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'media',
		operation: 'upload',
		phoneNumberId: phoneNumberById(),
		...extra,
	});
	// Media › Upload: a MIME type WhatsApp accepts, within the size of its kind
	itRefusesEach([
		{
			name: 'a GIF',
			parameters: upload(),
			input: file('image/gif', 100, 'a.gif'),
			message: /^Input Binary Field "data" has MIME type "image\/gif", which WhatsApp does not accept/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'a file without a MIME type',
			parameters: upload(),
			input: file('', 100, 'mystery'),
			message: /^Input Binary Field "data" has MIME type "unknown", which WhatsApp does not accept/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'the MIME Type option set to one WhatsApp does not accept',
			parameters: upload({ options: { mimeType: 'video/quicktime' } }),
			input: file('video/mp4', 100, 'a.mp4'),
			message: /^Input Binary Field "data" has MIME type "video\/quicktime", which WhatsApp does not accept/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'an image of 5 MB and one byte',
			parameters: upload(),
			input: file('image/png', 5 * MB + 1, 'big.png'),
			message: /^Input Binary Field "data" is 5\.01 MB; WhatsApp allows 5 MB for image files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'a 3GPP video of 16 MB and one byte',
			parameters: upload(),
			input: file('video/3gpp', 16 * MB + 1, 'big.3gp'),
			message: /^Input Binary Field "data" is 16\.01 MB; WhatsApp allows 16 MB for video files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'an AMR audio of 16 MB and one byte',
			parameters: upload(),
			input: file('audio/amr', 16 * MB + 1, 'big.amr'),
			message: /^Input Binary Field "data" is 16\.01 MB; WhatsApp allows 16 MB for audio files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'a WebP (sticker) of 500 KB and one byte',
			parameters: upload(),
			input: file('image/webp', 500 * KB + 1, 'big.webp'),
			message: /^Input Binary Field "data" is 501 KB; WhatsApp allows 500 KB for sticker files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'a Word document, announced as a PNG by the MIME Type option, of 5 MB and one byte',
			parameters: upload({ options: { mimeType: 'image/png' } }),
			input: file('application/msword', 5 * MB + 1, 'big.doc'),
			message: /^Input Binary Field "data" is 5\.01 MB; WhatsApp allows 5 MB for image files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'an input item without the binary field',
			parameters: upload({ binaryPropertyName: 'attachment' }),
			input: file('image/png', 100, 'a.png'),
			message: /'attachment'/,
			field: 'attachment',
		},
	]);
});
