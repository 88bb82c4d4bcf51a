import { CONNECTION_ID, CONTROL_ORIGIN, GATEWAY_ORIGIN, expectAuthorised, fakeApi, matonCredentials } from '../fixture';
import { runListSearch } from './loadOptionsContext';

const connections = [
	{ connection_id: CONNECTION_ID, status: 'ACTIVE', app: 'whatsapp-business', url: 'https://connect.maton.ai/?s=1' },
	{ connection_id: '5b0c6d3e-1111-4a2b-9c8d-0123456789ab', status: 'PENDING', app: 'whatsapp-business' },
];

describe('List search › searchConnections', () => {
	it('lists the WhatsApp Business connections from the control API, with their status', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, { connections });
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const result = await runListSearch('searchConnections', {
			parameters: { resource: 'message', operation: 'sendText' },
			parameterPath: 'matonConnection',
			credentials: matonCredentials({ connectionId: 'credential-default' }),
		});
		expect(gateway.requests).toHaveLength(0);
		expect(control.requests).toHaveLength(1);
		const [request] = control.requests;
		expect(request.method).toBe('GET');
		expect(request.url).toBe(`${CONTROL_ORIGIN}/connections?app=whatsapp-business`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(result).toEqual({
			results: [
				{ name: `${CONNECTION_ID} · ACTIVE`, value: CONNECTION_ID },
				{ name: '5b0c6d3e-1111-4a2b-9c8d-0123456789ab · PENDING', value: '5b0c6d3e-1111-4a2b-9c8d-0123456789ab' },
			],
		});
	});

	it('gives an empty list when there is no connection', async () => {
		fakeApi(CONTROL_ORIGIN).reply(200, { connections: [] });
		const result = await runListSearch('searchConnections', {
			parameters: { resource: 'connection', operation: 'get' },
			parameterPath: 'connectionId',
		});
		expect(result.results).toEqual([]);
	});

	it("follows the credential's control base URL", async () => {
		const other = fakeApi('https://api.maton.ai').reply(200, { connections });
		await runListSearch('searchConnections', {
			parameters: { resource: 'connection', operation: 'get' },
			parameterPath: 'connectionId',
			credentials: matonCredentials({ controlBaseUrl: 'https://api.maton.ai///' }),
		});
		expect(other.requests[0].url).toBe('https://api.maton.ai/connections?app=whatsapp-business');
	});
});
