'use strict';
/**
 * Browser case of the WhatsApp (Maton) Trigger (same context as e2e/browser.js): the echo bot
 * example opened from the overview, its trigger's parameters panel with the two webhook URLs
 * and the "Through Maton" notice. The README's screenshot trigger-parameters.png goes to
 * screenshotsDir (docs/ only with --update-screenshots).
 */
const assert = require('node:assert/strict');
const path = require('node:path');

const { withEditor } = require('./editor');

const EXAMPLE_ID = 'matonExample0007';
const ASK_EXAMPLE_ID = 'matonExample0010';
const TRIGGER_TYPE = 'n8n-nodes-whatsapp-maton.whatsAppMatonTrigger';

module.exports = [
	{
		name: 'browser-trigger-01: the echo bot example\'s WhatsApp (Maton) Trigger opens with its setup, notice and webhook URLs',
		run: (context) =>
			withEditor(context, 'browser-trigger-01', async ({ page, editor }) => {
				const example = context.examples.find((candidate) => candidate.id === EXAMPLE_ID);
				assert.ok(example, `an example with id ${EXAMPLE_ID}`);
				const trigger = example.json.nodes.find((node) => node.type === TRIGGER_TYPE);
				await editor.signIn(context.owner);
				await page.goto(`${context.baseUrl}/workflow/${EXAMPLE_ID}`);
				const node = editor.canvasNode(trigger.name);
				await node.waitFor();
				assert.equal(await node.getAttribute('data-node-type'), TRIGGER_TYPE);
				assert.equal(await node.locator('[data-test-id=node-issues]').count(), 0, 'the trigger has no parameter issues');
				await node.dblclick();
				const ndv = page.locator('[data-test-id=ndv]');
				await ndv.waitFor();
				assert.equal(await editor.selectValue(ndv.locator('[data-test-id=parameter-input-setup]')), 'Through Maton', 'Setup is shown as a parameter');
				assert.equal(await editor.selectValue(ndv.locator('[data-test-id=node-credentials-select]')), 'Maton API (sandbox)', 'Credential');
				const text = await ndv.innerText();
				assert.match(text, /signatures cannot be checked/, 'the notice says what Through Maton cannot check');
				assert.match(text, /Webhook URLs/i, 'n8n shows the webhook URLs section');
				await ndv.locator('text=Webhook URLs').first().click();
				await ndv.locator('text=Production URL').first().click().catch(() => undefined);
				assert.match(await ndv.innerText(), new RegExp(`/webhook/${trigger.webhookId}/webhook`), 'the production URL is the one the override points at');
				await page.mouse.move(1, 1);
				await editor.screenshot(path.join(context.screenshotsDir, 'trigger-parameters.png'));
				return `[node "${trigger.name}"]`;
			}),
	},
	{
		name: 'browser-trigger-02: the ask-for-approval example\'s Send and Wait for Response node opens with its response type, buttons and wait limit',
		run: (context) =>
			withEditor(context, 'browser-trigger-02', async ({ page, editor }) => {
				const example = context.examples.find((candidate) => candidate.id === ASK_EXAMPLE_ID);
				assert.ok(example, `an example with id ${ASK_EXAMPLE_ID}`);
				await editor.signIn(context.owner);
				await page.goto(`${context.baseUrl}/workflow/${ASK_EXAMPLE_ID}`);
				const node = editor.canvasNode('Ask');
				await node.waitFor();
				assert.equal(await node.locator('[data-test-id=node-issues]').count(), 0, 'the Ask node has no parameter issues');
				await node.dblclick();
				const ndv = page.locator('[data-test-id=ndv]');
				await ndv.waitFor();
				assert.equal(await editor.selectValue(ndv.locator('[data-test-id=parameter-input-operation]')), 'Send and Wait for Response', 'Operation');
				// The Options collection renders after the fields above it: wait for it, not for a moment.
				await ndv.getByText('Limit Wait Time').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
				const text = await ndv.innerText();
				assert.match(text, /Response Type/, 'the response type is shown');
				assert.match(text, /Approval Options/, 'the approval options are shown');
				assert.match(text, /Limit Wait Time/, 'the wait limit is shown');
				await page.mouse.move(1, 1);
				await editor.screenshot(path.join(context.screenshotsDir, 'send-and-wait.png'));
				return '[node "Ask"]';
			}),
	},
];
