import {
	API_KEY,
	BUSINESS_ACCOUNT_ID,
	CONNECTION_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	expectAuthorised,
	fakeApi,
	matonCredentials,
	runWhatsApp,
} from '../fixture';
import { DISCOVERY_FIELDS } from '../../nodes/WhatsAppMaton/shared/account/discovery';
import { splitUrl } from '../assertions';
import { expectRefusedBeforeSending } from '../refusal';

const PHONE_NUMBERS = `${GRAPH}/${BUSINESS_ACCOUNT_ID}/phone_numbers`;

const phone = (id: string, display: string, name: string) => ({
	id,
	display_phone_number: display,
	verified_name: name,
	quality_rating: 'GREEN',
	code_verification_status: 'VERIFIED',
	name_status: 'APPROVED',
	platform_type: 'CLOUD_API',
	throughput: { level: 'STANDARD' },
	account_mode: 'LIVE',
});

const page1 = [
	phone('106540352242922', '+1 555-0100', 'Acme Support'),
	phone('106540352242923', '+1 555-0101', 'Acme Sales'),
];
const page2 = [phone('106540352242924', '+44 20 7946 0958', 'Acme UK')];

const graphPage = (data: object[], after: string, next: boolean) => ({
	data,
	paging: {
		cursors: { before: 'QVFIUmJlZAZDZD', after },
		...(next
			? { next: `https://graph.facebook.com/v25.0/${BUSINESS_ACCOUNT_ID}/phone_numbers?limit=100&after=${after}` }
			: {}),
	},
});

describe('Phone Number › List', () => {
	it('asks for Limit phone numbers in one request and outputs one item per number', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, graphPage(page1, 'QVFIUmFmdGVyMQZDZD', true));
		const { items, error } = await runWhatsApp({ resource: 'phoneNumber', operation: 'list', limit: 1 });
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('GET');
		expect(request.url).toBe(`${PHONE_NUMBERS}?limit=1`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([page1[0]]);
	});

	it('pages through the gateway with the after cursor on Return All, never to paging.next', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, graphPage(page1, 'QVFIUmFmdGVyMQZDZD', true))
			.reply(200, graphPage(page2, 'QVFIUmFmdGVyMgZDZD', false));
		const graph = fakeApi('https://graph.facebook.com');
		const { items, error } = await runWhatsApp({
			resource: 'phoneNumber',
			operation: 'list',
			returnAll: true,
			options: { fields: ['id', 'display_phone_number', 'verified_name', 'quality_rating'] },
		});
		expect(error).toBeUndefined();
		expect(graph.requests).toHaveLength(0);
		expect(gateway.requests.map((request) => request.method)).toEqual(['GET', 'GET']);
		const fields = 'id,display_phone_number,verified_name,quality_rating';
		expect(gateway.requests.map((request) => splitUrl(request.url))).toEqual([
			{ base: PHONE_NUMBERS, query: { limit: '100', fields } },
			{ base: PHONE_NUMBERS, query: { limit: '100', fields, after: 'QVFIUmFmdGVyMQZDZD' } },
		]);
		gateway.requests.forEach(expectAuthorised);
		expect(items.map((item) => item.json)).toEqual([...page1, ...page2]);
	});

	it("uses the node's business account ID and connection", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, graphPage([], 'x', false));
		const { items, error } = await runWhatsApp({
			resource: 'phoneNumber',
			operation: 'list',
			businessAccountId: '998877665544332',
			limit: 50,
			matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].url).toBe(`${GRAPH}/998877665544332/phone_numbers?limit=50`);
		expect(gateway.requests[0].headers['maton-connection']).toBe(CONNECTION_ID);
		expect(items).toEqual([]);
	});

	it("sends the credential's default connection when the node names none", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, graphPage([], 'x', false));
		await runWhatsApp(
			{ resource: 'phoneNumber', operation: 'list', limit: 50 },
			{ credentials: matonCredentials({ connectionId: 'credential-default' }) },
		);
		expect(gateway.requests[0].headers['maton-connection']).toBe('credential-default');
	});

	it('without a business account ID, finds none through the Maton connection and says what to enter, sending nothing else', async () => {
		const { gatewayRequests } = await expectRefusedBeforeSending({
			parameters: { resource: 'phoneNumber', operation: 'list', businessAccountId: '', limit: 50 },
			credentials: matonCredentials({ businessAccountId: '' }),
			discovery: { status: 200, body: { id: '10229837465019283', businesses: { data: [] } } },
			message: /^No WhatsApp Business Account ID, and the Maton connection reaches no business account$/,
			field: 'WhatsApp Business Account ID',
			description:
				/Default WhatsApp Business Account ID of the Maton API credential\. Find it in Meta Business Suite › Settings › Accounts › WhatsApp accounts/,
		});
		// One discovery per run (stopping, then Continue On Fail), asking for exactly these fields.
		const discovery = ['GET', { base: `${GRAPH}/me`, query: { fields: DISCOVERY_FIELDS } }];
		expect(gatewayRequests.map((request) => [request.method, splitUrl(request.url)])).toEqual([discovery, discovery]);
	});

	it('without a business account ID and with several accounts found, names them and asks which, sending nothing else', async () => {
		const { gatewayRequests } = await expectRefusedBeforeSending({
			parameters: { resource: 'phoneNumber', operation: 'list', limit: 50 },
			credentials: matonCredentials({ businessAccountId: '' }),
			discovery: {
				status: 200,
				body: {
					businesses: {
						data: [
							{ id: '1', owned_whatsapp_business_accounts: { data: [{ id: BUSINESS_ACCOUNT_ID, name: 'Acme' }] } },
							{ id: '2', client_whatsapp_business_accounts: { data: [{ id: '998877665544332' }] } },
						],
					},
				},
			},
			message: /^No WhatsApp Business Account ID, and the Maton connection reaches 2 business accounts$/,
			field: 'WhatsApp Business Account ID',
			description: `Pick one in the node's WhatsApp Business Account field (From List), or set it as the credential's Default WhatsApp Business Account ID: Acme (${BUSINESS_ACCOUNT_ID}), 998877665544332.`,
		});
		// One discovery per run, the two items of the Continue On Fail run sharing it.
		expect(gatewayRequests.map((request) => splitUrl(request.url).base)).toEqual([`${GRAPH}/me`, `${GRAPH}/me`]);
	});

	it("without a business account ID, says what Graph answered when the connection's token may not list businesses, asking once, the key never in the error", async () => {
		const { stoppedError: error, gatewayRequests } = await expectRefusedBeforeSending({
			parameters: { resource: 'phoneNumber', operation: 'list', limit: 50 },
			credentials: matonCredentials({ businessAccountId: '' }),
			discovery: {
				status: 400,
				body: {
					error: {
						message: `(#200) Requires business_management permission to manage the object (token Bearer ${API_KEY}, key ${API_KEY})`,
						type: 'OAuthException',
						code: 200,
					},
				},
			},
			message: /^No WhatsApp Business Account ID, and the Maton connection could not list its business accounts$/,
			field: 'WhatsApp Business Account ID',
			description:
				/^Graph answered: \(#200\) Requires business_management permission to manage the object \(token Bearer \[redacted\], key \[redacted\]\) \(HTTP 400\)\. .*Meta Business Suite › Settings › Accounts › WhatsApp accounts/,
		});
		expect(JSON.stringify({ message: error?.message, description: error?.description })).not.toContain(API_KEY);
		// A refused permission is not retried: one request per run (stopping, then Continue On Fail).
		expect(gatewayRequests).toHaveLength(2);
	});
});
