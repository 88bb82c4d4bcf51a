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

	it('fails without a request when no business account ID is known', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const search = runListSearch('searchPhoneNumbers', {
			parameters: sendTextParameters,
			credentials: matonCredentials({ businessAccountId: '' }),
		});
		await expect(search).rejects.toBeInstanceOf(NodeOperationError);
		await expect(search).rejects.toThrow(/WhatsApp Business Account ID/);
		expect(gateway.requests).toHaveLength(0);
	});
});
