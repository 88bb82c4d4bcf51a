'use strict';
/**
 * End-to-end cases of the WhatsApp (Maton) Trigger in a running n8n: a workflow is activated
 * through the REST API (the trigger sets the sandbox number's webhook override, and the sandbox
 * verifies the URL with Meta's GET before answering), the simulated customer writes, and the
 * case waits for the workflow's reply at the sandbox; deactivating must remove the override.
 *
 * Independent of how n8n runs, so that the same cases serve single-process and queue mode:
 *   case.run(context), context = {
 *     baseUrl,         // n8n's main process (REST API), e.g. http://127.0.0.1:5678
 *     webhookBaseUrl,  // where production webhooks are served (the main process, or queue
 *                      // mode's webhook process): the override must point there
 *     sandbox,         // { url } of the Maton sandbox n8n's credential points at (in-process or not)
 *     cookie,          // an owner session cookie for the REST API
 *     replyDeadlineMs, // how long the reply may take (default 5000)
 *   }
 * The cases leave every workflow they activate deactivated again.
 */
const assert = require('node:assert/strict');

const PHONE = '106540352242922';
const CUSTOMER = '16315551181';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function json(response, what) {
	const text = await response.text();
	assert.ok(response.ok, `${what} → ${response.status} ${text.slice(0, 500)}`);
	return text ? JSON.parse(text) : {};
}

function rest(context) {
	const headers = { cookie: context.cookie, 'content-type': 'application/json' };
	return {
		get: async (path) => json(await fetch(`${context.baseUrl}${path}`, { headers }), `GET ${path}`),
		post: async (path, body) => json(await fetch(`${context.baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body ?? {}) }), `POST ${path}`),
	};
}

function sandboxApi(context) {
	const url = context.sandbox.url;
	return {
		webhooks: async () => json(await fetch(`${url}/__sandbox/webhooks`), 'GET /__sandbox/webhooks'),
		requests: async () => (await json(await fetch(`${url}/__sandbox/requests?api=gateway`), 'GET /__sandbox/requests')).requests,
		messages: async () => (await json(await fetch(`${url}/__sandbox/messages`), 'GET /__sandbox/messages')).messages,
		customer: async (body) => json(await fetch(`${url}/__sandbox/customer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), 'POST /__sandbox/customer'),
		configure: async (body) => json(await fetch(`${url}/__sandbox/webhooks/config`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), 'POST /__sandbox/webhooks/config'),
	};
}

/** Polls `check` (async, truthy when done) every 100 ms for at most `ms`. */
async function within(ms, check) {
	const started = Date.now();
	for (;;) {
		const value = await check();
		if (value) return { value, ms: Date.now() - started };
		if (Date.now() - started > ms) return { value: undefined, ms: Date.now() - started };
		await sleep(100);
	}
}

/**
 * How long activation may take. n8n 2.41 publishes through an outbox (N8N_USE_WORKFLOW_PUBLICATION_SERVICE,
 * on by default): the REST call returns at once and the trigger's checkExists/create run moments
 * later in the background, so the case waits for the override to appear.
 */
const ACTIVATION_TIMEOUT_MS = 40_000;

/** n8n's record of why a workflow could not be activated, if any. */
async function activationError(context, workflowId) {
	try {
		const answer = await rest(context).get(`/rest/active-workflows/error/${workflowId}`);
		return answer.data ? JSON.stringify(answer.data) : 'none';
	} catch (error) {
		return `(could not read: ${error.message})`;
	}
}

/**
 * Activates a workflow as the editor's Publish does, waits until the trigger has set its
 * override at the sandbox, and returns its webhook URL.
 */
async function activate(context, workflowId) {
	const api = rest(context);
	const sandbox = sandboxApi(context);
	const workflow = (await api.get(`/rest/workflows/${workflowId}`)).data;
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-whatsapp-maton.whatsAppMatonTrigger');
	assert.ok(trigger?.webhookId, `workflow ${workflowId} has a WhatsApp (Maton) Trigger with a webhookId`);
	const url = `${context.webhookBaseUrl.replace(/\/+$/, '')}/webhook/${trigger.webhookId}/webhook`;
	const started = Date.now();
	await api.post(`/rest/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
	const { value } = await within(ACTIVATION_TIMEOUT_MS, async () => (await sandbox.webhooks()).overrides.phoneNumbers[PHONE]?.url === url);
	if (!value) {
		const requests = (await sandbox.requests()).map((request) => `${request.method} ${request.path} → ${request.status}`);
		assert.fail(
			`within ${ACTIVATION_TIMEOUT_MS} ms of activation the override should point at ${url}; the sandbox has ${JSON.stringify((await sandbox.webhooks()).overrides)}; ` +
				`gateway requests: ${requests.join(', ') || 'none'}; n8n's activation error: ${await activationError(context, workflowId)}`,
		);
	}
	return { url, activationMs: Date.now() - started };
}

