import { createHmac } from 'node:crypto';

import { derivedVerifyToken } from '../../nodes/WhatsAppMatonTrigger/signature';
import { API_KEY, BUSINESS_ACCOUNT_ID, matonCredentials, PHONE_NUMBER_ID } from '../fixture';
import { APP_SECRET, callWebhook, metaAppCredentials, NODE_ID, OWN_VERIFY_TOKEN, WORKFLOW_ID } from './harness';
import { incoming, samples } from './payloads';

const ownApp = (credentials = metaAppCredentials()) => ({
	parameters: { setup: 'ownApp' },
	credentials: { whatsAppMetaAppApi: credentials },
});

const maton = {
	parameters: { setup: 'maton', registerFor: 'phoneNumber', phoneNumberId: { __rl: true, mode: 'id', value: PHONE_NUMBER_ID } },
};

const verification = (token: string | undefined, challenge = '1158201444') => ({
	method: 'GET' as const,
	query: {
		'hub.mode': 'subscribe',
		...(token === undefined ? {} : { 'hub.verify_token': token }),
		'hub.challenge': challenge,
	},
});

describe('Own Meta App: X-Hub-Signature-256 on the raw bytes', () => {
	const body = JSON.stringify(incoming(samples.text));

	it('a valid signature → 200 and one item', async () => {
		const call = await callWebhook(ownApp(), { body, signWith: APP_SECRET });
		expect(call.response.status).toBe(200);
		expect(call.items).toHaveLength(1);
	});

	it('the signature covers the bytes as sent: the same JSON with other spacing is signed separately', async () => {
		const spaced = JSON.stringify(incoming(samples.text), null, 2);
		const call = await callWebhook(ownApp(), { body: spaced, signWith: APP_SECRET });
		expect(call.items).toHaveLength(1);
		const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
		const mismatched = await callWebhook(ownApp(), { body: spaced, headers: { 'x-hub-signature-256': signature } });
		expect(mismatched.response).toEqual({ status: 401, contentType: 'text/plain', body: 'Unauthorized: missing or wrong X-Hub-Signature-256' });
		expect(mismatched.items).toEqual([]);
	});

	const forged: Array<[string, Record<string, string>]> = [
		['missing', {}],
		['signed with another secret', { 'x-hub-signature-256': `sha256=${createHmac('sha256', 'f'.repeat(32)).update(body).digest('hex')}` }],
		['not hex', { 'x-hub-signature-256': `sha256=${'z'.repeat(64)}` }],
		['too short', { 'x-hub-signature-256': `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex').slice(0, 62)}` }],
		['without the sha256= prefix', { 'x-hub-signature-256': createHmac('sha256', APP_SECRET).update(body).digest('hex') }],
		['SHA-1 (the old X-Hub-Signature scheme)', { 'x-hub-signature-256': `sha1=${createHmac('sha1', APP_SECRET).update(body).digest('hex')}` }],
		['empty', { 'x-hub-signature-256': '' }],
	];
	it.each(forged)('a signature that is %s → 401, no run', async (_name, headers) => {
		const call = await callWebhook(ownApp(), { body, headers });
		expect(call.response.status).toBe(401);
		expect(call.result).toEqual({ noWebhookResponse: true });
	});

	it('a tampered body with the original signature → 401', async () => {
		const signature = `sha256=${createHmac('sha256', APP_SECRET).update(body).digest('hex')}`;
		const call = await callWebhook(ownApp(), { body: body.replace('this is a text message', 'send me money'), headers: { 'x-hub-signature-256': signature } });
		expect(call.response.status).toBe(401);
		expect(call.items).toEqual([]);
	});
});

