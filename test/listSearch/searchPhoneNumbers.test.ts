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

const PHONE_NUMBERS = `${GRAPH}/${BUSINESS_ACCOUNT_ID}/phone_numbers`;
const QUERY = { fields: 'id,display_phone_number,verified_name', limit: '100' };

const numbers = [
	{ id: '106540352242922', display_phone_number: '+1 555-0100', verified_name: 'Acme Support' },
	{ id: '106540352242923', display_phone_number: '+1 555-0101', verified_name: 'Acme Sales' },
];
const moreNumbers = [{ id: '106540352242924', display_phone_number: '+44 20 7946 0958', verified_name: 'Acme UK' }];

const sendTextParameters = {
	resource: 'message',
	operation: 'sendText',
	phoneNumberId: { __rl: true, mode: 'list', value: '' },
};

describe('List search › searchPhoneNumbers', () => {
	it("lists the business account's numbers as “+1 555-0100 · Verified Name”", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, {
			data: numbers,
			paging: { cursors: { before: 'QVFIUmJlZAZDZD', after: 'QVFIUmFmdGVyMQZDZD' } },
		});
		const result = await runListSearch('searchPhoneNumbers', { parameters: sendTextParameters });
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('GET');
		expect(splitUrl(request.url)).toEqual({ base: PHONE_NUMBERS, query: QUERY });
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(result).toEqual({
			results: [
				{ name: '+1 555-0100 · Acme Support', value: '106540352242922' },
				{ name: '+1 555-0101 · Acme Sales', value: '106540352242923' },
			],
			paginationToken: undefined,
		});
	});

	it('returns the after cursor as the pagination token, and asks for the next page with it', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, {
				data: numbers,
				paging: {
					cursors: { before: 'QVFIUmJlZAZDZD', after: 'QVFIUmFmdGVyMQZDZD' },
					next: `https://graph.facebook.com/v25.0/${BUSINESS_ACCOUNT_ID}/phone_numbers?after=QVFIUmFmdGVyMQZDZD`,
				},
			})
			.reply(200, { data: moreNumbers, paging: { cursors: { before: 'b', after: 'QVFIUmFmdGVyMgZDZD' } } });
		const first = await runListSearch('searchPhoneNumbers', { parameters: sendTextParameters });
		expect(first.paginationToken).toBe('QVFIUmFmdGVyMQZDZD');
		const second = await runListSearch('searchPhoneNumbers', {
			parameters: sendTextParameters,
			paginationToken: first.paginationToken,
		});
		expect(splitUrl(gateway.requests[1].url)).toEqual({
			base: PHONE_NUMBERS,
			query: { ...QUERY, after: 'QVFIUmFmdGVyMQZDZD' },
		});
		expect(second).toEqual({
			results: [{ name: '+44 20 7946 0958 · Acme UK', value: '106540352242924' }],
			paginationToken: undefined,
		});
	});

	it('keeps the numbers that match the search text', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, { data: numbers });
		const result = await runListSearch('searchPhoneNumbers', { parameters: sendTextParameters, filter: 'sales' });
		expect(result.results).toEqual([{ name: '+1 555-0101 · Acme Sales', value: '106540352242923' }]);
	});

	it("uses the node's business account ID and Maton connection when the node has them", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [] });
		await runListSearch('searchPhoneNumbers', {
			// Only where the node shows the field (Phone Number › List) does it reach the list search.
			parameters: {
				resource: 'phoneNumber',
				operation: 'list',
				businessAccountId: '998877665544332',
				matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID },
			},
			credentials: matonCredentials({ connectionId: 'credential-default' }),
		});
		expect(splitUrl(gateway.requests[0].url).base).toBe(`${GRAPH}/998877665544332/phone_numbers`);
		expect(gateway.requests[0].headers['maton-connection']).toBe(CONNECTION_ID);
	});

	it("sends the credential's default connection when the node names none", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [] });
		await runListSearch('searchPhoneNumbers', {
			parameters: sendTextParameters,
			credentials: matonCredentials({ connectionId: 'credential-default' }),
		});
		expect(gateway.requests[0].headers['maton-connection']).toBe('credential-default');
	});

	it('falls back to the credential when the node fields are expressions it cannot resolve while listing', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [] });
		await runListSearch('searchPhoneNumbers', {
			parameters: {
				resource: 'phoneNumber',
				operation: 'list',
				businessAccountId: '={{ $json.waba }}',
				matonConnection: { __rl: true, mode: 'id', value: '={{ $json.connection }}' },
			},
			credentials: matonCredentials({ connectionId: 'credential-default' }),
		});
		expect(splitUrl(gateway.requests[0].url).base).toBe(PHONE_NUMBERS);
		expect(gateway.requests[0].headers['maton-connection']).toBe('credential-default');
	});

	it('follows the credential: another gateway host and Graph version', async () => {
		const other = fakeApi('https://api.maton.ai').reply(200, { data: [] });
		await runListSearch('searchPhoneNumbers', {
			parameters: sendTextParameters,
			credentials: matonCredentials({ gatewayBaseUrl: 'https://api.maton.ai/', graphApiVersion: 'v26.0' }),
		});
		expect(splitUrl(other.requests[0].url).base).toBe(
			`https://api.maton.ai/whatsapp-business/v26.0/${BUSINESS_ACCOUNT_ID}/phone_numbers`,
		);
	});

	describe('with only the API key (no business account ID on the node or the credential)', () => {
		const keyOnly = () => matonCredentials({ businessAccountId: '' });
		const ME = `${GRAPH}/me`;
		const DISCOVERY_QUERY = { fields: DISCOVERY_FIELDS };
		const me = (...accounts: Array<{ id: string; name: string }>) => ({
			id: '10229837465019283',
			businesses: {
				data: [
					{
						id: '1148792203620417',
						name: 'Acme Holdings',
						owned_whatsapp_business_accounts: { data: accounts.slice(0, 1) },
						client_whatsapp_business_accounts: { data: accounts.slice(1) },
					},
				],
			},
		});

		it('finds the one business account the connection reaches, then lists its numbers', async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN)
				.reply(200, me({ id: BUSINESS_ACCOUNT_ID, name: 'Acme' }))
				.reply(200, { data: numbers });
			const result = await runListSearch('searchPhoneNumbers', {
				parameters: sendTextParameters,
				credentials: matonCredentials({ businessAccountId: '', connectionId: CONNECTION_ID }),
			});
			expect(gateway.requests.map((request) => [request.method, splitUrl(request.url)])).toEqual([
				['GET', { base: ME, query: DISCOVERY_QUERY }],
				['GET', { base: PHONE_NUMBERS, query: QUERY }],
			]);
			for (const request of gateway.requests) {
				expectAuthorised(request);
				expect(request.headers['maton-connection']).toBe(CONNECTION_ID);
			}
			expect(result).toEqual({
				results: [
					{ name: '+1 555-0100 · Acme Support', value: '106540352242922' },
					{ name: '+1 555-0101 · Acme Sales', value: '106540352242923' },
				],
			});
		});

		it('lists the numbers of every account found, each named in its description, owned and client alike', async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN)
				.reply(200, me({ id: BUSINESS_ACCOUNT_ID, name: 'Acme' }, { id: '998877665544332', name: 'Acme UK' }))
				.reply(200, { data: numbers })
				.reply(200, { data: moreNumbers });
			const result = await runListSearch('searchPhoneNumbers', { parameters: sendTextParameters, credentials: keyOnly() });
			expect(gateway.requests.map((request) => splitUrl(request.url).base)).toEqual([
				ME,
				PHONE_NUMBERS,
				`${GRAPH}/998877665544332/phone_numbers`,
			]);
			expect(result).toEqual({
				results: [
					{
						name: '+1 555-0100 · Acme Support',
						value: '106540352242922',
						description: `WhatsApp Business Account Acme (${BUSINESS_ACCOUNT_ID})`,
					},
					{
						name: '+1 555-0101 · Acme Sales',
						value: '106540352242923',
						description: `WhatsApp Business Account Acme (${BUSINESS_ACCOUNT_ID})`,
					},
					{
						name: '+44 20 7946 0958 · Acme UK',
						value: '106540352242924',
						description: 'WhatsApp Business Account Acme UK (998877665544332)',
					},
				],
			});
		});

		it("stops at an account with more pages and goes on from its cursor, then with the next account", async () => {
			const twoAccounts = me({ id: BUSINESS_ACCOUNT_ID, name: 'Acme' }, { id: '998877665544332', name: 'Acme UK' });
			const gateway = fakeApi(GATEWAY_ORIGIN)
				.reply(200, twoAccounts)
				.reply(200, { data: numbers.slice(0, 1), paging: { cursors: { after: 'QVFIUmFmdGVyMQZDZD' }, next: 'https://graph.facebook.com/x' } })
				.reply(200, twoAccounts)
				.reply(200, { data: numbers.slice(1) })
				.reply(200, { data: moreNumbers });
			const first = await runListSearch('searchPhoneNumbers', { parameters: sendTextParameters, credentials: keyOnly() });
			expect(first.results.map((item) => item.value)).toEqual(['106540352242922']);
			expect(first.paginationToken).toBe('0:QVFIUmFmdGVyMQZDZD');
			const second = await runListSearch('searchPhoneNumbers', {
				parameters: sendTextParameters,
				credentials: keyOnly(),
				paginationToken: first.paginationToken,
			});
			expect(splitUrl(gateway.requests[3].url)).toEqual({ base: PHONE_NUMBERS, query: { ...QUERY, after: 'QVFIUmFmdGVyMQZDZD' } });
			expect(splitUrl(gateway.requests[4].url)).toEqual({ base: `${GRAPH}/998877665544332/phone_numbers`, query: QUERY });
			expect(second).toEqual({
				results: [
					expect.objectContaining({ value: '106540352242923' }),
					expect.objectContaining({ value: '106540352242924' }),
				],
			});
		});

		it('leaves out an account whose ID is not a Graph ID, and the same account found twice', async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN)
				.reply(200, {
					businesses: {
						data: [
							{
								id: '1',
								owned_whatsapp_business_accounts: { data: [{ id: '../../me', name: 'Odd' }, { id: BUSINESS_ACCOUNT_ID, name: 'Acme' }] },
								client_whatsapp_business_accounts: { data: [{ id: BUSINESS_ACCOUNT_ID, name: 'Acme' }] },
							},
						],
					},
				})
				.reply(200, { data: numbers });
			const result = await runListSearch('searchPhoneNumbers', { parameters: sendTextParameters, credentials: keyOnly() });
			expect(gateway.requests.map((request) => splitUrl(request.url).base)).toEqual([ME, PHONE_NUMBERS]);
			expect(result.results).toHaveLength(2);
			expect(result.results[0].description).toBeUndefined();
		});

		it('says what to enter and where to find it when the connection reaches no account', async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '10229837465019283', businesses: { data: [] } });
			const search = runListSearch('searchPhoneNumbers', { parameters: sendTextParameters, credentials: keyOnly() });
			await expect(search).rejects.toBeInstanceOf(NodeOperationError);
			await expect(search).rejects.toThrow('No WhatsApp Business Account ID, and the Maton connection reaches no business account');
			await expect(search).rejects.toMatchObject({
				description: expect.stringMatching(/Default WhatsApp Business Account ID.*Meta Business Suite › Settings › Accounts › WhatsApp accounts/),
			});
			expect(gateway.requests).toHaveLength(1);
		});

		it("says what Graph answered when the connection's token may not list businesses, and what to enter", async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN).reply(400, {
				error: {
					message: '(#200) Requires business_management permission to manage the object',
					type: 'OAuthException',
					code: 200,
					fbtrace_id: 'AbCdEfGhIjKlMnOpQrStUvWxYz1',
				},
			});
			const search = runListSearch('searchPhoneNumbers', { parameters: sendTextParameters, credentials: keyOnly() });
			await expect(search).rejects.toThrow('No WhatsApp Business Account ID, and the Maton connection could not list its business accounts');
			await expect(search).rejects.toMatchObject({
				description: expect.stringMatching(
					/^Graph answered: \(#200\) Requires business_management permission to manage the object \(HTTP 400, code 200\)\..*Enter the WhatsApp Business Account ID/,
				),
			});
			expect(gateway.requests).toHaveLength(1);
		});
	});
});
