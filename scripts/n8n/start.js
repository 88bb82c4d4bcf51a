#!/usr/bin/env node
'use strict';
/**
 * `npm start [-- options]`: this node in a real n8n, against the local Maton sandbox.
 *
 *  1. builds the package (`npm run build`);
 *  2. installs the pinned n8n on first use (scripts/n8n/install.js; about 5 minutes, 3 GB);
 *  3. starts the sandbox in-process on 127.0.0.1:8787 (the next free port if taken);
 *  4. imports the "Maton API (sandbox)" credential and the workflows of examples/ (again only
 *     when an example file changed) into the user folder .n8n-runtime/user/;
 *  5. packs this package (`npm pack`) and starts the registry stand-in (registry-stand-in.js: a
 *     proxy on 127.0.0.1 that answers for this one package on registry.npmjs.org);
 *  6. starts n8n (Node 24) on 127.0.0.1:5678 (the next free port if taken), creates the owner
 *     account and installs the packed package through n8n's own community-package installer
 *     (POST /rest/community-packages, or PATCH when a reused user folder has it already), so
 *     that Settings › Community Nodes lists it at the packed version; prints the editor URL and
 *     the login.
 *
 * Ctrl-C (or SIGTERM / SIGHUP) stops n8n, the stand-in (its temporary folder is deleted) and the sandbox. A second run reuses the install and
 * the user folder (its workflows, executions and account).
 *
 * With --queue, n8n runs in queue mode instead (scripts/n8n/queue.js: Redis, PostgreSQL, main +
 * worker + webhook), in a throw-away folder deleted when it stops.
 */
const fs = require('node:fs');
const path = require('node:path');

const { startSandbox } = require('../../sandbox/server');
const { N8N_VERSION, NODE_VERSION, ROOT, RUNTIME_DIR, cleanEnv, formatSeconds, freePort, killRunning, spawn } = require('./common');
const { ensureInstalled } = require('./install');
const { startQueueStack } = require('./queue');
const { startRegistryStandIn } = require('./registry-stand-in');
const {
	CREDENTIAL,
	OWNER,
	ensureOwner,
	exampleWorkflows,
	importCredential,
	freshFolder,
	importWorkflows,
	installThroughN8n,
	n8nEnv,
	packPackage,
	signIn,
	startN8n,
} = require('./instance');

const USAGE = `Usage: npm start -- [options]

  --port <n>          n8n's port on 127.0.0.1 (default 5678, or the next free one)
  --sandbox-port <n>  the sandbox's port (default 8787, or the next free one)
  --rate-limit <n>    the sandbox's requests per second per key (default 10; 0 = off)
  --fresh             start from an empty user folder (deletes .n8n-runtime/user/)
  --no-build          do not run \`npm run build\` first
  --quiet             do not print a line per sandbox request or n8n's own output
  --queue             n8n in queue mode: Redis, PostgreSQL, main (on --port), a worker and a
                      webhook process, in a throw-away folder (installs redis-server and
                      postgresql with apt-get when missing, as root)
  --help              this text`;

function parseArguments(argv) {
	const options = { port: 5678, sandboxPort: 8787, rateLimit: 10, fresh: false, build: true, quiet: false, queue: false };
	for (let index = 0; index < argv.length; index++) {
		const [flag, inline] = argv[index].includes('=') ? argv[index].split(/=(.*)/s) : [argv[index], undefined];
		const number = () => {
			const value = Number(inline ?? argv[++index]);
			if (!Number.isInteger(value) || value < 0 || value > 65535) fail(`${flag} needs a port number`);
			return value;
		};
		switch (flag) {
			case '--port':
				options.port = number();
				break;
			case '--sandbox-port':
				options.sandboxPort = number();
				break;
			case '--rate-limit':
				options.rateLimit = number();
				break;
			case '--fresh':
				options.fresh = true;
				break;
			case '--no-build':
				options.build = false;
				break;
			case '--quiet':
				options.quiet = true;
				break;
			case '--queue':
				options.queue = true;
				break;
			case '--help':
			case '-h':
				console.log(USAGE);
				process.exit(0);
				break;
			default:
				fail(`unknown option ${argv[index]}`);
		}
	}
	return options;
}