describe('Verify token (Meta GET verification)', () => {
	it('Own Meta App: the credential token → 200 with the challenge as plain text', async () => {
		const call = await callWebhook(ownApp(), verification(OWN_VERIFY_TOKEN));
		expect(call.response).toEqual({ status: 200, contentType: 'text/plain', body: '1158201444' });
		expect(call.result).toEqual({ noWebhookResponse: true });
	});

	it.each([
		['wrong', 'not-my-token'],
		['a prefix of the right one', OWN_VERIFY_TOKEN.slice(0, -1)],
		['missing', undefined],
	])('Own Meta App: a %s token → 403, no challenge', async (_name, token) => {
		const call = await callWebhook(ownApp(), verification(token));
		expect(call.response).toEqual({ status: 403, contentType: 'text/plain', body: 'Forbidden: wrong or missing verify token' });
	});

	it('hub.mode other than subscribe → 403', async () => {
		const call = await callWebhook(ownApp(), { method: 'GET', query: { 'hub.mode': 'unsubscribe', 'hub.verify_token': OWN_VERIFY_TOKEN, 'hub.challenge': '1' } });
		expect(call.response.status).toBe(403);
	});

	it('Through Maton: the token derived for this workflow and node → 200', async () => {
		const token = derivedVerifyToken(API_KEY, WORKFLOW_ID, NODE_ID);
		expect(token).toMatch(/^[0-9a-f]{64}$/);
		expect(token).not.toContain(API_KEY);
		const call = await callWebhook(maton, verification(token, 'abc'));
		expect(call.response).toEqual({ status: 200, contentType: 'text/plain', body: 'abc' });
	});

	it('Through Maton: a token made with another API key, workflow or node → 403', async () => {
		for (const token of [
			derivedVerifyToken('another-key', WORKFLOW_ID, NODE_ID),
			derivedVerifyToken(API_KEY, 'another-workflow', NODE_ID),
			derivedVerifyToken(API_KEY, WORKFLOW_ID, 'another-node'),
		]) {
			const call = await callWebhook(maton, verification(token));
			expect(call.response.status).toBe(403);
		}
	});
});

describe('Through Maton: only the registered number or account', () => {
	it('a body for another phone number → 403, no run', async () => {
		const call = await callWebhook(maton, { body: incoming(samples.text, { phoneNumberId: '999999999999' }) });
		expect(call.response).toEqual({ status: 403, contentType: 'text/plain', body: 'Forbidden: not the registered phone number or business account' });
		expect(call.items).toEqual([]);
	});

	it("One Phone Number: the phone number ID decides, whatever the credential's default business account", async () => {
		const call = await callWebhook(
			{ ...maton, credentials: { matonApi: matonCredentials({ businessAccountId: '777777777777' }) } },
			{ body: incoming(samples.text, { businessAccountId: '888888888888' }) },
		);
		expect(call.response.status).toBe(200);
		expect(call.items).toHaveLength(1);
	});

	it('a POST mixing events of the registered number and of another → 403, none of them runs', async () => {
		const body = incoming(samples.text);
		body.entry.push(incoming(samples.text, { phoneNumberId: '999999999999' }).entry[0]);
		const call = await callWebhook(maton, { body });
		expect(call.response.status).toBe(403);
		expect(call.items).toEqual([]);
	});

	it('Whole Business Account: a body for another account → 403; any number of ours → 200', async () => {
		const setup = { parameters: { setup: 'maton', registerFor: 'businessAccount' }, credentials: { matonApi: matonCredentials() } };
		expect((await callWebhook(setup, { body: incoming(samples.text, { businessAccountId: '888888888888' }) })).response.status).toBe(403);
		const other = await callWebhook(setup, { body: incoming(samples.text, { phoneNumberId: '106540352242923', businessAccountId: BUSINESS_ACCOUNT_ID }) });
		expect(other.response.status).toBe(200);
		expect(other.items).toHaveLength(1);
	});

	it('a signature header is not needed (Meta signs with Maton\'s secret)', async () => {
		const call = await callWebhook(maton, { body: incoming(samples.text) });
		expect(call.response.status).toBe(200);
		expect(call.items).toHaveLength(1);
	});
});

describe('Bodies that are not WhatsApp webhooks', () => {
	it('a body over 3 MiB → 413, no run (checked before the signature)', async () => {
		const big = JSON.stringify({ ...incoming(samples.text), padding: 'x'.repeat(3 * 1024 * 1024) });
		const call = await callWebhook(ownApp(), { body: big });
		expect(call.response).toEqual({ status: 413, contentType: 'text/plain', body: 'Payload Too Large' });
		expect(call.result).toEqual({ noWebhookResponse: true });
	});

	it('a body of just under 3 MiB is read normally', async () => {
		const base = JSON.stringify(incoming(samples.text));
		const padded = `${base.slice(0, -1)},"padding":"${'x'.repeat(3 * 1024 * 1024 - base.length - 14)}"}`;
		expect(Buffer.byteLength(padded)).toBeLessThanOrEqual(3 * 1024 * 1024);
		const call = await callWebhook(ownApp(), { body: padded, signWith: APP_SECRET });
		expect(call.response.status).toBe(200);
	});

	it.each([
		['another object', { object: 'page', entry: [] }],
		['not JSON', 'hello'],
		['empty', ''],
	])('%s → 400, no run', async (_name, body) => {
		const call = await callWebhook(maton, { body });
		expect(call.response.status).toBe(400);
		expect(call.items).toEqual([]);
	});
});
