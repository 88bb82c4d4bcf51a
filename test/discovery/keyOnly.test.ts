/**
 * The bar of account discovery, end to end through n8n's engine against the local Maton sandbox
 * (sandbox/server.js): a credential with only the API key (README step 2; the base URLs point at
 * the sandbox) → the Business Phone Number picker lists the sandbox's numbers, the credential
 * test names the account it found, and a run uses the account without being told its ID.
 */
import nock from 'nock';
import { NodeOperationError } from 'n8n-workflow';

import { MatonApi } from '../../credentials/MatonApi.credentials';
import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { runWhatsApp } from '../fixture';
import { runCredentialTest } from '../harness';
import { runListSearch, runTriggerListSearch } from '../listSearch/loadOptionsContext';

let sandbox: SandboxHandle;

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ port: 0, rateLimitPerSecond: 0 });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => sandbox.reset());

/** The API key and where Maton is: no connection, no business account ID. */
const keyOnly = () => sandbox.credentials({ businessAccountId: '', connectionId: '' });

const sendText = { resource: 'message', operation: 'sendText', phoneNumberId: { __rl: true, mode: 'list', value: '' } };

const gatewayPaths = () => sandbox.state.requests.filter((entry) => entry.api === 'gateway').map((entry) => entry.graphPath);

describe('a credential with only the API key', () => {
	it("the Business Phone Number picker lists the sandbox's numbers", async () => {
		const result = await runListSearch('searchPhoneNumbers', { parameters: sendText, credentials: keyOnly() });
		expect(result).toEqual({
			results: [
				{ name: '+1 555-010-0001 · Sandbox Shop', value: sandbox.ids.phoneNumberId },
				{ name: '+1 555-010-0002 · Sandbox Support', value: sandbox.ids.otherPhoneNumberIds[0] },
				{ name: '+44 7700 900003 · Sandbox UK', value: sandbox.ids.otherPhoneNumberIds[1] },
			],
		});
		expect(gatewayPaths()).toEqual(['/me', `/${sandbox.ids.businessAccountId}/phone_numbers`]);
	});

	it("the trigger's Phone Number picker lists them too", async () => {
		const result = await runTriggerListSearch('searchPhoneNumbers', {
			parameters: { setup: 'maton', registerFor: 'phoneNumber' },
			credentials: keyOnly(),
		});
		expect(result.results.map((item) => item.value)).toEqual([sandbox.ids.phoneNumberId, ...sandbox.ids.otherPhoneNumberIds]);
		expect(result.results[0].name).toBe('+1 555-010-0001 · Sandbox Shop');
		expect(gatewayPaths()).toEqual(['/me', `/${sandbox.ids.businessAccountId}/phone_numbers`]);
	});

	it('the WhatsApp Business Account pickers of the node and the trigger offer the account found', async () => {
		const expected = {
			results: [{ name: 'Sandbox Business', value: sandbox.ids.businessAccountId, description: `${sandbox.ids.businessAccountId} · Sandbox Holdings` }],
		};
		expect(
			await runListSearch('searchBusinessAccounts', {
				parameters: { resource: 'template', operation: 'list' },
				parameterPath: 'businessAccountId',
				credentials: keyOnly(),
			}),
		).toEqual(expected);
		expect(
			await runTriggerListSearch('searchBusinessAccounts', {
				parameters: { setup: 'maton', registerFor: 'businessAccount' },
				parameterPath: 'businessAccountId',
				credentials: keyOnly(),
			}),
		).toEqual(expected);
		expect(gatewayPaths()).toEqual(['/me', '/me']);
	});

	it('the credential test names the business account it found and counts its numbers', async () => {
		const result = await runCredentialTest(new MatonApi(), keyOnly(), { nodeTypes: [new WhatsAppMaton()] });
		expect(result).toEqual({ status: 'OK', message: 'Connected: 1 business account (Sandbox Business), 3 phone numbers.' });
		expect(sandbox.state.requests.map((entry) => `${entry.api} ${entry.method} ${entry.path}`)).toEqual([
			'control GET /connections',
			'gateway GET /whatsapp-business/v25.0/me',
			`gateway GET /whatsapp-business/v25.0/${sandbox.ids.businessAccountId}/phone_numbers`,
		]);
		expect(sandbox.state.requests.every((entry) => entry.headers.authorization === 'Bearer ***')).toBe(true);
	});

	it('a run uses the one account found, asking for it once for all items', async () => {
		const { items, error } = await runWhatsApp(
			{ resource: 'phoneNumber', operation: 'list', returnAll: true },
			{ credentials: keyOnly(), input: [{ json: {} }, { json: {} }] },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual([
			sandbox.ids.phoneNumberId,
			...sandbox.ids.otherPhoneNumberIds,
			sandbox.ids.phoneNumberId,
			...sandbox.ids.otherPhoneNumberIds,
		]);
		const paths = gatewayPaths();
		expect(paths.filter((path) => path === '/me')).toHaveLength(1);
		expect(paths.filter((path) => path === `/${sandbox.ids.businessAccountId}/phone_numbers`)).toHaveLength(2);
	});

	it("when the connection's token may not list businesses, the picker and the test say what to enter and where", async () => {
		await fetch(`${sandbox.url}/__sandbox/discovery`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ access: 'denied' }),
		});
		const search = runListSearch('searchPhoneNumbers', { parameters: sendText, credentials: keyOnly() });
		await expect(search).rejects.toBeInstanceOf(NodeOperationError);
		await expect(search).rejects.toMatchObject({
			message: 'No WhatsApp Business Account ID, and the Maton connection could not list its business accounts',
			description: expect.stringMatching(/business_management.*Default WhatsApp Business Account ID.*Meta Business Suite › Settings › Accounts › WhatsApp accounts/),
		});
		const result = await runCredentialTest(new MatonApi(), keyOnly(), { nodeTypes: [new WhatsAppMaton()] });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Requires business_management permission.*Enter the WhatsApp Business Account ID/);
	});
});