function fail(message) {
	console.error(`start: ${message}\n\n${USAGE}`);
	process.exit(2);
}

const USER_FOLDER = path.join(RUNTIME_DIR, 'user');
const PID_FILE = path.join(USER_FOLDER, 'start.pid');
const EXAMPLES_STATE = path.join(USER_FOLDER, 'examples-imported.json');
const LOG_FILE = path.join(USER_FOLDER, 'n8n.log');

function say(line = '') {
	console.log(line);
}

function runBuild() {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const child = spawn('npm', ['run', 'build', '--silent'], { cwd: ROOT, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve(Date.now() - started) : reject(new Error(`npm run build failed:\n${output.trim()}`))));
	});
}

/** Refuses to run twice on the same user folder (one SQLite database, one n8n). */
function claimUserFolder() {
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	try {
		const previous = JSON.parse(fs.readFileSync(PID_FILE, 'utf8'));
		process.kill(previous.pid, 0);
		if (previous.pid !== process.pid) {
			console.error(`start: another \`npm start\` (pid ${previous.pid}) is running n8n on ${previous.url ?? 'this user folder'}. Stop it first (Ctrl-C there, or kill ${previous.pid}).`);
			process.exit(1);
		}
	} catch {
		// none running
	}
	fs.writeFileSync(PID_FILE, JSON.stringify({ pid: process.pid }));
}

function readExamplesState() {
	try {
		return JSON.parse(fs.readFileSync(EXAMPLES_STATE, 'utf8'));
	} catch {
		return {};
	}
}

/** What is running, for stop(). */
let sandbox;
let n8n;
let standIn;
let queueStack;
let stopping;

/** Stops n8n (SIGTERM to its process group, SIGKILL after 10 s) and the sandbox, then exits. */
function stop(reason, code = 0) {
	if (stopping) return stopping;
	stopping = (async () => {
		if (reason) say(`\n${reason}`);
		if (n8n) {
			say('Stopping n8n…');
			await n8n.stop();
		}
		if (queueStack) {
			say('Stopping n8n (main, worker, webhook), Redis and PostgreSQL…');
			await queueStack.stop();
			fs.rmSync(queueStack.folder, { recursive: true, force: true });
		}
		// Whatever was still starting (the build, the install, an import, n8n before it was ready).
		await killRunning();
		if (standIn) await standIn.close();
		if (sandbox) await sandbox.close();
		try {
			if (JSON.parse(fs.readFileSync(PID_FILE, 'utf8')).pid === process.pid) fs.rmSync(PID_FILE, { force: true });
		} catch {
			// already gone
		}
		say(n8n || queueStack || sandbox ? 'Stopped n8n and the sandbox.' : 'Stopped.');
		process.exit(code);
	})();
	return stopping;
}

