import {
	CONNECTION_ID,
	CONTROL_ORIGIN,
	expectAuthorised,
	fakeApi,
	matonCredentials,
	runWhatsApp,
} from '../fixture';
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';

/** The seed's Get Connection answer. */
const seedAnswer = {
	connection: {
		connection_id: CONNECTION_ID,
		status: 'ACTIVE',
		creation_time: '2025-12-08T07:20:53.488460Z',
		last_updated_time: '2026-01-31T20:03:32.593153Z',
		url: 'https://connect.maton.ai/?session_token=...',
		app: 'whatsapp-business',
		metadata: {},
	},
};

describe('Connection › Get', () => {
	it('gets /connections/{id} and outputs the connection itself', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, seedAnswer);
		const { items, error } = await runWhatsApp({
			resource: 'connection',
			operation: 'get',
			connectionId: { __rl: true, mode: 'id', value: CONNECTION_ID },
		});
		expect(error).toBeUndefined();
		expect(control.requests).toHaveLength(1);
		const [request] = control.requests;
		expect(request.method).toBe('GET');
		expect(request.url).toBe(`${CONTROL_ORIGIN}/connections/${CONNECTION_ID}`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([seedAnswer.connection]);
	});

	it('takes the connection picked from the list, trimmed, and sends no Maton-Connection header', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, seedAnswer);
		const { error } = await runWhatsApp(
			{
				resource: 'connection',
				operation: 'get',
				connectionId: { __rl: true, mode: 'list', value: ` ${CONNECTION_ID} `, cachedResultName: 'x' },
			},
			{ credentials: matonCredentials({ connectionId: 'credential-default' }) },
		);
		expect(error).toBeUndefined();
		expect(control.requests[0].url).toBe(`${CONTROL_ORIGIN}/connections/${CONNECTION_ID}`);
		expect(control.requests[0].headers['maton-connection']).toBeUndefined();
	});

	it('refuses an empty connection ID from an expression, without a request', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				resource: 'connection',
				operation: 'get',
				connectionId: { __rl: true, mode: 'id', value: '={{ $json.connection_id }}' },
			},
			message: /^Connection is empty/,
			field: 'Connection',
		});
	});
});

describe('bad inputs', () => {
	// Media › Get URL and Delete, and Connection › Get and Delete (an ID is the whole path)
	itRefusesEach([
		{
			name: 'connection get: a connection ID left blank by its expression',
			parameters: {
				resource: 'connection',
				operation: 'get',
				connectionId: { __rl: true, mode: 'id', value: '={{ $json.connection }}' },
			},
			message: /^Connection is empty/,
			field: 'Connection',
		},
	]);
});
