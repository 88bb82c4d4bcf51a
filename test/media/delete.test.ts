import {
	CONNECTION_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	expectAuthorised,
	fakeApi,
	matonCredentials,
	runWhatsApp,
} from '../fixture';
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';

const MEDIA_ID = '1037543291543636';

describe('Media › Delete', () => {
	it('deletes /{media-id} and outputs success', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { success: true });
		const { items, error } = await runWhatsApp({ resource: 'media', operation: 'delete', mediaId: MEDIA_ID });
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('DELETE');
		expect(request.url).toBe(`${GRAPH}/${MEDIA_ID}`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
	});

	it('outputs success also when Graph answers { deleted: true }', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, { deleted: true });
		const { items, error } = await runWhatsApp({ resource: 'media', operation: 'delete', mediaId: MEDIA_ID });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ success: true });
	});

	it('outputs success: false when Graph says it did not delete', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, { success: false });
		const { items } = await runWhatsApp({ resource: 'media', operation: 'delete', mediaId: MEDIA_ID });
		expect(items.map((item) => item.json)).toEqual([{ success: false }]);
	});

	it('sends the Maton-Connection header from the node, over the credential default', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { success: true }).reply(200, { success: true });
		const credentials = matonCredentials({ connectionId: 'credential-default' });
		await runWhatsApp(
			{
				resource: 'media',
				operation: 'delete',
				mediaId: MEDIA_ID,
				matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID },
			},
			{ credentials },
		);
		await runWhatsApp({ resource: 'media', operation: 'delete', mediaId: MEDIA_ID }, { credentials });
		expect(gateway.requests.map((request) => request.headers['maton-connection'])).toEqual([
			CONNECTION_ID,
			'credential-default',
		]);
	});

	it('refuses an empty media ID from an expression, without a request to the version root', async () => {
		await expectRefusedBeforeSending({
			parameters: { resource: 'media', operation: 'delete', mediaId: '={{ $json.image?.id }}' },
			input: [{ json: { text: { body: 'no media here' } } }],
			message: /^Media ID is empty/,
			field: 'Media ID',
		});
	});

	it('accepts a media ID an expression gives as a number', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '1037543291543636' });
		const { error } = await runWhatsApp(
			{ resource: 'media', operation: 'delete', mediaId: '={{ $json.id }}' },
			{ input: [{ json: { id: 1037543291543636 } }] },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
			`DELETE ${GRAPH}/1037543291543636`,
		]);
	});
});

describe('bad inputs', () => {
	// Media › Get URL and Delete, and Connection › Get and Delete (an ID is the whole path)
	itRefusesEach([
		{
			name: 'media delete: a media ID of spaces',
			parameters: { resource: 'media', operation: 'delete', mediaId: '={{ "   " }}' },
			message: /^Media ID is empty/,
			field: 'Media ID',
		},
	]);
});
