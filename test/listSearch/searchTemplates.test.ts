import { NodeOperationError } from 'n8n-workflow';

import {
	BUSINESS_ACCOUNT_ID,
	CONNECTION_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	expectAuthorised,
	fakeApi,
	matonCredentials,
} from '../fixture';
import { DISCOVERY_FIELDS } from '../../nodes/WhatsAppMaton/shared/account/discovery';
import { splitUrl } from '../assertions';
import { runListSearch } from './loadOptionsContext';

const TEMPLATES = `${GRAPH}/${BUSINESS_ACCOUNT_ID}/message_templates`;
const QUERY = { fields: 'name,language,category,status', status: 'APPROVED', limit: '100' };

const template = (name: string, language: string) => ({
	name,
	language,
	category: 'UTILITY',
	status: 'APPROVED',
	id: `${name}-${language}`,
});

const sendTemplateParameters = {
	resource: 'message',
	operation: 'sendTemplate',
	templateName: { __rl: true, mode: 'list', value: '' },
};

describe('List search › searchTemplates', () => {
	it('lists approved templates, one entry per name with its languages', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, {
			data: [
				template('order_confirmation', 'en_US'),
				template('order_confirmation', 'pt_BR'),
				template('hello_world', 'en_US'),
			],
			paging: { cursors: { before: 'QVFIUmJlZAZDZD', after: 'QVFIUmFmdGVyMQZDZD' } },
		});
		const result = await runListSearch('searchTemplates', {
			parameters: sendTemplateParameters,
			parameterPath: 'templateName',
		});
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('GET');
		expect(splitUrl(request.url)).toEqual({ base: TEMPLATES, query: QUERY });
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(result).toEqual({
			results: [
				{ name: 'order_confirmation (en_US, pt_BR)', value: 'order_confirmation' },
				{ name: 'hello_world (en_US)', value: 'hello_world' },
			],
			paginationToken: undefined,
		});
	});

	it('sends the search text as the name filter', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [template('order_confirmation', 'en_US')] });
		const result = await runListSearch('searchTemplates', {
			parameters: sendTemplateParameters,
			parameterPath: 'templateName',
			filter: 'order',
		});
		expect(splitUrl(gateway.requests[0].url)).toEqual({ base: TEMPLATES, query: { ...QUERY, name: 'order' } });
		expect(result.results).toEqual([{ name: 'order_confirmation (en_US)', value: 'order_confirmation' }]);
	});

	it('returns the after cursor as the pagination token and asks the gateway for the next page with it', async () => {
		const graph = fakeApi('https://graph.facebook.com');
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, {
				data: [template('order_confirmation', 'en_US')],
				paging: {
					cursors: { before: 'QVFIUmJlZAZDZD', after: 'QVFIUmFmdGVyMQZDZD' },
					next: `https://graph.facebook.com/v25.0/${BUSINESS_ACCOUNT_ID}/message_templates?after=QVFIUmFmdGVyMQZDZD`,
				},
			})
			.reply(200, {
				data: [template('shipping_update', 'de')],
				paging: { cursors: { before: 'b', after: 'QVFIUmFmdGVyMgZDZD' } },
			});
		const first = await runListSearch('searchTemplates', {
			parameters: sendTemplateParameters,
			parameterPath: 'templateName',
			filter: 'o',
		});
		expect(first.paginationToken).toBe('QVFIUmFmdGVyMQZDZD');
		const second = await runListSearch('searchTemplates', {
			parameters: sendTemplateParameters,
			parameterPath: 'templateName',
			filter: 'o',
			paginationToken: first.paginationToken,
		});
		expect(graph.requests).toHaveLength(0);
		expect(gateway.requests.map((request) => splitUrl(request.url))).toEqual([
			{ base: TEMPLATES, query: { ...QUERY, name: 'o' } },
			{ base: TEMPLATES, query: { ...QUERY, name: 'o', after: 'QVFIUmFmdGVyMQZDZD' } },
		]);
		expect(second).toEqual({
			results: [{ name: 'shipping_update (de)', value: 'shipping_update' }],
			paginationToken: undefined,
		});
	});

	it("uses the node's business account ID and connection, else the credential's", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [] }).reply(200, { data: [] });
		const credentials = matonCredentials({ connectionId: 'credential-default' });
		await runListSearch('searchTemplates', {
			parameters: {
				resource: 'template',
				operation: 'list',
				businessAccountId: '998877665544332',
				matonConnection: { __rl: true, mode: 'list', value: CONNECTION_ID },
			},
			credentials,
		});
		await runListSearch('searchTemplates', { parameters: sendTemplateParameters, credentials });
		expect(gateway.requests.map((request) => [splitUrl(request.url).base, request.headers['maton-connection']])).toEqual([
			[`${GRAPH}/998877665544332/message_templates`, CONNECTION_ID],
			[TEMPLATES, 'credential-default'],
		]);
	});

	it('without a business account ID, lists the templates of the one account the connection reaches', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, {
				businesses: { data: [{ id: '1', name: 'Acme Holdings', owned_whatsapp_business_accounts: { data: [{ id: BUSINESS_ACCOUNT_ID, name: 'Acme' }] } }] },
			})
			.reply(200, { data: [template('hello_world', 'en_US')] });
		const result = await runListSearch('searchTemplates', {
			parameters: sendTemplateParameters,
			credentials: matonCredentials({ businessAccountId: '' }),
		});
		expect(gateway.requests.map((request) => splitUrl(request.url))).toEqual([
			{ base: `${GRAPH}/me`, query: { fields: DISCOVERY_FIELDS } },
			{ base: TEMPLATES, query: QUERY },
		]);
		expect(result.results).toEqual([{ name: 'hello_world (en_US)', value: 'hello_world' }]);
	});

	it('without a business account ID and with several accounts found, asks to pick one and names them', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, {
			businesses: {
				data: [
					{
						id: '1',
						name: 'Acme Holdings',
						owned_whatsapp_business_accounts: { data: [{ id: BUSINESS_ACCOUNT_ID, name: 'Acme' }] },
						client_whatsapp_business_accounts: { data: [{ id: '998877665544332', name: 'Acme UK' }] },
					},
				],
			},
		});
		const search = runListSearch('searchTemplates', {
			parameters: sendTemplateParameters,
			credentials: matonCredentials({ businessAccountId: '' }),
		});
		await expect(search).rejects.toBeInstanceOf(NodeOperationError);
		await expect(search).rejects.toThrow('No WhatsApp Business Account ID, and the Maton connection reaches 2 business accounts');
		await expect(search).rejects.toMatchObject({
			description: expect.stringContaining(`Acme (${BUSINESS_ACCOUNT_ID}), Acme UK (998877665544332)`),
		});
		expect(gateway.requests).toHaveLength(1);
	});
});
