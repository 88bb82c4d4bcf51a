'use strict';
/**
 * Queue-mode cases of `npm run test:e2e` (scripts/n8n/e2e.js, section "queue mode"): the same
 * package in n8n's distributed engine started by scripts/n8n/queue.js — Redis, PostgreSQL, and
 * n8n's main, worker and webhook processes.
 *
 * `workflows` are imported with the examples before n8n starts. Each case is
 * { name, async run(context) } and throws to fail, with context = {
 *   stack,          // what startQueueStack() resolved: rest(), activate(), waitForExecution(), log(), postgres.query(), …
 *   baseUrl,        // main (editor, REST API)
 *   webhookBaseUrl, // the webhook process: production webhooks, /webhook/<path>
 *   sandbox, examples
 * }.
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { NODE_TYPE, PACKAGE } = require('../scripts/n8n/common');
const { CREDENTIAL } = require('../scripts/n8n/instance');
const { SEED_IDS } = require('../sandbox/server');
const exampleCases = require('./cases');
const triggerCases = require('./trigger');

const PACKAGE_NAME = PACKAGE.name;

const MESSAGES = `/whatsapp-business/v25.0/${SEED_IDS.phoneNumberId}/messages`;
const TO = '15551234567';
const WEBHOOK_PATH = 'maton-queue-send-text';

/** n8n's core Webhook node → WhatsApp (Maton) › Send Text, its recipient and text from the request body. */
const WEBHOOK_WORKFLOW = {
	id: 'matonQueueE2e001',
	name: 'Queue mode e2e: webhook → send a text',
	active: false,
	nodes: [
		{
			id: '5a1d0000-0000-4000-8000-00000000e001',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '5a1d0000-0000-4000-8000-00000000e0f1',
			parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
		},
		{
			id: '5a1d0000-0000-4000-8000-00000000e002',
			name: 'Send Text',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [240, 0],
			parameters: {
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: { __rl: true, mode: 'id', value: SEED_IDS.phoneNumberId },
				recipientPhoneNumber: '={{ $json.body.to }}',
				text: '={{ $json.body.text }}',
				options: {},
			},
			credentials: { matonApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
		},
	],
	connections: { Webhook: { main: [[{ node: 'Send Text', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
	pinData: {},
	tags: [],
};

const workflows = [{ file: 'queue-webhook-send-text.json', id: WEBHOOK_WORKFLOW.id, name: WEBHOOK_WORKFLOW.name, json: WEBHOOK_WORKFLOW }];

const sentMessages = (sandbox) => sandbox.state.requests.filter((request) => request.api === 'gateway' && request.method === 'POST' && request.path.endsWith('/messages'));

/** The json of every item a node output in its first run (main output 0). */
function nodeItems(resultData, nodeName) {
	const runs = resultData?.runData?.[nodeName];
	assert.ok(runs?.length, `node "${nodeName}" ran`);
	return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
}

/** The worker's log says it ran execution `id` (the main and webhook processes only enqueue). */
function expectRunByWorker(stack, id) {
	const worker = stack.log('worker');
	assert.match(worker, new RegExp(`Worker started execution ${id} \\(job \\d+\\)`), `the worker started execution ${id}`);
	assert.match(worker, new RegExp(`Worker finished execution ${id} \\(job \\d+\\)`), `the worker finished execution ${id}`);
	for (const other of ['main', 'webhook']) assert.doesNotMatch(stack.log(other), new RegExp(`Worker started execution ${id} `), `${other} did not run it`);
}

const cases = [
	{
		name: 'queue-00-stack: Redis, PostgreSQL, n8n main, worker and webhook up; the package installed through main by all three; no sqlite',
		async run({ stack, examples }) {
			const settings = await stack.rest('GET', '/rest/settings');
			assert.equal(settings.executionMode, 'queue', 'main runs in queue mode');
			const types = await (await fetch(`${stack.mainUrl}/types/nodes.json`, { headers: { cookie: stack.cookie } })).json();
			assert.ok(types.some((type) => type.name === NODE_TYPE), `main offers ${NODE_TYPE}`);
			for (const url of [`${stack.workerUrl}/healthz/readiness`, `${stack.webhookUrl}/healthz/readiness`]) {
				assert.equal((await fetch(url)).status, 200, `${url} answers 200`);
			}
			assert.match(stack.log('worker'), /n8n worker is now ready/);
			assert.match(stack.log('webhook'), /Webhook listener waiting for requests/);
			// The workflows are in PostgreSQL, which all three processes share.
			const ids = stack.postgres.query('SELECT id FROM workflow_entity ORDER BY id').trim().split('\n');
			for (const workflow of [...examples, ...workflows]) assert.ok(ids.includes(workflow.id), `workflow ${workflow.id} in PostgreSQL`);
			for (const name of ['main', 'worker', 'webhook']) assert.doesNotMatch(stack.log(name), /not officially supported with sqlite/, `${name} runs on PostgreSQL`);
			// Installed once through main (POST /rest/community-packages), by each process from the stand-in.
			const listed = (await stack.rest('GET', '/rest/community-packages')).filter((entry) => entry.packageName === PACKAGE_NAME);
			assert.equal(listed.length, 1, `main lists ${PACKAGE_NAME} once`);
			assert.equal(listed[0].installedVersion, stack.installed.version, 'at the packed version');
			for (const name of ['main', 'worker', 'webhook']) {
				const installedJson = JSON.parse(fs.readFileSync(path.join(stack.userFolders[name], '.n8n', 'nodes', 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8'));
				assert.equal(installedJson.version, stack.installed.version, `n8n ${name} unpacked ${stack.installed.version} into its own user folder`);
				assert.match(stack.log(name), new RegExp(`Community package installed: ${PACKAGE_NAME}`), `n8n ${name} says it installed the package`);
			}
		},
	},
	{
		name: 'queue-01-webhook-send-text: Webhook → Send Text: the webhook process takes the call, the worker sends once; deactivated, no more',
		async run({ stack, sandbox }) {
			const workflowId = WEBHOOK_WORKFLOW.id;
			const activated = await stack.activate(workflowId);
			assert.equal(activated.active, true, 'activated through main');
			const registered = stack.postgres.query(`SELECT "webhookPath", method FROM webhook_entity WHERE "workflowId" = '${workflowId}'`).trim();
			assert.equal(registered, `${WEBHOOK_PATH}\tPOST`, 'main registered the production webhook in the database');

			sandbox.reset();
			const text = `Queue mode: your order A10245 has shipped (${crypto.randomBytes(4).toString('hex')})`;
			const url = `${stack.webhookBaseUrl}/webhook/${WEBHOOK_PATH}`;
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: TO, text }) });
			assert.equal(response.status, 200, `POST ${url} → ${response.status} ${await response.clone().text()}`);
			assert.deepEqual(await response.json(), { message: 'Workflow was started' });

			const onMain = await fetch(`${stack.baseUrl}/webhook/${WEBHOOK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: TO, text }) });
			assert.equal(onMain.status, 404, 'main serves no production webhooks (N8N_DISABLE_PRODUCTION_MAIN_PROCESS)');

			const execution = await stack.waitForExecution({ workflowId });
			assert.equal(execution.status, 'success', `execution ${execution.id} ended with status ${execution.status}`);
			assert.equal(execution.mode, 'webhook');
			expectRunByWorker(stack, execution.id);
			const resultData = await stack.executionData(execution.id);
			assert.deepEqual(nodeItems(resultData, 'Webhook')[0].body, { to: TO, text });
			const [out] = nodeItems(resultData, 'Send Text');
			assert.match(out?.messages?.[0]?.id ?? '', /^wamid\./, 'Send Text output the accepted message');

			const sent = sentMessages(sandbox);
			assert.equal(sent.length, 1, `the sandbox received exactly one message (got ${sent.length})`);
			assert.equal(sent[0].path, MESSAGES);
			assert.equal(sent[0].status, 200);
			assert.equal(sent[0].headers.authorization, 'Bearer ***', 'with the credential’s API key');
			assert.deepEqual(sent[0].body, { messaging_product: 'whatsapp', recipient_type: 'individual', to: TO, type: 'text', text: { body: text } });
			const executions = await stack.rest('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
			assert.equal((executions.results ?? executions).length, 1, 'one execution of the workflow');

			await stack.deactivate(workflowId);
			assert.equal(stack.postgres.query(`SELECT count(*) FROM webhook_entity WHERE "workflowId" = '${workflowId}'`).trim(), '0', 'deactivating removed the webhook');
			const after = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: TO, text }) });
			assert.equal(after.status, 404, 'the webhook process no longer serves it');
			assert.equal(sentMessages(sandbox).length, 1, 'nothing more was sent');
		},
	},
	{
		name: 'queue-02-test-webhook: "listen for test event" on main; the test URL run on the worker, sent once',
		async run({ stack, sandbox }) {
			const workflowId = WEBHOOK_WORKFLOW.id;
			const earlier = await stack.rest('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
			const after = Math.max(0, ...(earlier.results ?? earlier).map((execution) => Number(execution.id)));
			sandbox.reset();
			// What the editor's "Listen for test event" sends: main registers the test webhook and waits.
			assert.deepEqual(await stack.rest('POST', `/rest/workflows/${workflowId}/run`, { triggerToStartFrom: { name: 'Webhook' } }), { waitingForWebhook: true });
			const text = `Queue mode, test URL (${crypto.randomBytes(4).toString('hex')})`;
			const body = JSON.stringify({ to: TO, text });
			const onWebhookProcess = await fetch(`${stack.webhookBaseUrl}/webhook-test/${WEBHOOK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
			assert.equal(onWebhookProcess.status, 404, 'the webhook process serves no test webhooks');
			const onMain = await fetch(`${stack.baseUrl}/webhook-test/${WEBHOOK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
			assert.equal(onMain.status, 200, `POST /webhook-test/… on main → ${onMain.status} ${await onMain.clone().text()}`);

			const execution = await stack.waitForExecution({ workflowId, after });
			assert.equal(execution.status, 'success', `execution ${execution.id} ended with status ${execution.status}`);
			assert.equal(execution.mode, 'manual');
			expectRunByWorker(stack, execution.id);
			const sent = sentMessages(sandbox);
			assert.equal(sent.length, 1, `the sandbox received exactly one message (got ${sent.length})`);
			assert.deepEqual(sent[0].body, { messaging_product: 'whatsapp', recipient_type: 'individual', to: TO, type: 'text', text: { body: text } });
			// A test webhook serves one call: the next one finds nothing registered.
			const again = await fetch(`${stack.baseUrl}/webhook-test/${WEBHOOK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
			assert.equal(again.status, 404, 'the test webhook is gone after one call');
			assert.equal(sentMessages(sandbox).length, 1, 'nothing more was sent');
		},
	},
	// The examples, run from main's REST API (as the editor's "Execute workflow" does) and executed
	// by the worker, with the same assertions as the single-process cases.
	...exampleCases.map((exampleCase) => ({
		name: `queue-example-${exampleCase.name}`,
		async run({ stack, sandbox, examples }) {
			const example = examples.find((candidate) => candidate.id === exampleCase.workflowId);
			assert.ok(example, `an example with id ${exampleCase.workflowId}`);
			sandbox.reset();
			const id = await stack.runManually(example.id);
			const execution = await stack.waitForExecution(id);
			const resultData = await stack.executionData(id);
			assert.equal(execution.status, 'success', `execution ${id} ended with status ${execution.status}${resultData.error ? `: ${resultData.error.message}` : ''}`);
			expectRunByWorker(stack, id);
			await exampleCase.check({
				run: { output: { data: { resultData } } },
				items: (nodeName) => nodeItems(resultData, nodeName),
				requests: sandbox.state.requests.filter((request) => request.api !== 'other'),
				sandbox,
				example: example.json,
			});
		},
	})),
	// The trigger's production-webhook cases: main activates the workflow and sets the override to
	// the webhook process's URL (WEBHOOK_URL), Meta's check and the customer's messages reach the
	// webhook process, and the worker runs the workflow and sends the reply. (The test-listen cases
	// need the editor's push connection to main and stay in the single-process section.) With them,
	// Send and Wait for Response: the answer reaches the webhook process, which resumes the waiting
	// execution through its own /webhook-waiting/, and the worker continues it.
	...triggerCases
		.filter((triggerCase) => /^trigger-(0[1-47-9]|10) /.test(triggerCase.name))
		.map((triggerCase) => ({
			name: `queue-${triggerCase.name}`,
			async run({ stack, sandbox }) {
				sandbox.reset();
				await triggerCase.run({ baseUrl: stack.mainUrl, webhookBaseUrl: stack.webhookUrl, sandbox, cookie: stack.cookie });
			},
		})),
];

module.exports = { cases, workflows, WEBHOOK_WORKFLOW };
