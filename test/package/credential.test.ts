/**
 * The credential dialog's "Test" button: n8n finds the node's `testedBy` function for the Maton
 * API credential and calls it with n8n-core's CredentialTestContext.
 */
import type { ICredentialType } from 'n8n-workflow';

import { MatonApi } from '../../credentials/MatonApi.credentials';
import { DISCOVERY_FIELDS } from '../../nodes/WhatsAppMaton/shared/account/discovery';
import { credentialTestClock, graphVersionProblem } from '../../nodes/WhatsAppMaton/shared/account/credentialTest';
import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { WhatsAppMatonTrigger } from '../../nodes/WhatsAppMatonTrigger/WhatsAppMatonTrigger.node';
import { splitUrl } from '../assertions';
import {
	API_KEY,
	BUSINESS_ACCOUNT_ID,
	CONNECTION_ID,
	CONTROL_ORIGIN,
	GATEWAY_ORIGIN,
	GRAPH,
	fakeApi,
	matonCredentials,
} from '../fixture';
import { runCredentialTest } from '../harness';

const test = (credentials = matonCredentials({ businessAccountId: '' })) =>
	runCredentialTest(new MatonApi(), credentials, { nodeTypes: [new WhatsAppMaton()] });

const active = { connections: [{ connection_id: CONNECTION_ID, status: 'ACTIVE', app: 'whatsapp-business' }] };
const me = (...accounts: Array<{ id: string; name?: string }>) => ({
	id: '10229837465019283',
	businesses: { data: [{ id: '1148792203620417', name: 'Acme Holdings', owned_whatsapp_business_accounts: { data: accounts } }] },
});
const phones = (count: number) => ({ data: Array.from({ length: count }, (_, index) => ({ id: String(106540352242922 + index) })) });

