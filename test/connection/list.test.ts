import {
	CONNECTION_ID,
	CONTROL_ORIGIN,
	GATEWAY_ORIGIN,
	expectAuthorised,
	fakeApi,
	matonCredentials,
	runWhatsApp,
} from '../fixture';
import { splitUrl } from '../assertions';

const connection = (id: string, status: string) => ({
	connection_id: id,
	status,
	creation_time: '2025-12-08T07:20:53.488460Z',
	last_updated_time: '2026-01-31T20:03:32.593153Z',
	url: `https://connect.maton.ai/?session_token=${id}`,
	app: 'whatsapp-business',
	method: 'OAUTH2',
	metadata: {},
});

const connections = [
	connection(CONNECTION_ID, 'ACTIVE'),
	connection('5b0c6d3e-1111-4a2b-9c8d-0123456789ab', 'PENDING'),
	connection('7e2f1a9c-2222-4b3c-8d9e-abcdef012345', 'FAILED'),
];

describe('Connection › List', () => {
	it('gets /connections?app=whatsapp-business from the control API, one item per connection', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, { connections });
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const { items, error } = await runWhatsApp({ resource: 'connection', operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(0);
		expect(control.requests).toHaveLength(1);
		const [request] = control.requests;
		expect(request.method).toBe('GET');
		expect(request.url).toBe(`${CONTROL_ORIGIN}/connections?app=whatsapp-business`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(connections);
	});

	it('outputs at most Limit connections', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, { connections });
		const { items, error } = await runWhatsApp({ resource: 'connection', operation: 'list', limit: 2 });
		expect(error).toBeUndefined();
		expect(control.requests).toHaveLength(1);
		// The control API takes no page size: Limit trims the answer.
		expect(control.requests[0].url).toBe(`${CONTROL_ORIGIN}/connections?app=whatsapp-business`);
		expect(items.map((item) => item.json)).toEqual(connections.slice(0, 2));
	});

	it('sends the status filter as the seed does', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, { connections: connections.slice(0, 1) });
		const { items, error } = await runWhatsApp({
			resource: 'connection',
			operation: 'list',
			returnAll: true,
			filters: { status: 'ACTIVE' },
		});
		expect(error).toBeUndefined();
		expect(control.requests[0].url).toBe(`${CONTROL_ORIGIN}/connections?app=whatsapp-business&status=ACTIVE`);
		expect(items.map((item) => item.json)).toEqual(connections.slice(0, 1));
	});

	it('lists the connections of another app when the filter says so', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, { connections: [] });
		const { items, error } = await runWhatsApp({
			resource: 'connection',
			operation: 'list',
			returnAll: true,
			filters: { app: 'google-mail', status: 'PENDING' },
		});
		expect(error).toBeUndefined();
		expect(splitUrl(control.requests[0].url)).toEqual({
			base: `${CONTROL_ORIGIN}/connections`,
			query: { app: 'google-mail', status: 'PENDING' },
		});
		expect(items).toEqual([]);
	});

	it("sends no Maton-Connection header even with the credential's default connection", async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, { connections });
		await runWhatsApp(
			{ resource: 'connection', operation: 'list', returnAll: true },
			{ credentials: matonCredentials({ connectionId: 'credential-default' }) },
		);
		expect(control.requests[0].headers['maton-connection']).toBeUndefined();
		expectAuthorised(control.requests[0]);
	});

	it("follows the credential's control base URL", async () => {
		const other = fakeApi('https://api.maton.ai').reply(200, { connections });
		const { error } = await runWhatsApp(
			{ resource: 'connection', operation: 'list', returnAll: true },
			{ credentials: matonCredentials({ controlBaseUrl: 'https://api.maton.ai/' }) },
		);
		expect(error).toBeUndefined();
		expect(other.requests[0].url).toBe('https://api.maton.ai/connections?app=whatsapp-business');
	});
});
