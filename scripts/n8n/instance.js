'use strict';
/**
 * One n8n instance of the pinned runtime around a user folder: the package installed in it by
 * n8n's own community-package installer, the sandbox credential and the examples imported,
 * the server started and stopped, `n8n execute` runs. Used by start.js and e2e.js.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const {
	N8N_BIN,
	NODE24,
	ROOT,
	RUNTIME_DIR,
	cleanEnv,
	spawn,
	stopProcessGroup,
	waitForHttp,
} = require('./common');

const EXAMPLES_DIR = path.join(ROOT, 'examples');
/** The credential the examples use. Its id is fixed so that the example workflows can name it. */
const CREDENTIAL = { id: 'matonSandboxCred', name: 'Maton API (sandbox)', type: 'matonApi' };
/** The owner account of a local instance: for a sandbox only. */
const OWNER = { email: 'owner@example.com', firstName: 'Sandbox', lastName: 'Owner', password: 'Sandbox-Owner-1' };
/** Fixed, so that a reused user folder keeps opening its credentials. Local use only. */
const ENCRYPTION_KEY = 'n8n-nodes-whatsapp-maton-local-sandbox-key';

/**
 * The environment of a quiet, local, offline n8n on 127.0.0.1 (see the runtime notes), with
 * Node 24 first in PATH (the task runner n8n starts is `node` too).
 */
function n8nEnv({ userFolder, port = 5678, brokerPort = 5679, extra = {} }) {
	return cleanEnv({
		PATH: `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		DB_TYPE: 'sqlite',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_NO_COLOR: '1',
		// n8n stops itself if the script that started it dies without stopping it.
		NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${JSON.stringify(path.join(__dirname, 'parent-watch.js'))}`].filter(Boolean).join(' '),
		N8N_PARENT_WATCH_PID: String(process.pid),
		...extra,
	});
}

/** Runs an n8n CLI command with Node 24; resolves { code, stdout, stderr, ms }. */
function n8nCli(args, { env, timeoutMs = 120_000 }) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn(NODE24, [N8N_BIN, ...args], { cwd: env.N8N_USER_FOLDER, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
		const timer = setTimeout(() => {
			stderr += `\n[killed after ${timeoutMs} ms]`;
			stopProcessGroup(child, { graceMs: 3000 });
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			// The CLI may leave a task runner behind in its group.
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// none
			}
			resolve({ code: code ?? (signal ? 128 : 1), signal, stdout, stderr, ms: Date.now() - started });
		});
	});
}

