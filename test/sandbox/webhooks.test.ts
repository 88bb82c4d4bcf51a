/**
 * The sandbox's webhooks (sandbox/webhooks.js): Meta's override calls with the GET verification,
 * the simulated customer, and the statuses after a send, against a real receiver on 127.0.0.1;
 * then the WhatsApp (Maton) Trigger itself registering through the sandbox and receiving.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import nock from 'nock';

import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { runHook } from '../trigger/harness';
import { serveTrigger } from '../trigger/serve';

const VERSION = 'v25.0';
let sandbox: SandboxHandle;

interface Received {
	method: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	raw: string;
}

const openServers = new Set<() => Promise<void>>();
afterEach(async () => {
	await Promise.all([...openServers].map((close) => close()));
	openServers.clear();
});

/** A stand-in webhook endpoint: answers the verification with `token`, records every call. */
async function receiver(token = 'the-token') {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const query = Object.fromEntries(url.searchParams);
			received.push({ method: req.method ?? '', query, headers: req.headers, raw });
			if (req.method === 'GET') {
				const ok = query['hub.verify_token'] === token;
				res.writeHead(ok ? 200 : 403);
				res.end(ok ? query['hub.challenge'] : 'no');
				return;
			}
			res.writeHead(200);
			res.end('EVENT_RECEIVED');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	const close = () =>
		new Promise<void>((resolve) => {
			if (!server.listening) return resolve();
			server.close(() => resolve());
			server.closeAllConnections();
		});
	openServers.add(close);
	return {
		url,
		received,
		posts: () => received.filter((entry) => entry.method === 'POST').map((entry) => JSON.parse(entry.raw)),
		close,
	};
}

async function call(path: string, init: { method?: string; body?: unknown } = {}) {
	const response = await fetch(`${sandbox.url}${path}`, {
		method: init.method ?? 'GET',
		headers: { Authorization: `Bearer ${sandbox.apiKey}`, 'Content-Type': 'application/json' },
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	// The answers are read loosely: the assertions themselves say what shape they must have.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	return { status: response.status, body: (await response.json()) as Record<string, any> };
}
const graph = (path: string) => `/whatsapp-business/${VERSION}${path}`;
const setPhoneOverride = (url: string, token = 'the-token', phone = sandbox.ids.phoneNumberId) =>
	call(graph(`/${phone}`), { method: 'POST', body: { webhook_configuration: { override_callback_uri: url, verify_token: token } } });
const customer = (body: Record<string, unknown>) => call('/__sandbox/customer', { method: 'POST', body });
const webhooks = async () => (await call('/__sandbox/webhooks')).body;

/** Waits (bounded) for a condition the sandbox reaches asynchronously (status deliveries). */
async function eventually(check: () => boolean, what: string) {
	for (let attempt = 0; attempt < 100; attempt++) {
		if (check()) return;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ port: 0, rateLimitPerSecond: 0 });
});
afterAll(async () => {
	await sandbox.close();
});
beforeEach(() => sandbox.reset());

