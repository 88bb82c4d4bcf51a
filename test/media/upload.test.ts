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
import { expectInputError } from '../assertions';
import { formOf, itemWithFile } from './multipart';

const MB = 1024 * 1024;

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
			const gateway = fakeApi(GATEWAY_ORIGIN);
			const { items, error } = await runWhatsApp(upload(), {
				input: itemWithFile(Buffer.from('PK fake zip'), { mimeType: 'application/zip', fileName: 'a.zip' }),
			});
			expectInputError(error, /"application\/zip".*WhatsApp does not accept/, /image\/jpeg/);
			expect(error?.message).toContain('data');
			expect(items).toEqual([]);
			expect(gateway.requests).toHaveLength(0);
		});

		it('an image over 5 MB', async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN);
			const { items, error } = await runWhatsApp(upload(), {
				input: itemWithFile(Buffer.alloc(5 * MB + 1, 0x61), { mimeType: 'image/jpeg', fileName: 'big.jpg' }),
			});
			expectInputError(error, /^Input Binary Field "data" is 5\.01 MB; WhatsApp allows 5 MB for image files/);
			expect(items).toEqual([]);
			expect(gateway.requests).toHaveLength(0);
		});

		it('an input item without the binary field', async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN);
			const { items, error } = await runWhatsApp(upload({ binaryPropertyName: 'attachment' }), {
				input: photo(),
			});
			expectInputError(error, /attachment/);
			expect(items).toEqual([]);
			expect(gateway.requests).toHaveLength(0);
		});
	});
});
