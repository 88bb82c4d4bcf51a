import { CONNECTION_ID, CONTROL_ORIGIN, expectAuthorised, fakeApi, matonCredentials, runWhatsApp } from '../fixture';
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';

const byId = (value = CONNECTION_ID) => ({ __rl: true, mode: 'id', value });

describe('Connection › Delete', () => {
	it('deletes /connections/{id} and outputs success', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, { success: true });
		const { items, error } = await runWhatsApp({
			resource: 'connection',
			operation: 'delete',
			connectionId: byId(),
		});
		expect(error).toBeUndefined();
		expect(control.requests).toHaveLength(1);
		const [request] = control.requests;
		expect(request.method).toBe('DELETE');
		expect(request.url).toBe(`${CONTROL_ORIGIN}/connections/${CONNECTION_ID}`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
	});

	it('outputs { success: true } when the answer has no body', async () => {
		fakeApi(CONTROL_ORIGIN).reply(204, '').reply(200, '');
		for (let run = 0; run < 2; run++) {
			const { items, error } = await runWhatsApp({
				resource: 'connection',
				operation: 'delete',
				connectionId: byId(),
			});
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json)).toEqual([{ success: true }]);
		}
	});

	it('outputs { success: true } when the answer is the deleted connection', async () => {
		fakeApi(CONTROL_ORIGIN).reply(200, {});
		const { items } = await runWhatsApp({ resource: 'connection', operation: 'delete', connectionId: byId() });
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
	});

	it("sends no Maton-Connection header even with the credential's default connection", async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, { success: true });
		await runWhatsApp(
			{ resource: 'connection', operation: 'delete', connectionId: byId('5b0c6d3e-1111-4a2b-9c8d-0123456789ab') },
			{ credentials: matonCredentials({ connectionId: CONNECTION_ID }) },
		);
		expect(control.requests[0].url).toBe(`${CONTROL_ORIGIN}/connections/5b0c6d3e-1111-4a2b-9c8d-0123456789ab`);
		expect(control.requests[0].headers['maton-connection']).toBeUndefined();
	});

	it('refuses an empty connection ID from an expression, without deleting /connections/', async () => {
		await expectRefusedBeforeSending({
			parameters: { resource: 'connection', operation: 'delete', connectionId: byId('={{ $json.connection_id }}') },
			message: /^Connection is empty/,
			field: 'Connection',
		});
	});
});

describe('bad inputs', () => {
	// Media › Get URL and Delete, and Connection › Get and Delete (an ID is the whole path)
	itRefusesEach([
		{
			name: 'connection delete: a connection ID left blank by its expression',
			parameters: {
				resource: 'connection',
				operation: 'delete',
				connectionId: { __rl: true, mode: 'id', value: '={{ "" }}' },
			},
			message: /^Connection is empty/,
			field: 'Connection',
		},
	]);
});
