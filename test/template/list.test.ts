import {
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
import type { INodeParameters } from 'n8n-workflow';
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';

const TEMPLATES = `${GRAPH}/${BUSINESS_ACCOUNT_ID}/message_templates`;

const template = (id: string, name: string, language = 'en_US') => ({
	id,
	name,
	language,
	status: 'APPROVED',
	category: 'UTILITY',
	parameter_format: 'POSITIONAL',
	components: [{ type: 'BODY', text: 'Hi {{1}}, your order #{{2}} has been confirmed!' }],
});

const page1 = [
	template('1407680676729941', 'order_confirmation'),
	template('1407680676729942', 'order_confirmation', 'pt_BR'),
	template('1407680676729943', 'shipping_update'),
];
const page2 = [template('1407680676729944', 'hello_world'), template('1407680676729945', 'payment_due')];

/** A Graph page: `paging.next` is Graph's own absolute URL, which the gateway key cannot open. */
const graphPage = (data: object[], after: string, next: boolean) => ({
	data,
	paging: {
		cursors: { before: 'QVFIUmJlZAZDZD', after },
		...(next
			? {
					next: `https://graph.facebook.com/v25.0/${BUSINESS_ACCOUNT_ID}/message_templates?limit=100&after=${after}`,
				}
			: {}),
	},
});

describe('Template › List', () => {
	it('asks for Limit templates in one request and outputs one item per template', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, graphPage(page1, 'QVFIUmFmdGVyMQZDZD', true));
		const { items, error } = await runWhatsApp({
			resource: 'template',
			operation: 'list',
			limit: 2,
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('GET');
		expect(request.url).toBe(`${TEMPLATES}?limit=2`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.body).toBeUndefined();
		// The answer may hold more than asked for: the node still outputs Limit items.
		expect(items.map((item) => item.json)).toEqual(page1.slice(0, 2));
	});

	it('pages through the gateway with the after cursor on Return All, never to paging.next', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, graphPage(page1, 'QVFIUmFmdGVyMQZDZD', true))
			.reply(200, graphPage(page2, 'QVFIUmFmdGVyMgZDZD', false));
		const graph = fakeApi('https://graph.facebook.com');
		const { items, error } = await runWhatsApp({
			resource: 'template',
			operation: 'list',
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(graph.requests).toHaveLength(0);
		expect(gateway.requests).toHaveLength(2);
		const [first, second] = gateway.requests;
		expect(first.method).toBe('GET');
		expect(splitUrl(first.url)).toEqual({ base: TEMPLATES, query: { limit: '100' } });
		expect(second.method).toBe('GET');
		expect(splitUrl(second.url)).toEqual({
			base: TEMPLATES,
			query: { limit: '100', after: 'QVFIUmFmdGVyMQZDZD' },
		});
		expectAuthorised(first);
		expectAuthorised(second);
		expect(items.map((item) => item.json)).toEqual([...page1, ...page2]);
	});

	it('sends the filters as query parameters, on every page', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, graphPage(page1.slice(0, 1), 'QVFIUmFmdGVyMQZDZD', true))
			.reply(200, graphPage([], 'QVFIUmFmdGVyMgZDZD', false));
		const { items, error } = await runWhatsApp({
			resource: 'template',
			operation: 'list',
			returnAll: true,
			filters: { status: 'APPROVED', category: 'UTILITY', language: 'en_US', name: 'order_' },
		});
		expect(error).toBeUndefined();
		const filters = { status: 'APPROVED', category: 'UTILITY', language: 'en_US', name: 'order_' };
		expect(gateway.requests.map((request) => splitUrl(request.url))).toEqual([
			{ base: TEMPLATES, query: { ...filters, limit: '100' } },
			{ base: TEMPLATES, query: { ...filters, limit: '100', after: 'QVFIUmFmdGVyMQZDZD' } },
		]);
		expect(items.map((item) => item.json)).toEqual(page1.slice(0, 1));
	});

	it('sends a single filter with Limit', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, graphPage([], 'x', false));
		const { items, error } = await runWhatsApp({
			resource: 'template',
			operation: 'list',
			limit: 10,
			filters: { status: 'REJECTED' },
		});
		expect(error).toBeUndefined();
		expect(splitUrl(gateway.requests[0].url)).toEqual({
			base: TEMPLATES,
			query: { limit: '10', status: 'REJECTED' },
		});
		expect(items).toEqual([]);
	});

	it('sends status and category filters an expression gave in lower case, in capitals', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, graphPage([], 'x', false));
		const { error } = await runWhatsApp({
			resource: 'template',
			operation: 'list',
			limit: 10,
			filters: { status: '={{ " approved " }}', category: '={{ "marketing" }}' },
		});
		expect(error).toBeUndefined();
		expect(splitUrl(gateway.requests[0].url)).toEqual({
			base: TEMPLATES,
			query: { limit: '10', status: 'APPROVED', category: 'MARKETING' },
		});
	});

	it('leaves out text filters that were added but left empty', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, graphPage([], 'x', false));
		const { error } = await runWhatsApp({
			resource: 'template',
			operation: 'list',
			limit: 10,
			filters: { language: '', name: ' ' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].url).toBe(`${TEMPLATES}?limit=10`);
	});

	it("uses the node's business account ID over the credential's, and the node's connection", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, graphPage([], 'x', false));
		const { error } = await runWhatsApp(
			{
				resource: 'template',
				operation: 'list',
				businessAccountId: '998877665544332',
				limit: 5,
				matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID },
			},
			{ credentials: matonCredentials({ connectionId: 'credential-default' }) },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[0].url).toBe(`${GRAPH}/998877665544332/message_templates?limit=5`);
		expect(gateway.requests[0].headers['maton-connection']).toBe(CONNECTION_ID);
	});

	it("falls back to the credential's default connection", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, graphPage([], 'x', false));
		await runWhatsApp(
			{ resource: 'template', operation: 'list', limit: 5 },
			{ credentials: matonCredentials({ connectionId: 'credential-default' }) },
		);
		expect(gateway.requests[0].headers['maton-connection']).toBe('credential-default');
	});

	it('without a business account ID, finds none through the Maton connection and says what to enter, sending nothing else', async () => {
		const { gatewayRequests } = await expectRefusedBeforeSending({
			parameters: { resource: 'template', operation: 'list', limit: 5 },
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

	it('without a business account ID, lists the templates of the one account the Maton connection reaches', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, { businesses: { data: [{ id: '1', owned_whatsapp_business_accounts: { data: [{ id: '998877665544332', name: 'Acme' }] } }] } })
			.reply(200, { data: [{ name: 'hello_world', language: 'en_US', status: 'APPROVED', id: '1' }] });
		const { items, error } = await runWhatsApp(
			{ resource: 'template', operation: 'list', limit: 5 },
			{ credentials: matonCredentials({ businessAccountId: '' }) },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => splitUrl(request.url).base)).toEqual([
			`${GRAPH}/me`,
			`${GRAPH}/998877665544332/message_templates`,
		]);
		expect(items.map((item) => item.json)).toEqual([{ name: 'hello_world', language: 'en_US', status: 'APPROVED', id: '1' }]);
	});
});

describe('bad inputs', () => {
	// Templates › Delete (name=X, optional hsm_id) and List (filters, statuses)
	const list = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'template',
		operation: 'list',
		returnAll: false,
		limit: 10,
		...extra,
	});
	itRefusesEach([
		{
			name: 'list: a status filter WhatsApp does not have',
			parameters: list({ filters: { status: '={{ "ACTIVE" }}' } }),
			message: /^Status "ACTIVE"/,
			field: 'Status',
		},
		{
			name: 'list: a category filter WhatsApp does not have',
			parameters: list({ filters: { category: '={{ "PROMOTIONAL" }}' } }),
			message: /^Category "PROMOTIONAL"/,
			field: 'Category',
		},
	]);
});
