'use strict';
/**
 * Browser cases of `npm run test:e2e`: the n8n editor in a headless Chromium (e2e/editor.js),
 * against the server and sandbox the runner started.
 *
 * scripts/n8n/e2e.js runs these after the headless cases, while the n8n server is still up, and
 * counts each like the others. Each case is { name, async run(context) } and throws to fail, with
 * context = {
 *   baseUrl,     // e.g. http://127.0.0.1:41234 — the running n8n (owner account set up)
 *   owner,       // { email, password, firstName, lastName } — sign in at `${baseUrl}/signin`
 *   sandbox,     // the in-process sandbox handle (url, ids, state.requests, reset(), …)
 *   examples,    // [{ file, id, name, json }] — the imported example workflows
 *   artifactsDir, // a folder for screenshots and traces, kept when a case fails
 *   screenshotsDir, // where the README's screenshots go: docs/ with --update-screenshots, else artifactsDir
 *   installed    // what n8n's installer installed: { name, version, listed (GET /rest/community-packages entry) }
 * }.
 *
 * Needs Debian's /usr/bin/chromium (`apt-get install -y chromium`) and the playwright-core
 * devDependency; without them every case FAILS and says what to install (never a silent skip,
 * never a downloaded browser). Each case launches its own browser, signs in and closes the
 * browser when it ends; a failure leaves a screenshot, the page and the browser console in
 * artifactsDir. The screenshots of the README (node-panel.png, node-parameters.png and
 * executed-canvas.png) are written to screenshotsDir, which is docs/ only when asked for.
 */
const assert = require('node:assert/strict');
const path = require('node:path');

const { withEditor } = require('./editor');

const NODE_NAME = 'WhatsApp (Maton)';
const NODE_TYPE = 'n8n-nodes-whatsapp-maton.whatsAppMaton';
const ACTION = 'Send a text message';
const CREDENTIAL = { id: 'matonSandboxCred', name: 'Maton API (sandbox)' };
const RECIPIENT = '15551234567';
const TEXT = 'Hello from the n8n editor! Your order A10245 has shipped.';
/** The example the third case opens from the workflows overview. */
const EXAMPLE_ID = 'matonExample0001';
/** A manual run: the UI waits for the execution, which goes to the sandbox. */
const RUN_TIMEOUT_MS = 60_000;

/** The messages the sandbox received since its last reset. */
const sentMessages = (sandbox) => sandbox.state.requests.filter((request) => request.api === 'gateway' && request.method === 'POST' && request.path.endsWith('/messages'));

/** Asserts that the sandbox received exactly one text message, with this text, from the seeded phone number. */
function expectOneTextMessage(sandbox, { text, previewUrl }) {
	const sent = sentMessages(sandbox);
	assert.equal(sent.length, 1, `the sandbox received one message (got ${sent.length})`);
	const [request] = sent;
	assert.equal(request.status, 200, `POST ${request.path} answered ${request.status}`);
	assert.equal(request.path, `/whatsapp-business/v25.0/${sandbox.ids.phoneNumberId}/messages`, 'sent from the seeded business phone number');
	assert.equal(request.headers.authorization, 'Bearer ***', 'with the credential’s API key');
	assert.deepEqual(request.body, {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		type: 'text',
		to: RECIPIENT,
		text: previewUrl === undefined ? { body: text } : { body: text, preview_url: previewUrl },
	});
}

/** Clicks Execute Workflow and waits until `nodeName` shows its success status on the canvas. */
async function executeWorkflow(page, editor, nodeName) {
	const node = editor.canvasNode(nodeName);
	await page.locator('[data-test-id=execute-workflow-button]').click();
	const success = node.locator('[data-test-id=canvas-node-status-success]');
	const error = page.locator('[data-test-id=canvas-node-status-error]');
	await success.or(error).first().waitFor({ timeout: RUN_TIMEOUT_MS });
	if (await error.count()) {
		const failed = await page.locator('[data-test-id=canvas-node]').filter({ has: error }).evaluateAll((nodes) => nodes.map((element) => element.dataset.nodeName));
		throw new Error(`the run failed in node(s) ${failed.map((name) => `"${name}"`).join(', ')}`);
	}
	// n8n's own word that the whole run succeeded, one item into the node, the button back.
	await page.locator('.el-notification', { hasText: 'Workflow executed successfully' }).waitFor({ timeout: 10_000 });
	await page
		.locator(`[data-test-id=edge-label][data-target-node-name="${nodeName.replace(/"/g, '\\"')}"][data-edge-status=success]`, { hasText: /^1 item$/ })
		.waitFor();
	await page.locator('[data-test-id=execute-workflow-button]:not([class*="_loading_"])', { hasText: 'Execute workflow' }).waitFor();
}

