import { NodeOperationError } from 'n8n-workflow';

import { DISCOVERY_FIELDS } from '../../nodes/WhatsAppMaton/shared/account/discovery';
import { splitUrl } from '../assertions';
import { BUSINESS_ACCOUNT_ID, CONNECTION_ID, GATEWAY_ORIGIN, GRAPH, expectAuthorised, fakeApi, matonCredentials, runWhatsApp } from '../fixture';
import { runListSearch } from './loadOptionsContext';

const templateList = {
	resource: 'template',
	operation: 'list',
	businessAccountId: { __rl: true, mode: 'list', value: '' },
};

const me = {
	id: '10229837465019283',
	businesses: {
		data: [
			{
				id: '1148792203620417',
				name: 'Acme Holdings',
				owned_whatsapp_business_accounts: { data: [{ id: BUSINESS_ACCOUNT_ID, name: 'Acme' }] },
				client_whatsapp_business_accounts: { data: [{ id: '998877665544332', name: 'Globex for Acme' }] },
			},
			{ id: '1148792203620418', name: 'Initech', owned_whatsapp_business_accounts: { data: [{ id: '998877665544333' }] } },
		],
	},
};

describe('List search › searchBusinessAccounts (the WhatsApp Business Account picker)', () => {
	it('lists every account the Maton connection reaches, with its ID and business', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, me);
		const result = await runListSearch('searchBusinessAccounts', {
			parameters: { ...templateList, matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID } },
			parameterPath: 'businessAccountId',
		});
		expect(gateway.requests).toHaveLength(1);
		expect(splitUrl(gateway.requests[0].url)).toEqual({ base: `${GRAPH}/me`, query: { fields: DISCOVERY_FIELDS } });
		expectAuthorised(gateway.requests[0]);
		expect(gateway.requests[0].headers['maton-connection']).toBe(CONNECTION_ID);
		expect(result).toEqual({
			results: [
				{ name: 'Acme', value: BUSINESS_ACCOUNT_ID, description: `${BUSINESS_ACCOUNT_ID} · Acme Holdings` },
				{ name: 'Globex for Acme', value: '998877665544332', description: '998877665544332 · Acme Holdings' },
				{ name: '998877665544333', value: '998877665544333', description: '998877665544333 · Initech' },
			],
		});
	});

	it('keeps the accounts whose name or ID match the search text', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, me).reply(200, me);
		const byName = await runListSearch('searchBusinessAccounts', { parameters: templateList, parameterPath: 'businessAccountId', filter: 'globex' });
		expect(byName.results.map((item) => item.value)).toEqual(['998877665544332']);
		const byId = await runListSearch('searchBusinessAccounts', { parameters: templateList, parameterPath: 'businessAccountId', filter: '333' });
		expect(byId.results.map((item) => item.value)).toEqual(['998877665544333']);
	});

	it('says what Graph answered and suggests By ID when the connection may not list businesses', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(400, { error: { message: '(#200) Requires business_management permission to manage the object', code: 200 } });
		const search = runListSearch('searchBusinessAccounts', { parameters: templateList, parameterPath: 'businessAccountId' });
		await expect(search).rejects.toBeInstanceOf(NodeOperationError);
		await expect(search).rejects.toMatchObject({
			message: 'The Maton connection could not list its business accounts',
			description: expect.stringMatching(/^Graph answered: \(#200\) Requires business_management.*Meta Business Suite › Settings › Accounts › WhatsApp accounts.*Or pick "By ID"\.$/),
		});
	});

	it('the account picked from the list is the one a run acts on, before the credential default', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [] });
		const { error } = await runWhatsApp(
			{ resource: 'template', operation: 'list', limit: 5, businessAccountId: { __rl: true, mode: 'list', value: '998877665544332' } },
			{ credentials: matonCredentials() },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => splitUrl(request.url).base)).toEqual([`${GRAPH}/998877665544332/message_templates`]);
	});
});
