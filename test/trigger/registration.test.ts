import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { derivedVerifyToken } from '../../nodes/WhatsAppMatonTrigger/signature';
import { API_KEY, BUSINESS_ACCOUNT_ID, CONNECTION_ID, expectAuthorised, fakeApi, GATEWAY_ORIGIN, GRAPH, matonCredentials, PHONE_NUMBER_ID } from '../fixture';
import { NODE_ID, PRODUCTION_URL, runHook, TEST_URL, WEBHOOK_ID, WORKFLOW_ID } from './harness';

const TOKEN = derivedVerifyToken(API_KEY, WORKFLOW_ID, NODE_ID);
const byId = { __rl: true, mode: 'id', value: PHONE_NUMBER_ID };
const phone = { parameters: { setup: 'maton', registerFor: 'phoneNumber', phoneNumberId: byId } };
const account = { parameters: { setup: 'maton', registerFor: 'businessAccount' } };

const phoneConfiguration = (override?: string) => ({
	webhook_configuration: {
		application: 'https://maton.example/meta-webhook',
		...(override === undefined ? {} : { phone_number: override }),
	},
	id: PHONE_NUMBER_ID,
});
const subscribedApps = (override?: string) => ({
	data: [
		{
			whatsapp_business_api_data: { id: '670843887433847', link: 'https://www.facebook.com/games/?app_id=670843887433847', name: 'Maton' },
			...(override === undefined ? {} : { override_callback_uri: override }),
		},
	],
});

describe('checkExists: is the override already ours?', () => {
	it('phone number: reads webhook_configuration; no override → false', async () => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration());
		const { result } = await runHook('checkExists', phone);
		expect(result).toBe(false);
		expect(api.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
			`GET ${GRAPH}/${PHONE_NUMBER_ID}?fields=webhook_configuration`,
		]);
		expectAuthorised(api.requests[0]);
	});

	it('phone number: our production URL → true (nothing to create after a restart)', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration(PRODUCTION_URL));
		expect((await runHook('checkExists', phone)).result).toBe(true);
	});

	it('business account: reads subscribed_apps; another URL → false', async () => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, subscribedApps('https://elsewhere.example/hook'));
		expect((await runHook('checkExists', account)).result).toBe(false);
		expect(api.requests[0].url).toBe(`${GRAPH}/${BUSINESS_ACCOUNT_ID}/subscribed_apps`);
	});

	it('Own Meta App: nothing to check, no request', async () => {
		const api = fakeApi(GATEWAY_ORIGIN);
		expect((await runHook('checkExists', { parameters: { setup: 'ownApp' }, credentials: { whatsAppMetaAppApi: { verifyToken: 'x', appSecret: 'y' } } })).result).toBe(true);
		expect(api.requests).toEqual([]);
	});
});