async function n8nCliOrThrow(args, options) {
	const result = await n8nCli(args, options);
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} failed (exit code ${result.code}):\n${(result.stdout + result.stderr).trim().split('\n').slice(-30).join('\n')}`);
	}
	return result;
}

/** `npm pack` of this package (its `files`, as published) into a tarball in `folder`. */
function packPackage(folder) {
	return new Promise((resolve, reject) => {
		fs.mkdirSync(folder, { recursive: true });
		const child = spawn('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], {
			cwd: ROOT,
			env: cleanEnv(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0) return reject(new Error(`npm pack failed:\n${stderr}`));
			const [{ filename }] = JSON.parse(stdout.slice(stdout.indexOf('[')));
			resolve(path.join(folder, filename));
		});
	});
}

/** A REST call as the signed-in owner; resolves the `data` of n8n's answer, throws with its message otherwise. */
async function rest(baseUrl, cookie, method, url, body) {
	const response = await fetch(`${baseUrl}${url}`, {
		method,
		headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let json;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	if (!response.ok) throw new Error(`${method} ${url} → HTTP ${response.status}: ${json?.message ?? text.slice(0, 500)}`);
	return json?.data;
}

/** What Settings › Community Nodes lists: GET /rest/community-packages (with `updateAvailable` from `npm outdated`). */
function communityPackages(baseUrl, cookie) {
	return rest(baseUrl, cookie, 'GET', '/rest/community-packages');
}

/**
 * Installs `tarball` (made by `npm pack`) through n8n's own community-package installer, as
 * Settings › Community Nodes › Install does: the tarball is handed to the registry stand-in
 * (registry-stand-in.js) as this package's newest version on "registry.npmjs.org", then
 * `POST /rest/community-packages { name, version, verify: false }`, or, when n8n already lists
 * the package (a reused user folder), `PATCH /rest/community-packages { name, version }`, which
 * reinstalls even the same version (a rebuild). n8n then runs `npm pack <name>@<version>` in
 * `<user folder>/.n8n/nodes`, unpacks it into node_modules/<name>, drops its dev, peer and
 * optional dependencies, runs `npm install --ignore-scripts` there, loads the nodes and records
 * the package in its database. Resolves { action: 'installed' | 'updated', previousVersion,
 * listed (the GET entry), name, version, integrity, ms }; throws unless GET then lists the package
 * at that version with its nodes loaded.
 */
async function installThroughN8n({ baseUrl, cookie, standIn, tarball }) {
	const started = Date.now();
	const packed = standIn.add(tarball);
	const before = (await communityPackages(baseUrl, cookie)).find((entry) => entry.packageName === packed.name);
	if (before) await rest(baseUrl, cookie, 'PATCH', '/rest/community-packages', { name: packed.name, version: packed.version });
	else await rest(baseUrl, cookie, 'POST', '/rest/community-packages', { name: packed.name, version: packed.version, verify: false });
	const listed = (await communityPackages(baseUrl, cookie)).find((entry) => entry.packageName === packed.name);
	if (!listed) throw new Error(`n8n does not list ${packed.name} after the install`);
	if (listed.installedVersion !== packed.version) throw new Error(`n8n lists ${packed.name} at ${listed.installedVersion}, not the packed ${packed.version}`);
	if (listed.failedLoading) throw new Error(`n8n lists ${packed.name} ${packed.version} but could not load its nodes`);
	return { action: before ? 'updated' : 'installed', previousVersion: before?.installedVersion, listed, ...packed, ms: Date.now() - started };
}

/**
 * A copy of the tarball `npm pack` made, with another version in its package.json, packed into
 * `folder` (never the repository): an "update" for the e2e run. Resolves the new tarball's path.
 */
async function repackWithVersion(tarball, version, folder) {
	const work = fs.mkdtempSync(path.join(folder, 'repack-'));
	const run = (command, args, cwd) =>
		new Promise((resolve, reject) => {
			const child = spawn(command, args, { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
			let stdout = '';
			let stderr = '';
			child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
			child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
			child.on('error', reject);
			child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command} ${args[0]} failed: ${stderr.trim()}`))));
		});
	try {
		await run('tar', ['-xzf', tarball, '-C', work], work);
		const packageJsonPath = path.join(work, 'package', 'package.json');
		const packageJson = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8'));
		fs.writeFileSync(packageJsonPath, `${JSON.stringify({ ...packageJson, version }, null, 2)}\n`);
		const stdout = await run('npm', ['pack', path.join(work, 'package'), '--json', '--ignore-scripts', '--pack-destination', folder], work);
		const [{ filename }] = JSON.parse(stdout.slice(stdout.indexOf('[')));
		return path.join(folder, filename);
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

/** Imports (or updates) the "Maton API (sandbox)" credential pointing at the sandbox. */
async function importCredential({ env, sandbox }) {
	const file = path.join(env.N8N_USER_FOLDER, 'import-credentials.json');
	fs.writeFileSync(file, JSON.stringify([{ ...CREDENTIAL, data: sandbox.credentials() }], null, 2));
	try {
		return await n8nCliOrThrow(['import:credentials', `--input=${file}`], { env });
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/** The example workflows: [{ file, id, name, json, hash }]. */
function exampleWorkflows() {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((name) => {
			const text = fs.readFileSync(path.join(EXAMPLES_DIR, name), 'utf8');
			const json = JSON.parse(text);
			return { file: name, id: json.id, name: json.name, json, hash: crypto.createHash('sha256').update(text).digest('hex') };
		});
}

/** Imports the given example workflows (all in one `import:workflow --separate` run). */
async function importWorkflows({ env, workflows }) {
	if (workflows.length === 0) return undefined;
	const dir = fs.mkdtempSync(path.join(env.N8N_USER_FOLDER, 'import-workflows-'));
	try {
		for (const workflow of workflows) fs.writeFileSync(path.join(dir, workflow.file), JSON.stringify(workflow.json));
		return await n8nCliOrThrow(['import:workflow', '--separate', `--input=${dir}`], { env });
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * Starts `n8n start` (or `command`: `worker`, `webhook` in queue mode) with Node 24 in its own
 * process group; its output goes to `logFile` (and to `onLine`). Resolves { child, baseUrl,
 * readyMs } once `readyUrl` (default: /healthz/readiness of N8N_PORT) answers 200.
 */
async function startN8n({ env, logFile, onLine, timeoutMs = 180_000, command = 'start', readyUrl }) {
	const log = fs.createWriteStream(logFile, { flags: 'a' });
	log.write(`\n=== n8n ${command}, ${new Date().toISOString()} ===\n`);
	const child = spawn(NODE24, [N8N_BIN, command], { cwd: env.N8N_USER_FOLDER, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	for (const stream of [child.stdout, child.stderr]) {
		let buffer = '';
		stream.setEncoding('utf8').on('data', (chunk) => {
			log.write(chunk);
			if (!onLine) return;
			buffer += chunk;
			const lines = buffer.split('\n');
			buffer = lines.pop();
			for (const line of lines) onLine(line);
		});
	}
	child.on('close', () => log.end());
	const baseUrl = `http://127.0.0.1:${env.N8N_PORT}`;
	try {
		const readyMs = await waitForHttp(readyUrl ?? `${baseUrl}/healthz/readiness`, { child, timeoutMs });
		return { child, baseUrl, readyMs, stop: () => stopProcessGroup(child) };
	} catch (error) {
		await stopProcessGroup(child);
		throw new Error(`${error.message}\nLast lines of ${logFile}:\n${tailOf(logFile, 25)}`);
	}
}

function tailOf(file, lines) {
	try {
		return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/**
 * Creates the owner account unless there is one. Returns 'created' or 'existing'.
 * (POST /rest/owner/setup works without a login on an instance that has no owner yet.)
 */
async function ensureOwner(baseUrl, owner = OWNER) {
	const settings = await (await fetch(`${baseUrl}/rest/settings`)).json();
	const needsSetup = settings?.data?.userManagement?.showSetupOnFirstLoad;
	if (needsSetup === false) return 'existing';
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	if (!response.ok) throw new Error(`owner setup failed: HTTP ${response.status} ${await response.text()}`);
	return 'created';
}

/** Signs in; returns the cookie header for REST calls. */
async function signIn(baseUrl, owner = OWNER) {
	const response = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status} ${await response.text()}`);
	return response.headers
		.getSetCookie()
		.map((cookie) => cookie.split(';')[0])
		.join('; ');
}

/**
 * The JSON that `n8n execute` prints after its log lines: from the first line that is just `{`
 * to the end. Returns undefined when there is none.
 */
function parseExecuteOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.trim() === '{');
	if (start === -1) return undefined;
	const rest = lines.slice(start).join('\n');
	try {
		return JSON.parse(rest);
	} catch {
		// Trailing log lines after the JSON: cut at the last closing brace that parses.
		for (let end = rest.lastIndexOf('}'); end > 0; end = rest.lastIndexOf('}', end - 1)) {
			try {
				return JSON.parse(rest.slice(0, end + 1));
			} catch {
				// keep looking
			}
		}
		return undefined;
	}
}

/**
 * A fresh folder for a throw-away user folder (e2e runs), under .n8n-runtime/e2e/. Folders
 * kept by earlier failing runs (about 55 MB each) are deleted but for the newest `keep`.
 */
function freshFolder(prefix, { keep = 3 } = {}) {
	const base = path.join(RUNTIME_DIR, 'e2e');
	fs.mkdirSync(base, { recursive: true });
	const earlier = fs
		.readdirSync(base)
		.filter((name) => name.startsWith(prefix))
		.sort()
		.reverse();
	for (const name of earlier.slice(keep)) fs.rmSync(path.join(base, name), { recursive: true, force: true });
	return fs.mkdtempSync(path.join(base, `${prefix}${new Date().toISOString().replace(/[:.]/g, '-')}-`));
}

module.exports = {
	CREDENTIAL,
	ENCRYPTION_KEY,
	EXAMPLES_DIR,
	OWNER,
	ensureOwner,
	exampleWorkflows,
	freshFolder,
	importCredential,
	importWorkflows,
	communityPackages,
	installThroughN8n,
	n8nCli,
	n8nCliOrThrow,
	n8nEnv,
	packPackage,
	parseExecuteOutput,
	repackWithVersion,
	rest,
	signIn,
	startN8n,
	tailOf,
	tmpdir: os.tmpdir,
};