module.exports = [
	{
		name: 'browser-01 sign-in: the owner signs in at /signin and sees the example workflows',
		run: (context) =>
			withEditor(context, 'browser-01 sign-in', async ({ page, editor }) => {
				await editor.signIn(context.owner);
				await page.waitForURL((url) => url.pathname === '/home/workflows');
				const cards = page.locator('[data-test-id=workflow-card-name]');
				await cards.first().waitFor();
				// The list may render again as it loads (more workflows than the first paint shows):
				// read it until every example is there, or for 10 s.
				let names = [];
				for (const started = Date.now(); Date.now() - started < 10_000; await page.waitForTimeout(250)) {
					names = (await cards.allTextContents()).map((name) => name.trim());
					if (context.examples.every((example) => names.includes(example.name))) break;
				}
				for (const example of context.examples) {
					assert.ok(
						names.some((name) => name.trim() === example.name),
						`the overview lists "${example.name}" (${example.file}); it lists: ${names.join(' | ')}`,
					);
				}
				return `[${names.length} workflows listed]`;
			}),
	},

	{
		name: `browser-02 nodes panel: "WhatsApp" finds ${NODE_NAME}; "${ACTION}" filled in and run from the editor`,
		run: (context) =>
			withEditor(context, 'browser-02 nodes panel', async ({ page, editor }) => {
				const { sandbox } = context;
				await editor.signIn(context.owner);

				// A new workflow; the nodes panel, searched for "WhatsApp".
				await page.goto(`${context.baseUrl}/workflow/new`);
				await page.locator('[data-test-id=canvas-add-button]').click();
				await editor.nodeCreatorSearch().fill('WhatsApp');
				const item = editor.nodeCreatorItem(NODE_NAME);
				await item.waitFor().catch(() => undefined); // the assertion below says what was listed instead
				const names = (await page.locator('[data-test-id=item-iterator-item] [data-test-id=node-creator-item-name]').allTextContents()).map((name) => name.trim());
				assert.ok(names.includes(NODE_NAME), `the search lists ${NODE_NAME} (it lists: ${names.join(' | ')})`);
				assert.match(await item.locator('[data-test-id=node-creator-item-description]').innerText(), /Maton/, 'with the package’s description');
				const icon = item.locator('img');
				assert.match(String(await icon.first().getAttribute('src')), /\/icons\/n8n-nodes-whatsapp-maton\//, 'with the package’s own icon');
				assert.ok((await editor.imageWidths(item)).every((width) => width > 0), 'the icon loads');
				// The keyboard's selection onto it (the first result is selected), for the screenshot.
				for (let step = 0; step < names.indexOf(NODE_NAME); step++) await editor.nodeCreatorSearch().press('ArrowDown');
				await editor.screenshot(path.join(context.screenshotsDir, 'node-panel.png'));

				// The node's actions; "Send a text message" adds it (and a manual trigger before it).
				await item.click();
				// With the trigger in the package, n8n lists the node and its trigger as one entry and
				// opens it on the triggers, with the actions folded: unfold them.
				const actions = page.locator('[data-test-id=node-creator-category-item]', { hasText: /^Actions/ }).first();
				await actions.waitFor();
				if (await page.locator('[data-category-collapsed=true] [data-test-id=node-creator-category-item]', { hasText: /^Actions/ }).count()) await actions.click();
				await editor.nodeCreatorItem(ACTION).click();
				const ndv = page.locator('[data-test-id=ndv]');
				await ndv.waitFor();
				assert.equal(await editor.selectValue(ndv.locator('[data-test-id=parameter-input-resource]')), 'Message', 'Resource');
				assert.equal(await editor.selectValue(ndv.locator('[data-test-id=parameter-input-operation]')), 'Send Text', 'Operation');

				// The credential, picked from its list.
				await ndv.locator('[data-test-id=node-credentials-select]').click();
				await editor.visibleOption(`node-credentials-select-item-${CREDENTIAL.id}`).click();
				assert.equal(await editor.selectValue(ndv.locator('[data-test-id=node-credentials-select]')), CREDENTIAL.name, 'Credential');

				// Business Phone Number "By ID", the recipient and the text.
				const phoneNumber = ndv.locator('[data-test-id=resource-locator-phoneNumberId]');
				await phoneNumber.locator('[data-test-id=rlc-mode-selector]').click();
				await editor.visibleOption('mode-id').click();
				const phoneNumberInput = phoneNumber.locator('[data-test-id=rlc-input] input, input[data-test-id=rlc-input]').first();
				await phoneNumberInput.fill(sandbox.ids.phoneNumberId);
				await ndv.locator('[data-test-id=parameter-input-recipientPhoneNumber] input').fill(RECIPIENT);
				const text = ndv.locator('[data-test-id=parameter-input-text] textarea');
				await text.fill(TEXT);
				await text.blur();
				assert.equal(await phoneNumberInput.inputValue(), sandbox.ids.phoneNumberId);
				assert.equal(await text.inputValue(), TEXT);
				await editor.screenshot(path.join(context.screenshotsDir, 'node-parameters.png'));

				// Back on the canvas: the trigger and the node, without issues; run it.
				await ndv.locator('[data-test-id=ndv-close-button]').click();
				await ndv.waitFor({ state: 'hidden' });
				const node = page.locator(`[data-test-id=canvas-node][data-node-type="${NODE_TYPE}"]`);
				await node.waitFor();
				assert.equal(await page.locator('[data-test-id=canvas-node]').count(), 2, 'a manual trigger and the WhatsApp (Maton) node');
				assert.equal(await node.locator('[data-test-id=node-issues]').count(), 0, 'the node has no parameter issues');
				const nodeName = await node.getAttribute('data-node-name');
				sandbox.reset();
				await executeWorkflow(page, editor, nodeName);
				expectOneTextMessage(sandbox, { text: TEXT });
				return `[node "${nodeName}"]`;
			}),
	},

	{
		name: 'browser-03 execute: example "01 send text" opened from the overview, run with Execute Workflow',
		run: (context) =>
			withEditor(context, 'browser-03 execute', async ({ page, editor }) => {
				const { sandbox } = context;
				const example = context.examples.find((candidate) => candidate.id === EXAMPLE_ID);
				assert.ok(example, `an example with id ${EXAMPLE_ID}`);
				const sendNode = example.json.nodes.find((node) => node.type === NODE_TYPE);
				await editor.signIn(context.owner);

				await page.locator('[data-test-id=workflow-card-name]', { hasText: example.name }).first().click();
				await page.waitForURL((url) => url.pathname === `/workflow/${EXAMPLE_ID}`);
				await editor.canvasNode(sendNode.name).waitFor();
				assert.equal(await editor.canvasNode(sendNode.name).getAttribute('data-node-type'), NODE_TYPE);

				sandbox.reset();
				await executeWorkflow(page, editor, sendNode.name);
				expectOneTextMessage(sandbox, { text: sendNode.parameters.text, previewUrl: sendNode.parameters.options.previewUrl });
				await page.mouse.move(1, 1);
				await editor.screenshot(path.join(context.screenshotsDir, 'executed-canvas.png'));
				return `[node "${sendNode.name}"]`;
			}),
	},

	{
		name: 'browser-04 community nodes: Settings › Community Nodes shows the installed package, its version and its nodes, up to date',
		run: (context) =>
			withEditor(context, 'browser-04 community nodes', async ({ page, editor }) => {
				// What n8n's installer recorded (scripts/n8n/e2e.js installs through POST /rest/community-packages).
				const { name, version, listed } = context.installed;
				await editor.signIn(context.owner);
				await page.goto(`${context.baseUrl}/settings/community-nodes`);
				const card = page.locator('[data-test-id=community-package-card]').filter({ hasText: name });
				await card.waitFor();
				// The card renders its version once the list has loaded.
				await card.getByText(`v${version}`, { exact: true }).waitFor();
				const text = (await card.innerText()).replace(/\s+/g, ' ');
				for (const node of listed.installedNodes) assert.ok(text.includes(node.name), `the card names the node "${node.name}": ${text}`);
				assert.equal(await card.getByRole('button', { name: 'Update' }).count(), 0, `no Update button (nothing newer): ${text}`);
				assert.equal(await page.locator('[data-test-id=community-package-card]').count(), 1, 'one package listed');
				await editor.screenshot(path.join(context.artifactsDir, 'community-nodes.png'));
				return `[${name} v${version}]`;
			}),
	},

	{
		name: 'browser-05 only the API key: the Business Phone Number picker lists the sandbox\'s numbers (account discovery)',
		run: (context) =>
			withEditor(context, 'browser-05 key only', async ({ page, editor }) => {
				const { sandbox } = context;
				await editor.signIn(context.owner);

				// A credential as README step 2 leaves it: the key (and where the sandbox is), nothing else.
				// Made from the signed-in page, as the editor makes it (its session and browser ID).
				const created = await page.evaluate(async (body) => {
					// Runs in the page: its globalThis is the window.
					const browserId = globalThis.localStorage.getItem('n8n-browserId') ?? '';
					const response = await fetch('/rest/credentials', {
						method: 'POST',
						headers: { 'content-type': 'application/json', 'browser-id': browserId },
						body: JSON.stringify(body),
					});
					return { status: response.status, text: await response.text() };
				}, { name: 'Maton API (key only)', type: 'matonApi', data: { apiKey: sandbox.apiKey, gatewayBaseUrl: sandbox.url, controlBaseUrl: sandbox.url } });
				assert.equal(created.status, 200, `POST /rest/credentials → ${created.status} ${created.text}`);
				const credentialId = JSON.parse(created.text).data.id;

				await page.goto(`${context.baseUrl}/workflow/new`);
				await page.locator('[data-test-id=canvas-add-button]').click();
				await editor.nodeCreatorSearch().fill('WhatsApp');
				await editor.nodeCreatorItem(NODE_NAME).click();
				const actions = page.locator('[data-test-id=node-creator-category-item]', { hasText: /^Actions/ }).first();
				await actions.waitFor();
				if (await page.locator('[data-category-collapsed=true] [data-test-id=node-creator-category-item]', { hasText: /^Actions/ }).count()) await actions.click();
				await editor.nodeCreatorItem(ACTION).click();
				const ndv = page.locator('[data-test-id=ndv]');
				await ndv.waitFor();
				await ndv.locator('[data-test-id=node-credentials-select]').click();
				await editor.visibleOption(`node-credentials-select-item-${credentialId}`).click();

				sandbox.reset();
				// From List is the picker's default mode: opening it lists the numbers.
				const phoneNumber = ndv.locator('[data-test-id=resource-locator-phoneNumberId]');
				await phoneNumber.locator('[data-test-id=rlc-input]').first().click();
				const items = page.locator('[data-test-id=rlc-item]:visible');
				await items.first().waitFor({ timeout: 20_000 });
				const names = (await items.allInnerTexts()).map((text) => text.trim());
				assert.deepEqual(names, ['+1 555-010-0001 · Sandbox Shop', '+1 555-010-0002 · Sandbox Support', '+44 7700 900003 · Sandbox UK']);
				const gateway = sandbox.state.requests.filter((request) => request.api === 'gateway').map((request) => `${request.graphPath} ${request.status}`);
				assert.deepEqual(gateway, ['/me 200', `/${sandbox.ids.businessAccountId}/phone_numbers 200`], 'found the account, then listed its numbers');
				await editor.screenshot(path.join(context.artifactsDir, 'key-only-phone-picker.png'));

				// The credential dialog tests it on opening. n8n shows its own banner for a passed test
				// (the test's message, "Connected: 1 business account…", reaches only the REST answer,
				// checked in 00-server); a failed test's message is shown instead.
				await page.goto(`${context.baseUrl}/home/credentials/${credentialId}`);
				const modal = page.locator('[data-test-id=editCredential-modal]');
				await modal.getByText('Connection tested successfully').waitFor({ timeout: 20_000 });
				return `[${names.length} numbers listed; credential dialog: tested successfully]`;
			}),
	},
];