describe('create: sets the override with the derived verify token', () => {
	it('phone number: POST /{phone_number_id} webhook_configuration, registration kept in static data', async () => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration()).reply(200, { success: true });
		const { result, staticData } = await runHook('create', phone);
		expect(result).toBe(true);
		expect(api.requests[1]).toMatchObject({
			method: 'POST',
			url: `${GRAPH}/${PHONE_NUMBER_ID}`,
			body: { webhook_configuration: { override_callback_uri: PRODUCTION_URL, verify_token: TOKEN } },
		});
		expectAuthorised(api.requests[1]);
		expect(staticData.registration).toEqual({ scope: 'phoneNumber', id: PHONE_NUMBER_ID, url: PRODUCTION_URL, previousUrl: null });
	});

	it.each([
		['as saved before the picker (plain text)', '102290129340399'],
		['picked from the list', { __rl: true, mode: 'list', value: '102290129340399' }],
	])('business account (%s): POST /{waba_id}/subscribed_apps with override_callback_uri and verify_token', async (_saved, businessAccountId) => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, subscribedApps()).reply(200, { success: true });
		await runHook('create', { parameters: { ...account.parameters, businessAccountId } });
		expect(api.requests.map((request) => [request.method, request.url, request.body])).toEqual([
			['GET', `${GRAPH}/102290129340399/subscribed_apps`, undefined],
			['POST', `${GRAPH}/102290129340399/subscribed_apps`, { override_callback_uri: PRODUCTION_URL, verify_token: TOKEN }],
		]);
	});

	it('sends the Maton-Connection header of the node, else of the credential', async () => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration()).reply(200, { success: true });
		await runHook('create', { parameters: { ...phone.parameters, options: { connectionId: CONNECTION_ID } } });
		expect(api.requests.map((request) => request.headers['maton-connection'])).toEqual([CONNECTION_ID, CONNECTION_ID]);
		nock.cleanAll();
		const fromCredential = fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration()).reply(200, { success: true });
		await runHook('create', { ...phone, credentials: { matonApi: matonCredentials({ connectionId: 'conn-from-credential' }) } });
		expect(fromCredential.requests[0].headers['maton-connection']).toBe('conn-from-credential');
	});

	it('the editor\'s test listen registers the test URL and remembers the production one to restore', async () => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration(PRODUCTION_URL)).reply(200, { success: true });
		const { staticData } = await runHook('create', { ...phone, mode: 'manual' });
		expect(api.requests[1].body).toEqual({ webhook_configuration: { override_callback_uri: TEST_URL, verify_token: TOKEN } });
		expect(staticData.registration).toMatchObject({ url: TEST_URL, previousUrl: PRODUCTION_URL });
	});

	it('another URL already set → refused, nothing sent, unless Replace Existing Override is on', async () => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration('https://other.example/hook'));
		await expect(runHook('create', phone)).rejects.toThrow(
			`Phone number ${PHONE_NUMBER_ID} already sends its webhooks to https://other.example/hook`,
		);
		expect(api.requests).toHaveLength(1);

		nock.cleanAll();
		const replacing = fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration('https://other.example/hook')).reply(200, { success: true });
		const { staticData } = await runHook('create', { parameters: { ...phone.parameters, options: { replaceExisting: true } } });
		expect(replacing.requests[1].method).toBe('POST');
		expect(staticData.registration).toMatchObject({ previousUrl: 'https://other.example/hook' });
	});

	it('Maton or Graph refusing the override → an error with what they said', async () => {
		fakeApi(GATEWAY_ORIGIN)
			.reply(200, phoneConfiguration())
			.reply(400, { error: { message: '(#100) Param webhook_configuration is not supported', type: 'OAuthException', code: 100 } });
		await expect(runHook('create', phone)).rejects.toThrow(
			"Maton refused to set the phone number's webhook override (HTTP 400): (#100) Param webhook_configuration is not supported",
		);
	});

	it('a network failure → an error naming the step, without the API key', async () => {
		fakeApi(GATEWAY_ORIGIN).failWith('ECONNRESET');
		const error = await runHook('create', phone).catch((caught: Error) => caught);
		expect((error as Error).message).toMatch(/^Could not reach Maton to read the phone number's webhook override/);
		expect(JSON.stringify(error)).not.toContain(API_KEY);
	});

	const badUrls: Array<[string, Partial<{ productionBase: string }>, string]> = [
		['longer than 200 characters', { productionBase: `https://n8n.example.com/${'a'.repeat(150)}/webhook` }, 'characters long; Meta accepts at most 200'],
		['plain http on a public host', { productionBase: 'http://n8n.example.com/webhook' }, 'Meta only calls https webhook URLs'],
	];
	it.each(badUrls)('a webhook URL %s → refused before any request', async (_name, bases, message) => {
		const api = fakeApi(GATEWAY_ORIGIN);
		await expect(runHook('create', { ...phone, ...bases })).rejects.toThrow(message);
		expect(api.requests).toEqual([]);
	});

	it('plain http on 127.0.0.1 (the local sandbox) is allowed', async () => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration()).reply(200, { success: true });
		await runHook('create', { ...phone, productionBase: 'http://127.0.0.1:5678/webhook' });
		expect(api.requests[1].body).toMatchObject({ webhook_configuration: { override_callback_uri: `http://127.0.0.1:5678/webhook/${WEBHOOK_ID}/webhook` } });
	});

	it.each([
		['a phone number with a plus sign', { ...phone.parameters, phoneNumberId: { __rl: true, mode: 'id', value: '+1 555 0100' } }, 'Phone Number: "+1 555 0100" is not a phone number ID (digits only)'],
		['an empty phone number', { ...phone.parameters, phoneNumberId: { __rl: true, mode: 'id', value: '' } }, 'Phone Number: "" is not a phone number ID'],
		['a business account ID with letters', { ...account.parameters, businessAccountId: '1022abc' }, 'WhatsApp Business Account ID: "1022abc" is not a business account ID'],
		['a path in the connection ID', { ...phone.parameters, options: { connectionId: '../admin' } }, 'Maton Connection ID: "../admin" is not a connection ID'],
	])('%s → refused before any request', async (_name, parameters, message) => {
		const api = fakeApi(GATEWAY_ORIGIN);
		await expect(runHook('create', { parameters })).rejects.toThrow(message);
		expect(api.requests).toEqual([]);
	});

	it('business account with none on the node nor on the credential → refused', async () => {
		const api = fakeApi(GATEWAY_ORIGIN);
		await expect(runHook('create', { ...account, credentials: { matonApi: matonCredentials({ businessAccountId: '' }) } })).rejects.toThrow(
			'WhatsApp Business Account ID: "" is not a business account ID',
		);
		expect(api.requests).toEqual([]);
	});
});

