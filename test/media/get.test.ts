import {
	CONNECTION_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	matonCredentials,
	runWhatsApp,
} from '../fixture';
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';

const MEDIA_ID = '1037543291543636';

const media = {
	messaging_product: 'whatsapp',
	url: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1037543291543636&ext=1700000000&hash=ATuT',
	mime_type: 'image/jpeg',
	sha256: 'e2c3b1d4f5a6978800112233445566778899aabbccddeeff0011223344556677',
	file_size: 303833,
	id: MEDIA_ID,
};

describe('Media › Get URL', () => {
	it('gets /{media-id} and outputs the URL, MIME type, size and hash', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, media);
		const { items, error } = await runWhatsApp({ resource: 'media', operation: 'get', mediaId: MEDIA_ID });
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('GET');
		expect(request.url).toBe(`${GRAPH}/${MEDIA_ID}`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([media]);
	});

	it('takes the media ID from the input item, trimmed', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, media).reply(200, { ...media, id: '2048' });
		const { items, error } = await runWhatsApp(
			{ resource: 'media', operation: 'get', mediaId: '={{ $json.image.id }}' },
			{ input: [{ json: { image: { id: ` ${MEDIA_ID} ` } } }, { json: { image: { id: '2048' } } }] },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => request.url)).toEqual([`${GRAPH}/${MEDIA_ID}`, `${GRAPH}/2048`]);
		expect(items.map((item) => item.json.id)).toEqual([MEDIA_ID, '2048']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('sends the Maton-Connection header from the node, over the credential default', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, media).reply(200, media);
		const credentials = matonCredentials({ connectionId: 'credential-default' });
		await runWhatsApp(
			{
				resource: 'media',
				operation: 'get',
				mediaId: MEDIA_ID,
				matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID },
			},
			{ credentials },
		);
		await runWhatsApp({ resource: 'media', operation: 'get', mediaId: MEDIA_ID }, { credentials });
		expect(gateway.requests.map((request) => request.headers['maton-connection'])).toEqual([
			CONNECTION_ID,
			'credential-default',
		]);
	});

	it('does not need a phone number', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, media);
		await runWhatsApp({ resource: 'media', operation: 'get', mediaId: MEDIA_ID });
		expect(gateway.requests[0].url).not.toContain(PHONE_NUMBER_ID);
	});

	it('refuses an empty media ID from an expression, without a request to the version root', async () => {
		await expectRefusedBeforeSending({
			parameters: { resource: 'media', operation: 'get', mediaId: '={{ $json.image?.id }}' },
			input: [{ json: { text: { body: 'no media here' } } }],
			message: /^Media ID is empty/,
			field: 'Media ID',
		});
	});

	it('accepts a media ID an expression gives as a number', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '1037543291543636' });
		const { error } = await runWhatsApp(
			{ resource: 'media', operation: 'get', mediaId: '={{ $json.id }}' },
			{ input: [{ json: { id: 1037543291543636 } }] },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
			`GET ${GRAPH}/1037543291543636`,
		]);
	});
});

describe('bad inputs', () => {
	// Media › Get URL and Delete, and Connection › Get and Delete (an ID is the whole path)
	itRefusesEach([
		{
			name: 'media get: a media ID left blank by its expression',
			parameters: { resource: 'media', operation: 'get', mediaId: '={{ $json.mediaId }}' },
			message: /^Media ID is empty/,
			field: 'Media ID',
		},
	]);
});
