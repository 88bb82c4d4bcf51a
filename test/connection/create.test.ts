import {
	CONTROL_ORIGIN,
	GATEWAY_ORIGIN,
	expectAuthorised,
	fakeApi,
	matonCredentials,
	runWhatsApp,
} from '../fixture';

const pending = {
	connection_id: '5b0c6d3e-1111-4a2b-9c8d-0123456789ab',
	status: 'PENDING',
	creation_time: '2026-02-01T10:00:00.000000Z',
	last_updated_time: '2026-02-01T10:00:00.000000Z',
	url: 'https://connect.maton.ai/?session_token=abc123',
	app: 'whatsapp-business',
	metadata: {},
};

describe('Connection › Create', () => {
	it('posts { app: whatsapp-business } to /connections and outputs the connection with its URL', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, { connection: pending });
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const { items, error } = await runWhatsApp({ resource: 'connection', operation: 'create' });
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(0);
		expect(control.requests).toHaveLength(1);
		const [request] = control.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${CONTROL_ORIGIN}/connections`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({ app: 'whatsapp-business' });
		expect(items.map((item) => item.json)).toEqual([pending]);
		expect(items[0].json.url).toBe('https://connect.maton.ai/?session_token=abc123');
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it("sends no Maton-Connection header even with the credential's default connection", async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, { connection: pending });
		await runWhatsApp(
			{ resource: 'connection', operation: 'create' },
			{ credentials: matonCredentials({ connectionId: 'credential-default' }) },
		);
		expect(control.requests[0].headers['maton-connection']).toBeUndefined();
	});

	it('outputs the answer as it is when it is not wrapped in { connection }', async () => {
		fakeApi(CONTROL_ORIGIN).reply(200, pending);
		const { items } = await runWhatsApp({ resource: 'connection', operation: 'create' });
		expect(items.map((item) => item.json)).toEqual([pending]);
	});
});