describe('override calls', () => {
	it('phone number: Meta verifies the URL with a GET before answering, then GET shows the override', async () => {
		const hook = await receiver();
		expect(await setPhoneOverride(hook.url)).toEqual({ status: 200, body: { success: true } });
		expect(hook.received).toHaveLength(1);
		expect(hook.received[0].method).toBe('GET');
		expect(hook.received[0].query).toMatchObject({ 'hub.mode': 'subscribe', 'hub.verify_token': 'the-token' });
		const shown = await call(graph(`/${sandbox.ids.phoneNumberId}?fields=webhook_configuration`));
		expect(shown.body.webhook_configuration.phone_number).toBe(hook.url);
		expect((await webhooks()).overrides.phoneNumbers[sandbox.ids.phoneNumberId].url).toBe(hook.url);
		await hook.close();
	});

	it('a URL that does not echo the challenge → Graph error 2200, no override', async () => {
		const hook = await receiver('another-token');
		const answer = await setPhoneOverride(hook.url);
		expect(answer.status).toBe(400);
		expect(answer.body.error.code).toBe(2200);
		expect((await webhooks()).overrides.phoneNumbers).toEqual({});
		await hook.close();
	});

	it('asynchronous verification answers first and sets the override once verified', async () => {
		await call('/__sandbox/webhooks/config', { method: 'POST', body: { verification: 'async' } });
		const hook = await receiver();
		expect((await setPhoneOverride(hook.url)).status).toBe(200);
		let state = await webhooks();
		await eventually(() => hook.received.length === 1, 'the verification GET');
		for (let attempt = 0; attempt < 50 && !state.overrides.phoneNumbers[sandbox.ids.phoneNumberId]; attempt++) state = await webhooks();
		expect(state.verifications[0]).toMatchObject({ ok: true, status: 200 });
		expect(state.overrides.phoneNumbers[sandbox.ids.phoneNumberId].url).toBe(hook.url);
		await hook.close();
	});

	it.each([
		['longer than 200 characters', `https://example.com/${'a'.repeat(190)}`, 'at most 200 characters'],
		['plain http on a public host', 'http://example.com/hook', 'must be an https URL'],
		['empty', '', 'override_callback_uri is required'],
	])('an override URL %s → Graph error 100', async (_name, url, message) => {
		const answer = await call(graph(`/${sandbox.ids.businessAccountId}/subscribed_apps`), { method: 'POST', body: { override_callback_uri: url, verify_token: 't' } });
		if (url === '') {
			// No override in the body means "back to the app's URL", which succeeds.
			expect(answer.status).toBe(200);
			return;
		}
		expect(answer.status).toBe(400);
		expect(answer.body.error).toMatchObject({ code: 100 });
		expect(answer.body.error.message).toContain(message);
	});

	it('business account: subscribed_apps shows it; a phone number override wins over it; both can be removed', async () => {
		const account = await receiver();
		const number = await receiver();
		await call(graph(`/${sandbox.ids.businessAccountId}/subscribed_apps`), { method: 'POST', body: { override_callback_uri: account.url, verify_token: 'the-token' } });
		const listed = await call(graph(`/${sandbox.ids.businessAccountId}/subscribed_apps`));
		expect(listed.body.data[0].override_callback_uri).toBe(account.url);

		await customer({ kind: 'text', text: 'to the account' });
		await setPhoneOverride(number.url);
		await customer({ kind: 'text', text: 'to the number' });
		expect(account.posts().map((body) => body.entry[0].changes[0].value.messages[0].text.body)).toEqual(['to the account']);
		expect(number.posts().map((body) => body.entry[0].changes[0].value.messages[0].text.body)).toEqual(['to the number']);

		await call(graph(`/${sandbox.ids.phoneNumberId}`), { method: 'POST', body: { webhook_configuration: { override_callback_uri: '' } } });
		await call(graph(`/${sandbox.ids.businessAccountId}/subscribed_apps`), { method: 'POST', body: {} });
		expect((await webhooks()).overrides).toEqual({ businessAccounts: {}, phoneNumbers: {} });
		const none = await customer({ kind: 'text' });
		expect(none.body.delivery).toBeNull();
		await account.close();
		await number.close();
	});
});

