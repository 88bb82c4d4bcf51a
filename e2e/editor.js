'use strict';
/**
 * The n8n editor in a headless Chromium, for the browser cases of `npm run test:e2e`
 * (e2e/browser.js): Debian's /usr/bin/chromium driven by `playwright-core` (a devDependency),
 * never a downloaded browser. One browser at a time, each case in a fresh profile.
 *
 * `withEditor(context, name, fn)` launches the browser, runs `fn({ page, editor })` and always
 * closes the browser and deletes its profile. When `fn` throws (or the case runs longer than
 * CASE_TIMEOUT_MS), a screenshot, the page's HTML and the browser's console are saved in
 * `context.artifactsDir` (kept by the runner when a case fails) and the error names them.
 */
const fs = require('node:fs');
const path = require('node:path');

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
/** Big enough for legible screenshots of the editor with its panels open. */
const VIEWPORT = { width: 1440, height: 900 };
/** Every Playwright action and wait, unless a step says otherwise. */
const ACTION_TIMEOUT_MS = 20_000;
/** A whole case, launch and sign-in included; then the browser is closed and the case fails. */
const CASE_TIMEOUT_MS = 150_000;

/** Why the browser cases cannot run here, or undefined. */
function missingPrerequisite() {
	if (!fs.existsSync(CHROMIUM)) {
		return `${CHROMIUM} is missing: the browser cases drive Debian's Chromium (never a downloaded browser); install it with \`apt-get update && apt-get install -y chromium\` (CI installs it)`;
	}
	try {
		require.resolve('playwright-core');
	} catch {
		return 'playwright-core is missing: it is a devDependency of this package; run `npm ci` (or `npm install`)';
	}
	return undefined;
}

const slug = (name) =>
	name
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 60);

/** Helpers bound to one page of the editor. */
function editorHelpers(page, { baseUrl }) {
	return {
		/** Signs in at /signin and waits until the editor has left the sign-in page. */
		async signIn(owner) {
			await page.goto(`${baseUrl}/signin`);
			await page.locator('input[name=emailOrLdapLoginId]').fill(owner.email);
			await page.locator('input[name=password]').fill(owner.password);
			await page.locator('[data-test-id=form-submit-button]').click();
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
		},
		/** The input of the node creator's search bar (the test id is on the input in 2.41). */
		nodeCreatorSearch: () => page.locator('input[data-test-id=node-creator-search-bar], [data-test-id=node-creator-search-bar] input').first(),
		/** An item of the node creator by its exact name. */
		nodeCreatorItem: (name) =>
			page.locator('[data-test-id=item-iterator-item]').filter({ has: page.locator('[data-test-id=node-creator-item-name]', { hasText: exactly(name) }) }),
		/** A node on the canvas by its name. */
		canvasNode: (name) => page.locator(`[data-test-id=canvas-node][data-node-name="${name.replace(/"/g, '\\"')}"]`),
		/** The visible option of an open dropdown (closed dropdowns stay in the DOM). */
		visibleOption: (testId) => page.locator(`[data-test-id="${testId}"]:visible`),
		/** What a dropdown (an element-plus select) shows as selected. */
		selectValue: (locator) => locator.locator('input').first().inputValue(),
		/** Waits until every image in `locator` has loaded or failed; returns their natural widths (0: broken). */
		imageWidths: (locator) =>
			locator.locator('img').evaluateAll((images) =>
				Promise.all(
					images.map(
						(image) =>
							new Promise((resolve) => {
								if (image.complete) return resolve(image.naturalWidth);
								image.addEventListener('load', () => resolve(image.naturalWidth), { once: true });
								image.addEventListener('error', () => resolve(0), { once: true });
							}),
					),
				),
			),
		/** A screenshot of the viewport, with the caret and animations stopped. */
		async screenshot(file) {
			fs.mkdirSync(path.dirname(file), { recursive: true });
			await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
		},
	};
}

/** A regular expression matching exactly `text`. */
function exactly(text) {
	return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

async function saveFailure(page, { artifactsDir, name, consoleLines }) {
	const base = path.join(artifactsDir, slug(name));
	const saved = [];
	const attempt = async (file, write) => {
		try {
			await write(file);
			saved.push(file);
		} catch {
			// the page may be gone; keep what could be saved
		}
	};
	if (page) {
		await attempt(`${base}-failure.png`, (file) => page.screenshot({ path: file, timeout: 10_000 }));
		await attempt(`${base}-page.html`, async (file) => fs.writeFileSync(file, await page.content()));
	}
	await attempt(`${base}-console.log`, async (file) => fs.writeFileSync(file, `${consoleLines.join('\n')}\n`));
	return saved;
}

/**
 * Runs `fn({ page, editor, consoleLines })` in a fresh headless Chromium at a 1440×900 viewport.
 * The browser is closed and its profile deleted whatever happens; a failure saves a screenshot
 * and the page under `context.artifactsDir` and is rethrown with their paths.
 */
async function withEditor(context, name, fn) {
	const missing = missingPrerequisite();
	if (missing) throw new Error(missing);
	const { chromium } = require('playwright-core');

	fs.mkdirSync(context.artifactsDir, { recursive: true });
	const profile = fs.mkdtempSync(path.join(context.artifactsDir, 'chromium-profile-'));
	const consoleLines = [];
	let browser;
	let page;
	let timer;
	let finished = false;
	try {
		const run = async () => {
			const launched = await chromium.launchPersistentContext(profile, {
				executablePath: CHROMIUM,
				args: CHROMIUM_ARGS,
				headless: true,
				viewport: VIEWPORT,
				timeout: 60_000,
				// The runner handles signals (it stops n8n and the sandbox); Playwright still kills
				// the browser when the process exits.
				handleSIGINT: false,
				handleSIGTERM: false,
				handleSIGHUP: false,
			});
			if (finished) {
				// Launched after the case had timed out.
				await launched.close();
				return undefined;
			}
			browser = launched;
			page = browser.pages()[0] ?? (await browser.newPage());
			page.setDefaultTimeout(ACTION_TIMEOUT_MS);
			page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));
			page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.stack ?? error.message}`));
			return fn({ page, editor: editorHelpers(page, context), consoleLines });
		};
		const timeout = new Promise((resolve, reject) => {
			timer = setTimeout(() => reject(new Error(`the case took longer than ${CASE_TIMEOUT_MS / 1000} s`)), CASE_TIMEOUT_MS);
		});
		return await Promise.race([run(), timeout]);
	} catch (error) {
		const saved = await saveFailure(page, { artifactsDir: context.artifactsDir, name, consoleLines });
		if (saved.length) error.message += `\nsaved: ${saved.join(', ')}`;
		throw error;
	} finally {
		finished = true;
		clearTimeout(timer);
		if (browser) await browser.close().catch(() => undefined);
		fs.rmSync(profile, { recursive: true, force: true });
	}
}

module.exports = { CHROMIUM, VIEWPORT, exactly, missingPrerequisite, withEditor };