describe('delete: removes the override and restores what was there', () => {
	const registered = (previousUrl: string | null, url = PRODUCTION_URL): IDataObject => ({
		'node:WhatsApp (Maton) Trigger': { registration: { scope: 'phoneNumber', id: PHONE_NUMBER_ID, url, previousUrl } },
	});

	it('phone number, nothing before: override_callback_uri emptied, registration forgotten', async () => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration(PRODUCTION_URL)).reply(200, { success: true });
		const { result, staticData } = await runHook('delete', { ...phone, staticData: registered(null) });
		expect(result).toBe(true);
		expect(api.requests[1]).toMatchObject({ method: 'POST', url: `${GRAPH}/${PHONE_NUMBER_ID}`, body: { webhook_configuration: { override_callback_uri: '' } } });
		expect(staticData.registration).toBeUndefined();
	});

	it('business account: POST subscribed_apps without an override (back to the app\'s URL)', async () => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, subscribedApps(PRODUCTION_URL)).reply(200, { success: true });
		await runHook('delete', {
			...account,
			staticData: { 'node:WhatsApp (Maton) Trigger': { registration: { scope: 'businessAccount', id: BUSINESS_ACCOUNT_ID, url: PRODUCTION_URL, previousUrl: null } } },
		});
		expect(api.requests[1]).toMatchObject({ method: 'POST', url: `${GRAPH}/${BUSINESS_ACCOUNT_ID}/subscribed_apps`, body: {} });
	});

	it('after a test listen: the production URL goes back, with its token', async () => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration(TEST_URL)).reply(200, { success: true });
		await runHook('delete', { ...phone, mode: 'manual', staticData: registered(PRODUCTION_URL, TEST_URL) });
		expect(api.requests[1].body).toEqual({ webhook_configuration: { override_callback_uri: PRODUCTION_URL, verify_token: TOKEN } });
	});

	it('the target as registered is used, even if the node now names another number', async () => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration(PRODUCTION_URL)).reply(200, { success: true });
		await runHook('delete', {
			parameters: { ...phone.parameters, phoneNumberId: { __rl: true, mode: 'id', value: '106540352242923' } },
			staticData: registered(null),
		});
		expect(api.requests.map((request) => request.url)).toEqual([
			`${GRAPH}/${PHONE_NUMBER_ID}?fields=webhook_configuration`,
			`${GRAPH}/${PHONE_NUMBER_ID}`,
		]);
	});

	it('someone else took the number over meanwhile: theirs is left alone', async () => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration('https://other.example/hook'));
		const { staticData } = await runHook('delete', { ...phone, staticData: registered(null) });
		expect(api.requests.map((request) => request.method)).toEqual(['GET']);
		expect(staticData.registration).toBeUndefined();
	});

	it('a replaced foreign override cannot be restored (its token is unknown): ours is removed', async () => {
		const api = fakeApi(GATEWAY_ORIGIN).reply(200, phoneConfiguration(PRODUCTION_URL)).reply(200, { success: true });
		await runHook('delete', { ...phone, staticData: registered('https://other.example/hook') });
		expect(api.requests[1].body).toEqual({ webhook_configuration: { override_callback_uri: '' } });
	});
});