describe('the simulated customer', () => {
	const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
		['text', { kind: 'text', text: 'hi' }, { type: 'text', text: { body: 'hi' } }],
		['reply button', { kind: 'button', id: 'yes', title: 'Yes please' }, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Yes please' } } }],
		['list row', { kind: 'list', id: 'row-2', title: 'Tuesday' }, { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'row-2', title: 'Tuesday' } } }],
		['template quick reply', { kind: 'quick-reply', id: 'STOP', title: 'Stop' }, { type: 'button', button: { text: 'Stop', payload: 'STOP' } }],
		['image', { kind: 'image', mediaId: '1234567890', caption: 'look' }, { type: 'image', image: expect.objectContaining({ id: '1234567890', caption: 'look', mime_type: 'image/jpeg' }) }],
		['location', { kind: 'location', latitude: 52.52, longitude: 13.405, name: 'Berlin' }, { type: 'location', location: { latitude: 52.52, longitude: 13.405, name: 'Berlin' } }],
		['reaction', { kind: 'reaction', messageId: 'wamid.SENT', emoji: '\u2764\uFE0F' }, { type: 'reaction', reaction: { message_id: 'wamid.SENT', emoji: '\u2764\uFE0F' } }],
	];

	it.each(cases)('%s → Meta\'s payload shape at the registered URL', async (_name, input, message) => {
		const hook = await receiver();
		await setPhoneOverride(hook.url);
		const sent = await customer(input);
		expect(sent.body.delivery).toMatchObject({ url: hook.url, status: 200 });
		const [body] = hook.posts();
		expect(body).toEqual({
			object: 'whatsapp_business_account',
			entry: [
				{
					id: sandbox.ids.businessAccountId,
					changes: [
						{
							field: 'messages',
							value: {
								messaging_product: 'whatsapp',
								metadata: { display_phone_number: '15550100001', phone_number_id: sandbox.ids.phoneNumberId },
								contacts: [{ profile: { name: 'Kerry Fisher' }, wa_id: '16315551181' }],
								messages: [{ from: '16315551181', id: sent.body.message.id, timestamp: expect.stringMatching(/^\d{10}$/), ...message }],
							},
						},
					],
				},
			],
		});
		expect(sent.body.message.id).toMatch(/^wamid\.[A-Za-z0-9+/]+$/);
		expect(hook.received.at(-1)?.headers['x-hub-signature-256']).toBeUndefined();
		await hook.close();
	});

	it('signed with X-Hub-Signature-256 when the sandbox has an app secret', async () => {
		await call('/__sandbox/webhooks/config', { method: 'POST', body: { appSecret: 'sandbox-app-secret' } });
		const hook = await receiver();
		await setPhoneOverride(hook.url);
		await customer({ kind: 'text', text: 'signed' });
		const post = hook.received.at(-1)!;
		expect(post.headers['x-hub-signature-256']).toBe(`sha256=${createHmac('sha256', 'sandbox-app-secret').update(post.raw).digest('hex')}`);
		await hook.close();
	});

	it('bad input → 400 with the reason', async () => {
		expect((await customer({ kind: 'dance' })).body.error.message).toContain('kind must be one of');
		expect((await customer({ kind: 'text', phoneNumberId: '1' })).status).toBe(400);
	});

	it('a customer reply in context carries context.message_id', async () => {
		const hook = await receiver();
		await setPhoneOverride(hook.url);
		await customer({ kind: 'text', text: 'this one', contextMessageId: 'wamid.ORIGINAL' });
		expect(hook.posts()[0].entry[0].changes[0].value.messages[0].context).toEqual({ from: '', id: 'wamid.ORIGINAL' });
		await hook.close();
	});
});

describe('statuses after every message the node sends', () => {
	it('sent, delivered, read for the message ID, in that order, to the registered URL; none for mark as read', async () => {
		await call('/__sandbox/webhooks/config', { method: 'POST', body: { statusDelayMs: 5 } });
		const hook = await receiver();
		await setPhoneOverride(hook.url);
		const sent = await call(graph(`/${sandbox.ids.phoneNumberId}/messages`), {
			method: 'POST',
			body: { messaging_product: 'whatsapp', to: '16315551181', type: 'text', text: { body: 'hello' } },
		});
		const id = sent.body.messages[0].id;
		await eventually(() => hook.posts().length === 3, 'three statuses');
		const statuses = hook.posts().map((body) => body.entry[0].changes[0].value.statuses[0]);
		expect(statuses.map((status) => [status.id, status.status, status.recipient_id])).toEqual([
			[id, 'sent', '16315551181'],
			[id, 'delivered', '16315551181'],
			[id, 'read', '16315551181'],
		]);
		await call(graph(`/${sandbox.ids.phoneNumberId}/messages`), { method: 'POST', body: { messaging_product: 'whatsapp', status: 'read', message_id: id } });
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(hook.posts()).toHaveLength(3);
		await hook.close();
	});
});