describe('Maton API credential test', () => {
	it('is the nodes’ testedBy function, not a declarative test (n8n would use that first)', () => {
		expect((new MatonApi() as ICredentialType).test).toBeUndefined();
		for (const node of [new WhatsAppMaton(), new WhatsAppMatonTrigger()]) {
			const entry = node.description.credentials?.find((credential) => credential.name === 'matonApi');
			expect(entry?.testedBy).toBe('matonApiCredentialTest');
			expect(typeof node.methods.credentialTest?.matonApiCredentialTest).toBe('function');
		}
	});

	it('with only the key: checks it on the control API, finds the account and counts its numbers', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, active);
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, me({ id: BUSINESS_ACCOUNT_ID, name: 'Acme' })).reply(200, phones(2));
		const result = await test();
		expect(result).toEqual({ status: 'OK', message: 'Connected: 1 business account (Acme), 2 phone numbers.' });
		expect(control.requests.map((request) => [request.method, request.url])).toEqual([
			['GET', `${CONTROL_ORIGIN}/connections?app=whatsapp-business`],
		]);
		expect(gateway.requests.map((request) => [request.method, splitUrl(request.url)])).toEqual([
			['GET', { base: `${GRAPH}/me`, query: { fields: DISCOVERY_FIELDS } }],
			['GET', { base: `${GRAPH}/${BUSINESS_ACCOUNT_ID}/phone_numbers`, query: { fields: 'id', limit: '100' } }],
		]);
		for (const request of [...control.requests, ...gateway.requests]) {
			expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
			expect(request.headers['maton-connection']).toBeUndefined();
		}
	});

	it('names every account found and says that nodes will ask which one to use', async () => {
		fakeApi(CONTROL_ORIGIN).reply(200, active);
		fakeApi(GATEWAY_ORIGIN)
			.reply(200, me({ id: BUSINESS_ACCOUNT_ID, name: 'Acme' }, { id: '998877665544332' }))
			.reply(200, phones(2))
			.reply(200, { ...phones(100), paging: { cursors: { after: 'x' }, next: 'https://graph.facebook.com/next' } });
		const result = await test();
		expect(result.status).toBe('OK');
		expect(result.message).toBe(
			"Connected: 2 business accounts (Acme, 998877665544332), 102 phone numbers or more. Nodes that need one ask which: pick it in their WhatsApp Business Account field, or set the credential's Default WhatsApp Business Account ID.",
		);
	});

	it("with a default account: reads that account (no discovery), through the credential's connection", async () => {
		fakeApi(CONTROL_ORIGIN).reply(200, active);
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: BUSINESS_ACCOUNT_ID, name: 'Acme' }).reply(200, phones(1));
		const result = await test(matonCredentials({ connectionId: CONNECTION_ID }));
		expect(result).toEqual({ status: 'OK', message: 'Connected: 1 business account (Acme), 1 phone number.' });
		expect(splitUrl(gateway.requests[0].url)).toEqual({ base: `${GRAPH}/${BUSINESS_ACCOUNT_ID}`, query: { fields: 'id,name' } });
		expect(gateway.requests.map((request) => request.headers['maton-connection'])).toEqual([CONNECTION_ID, CONNECTION_ID]);
	});

	it('fails with a readable message when Maton rejects the key, asking nothing more', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(401, { error: 'Invalid API key' });
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const result = await test(matonCredentials({ apiKey: 'wrong-key' }));
		expect(result).toEqual({ status: 'Error', message: 'The Maton API key was rejected. Copy it again from your Maton settings page.' });
		expect(control.requests).toHaveLength(1);
		expect(gateway.requests).toHaveLength(0);
	});

	it('says what to do when Maton has no active connection yet', async () => {
		fakeApi(CONTROL_ORIGIN).reply(200, { connections: [{ connection_id: CONNECTION_ID, status: 'PENDING' }] });
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const result = await test();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^The key works, but Maton has no active WhatsApp Business connection: create one/);
		expect(gateway.requests).toHaveLength(0);
	});

	it('says so when the default connection is not among the connections, or not active', async () => {
		fakeApi(CONTROL_ORIGIN).reply(200, active).reply(200, { connections: [{ connection_id: 'other', status: 'FAILED' }] });
		expect((await test(matonCredentials({ connectionId: 'missing-one' }))).message).toMatch(
			/^The key works, but the Default Connection ID missing-one is not one of your WhatsApp Business connections/,
		);
		expect((await test(matonCredentials({ connectionId: 'other' }))).message).toMatch(
			/^The key works, but the Default Connection other is FAILED: open its URL/,
		);
	});

	it('says what Graph answered and what to enter when the connection may not list its businesses', async () => {
		fakeApi(CONTROL_ORIGIN).reply(200, active);
		fakeApi(GATEWAY_ORIGIN).reply(400, {
			error: { message: '(#200) Requires business_management permission to manage the object', type: 'OAuthException', code: 200 },
		});
		const result = await test();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^The key works, but the connection could not list its business accounts\. Graph answered: \(#200\) Requires business_management permission to manage the object \(HTTP 400, code 200\)\..*Default WhatsApp Business Account ID of the Maton API credential\. Find it in Meta Business Suite › Settings › Accounts › WhatsApp accounts/,
		);
	});

	it('says what to enter when the connection reaches no business account', async () => {
		fakeApi(CONTROL_ORIGIN).reply(200, active);
		fakeApi(GATEWAY_ORIGIN).reply(200, me());
		const result = await test();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^The key works, but the connection reaches no WhatsApp Business Account\. Enter the WhatsApp Business Account ID/);
	});

	it('refuses a default account or connection ID of the wrong shape before any request', async () => {
		const control = fakeApi(CONTROL_ORIGIN);
		expect(await test(matonCredentials({ businessAccountId: '../me' }))).toEqual({
			status: 'Error',
			message: 'Default WhatsApp Business Account ID "../me": a business account ID has only digits',
		});
		expect((await test(matonCredentials({ connectionId: 'a/b' }))).message).toMatch(/^Default Connection ID "a\/b": a Maton connection ID has only/);
		expect(await test(matonCredentials({ apiKey: ' ' }))).toEqual({
			status: 'Error',
			message: 'API Key is empty: copy it from the settings page of your Maton account.',
		});
		expect(control.requests).toHaveLength(0);
	});

	it('does not follow a redirect: the key stays with the configured host', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(302, {}, { location: 'https://elsewhere.example/steal' });
		const elsewhere = fakeApi('https://elsewhere.example');
		const result = await test();
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Maton's control API \(https:\/\/ctrl\.maton\.ai\) did not answer as expected: .*302/);
		expect(control.requests).toHaveLength(1);
		expect(elsewhere.requests).toHaveLength(0);
	});

	it('uses an edited control base URL, trailing slash and all', async () => {
		const other = fakeApi('https://api.maton.ai').reply(200, active);
		fakeApi(GATEWAY_ORIGIN).reply(200, { id: BUSINESS_ACCOUNT_ID, name: 'Acme' }).reply(200, phones(0));
		const result = await test(matonCredentials({ controlBaseUrl: 'https://api.maton.ai/' }));
		expect(result).toEqual({ status: 'OK', message: 'Connected: 1 business account (Acme), 0 phone numbers.' });
		expect(other.requests[0].url).toBe('https://api.maton.ai/connections?app=whatsapp-business');
	});
});