/** Deactivates and waits until the trigger's delete() has removed the override. */
async function deactivate(context, workflowId) {
	await rest(context).post(`/rest/workflows/${workflowId}/deactivate`, {});
	const sandbox = sandboxApi(context);
	const { value, ms } = await within(ACTIVATION_TIMEOUT_MS, async () => Object.keys((await sandbox.webhooks()).overrides.phoneNumbers).length === 0);
	assert.ok(value, `deactivating removed the override within ${ACTIVATION_TIMEOUT_MS} ms (${JSON.stringify((await sandbox.webhooks()).overrides)})`);
	return ms;
}

/** The executions n8n recorded for a workflow. */
async function executionsOf(context, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await rest(context).get(`/rest/executions?filter=${filter}&limit=50`);
	return answer.data?.results ?? answer.data ?? [];
}

/** Polls the sandbox until `find(messages)` returns something, or the deadline passes. */
async function waitForMessage(api, find, deadlineMs, what) {
	const started = Date.now();
	for (;;) {
		const found = find(await api.messages());
		if (found) return { found, ms: Date.now() - started };
		if (Date.now() - started > deadlineMs) throw new Error(`no ${what} at the sandbox within ${deadlineMs} ms`);
		await sleep(50);
	}
}

/** The override the sandbox holds for the phone number, after an activation. */
async function expectOverride(api, url) {
	const state = await api.webhooks();
	assert.equal(state.overrides.phoneNumbers[PHONE]?.url, url);
	const verification = state.verifications.filter((entry) => entry.url === url).at(-1);
	assert.ok(verification?.ok, `Meta's GET verification of ${url} passed (${JSON.stringify(verification)})`);
	return state;
}

async function expectNoOverride(api) {
	const state = await api.webhooks();
	assert.deepEqual(state.overrides, { businessAccounts: {}, phoneNumbers: {} }, 'deactivating removed the override');
}

