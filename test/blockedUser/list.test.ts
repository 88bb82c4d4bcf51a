import {
	CONNECTION_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { splitUrl } from '../assertions';
import { itRefusesEach } from '../refusal';

const BLOCK_USERS = `${GRAPH}/${PHONE_NUMBER_ID}/block_users`;

const blocked = (...numbers: string[]) => numbers.map((wa_id) => ({ messaging_product: 'whatsapp', wa_id }));

const graphPage = (data: object[], after: string, next: boolean) => ({
	data,
	paging: {
		cursors: { before: 'QVFIUmJlZAZDZD', after },
		...(next ? { next: `https://graph.facebook.com/v25.0/${PHONE_NUMBER_ID}/block_users?limit=100&after=${after}` } : {}),
	},
});

const list = (extra: Record<string, unknown>) => ({
	resource: 'blockedUser',
	operation: 'list',
	phoneNumberId: phoneNumberById(),
	...extra,
});

describe('Blocked User › List', () => {
	it('asks for Limit blocked users in one request and outputs one item per user', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, graphPage(blocked('15551234567', '447700900123'), 'QVFIUmFmdGVyMQZDZD', true));
		const { items, error } = await runWhatsApp({ ...list({ limit: 2 }) });
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('GET');
		expect(request.url).toBe(`${BLOCK_USERS}?limit=2`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(blocked('15551234567', '447700900123'));
	});

	it('pages through the gateway with the after cursor on Return All, never to paging.next', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, graphPage(blocked('15551234567', '15557654321'), 'QVFIUmFmdGVyMQZDZD', true))
			.reply(200, graphPage(blocked('447700900123'), 'QVFIUmFmdGVyMgZDZD', false));
		const graph = fakeApi('https://graph.facebook.com');
		const { items, error } = await runWhatsApp({
			...list({ returnAll: true }),
			matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID },
		});
		expect(error).toBeUndefined();
		expect(graph.requests).toHaveLength(0);
		expect(gateway.requests.map((request) => [request.method, splitUrl(request.url)])).toEqual([
			['GET', { base: BLOCK_USERS, query: { limit: '100' } }],
			['GET', { base: BLOCK_USERS, query: { limit: '100', after: 'QVFIUmFmdGVyMQZDZD' } }],
		]);
		gateway.requests.forEach((request) => expect(request.headers['maton-connection']).toBe(CONNECTION_ID));
		expect(items.map((item) => item.json)).toEqual(blocked('15551234567', '15557654321', '447700900123'));
	});

	it('outputs nothing for an empty blocklist', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, { data: [] });
		const { items, error } = await runWhatsApp(list({ limit: 50 }));
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	describe('bad inputs', () => {
		itRefusesEach([
			{
				name: 'a phone number ID that is not digits',
				parameters: list({ limit: 50, phoneNumberId: phoneNumberById('={{ "+1 555 0100" }}') }),
				message: /^Business Phone Number "\+1 555 0100": a phone number ID has only digits/,
				field: 'Business Phone Number',
			},
			{
				name: 'an empty phone number ID',
				parameters: list({ limit: 50, phoneNumberId: phoneNumberById('={{ $json.phone }}') }),
				message: /^Business Phone Number is empty/,
				field: 'Business Phone Number',
			},
			{
				name: 'a limit below 1 from an expression',
				parameters: list({ limit: '={{ 0 }}' }),
				message: /^Limit is 0; it must be at least 1/,
				field: 'Limit',
			},
		]);
	});
});