describe('Maton API credential test › the Graph API version', () => {
	const realNow = credentialTestClock.now;
	/** The day of this work: v21.0, the seed's version, has 50 days left. */
	const DECEMBER_2 = Date.parse('2026-12-02T09:00:00Z');
	beforeEach(() => {
		credentialTestClock.now = () => DECEMBER_2;
	});
	afterEach(() => {
		credentialTestClock.now = realNow;
	});

	const connectedWith = (graphApiVersion: string) => {
		fakeApi(CONTROL_ORIGIN).reply(200, active);
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, me({ id: BUSINESS_ACCOUNT_ID, name: 'Acme' })).reply(200, phones(2));
		return { gateway, result: test(matonCredentials({ businessAccountId: '', graphApiVersion })) };
	};

	it('within 90 days of its end: everything is checked, and the test fails saying when and what to set', async () => {
		const { gateway, result } = connectedWith('v21.0');
		expect(await result).toEqual({
			status: 'Error',
			message:
				'Connected: 1 business account (Acme), 2 phone numbers. But Graph API Version v21.0 ends on 2027-01-21 (in 50 days): set Graph API Version to v25.0 (served until 2028-07-29) before then.',
		});
		expect(gateway.requests).toHaveLength(2);
	});

	it('a version that has ended fails before any request', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, active);
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const result = await test(matonCredentials({ businessAccountId: '', graphApiVersion: 'v20.0' }));
		expect(result).toEqual({
			status: 'Error',
			message:
				'Graph API Version v20.0 ended on 2026-09-24: Meta no longer serves it, so every request would fail. In the credential, set Graph API Version to v25.0 (served until 2028-07-29).',
		});
		expect(control.requests).toEqual([]);
		expect(gateway.requests).toEqual([]);
	});

	it('the default (v25.0) and versions without a published end pass', async () => {
		// One fake per origin (the first one registered answers), its answers queued for three tests.
		const control = fakeApi(CONTROL_ORIGIN);
		const gateway = fakeApi(GATEWAY_ORIGIN);
		for (const version of ['v25.0', 'v27.0', '']) {
			control.reply(200, active);
			gateway.reply(200, me({ id: BUSINESS_ACCOUNT_ID, name: 'Acme' })).reply(200, phones(2));
			const result = await test(matonCredentials({ businessAccountId: '', graphApiVersion: version }));
			expect(result).toEqual({ status: 'OK', message: 'Connected: 1 business account (Acme), 2 phone numbers.' });
		}
	});

	it('counts days to the last day served, in UTC', () => {
		const on = (instant: string) => graphVersionProblem('v21.0', Date.parse(instant))?.message;
		expect(graphVersionProblem('v21.0', Date.parse('2026-10-23T12:00:00Z'))).toBeUndefined();
		expect(on('2026-10-24T12:00:00Z')).toContain('(in 89 days)');
		expect(on('2027-01-20T23:00:00Z')).toContain('(in 1 day)');
		expect(on('2027-01-21T23:00:00Z')).toContain('(today is its last day)');
		expect(graphVersionProblem('v21.0', Date.parse('2027-01-22T00:00:01Z'))?.ended).toBe(true);
		expect(graphVersionProblem('v25.0', Date.parse('2028-06-01T00:00:00Z'))?.message).toContain('set Graph API Version to a newer version');
	});
});