/** Starts Example 10's question through its production webhook (Start). */
async function ask(context, body) {
	const response = await fetch(`${context.webhookBaseUrl.replace(/\/+$/, '')}/webhook/ask-for-approval`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	assert.equal(response.status, 200, `POST /webhook/ask-for-approval → ${response.status} ${await response.text()}`);
}

/** Waits until the workflow has `count` executions in `status`. */
async function executionsIn(context, workflowId, status, count, ms) {
	const { value } = await within(ms, async () => {
		const runs = await executionsOf(context, workflowId);
		return runs.filter((run) => run.status === status).length >= count ? runs : undefined;
	});
	assert.ok(value, `${count} execution(s) of ${workflowId} ${status} within ${ms} ms (have: ${JSON.stringify((await executionsOf(context, workflowId)).map((run) => run.status))})`);
	return value;
}

const sentText = (messages, start) => messages.filter((message) => message.kind === 'message' && typeof message.body?.text?.body === 'string' && message.body.text.body.startsWith(start));

module.exports = [
	{
		name: 'trigger-01 echo bot: activate, the customer sends "hi", the reply quotes it within 5 s; a redelivery runs nothing; deactivate removes the override',
		async run(context) {
			const api = sandboxApi(context);
			const deadline = context.replyDeadlineMs ?? 5000;
			const workflowId = 'matonExample0007';
			// Meta checks the URL before it answers the override call: n8n must serve the GET while
			// the trigger's create() is still waiting for that answer.
			await api.configure({ verification: 'sync', statusDelayMs: 50 });
			const { url, activationMs } = await activate(context, workflowId);
			try {
				await expectOverride(api, url);
				const hi = await api.customer({ kind: 'text', text: 'hi' });
				assert.equal(hi.delivery?.status, 200, `the trigger answered the delivery 200 (${JSON.stringify(hi.delivery)})`);
				const { found: reply, ms } = await waitForMessage(
					api,
					(messages) => messages.find((message) => message.kind === 'message' && message.body?.context?.message_id === hi.message.id),
					deadline,
					`reply with context.message_id ${hi.message.id}`,
				);
				assert.equal(reply.to, CUSTOMER);
				assert.deepEqual(reply.body.text, { body: 'You said: hi' });
				const messages = await api.messages();
				const read = messages.find((message) => message.kind === 'status');
				assert.ok(read, 'the message was marked as read first');
				assert.deepEqual(read.body, { messaging_product: 'whatsapp', status: 'read', message_id: hi.message.id, typing_indicator: { type: 'text' } });
				const replyIndex = messages.findIndex((message) => message.kind === 'message' && message.id === reply.id);
				assert.ok(messages.indexOf(read) < replyIndex, 'mark as read came before the reply');

				// Meta redelivers what it thinks was lost: the same payload again starts no run.
				const again = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(hi.payload) });
				assert.equal(again.status, 200, 'a redelivery is answered 200');
				// The reply's sent/delivered/read statuses (off by default) start no run either.
				await sleep(1500);
				const state = await api.webhooks();
				const statuses = state.deliveries.filter((delivery) => delivery.what.startsWith('status '));
				assert.deepEqual(statuses.map((delivery) => [delivery.what, delivery.status]), [
					['status sent', 200],
					['status delivered', 200],
					['status read', 200],
				]);
				const runs = await executionsOf(context, workflowId);
				assert.equal(runs.length, 1, `one run for "hi" (not for its redelivery nor the statuses); got ${runs.length}`);
				const replies = (await api.messages()).filter((message) => message.kind === 'message');
				assert.equal(replies.length, 1, 'one reply');
				return `[activation ${activationMs} ms, reply after ${ms} ms]`;
			} finally {
				await deactivate(context, workflowId);
				await expectNoOverride(api);
			}
		},
	},
	{
		name: 'trigger-02 route by button reply: a tap on "track_order" gets the order status, in context',
		async run(context) {
			const api = sandboxApi(context);
			const workflowId = 'matonExample0009';
			const { url } = await activate(context, workflowId);
			try {
				await expectOverride(api, url);
				const tap = await api.customer({ kind: 'button', id: 'track_order', title: 'Track my order' });
				assert.equal(tap.delivery?.status, 200);
				const { found: reply } = await waitForMessage(
					api,
					(messages) => messages.find((message) => message.kind === 'message' && message.body?.context?.message_id === tap.message.id),
					context.replyDeadlineMs ?? 5000,
					'the routed reply',
				);
				assert.deepEqual(reply.body.text, { body: 'Your order A10245 has shipped: https://shop.example.com/track/A10245' });
				const other = await api.customer({ kind: 'button', id: 'something_else', title: 'Other' });
				const { found: fallback } = await waitForMessage(
					api,
					(messages) => messages.find((message) => message.kind === 'message' && message.body?.context?.message_id === other.message.id),
					context.replyDeadlineMs ?? 5000,
					'the fallback reply',
				);
				assert.deepEqual(fallback.body.text, { body: 'Sorry, I did not get "Other". Please tap one of the buttons.' });
			} finally {
				await deactivate(context, workflowId);
				await expectNoOverride(api);
			}
		},
	},
	{
		name: 'trigger-03 out-of-hours auto-reply: answers only outside opening hours (Europe/Berlin, now)',
		async run(context) {
			const api = sandboxApi(context);
			const workflowId = 'matonExample0008';
			// The same rule as the example's "Closed?" node, on this machine's clock.
			const parts = Object.fromEntries(
				new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: 'numeric', hourCycle: 'h23', weekday: 'short' })
					.formatToParts(new Date())
					.map((part) => [part.type, part.value]),
			);
			const closed = Number(parts.hour) < 9 || Number(parts.hour) >= 18 || ['Sat', 'Sun'].includes(parts.weekday);
			const { url } = await activate(context, workflowId);
			try {
				await expectOverride(api, url);
				const question = await api.customer({ kind: 'text', text: 'are you open?' });
				assert.equal(question.delivery?.status, 200);
				const isReply = (message) => message.kind === 'message' && message.body?.context?.message_id === question.message.id;
				if (closed) {
					const { found } = await waitForMessage(api, (messages) => messages.find(isReply), context.replyDeadlineMs ?? 5000, 'the auto-reply');
					assert.match(found.body.text.body, /^Thanks for your message! We are closed right now/);
				} else {
					const { value: runs } = await within(10_000, async () => {
						const found = await executionsOf(context, workflowId);
						return found.length > 0 && found.every((run) => run.status !== 'running' && run.status !== 'new') ? found : undefined;
					});
					assert.equal(runs?.length, 1, 'the message started one run');
					assert.equal(runs[0].status, 'success');
					assert.equal((await api.messages()).filter(isReply).length, 0, 'no auto-reply during opening hours');
				}
				return `[${closed ? 'closed' : 'open'}: Berlin ${parts.weekday} ${parts.hour}h]`;
			} finally {
				await deactivate(context, workflowId);
				await expectNoOverride(api);
			}
		},
	},
	{
		name: 'trigger-04 own Meta app: the user\'s verify token answers Meta\'s GET, signed deliveries run, a forged signature gets 401 and no run',
		async run(context) {
			const api = rest(context);
			const sandbox = sandboxApi(context);
			const appSecret = 'a3f1c2d4e5b60718293a4b5c6d7e8f90';
			const verifyToken = 'e2e-own-app-verify-token-7f3a';
			const credential = (await api.post('/rest/credentials', { name: 'Meta app (e2e)', type: 'whatsAppMetaAppApi', data: { verifyToken, appSecret } })).data;
			const echo = require('../examples/07-echo-bot.json');
			const nodes = structuredClone(echo.nodes).map((node) =>
				node.type === 'n8n-nodes-whatsapp-maton.whatsAppMatonTrigger'
					? { ...node, id: '7e2e0000-0000-4000-8000-000000000001', webhookId: '7e2e0000-0000-4000-8000-0000000000aa', parameters: { setup: 'ownApp', events: ['message'], options: {} }, credentials: { whatsAppMetaAppApi: { id: credential.id, name: credential.name } } }
					: { ...node, id: node.id.replace(/^5a1d/, '7e2e') },
			);
			const workflow = (await api.post('/rest/workflows', { name: 'Own Meta app (e2e)', nodes, connections: echo.connections, settings: echo.settings, active: false })).data;
			const url = `${context.webhookBaseUrl.replace(/\/+$/, '')}/webhook/7e2e0000-0000-4000-8000-0000000000aa/webhook`;
			const verify = (token) => fetch(`${url}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=424242`);
			try {
				await api.post(`/rest/workflows/${workflow.id}/activate`, { versionId: workflow.versionId });
				const { value: live } = await within(ACTIVATION_TIMEOUT_MS, async () => (await verify(verifyToken)).status === 200);
				assert.ok(live, `the production webhook answered the verification within ${ACTIVATION_TIMEOUT_MS} ms (activation error: ${await activationError(context, workflow.id)})`);
				const wrong = await verify('not-the-token');
				assert.equal(wrong.status, 403, 'a wrong verify token → 403');
				assert.equal(await (await verify(verifyToken)).text(), '424242', 'the challenge echoed as is');

				// What the user does in Meta's app settings, done here through the sandbox: point the
				// number at the URL with their verify token (the sandbox checks it with the GET).
				await sandbox.configure({ appSecret, statusDelayMs: 50 });
				const set = await fetch(`${context.sandbox.url}/whatsapp-business/v25.0/${PHONE}`, {
					method: 'POST',
					headers: { authorization: 'Bearer sandbox-key', 'content-type': 'application/json' },
					body: JSON.stringify({ webhook_configuration: { override_callback_uri: url, verify_token: verifyToken } }),
				});
				assert.equal(set.status, 200, `the sandbox verified the URL with the user's token (${await set.text()})`);

				const hi = await sandbox.customer({ kind: 'text', text: 'hi, signed' });
				assert.equal(hi.delivery?.status, 200, 'a correctly signed delivery → 200');
				const { found: reply } = await waitForMessage(
					sandbox,
					(messages) => messages.find((message) => message.kind === 'message' && message.body?.context?.message_id === hi.message.id),
					context.replyDeadlineMs ?? 5000,
					'the reply to the signed message',
				);
				assert.deepEqual(reply.body.text, { body: 'You said: hi, signed' });

				const forgedBody = JSON.stringify({ ...hi.payload, entry: [{ ...hi.payload.entry[0], changes: [{ ...hi.payload.entry[0].changes[0], value: { ...hi.payload.entry[0].changes[0].value, messages: [{ ...hi.payload.entry[0].changes[0].value.messages[0], id: 'wamid.FORGED' }] } }] }] });
				const forged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }, body: forgedBody });
				assert.equal(forged.status, 401, 'a wrong signature → 401');
				const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: forgedBody });
				assert.equal(unsigned.status, 401, 'no signature → 401');
				await sleep(1000);
				const runs = await executionsOf(context, workflow.id);
				assert.equal(runs.length, 1, `only the signed message ran (got ${runs.length} runs)`);
			} finally {
				await api.post(`/rest/workflows/${workflow.id}/deactivate`, {}).catch(() => undefined);
				await fetch(`${context.sandbox.url}/whatsapp-business/v25.0/${PHONE}`, {
					method: 'POST',
					headers: { authorization: 'Bearer sandbox-key', 'content-type': 'application/json' },
					body: JSON.stringify({ webhook_configuration: { override_callback_uri: '' } }),
				});
			}
		},
	},
	{
		name: 'trigger-05 listen for test event: the test URL is registered while the editor listens, the "hi" runs once, then the override is gone',
		async run(context) {
			const api = rest(context);
			const sandbox = sandboxApi(context);
			const workflowId = 'matonExample0007';
			const workflow = (await api.get(`/rest/workflows/${workflowId}`)).data;
			const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-whatsapp-maton.whatsAppMatonTrigger');
			const testUrl = `${context.webhookBaseUrl.replace(/\/+$/, '')}/webhook-test/${trigger.webhookId}/webhook`;
			// What "Execute workflow" / "Listen for test event" sends for a workflow started by a webhook trigger.
			const started = (await api.post(`/rest/workflows/${workflowId}/run`, { workflowData: workflow, triggerToStartFrom: { name: trigger.name } })).data;
			assert.equal(started.waitingForWebhook, true, `n8n waits for the test webhook (${JSON.stringify(started)})`);
			const { value: listening } = await within(ACTIVATION_TIMEOUT_MS, async () => (await sandbox.webhooks()).overrides.phoneNumbers[PHONE]?.url === testUrl);
			assert.ok(listening, `the test URL ${testUrl} was registered (${JSON.stringify((await sandbox.webhooks()).overrides)})`);
			const hi = await sandbox.customer({ kind: 'text', text: 'hi' });
			assert.equal(hi.delivery?.status, 200, `the test webhook answered 200 (${JSON.stringify(hi.delivery)})`);
			const { found: reply } = await waitForMessage(
				sandbox,
				(messages) => messages.find((message) => message.kind === 'message' && message.body?.context?.message_id === hi.message.id),
				context.replyDeadlineMs ?? 5000,
				'the reply of the test run',
			);
			assert.deepEqual(reply.body.text, { body: 'You said: hi' });
			const { value: removed } = await within(ACTIVATION_TIMEOUT_MS, async () => Object.keys((await sandbox.webhooks()).overrides.phoneNumbers).length === 0);
			assert.ok(removed, `after the test event the override was removed (${JSON.stringify((await sandbox.webhooks()).overrides)})`);
		},
	},
	{
		name: 'trigger-06 test listen on an active workflow: the test URL takes over, then the production URL is restored',
		async run(context) {
			const api = rest(context);
			const sandbox = sandboxApi(context);
			const workflowId = 'matonExample0007';
			const { url } = await activate(context, workflowId);
			try {
				const workflow = (await api.get(`/rest/workflows/${workflowId}`)).data;
				const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-whatsapp-maton.whatsAppMatonTrigger');
				const testUrl = `${context.webhookBaseUrl.replace(/\/+$/, '')}/webhook-test/${trigger.webhookId}/webhook`;
				const started = (await api.post(`/rest/workflows/${workflowId}/run`, { workflowData: workflow, triggerToStartFrom: { name: trigger.name } })).data;
				assert.equal(started.waitingForWebhook, true, `n8n waits for the test webhook (${JSON.stringify(started)})`);
				const { value: listening } = await within(ACTIVATION_TIMEOUT_MS, async () => (await sandbox.webhooks()).overrides.phoneNumbers[PHONE]?.url === testUrl);
				assert.ok(listening, `the test URL took over (${JSON.stringify((await sandbox.webhooks()).overrides)})`);
				const hi = await sandbox.customer({ kind: 'text', text: 'hi' });
				assert.equal(hi.delivery?.url, testUrl);
				const { value: restored } = await within(ACTIVATION_TIMEOUT_MS, async () => (await sandbox.webhooks()).overrides.phoneNumbers[PHONE]?.url === url);
				assert.ok(restored, `the production URL came back (${JSON.stringify((await sandbox.webhooks()).overrides)})`);
				const verification = (await sandbox.webhooks()).verifications.filter((entry) => entry.url === url);
				assert.equal(verification.length, 2, 'Meta verified the production URL again on restore (with the same derived token)');
				assert.ok(verification.every((entry) => entry.ok));
			} finally {
				await deactivate(context, workflowId);
				await expectNoOverride(sandbox);
			}
		},
	},
	{
		name: 'trigger-07 send and wait, approval: the customer taps "Ship it" and the execution resumes with approved: true within 5 s; a second tap and a forged token resume nothing',
		async run(context) {
			const api = sandboxApi(context);
			const workflowId = 'matonExample0010';
			const deadline = context.replyDeadlineMs ?? 5000;
			await api.configure({ statusDelayMs: 50 });
			const { url } = await activate(context, workflowId);
			try {
				await expectOverride(api, url);
				await ask(context, { order: 'A10245' });
				const { found: question } = await waitForMessage(
					api,
					(messages) => messages.find((message) => message.kind === 'message' && message.body?.interactive?.type === 'button'),
					10_000,
					'the question with reply buttons',
				);
				const buttons = question.body.interactive.action.buttons.map((button) => button.reply);
				assert.deepEqual(buttons.map((button) => button.title), ['Ship it', 'Not yet']);
				assert.ok(buttons.every((button) => button.id.startsWith('v1.') && button.id.length <= 256), 'the button IDs are tokens of at most 256 characters');
				await executionsIn(context, workflowId, 'waiting', 1, 10_000);

				const tap = await api.customer({ kind: 'tap', button: 'Ship it' });
				assert.equal(tap.delivery?.status, 200, `the trigger answered the tap 200 (${JSON.stringify(tap.delivery)})`);
				const { found: reply, ms } = await waitForMessage(api, (messages) => sentText(messages, 'Thanks')[0], deadline, 'the reply after the approval');
				assert.equal(reply.body.text.body, 'Thanks Kerry Fisher, we ship today.', 'the execution went on with approved: true and who answered');
				await executionsIn(context, workflowId, 'success', 1, deadline);
				await sleep(1000);
				// The trigger took the tap as resumed (the node answered it), so Unmatched Answers ›
				// Start Workflow started nothing: the one execution is the resumed one.
				assert.equal((await executionsOf(context, workflowId)).length, 1, 'the tap resumed the execution and started no other');

				// A second tap on the same button: n8n's execution is finished, nothing resumes; the
				// example's trigger (Unmatched Answers › Start Workflow) starts its own workflow with it.
				const before = (await api.messages()).length;
				const again = await api.customer({ kind: 'tap', button: 'Ship it' });
				assert.equal(again.delivery?.status, 200);
				const [unmatched] = await executionsIn(context, workflowId, 'success', 2, deadline);
				assert.ok(unmatched, 'the second tap started the trigger\'s workflow (Other Messages)');
				await sleep(1000);
				assert.equal((await api.messages()).length, before, 'a second tap resumes nothing: no second reply');

				// A forged token while a question waits: nothing resumes; the real answer still does.
				await ask(context, { order: 'A10246' });
				const { found: second } = await waitForMessage(
					api,
					(messages) => messages.filter((message) => message.kind === 'message' && message.body?.interactive?.type === 'button').find((message) => message.id !== question.id),
					10_000,
					'the second question',
				);
				await executionsIn(context, workflowId, 'waiting', 1, 10_000);
				const decline = second.body.interactive.action.buttons[1].reply;
				const forgedId = decline.id.replace('.d.', '.a.');
				assert.notEqual(forgedId, decline.id);
				const forged = await api.customer({ kind: 'button', id: forgedId, title: 'Ship it', contextMessageId: second.id });
				assert.equal(forged.delivery?.status, 200);
				await sleep(1500);
				assert.equal(sentText(await api.messages(), 'Thanks').length, 1, 'the forged approval resumed nothing');
				assert.equal((await executionsOf(context, workflowId)).filter((entry) => entry.status === 'waiting').length, 1, 'the question still waits');
				await executionsIn(context, workflowId, 'success', 3, deadline);
				await api.customer({ kind: 'tap', button: 'Not yet', contextMessageId: second.id });
				const { found: declined } = await waitForMessage(api, (messages) => sentText(messages, 'OK, we will not ship')[0], deadline, 'the reply after the decline');
				assert.equal(declined.body.text.body, 'OK, we will not ship yet.');
				return `[resumed ${ms} ms after the tap]`;
			} finally {
				await deactivate(context, workflowId);
				await expectNoOverride(api);
			}
		},
	},
	{
		name: 'trigger-08 send and wait, free text and the wait limit: a reply in context resumes with its text; an unanswered question ends when its limit does',
		async run(context) {
			const api = sandboxApi(context);
			const workflowId = 'matonExample0010';
			const deadline = context.replyDeadlineMs ?? 5000;
			await api.configure({ statusDelayMs: 50 });
			const { url } = await activate(context, workflowId);
			try {
				await expectOverride(api, url);
				await ask(context, { order: 'A10245', responseType: 'freeText' });
				const { found: question } = await waitForMessage(
					api,
					(messages) => messages.find((message) => message.kind === 'message' && message.body?.biz_opaque_callback_data),
					10_000,
					'the free-text question',
				);
				assert.equal(question.body.text.body, 'When should we ship order #A10245?');
				// The trigger learns the question from its statuses, which echo the token.
				const { value: learned } = await within(5000, async () =>
					(await api.webhooks()).deliveries.some((delivery) => delivery.what === 'status sent' && delivery.status === 200 && delivery.body.entry[0].changes[0].value.statuses[0].id === question.id),
				);
				assert.ok(learned, 'the question\'s "sent" status reached the trigger');
				await executionsIn(context, workflowId, 'waiting', 1, 10_000);
				const answer = await api.customer({ kind: 'reply', text: 'Tomorrow at 9', contextMessageId: question.id });
				assert.equal(answer.delivery?.status, 200);
				const { found: reply, ms } = await waitForMessage(api, (messages) => sentText(messages, 'Noted')[0], deadline, 'the reply after the written answer');
				assert.equal(reply.body.text.body, 'Noted, Kerry Fisher: Tomorrow at 9');

				// Unanswered, with a limit of 3 s: n8n's wait tracker (it looks every 60 s) ends the wait.
				await ask(context, { order: 'A10247', waitMinutes: 0.05 });
				const { found: timedOut, ms: waited } = await waitForMessage(api, (messages) => sentText(messages, 'No answer in time')[0], 90_000, 'the reply after the wait limit');
				assert.equal(timedOut.body.text.body, 'No answer in time: we will ask again tomorrow.');
				return `[text resumed after ${ms} ms; limit ended the wait after ${waited} ms]`;
			} finally {
				await deactivate(context, workflowId);
				await expectNoOverride(api);
			}
		},
	},
	{
		name: 'trigger-09 send and wait by link: the call-to-action button opens n8n\'s signed page, the posted answer resumes the execution; a changed signature gets 401',
		async run(context) {
			const api = sandboxApi(context);
			const workflowId = 'matonExample0010';
			const deadline = context.replyDeadlineMs ?? 5000;
			const { url } = await activate(context, workflowId);
			try {
				await expectOverride(api, url);
				await ask(context, { order: 'A10248', answerThrough: 'link' });
				const { found: question } = await waitForMessage(
					api,
					(messages) => messages.find((message) => message.kind === 'message' && message.body?.interactive?.type === 'cta_url'),
					10_000,
					'the question with a link button',
				);
				const { display_text: label, url: link } = question.body.interactive.action.parameters;
				assert.equal(label, 'Ship it');
				assert.match(link, /\/webhook-waiting\/\d+\/5a1d0000-0000-4000-8000-001000000002\?via=link&signature=[0-9a-f]{64}$/);
				await executionsIn(context, workflowId, 'waiting', 1, 10_000);
				const page = await fetch(link);
				assert.equal(page.status, 200);
				const html = await page.text();
				assert.match(html, /<button type="submit" name="approved" value="true">Ship it<\/button>/);
				assert.match(html, /<button type="submit" name="approved" value="false" class="secondary">Not yet<\/button>/);
				const forged = await fetch(link.replace(/signature=([0-9a-f])/, (_match, digit) => `signature=${digit === '0' ? '1' : '0'}`));
				assert.equal(forged.status, 401, 'a changed signature is refused by n8n');
				const posted = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'approved=false' });
				assert.equal(posted.status, 200);
				assert.match(await posted.text(), /Your answer was recorded/);
				const { found: reply } = await waitForMessage(api, (messages) => sentText(messages, 'OK, we will not ship')[0], deadline, 'the reply after the answer by link');
				assert.equal(reply.body.text.body, 'OK, we will not ship yet.');
				await executionsIn(context, workflowId, 'success', 1, deadline);
				const before = (await api.messages()).length;
				const again = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'approved=true' });
				assert.equal(again.status, 200);
				await sleep(1000);
				assert.equal((await api.messages()).length, before, 'a second answer by link resumes nothing');
			} finally {
				await deactivate(context, workflowId);
				await expectNoOverride(api);
			}
		},
	},
	{
		name: 'trigger-10 send and wait, custom form: the link opens the form, the posted fields resume the execution with the answers by label; a wrong value is refused',
		async run(context) {
			const api = rest(context);
			const sandbox = sandboxApi(context);
			const path = 'ask-form-e2e';
			const phone = { __rl: true, mode: 'id', value: PHONE };
			const nodes = [
				{ id: '7e2e0000-0000-4000-8000-0000000000f1', name: 'Start', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: '7e2e0000-0000-4000-8000-0000000000f9', parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
				{
					id: '7e2e0000-0000-4000-8000-0000000000f2',
					name: 'Ask',
					type: 'n8n-nodes-whatsapp-maton.whatsAppMaton',
					typeVersion: 1,
					position: [240, 0],
					parameters: {
						resource: 'message',
						operation: 'sendAndWait',
						phoneNumberId: phone,
						recipientPhoneNumber: CUSTOMER,
						message: 'When shall we deliver?',
						responseType: 'customForm',
						formFields: { values: [{ fieldLabel: 'Date', fieldType: 'date', requiredField: true }, { fieldLabel: 'Boxes', fieldType: 'number' }] },
						options: { messageButtonLabel: 'Pick a date' },
					},
					credentials: { matonApi: { id: 'matonSandboxCred', name: 'Maton API (sandbox)' } },
				},
				{
					id: '7e2e0000-0000-4000-8000-0000000000f3',
					name: 'Reply',
					type: 'n8n-nodes-whatsapp-maton.whatsAppMaton',
					typeVersion: 1,
					position: [480, 0],
					parameters: { resource: 'message', operation: 'sendText', phoneNumberId: phone, recipientPhoneNumber: CUSTOMER, text: "=Booked: {{ $json.data.Date }}, {{ $json.data.Boxes }} boxes", options: {} },
					credentials: { matonApi: { id: 'matonSandboxCred', name: 'Maton API (sandbox)' } },
				},
			];
			const connections = { Start: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] }, Ask: { main: [[{ node: 'Reply', type: 'main', index: 0 }]] } };
			const workflow = (await api.post('/rest/workflows', { name: 'Custom form (e2e)', nodes, connections, settings: { executionOrder: 'v1' }, active: false })).data;
			const start = `${context.webhookBaseUrl.replace(/\/+$/, '')}/webhook/${path}`;
			try {
				await api.post(`/rest/workflows/${workflow.id}/activate`, { versionId: workflow.versionId });
				const { value: live } = await within(ACTIVATION_TIMEOUT_MS, async () => (await fetch(start, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status === 200);
				assert.ok(live, `the workflow's webhook answered within ${ACTIVATION_TIMEOUT_MS} ms (activation error: ${await activationError(context, workflow.id)})`);
				const { found: question } = await waitForMessage(
					sandbox,
					(messages) => messages.find((message) => message.kind === 'message' && message.body?.interactive?.type === 'cta_url'),
					10_000,
					'the question with the form link',
				);
				const { display_text: label, url: link } = question.body.interactive.action.parameters;
				assert.equal(label, 'Pick a date');
				await executionsIn(context, workflow.id, 'waiting', 1, 10_000);
				const page = await (await fetch(link)).text();
				assert.match(page, /<input id="field-0" name="field-0" type="date" required>/);
				// As a browser posts the form: multipart/form-data, which n8n requires of a custom form.
				const post = (fields) => {
					const boundary = 'e2eFormBoundary7f3a';
					const body = `${Object.entries(fields).map(([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('')}--${boundary}--\r\n`;
					return fetch(link, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
				};
				assert.match(page, /<form method="post" enctype="multipart\/form-data">/);
				const wrong = await post({ 'field-0': 'soon', 'field-1': '2' });
				assert.equal(wrong.status, 400, 'a date that is none is refused');
				assert.equal((await executionsOf(context, workflow.id)).filter((run) => run.status === 'waiting').length, 1, 'the question still waits');
				const answered = await post({ 'field-0': '2026-12-24', 'field-1': '3' });
				assert.equal(answered.status, 200);
				const { found: reply } = await waitForMessage(sandbox, (messages) => sentText(messages, 'Booked')[0], context.replyDeadlineMs ?? 5000, 'the reply after the form');
				assert.equal(reply.body.text.body, 'Booked: 2026-12-24, 3 boxes');
			} finally {
				await api.post(`/rest/workflows/${workflow.id}/deactivate`, {}).catch(() => undefined);
			}
		},
	},
];