async function main() {
	const options = parseArguments(process.argv.slice(2));
	const started = Date.now();
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(`Received ${signal}.`, 0));
	// `kill <npm pid>` stops npm and the `sh` it runs this in, but never reaches this process:
	// stop when the parent goes away (the process is then re-parented).
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) stop('The parent process (npm) exited.', 0);
	}, 1000).unref();

	if (options.fresh && fs.existsSync(USER_FOLDER)) {
		claimUserFolder();
		say(`Deleting ${path.relative(ROOT, USER_FOLDER)} (--fresh).`);
		fs.rmSync(USER_FOLDER, { recursive: true, force: true });
	}
	claimUserFolder();

	if (options.build) {
		process.stdout.write('Building the package (npm run build)… ');
		say(`done in ${formatSeconds(await runBuild())}.`);
	}

	const install = await ensureInstalled({ log: say });
	if (!install.installed) say(`n8n ${N8N_VERSION} (Node ${NODE_VERSION}) is installed in ${path.relative(ROOT, RUNTIME_DIR)}.`);

	// Ports: n8n, its task broker (5679 unless taken: another n8n may be running), the sandbox.
	const port = await freePort(options.port, { avoid: [5679] });
	if (port !== options.port) say(`Port ${options.port} is taken: n8n will use ${port}.`);
	const brokerPort = await freePort(5679, { avoid: [port] });
	const sandboxPort = await freePort(options.sandboxPort, { avoid: [port, brokerPort] });
	if (sandboxPort !== options.sandboxPort) say(`Port ${options.sandboxPort} is taken: the sandbox will use ${sandboxPort}.`);

	sandbox = await startSandbox({
		port: sandboxPort,
		rateLimitPerSecond: options.rateLimit,
		onRequest: options.quiet
			? undefined
			: (entry) => say(`sandbox │ ${entry.method} ${entry.path}${Object.keys(entry.query ?? {}).length ? `?${new URLSearchParams(entry.query)}` : ''} → ${entry.status ?? 'dropped'}${entry.fault ? ' (injected fault)' : ''}`),
	});
	say(`Sandbox (Maton gateway and control API) on ${sandbox.url}, key ${sandbox.apiKey}.`);

	if (options.queue) return startQueueMode({ port, started });

	const isNew = !fs.existsSync(path.join(USER_FOLDER, '.n8n', 'database.sqlite'));
	// n8n's installer fetches from registry.npmjs.org only: the stand-in answers for this package
	// there and tunnels every other host unchanged (n8n's own services refused), so that a
	// credential pointing at a real gateway still works.
	standIn = await startRegistryStandIn({ passThrough: true });
	const tarball = await packPackage(path.join(standIn.folder, 'packed'));
	const env = n8nEnv({ userFolder: USER_FOLDER, port, brokerPort, extra: standIn.env });
	process.stdout.write(`${isNew ? 'Creating' : 'Reusing'} the n8n user folder ${path.relative(ROOT, USER_FOLDER)}: credential "${CREDENTIAL.name}"… `);
	await importCredential({ env, sandbox });
	const examples = exampleWorkflows();
	const imported = readExamplesState();
	const toImport = examples.filter((example) => imported[example.id] !== example.hash);
	await importWorkflows({ env, workflows: toImport });
	for (const example of toImport) imported[example.id] = example.hash;
	fs.writeFileSync(EXAMPLES_STATE, JSON.stringify(imported, null, 2));
	say(toImport.length ? `${toImport.length} example workflow(s) imported.` : 'example workflows unchanged.');

	process.stdout.write(`Starting n8n ${N8N_VERSION} on 127.0.0.1:${port}… `);
	const quietLine = (line) => /^(Starting|Finished) migration|^\s*$/.test(line);
	let ready = false;
	const buffered = [];
	n8n = await startN8n({
		env,
		logFile: LOG_FILE,
		onLine: (line) => {
			if (options.quiet || quietLine(line)) return;
			if (ready) say(`n8n │ ${line}`);
			else buffered.push(line);
		},
	});
	say(`ready in ${formatSeconds(n8n.readyMs)}.`);
	n8n.child.on('exit', (code, signal) => {
		if (!stopping) stop(`n8n exited (${signal ?? `code ${code}`}); see ${LOG_FILE}.`, 1);
	});
	const owner = await ensureOwner(n8n.baseUrl);
	fs.writeFileSync(PID_FILE, JSON.stringify({ pid: process.pid, url: n8n.baseUrl }));
	process.stdout.write(`Installing ${path.basename(tarball)} through n8n's community-package installer… `);
	const installed = await installThroughN8n({ baseUrl: n8n.baseUrl, cookie: await signIn(n8n.baseUrl), standIn, tarball });
	say(
		installed.action === 'installed'
			? `installed ${installed.name} ${installed.version} (POST /rest/community-packages) in ${formatSeconds(installed.ms)}.`
			: installed.previousVersion === installed.version
				? `reinstalled ${installed.name} ${installed.version}, this build (PATCH /rest/community-packages) in ${formatSeconds(installed.ms)}.`
				: `updated ${installed.name} ${installed.previousVersion} → ${installed.version} (PATCH /rest/community-packages) in ${formatSeconds(installed.ms)}.`,
	);

	const line = '─'.repeat(72);
	say(`\n${line}`);
	say(`  n8n ${N8N_VERSION} with ${installed.name} ${installed.version} is running (${formatSeconds(Date.now() - started)} in all).`);
	say('');
	say(`  Editor     ${n8n.baseUrl}/signin`);
	say(`  Login      ${OWNER.email}  /  ${OWNER.password}${owner === 'created' ? '  (account just created)' : ''}`);
	say(`  Sandbox    ${sandbox.url}  (request log: ${sandbox.url}/__sandbox/requests)`);
	say(`  Credential "${CREDENTIAL.name}" (id ${CREDENTIAL.id})`);
	say(`  Package    ${installed.name} ${installed.version}, node types ${installed.listed.installedNodes.map((node) => node.type).join(', ')}`);
	say(`             (Settings › Community Nodes: ${n8n.baseUrl}/settings/community-nodes)`);
	say(`  Registry   ${standIn.url}: stand-in for registry.npmjs.org (this package only; n8n's own hosts refused)`);
	say('  Examples');
	for (const example of examples) say(`    ${n8n.baseUrl}/workflow/${example.id}  ${example.name.replace(/^WhatsApp \(Maton\) example: /, '')}`);
	say(`  n8n log    ${path.relative(ROOT, LOG_FILE)}`);
	say('');
	say('  Ctrl-C stops n8n and the sandbox.');
	say(`${line}\n`);
	ready = true;
	if (buffered.some((text) => /error/i.test(text))) for (const text of buffered) say(`n8n │ ${text}`);
}