describe('what Send and Wait for Response needs from the sandbox', () => {
	const send = (body: Record<string, unknown>) =>
		call(graph(`/${sandbox.ids.phoneNumberId}/messages`), { method: 'POST', body: { messaging_product: 'whatsapp', to: '16315551181', ...body } });
	const buttons = {
		type: 'interactive',
		interactive: {
			type: 'button',
			body: { text: 'Ship it?' },
			action: { buttons: [{ type: 'reply', reply: { id: 'v1.token-approve', title: 'Approve' } }, { type: 'reply', reply: { id: 'v1.token-decline', title: 'Decline' } }] },
		},
	};

	it('echoes biz_opaque_callback_data in every status of the message, as Meta does', async () => {
		await call('/__sandbox/webhooks/config', { method: 'POST', body: { statusDelayMs: 5 } });
		const hook = await receiver();
		await setPhoneOverride(hook.url);
		await send({ type: 'text', text: { body: 'When shall we ship?' }, biz_opaque_callback_data: 'v1.opaque' });
		await eventually(() => hook.posts().length === 3, 'three statuses');
		const statuses = hook.posts().map((body) => body.entry[0].changes[0].value.statuses[0]);
		expect(statuses.map((status) => [status.status, status.biz_opaque_callback_data])).toEqual([
			['sent', 'v1.opaque'],
			['delivered', 'v1.opaque'],
			['read', 'v1.opaque'],
		]);
		await hook.close();
	});

	it('refuses biz_opaque_callback_data over 512 characters', async () => {
		const answer = await send({ type: 'text', text: { body: 'x' }, biz_opaque_callback_data: 'x'.repeat(513) });
		expect(answer.status).toBe(400);
		expect(answer.body.error.error_data.details).toContain('biz_opaque_callback_data must be at most 512');
	});

	it('the customer taps a button of the latest reply-button message: its ID and title, in context', async () => {
		await call('/__sandbox/webhooks/config', { method: 'POST', body: { statusEvents: false } });
		const hook = await receiver();
		await setPhoneOverride(hook.url);
		const sent = await send(buttons);
		await send({ type: 'text', text: { body: 'a later text' } });
		const wamid = sent.body.messages[0].id;
		await customer({ kind: 'tap', button: '2' });
		await customer({ kind: 'tap', button: 'Approve' });
		const taps = hook.posts().map((body) => body.entry[0].changes[0].value.messages[0]);
		expect(taps.map((tap) => [tap.context.id, tap.interactive.button_reply])).toEqual([
			[wamid, { id: 'v1.token-decline', title: 'Decline' }],
			[wamid, { id: 'v1.token-approve', title: 'Approve' }],
		]);
		expect((await customer({ kind: 'tap', button: '3' })).body.error.message).toContain('has no button 3');
		await hook.close();
	});

	it('the customer replies in context to the latest message sent to them', async () => {
		await call('/__sandbox/webhooks/config', { method: 'POST', body: { statusEvents: false } });
		const hook = await receiver();
		await setPhoneOverride(hook.url);
		const sent = await send({ type: 'text', text: { body: 'When shall we ship?' } });
		await customer({ kind: 'reply', text: 'Tomorrow' });
		const [reply] = hook.posts().map((body) => body.entry[0].changes[0].value.messages[0]);
		expect(reply.context.id).toBe(sent.body.messages[0].id);
		expect(reply.text).toEqual({ body: 'Tomorrow' });
		await hook.close();
	});

	it('a tap with nothing sent to the customer is refused', async () => {
		expect((await customer({ kind: 'tap' })).body.error.message).toContain('no reply-button message was sent to 16315551181 yet');
	});
});

describe('the WhatsApp (Maton) Trigger registering through the sandbox', () => {
	const parameters = { setup: 'maton', registerFor: 'phoneNumber', phoneNumberId: { __rl: true, mode: 'id', value: '106540352242922' } };

	it('create → the sandbox verifies the URL against the node → the customer\'s "hi" becomes an item → delete removes the override', async () => {
		const credentials = { matonApi: sandbox.credentials() };
		const trigger = await serveTrigger({ parameters, credentials });
		openServers.add(trigger.close);
		const hooks = { parameters, credentials, productionBase: trigger.base, staticData: trigger.staticData };

		expect((await runHook('checkExists', hooks)).result).toBe(false);
		await runHook('create', hooks);
		expect(trigger.calls.map((entry) => [entry.method, entry.call.response.status])).toEqual([['GET', 200]]);
		expect((await webhooks()).overrides.phoneNumbers['106540352242922'].url).toBe(trigger.url);
		expect((await runHook('checkExists', hooks)).result).toBe(true);

		const hi = await customer({ kind: 'text', text: 'hi' });
		expect(hi.body.delivery.status).toBe(200);
		const post = trigger.calls.at(-1)!.call;
		expect(post.items.map((item) => [item.json.kind, item.json.text, item.json.messageId, item.json.from])).toEqual([
			['text', 'hi', hi.body.message.id, '16315551181'],
		]);

		await runHook('delete', hooks);
		expect((await webhooks()).overrides.phoneNumbers).toEqual({});
		await trigger.close();
	});

	it('a forged delivery straight to the URL for another number is refused (403) and starts nothing', async () => {
		const trigger = await serveTrigger({ parameters, credentials: { matonApi: sandbox.credentials() } });
		openServers.add(trigger.close);
		const response = await fetch(trigger.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				object: 'whatsapp_business_account',
				entry: [{ id: '1', changes: [{ field: 'messages', value: { metadata: { phone_number_id: '999' }, messages: [{ id: 'wamid.X', type: 'text', text: { body: 'x' } }] } }] }],
			}),
		});
		expect(response.status).toBe(403);
		expect(trigger.calls[0].call.items).toEqual([]);
		await trigger.close();
	});
});