/** --queue: the examples in a fresh queue-mode stack (queue.js), main on `port`. */
async function startQueueMode({ port, started }) {
	const examples = exampleWorkflows();
	say(`Starting n8n ${N8N_VERSION} in queue mode: Redis, PostgreSQL, main on 127.0.0.1:${port}, a worker and a webhook process…`);
	standIn = await startRegistryStandIn({ passThrough: true });
	queueStack = await startQueueStack({ sandbox, workflows: examples, folder: freshFolder('queue-start-'), mainPort: port, standIn, log: say });
	const { timings } = queueStack;
	for (const name of ['main', 'worker', 'webhook']) {
		queueStack.processes[name].child.on('exit', (code, signal) => {
			if (!stopping) stop(`n8n ${name} exited (${signal ?? `code ${code}`}); see ${queueStack.logs[name]}.`, 1);
		});
	}
	const line = '─'.repeat(72);
	say(`\n${line}`);
	say(`  n8n ${N8N_VERSION} in queue mode is running (${formatSeconds(Date.now() - started)} in all; n8n ready in ${formatSeconds(timings.n8n)}).`);
	say('');
	say(`  Editor     ${queueStack.mainUrl}/signin`);
	say(`  Login      ${OWNER.email}  /  ${OWNER.password}`);
	say(`  Webhooks   ${queueStack.webhookUrl}/webhook/<path>  (the webhook process; test URLs stay on main)`);
	say(`  Worker     ${queueStack.workerUrl}/healthz/readiness`);
	say(`  Redis      127.0.0.1:${queueStack.redis.port}   PostgreSQL 127.0.0.1:${queueStack.postgres.port} (database ${queueStack.postgres.database})`);
	say(`  Sandbox    ${sandbox.url}  (request log: ${sandbox.url}/__sandbox/requests)`);
	say(`  Credential "${CREDENTIAL.name}" (id ${CREDENTIAL.id}); ${examples.length} examples`);
	say(`  Package    ${queueStack.installed.name} ${queueStack.installed.version}, installed on main through n8n's installer, by the worker and the webhook process after it`);
	say(`  Logs       ${path.relative(ROOT, queueStack.folder)}/{main,worker,webhook,redis,postgres}.log`);
	say('');
	say('  Ctrl-C stops everything and deletes that folder.');
	say(`${line}\n`);
}

main().catch((error) => stop(`start: ${error.message}`, 1));
