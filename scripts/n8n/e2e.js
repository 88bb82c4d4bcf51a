#!/usr/bin/env node
'use strict';
/**
 * `npm run test:e2e [-- options]`: the node in the real, pinned n8n, end to end.
 *
 *  1. builds the package and installs the pinned n8n on first use (as `npm start` does);
 *  2. starts the sandbox in-process and n8n (Node 24) on free ports, with a user folder of its own
 *     under .n8n-runtime/e2e/ (deleted after a passing run, kept after a failing one);
 *  3. imports the "Maton API (sandbox)" credential and the workflows of examples/, creates the
 *     owner account, and installs the packed package through n8n's own community-package
 *     installer (POST /rest/community-packages; npm fetches it from the registry stand-in,
 *     registry-stand-in.js, which answers for this one package on registry.npmjs.org and refuses
 *     every other host);
 *  4. checks the install (GET /rest/community-packages lists the package at the packed version,
 *     n8n's folder holds the tarball's files) and the running server: the node type is loaded,
 *     the credential test passes, the examples are there and a manual run through the REST API
 *     reaches the sandbox;
 *  5. runs each example with `n8n execute --id` and asserts on n8n's output and on what the
 *     sandbox received (e2e/cases.js), then the trigger cases (e2e/trigger.js: activate a
 *     workflow, the sandbox's simulated customer writes, the reply arrives at the sandbox);
 *  6. runs the browser cases (e2e/browser.js: sign in, add the node from the node panel and run
 *     a workflow from the editor, Settings › Community Nodes, in Debian's Chromium; screenshots
 *     into docs/ only with --update-screenshots);
 *  6b. an update: the tarball repacked as the next patch prerelease (in the stand-in's temporary
 *     folder, never the repository), listed as an available update, installed with
 *     PATCH /rest/community-packages, listed at the new version and still running the example;
 *  7. queue mode (unless --no-queue): stops that n8n, starts Redis, PostgreSQL and n8n's main,
 *     worker and webhook processes (scripts/n8n/queue.js) and runs e2e/queue.js there: a
 *     production webhook on the webhook process → Send Text run by the worker, and the examples;
 *  8. stops everything and prints `e2e: N passed, M failed`. Exit code 1 when a case failed.
 *
 * Not part of `npm test` (whose jest roots are test/).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');

const { startSandbox } = require('../../sandbox/server');
const { N8N_VERSION, NODE_TYPE, PACKAGE, ROOT, cleanEnv, formatSeconds, freePort, killRunning, sleep, spawn } = require('./common');
const { ensureInstalled } = require('./install');
const { startQueueStack } = require('./queue');
const { startRegistryStandIn } = require('./registry-stand-in');
const {
	CREDENTIAL,
	OWNER,
	ensureOwner,
	exampleWorkflows,
	freshFolder,
	importCredential,
	importWorkflows,
	communityPackages,
	installThroughN8n,
	n8nCli,
	n8nEnv,
	packPackage,
	parseExecuteOutput,
	repackWithVersion,
	signIn,
	startN8n,
	tailOf,
} = require('./instance');

const USAGE = `Usage: npm run test:e2e -- [options]

  --only <text>  run only the cases whose name contains <text> (the server checks always run)
  --keep         keep the run's user folder (.n8n-runtime/e2e/run-…) even when every case passed
  --no-build     do not run \`npm run build\` first
  --verbose      print n8n's output of every \`n8n execute\`
  --no-queue     skip the queue-mode part (Redis, PostgreSQL, n8n main + worker + webhook);
                 \`--queue\` (the default) runs it, installing redis-server and postgresql with
                 apt-get when missing (as root)
  --update-screenshots
                 write the editor screenshots the README shows into docs/ (otherwise they go
                 to the run's folder only, so that a run never changes a tracked file)
  --help         this text`;

function parseArguments(argv) {
	const options = { only: undefined, keep: false, build: true, verbose: false, updateScreenshots: false, queue: true };
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		if (argument === '--only') options.only = argv[++index];
		else if (argument.startsWith('--only=')) options.only = argument.slice(7);
		else if (argument === '--keep') options.keep = true;
		else if (argument === '--no-build') options.build = false;
		else if (argument === '--verbose') options.verbose = true;
		else if (argument === '--queue') options.queue = true;
		else if (argument === '--no-queue') options.queue = false;
		else if (argument === '--update-screenshots') options.updateScreenshots = true;
		else if (argument === '--help' || argument === '-h') {
			console.log(USAGE);
			process.exit(0);
		} else {
			console.error(`e2e: unknown option ${argument}\n\n${USAGE}`);
			process.exit(2);
		}
	}
	return options;
}

const say = (line = '') => console.log(line);

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

/** The json of every item a node output in its first run (main output 0). */
function nodeItems(output, nodeName) {
	const runs = output?.data?.resultData?.runData?.[nodeName];
	assert.ok(runs?.length, `node "${nodeName}" ran`);
	return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
}

/** What went wrong in an execution, from n8n's output. */
function executionError(run) {
	const error = run.output?.data?.resultData?.error;
	if (error) return `${error.message}${error.description ? ` (${error.description})` : ''}${error.node?.name ? ` in node "${error.node.name}"` : ''}`;
	return `no JSON in the output; last lines:\n${(run.stdout + run.stderr).trim().split('\n').slice(-15).join('\n')}`;
}

/** GET and POST as the signed-in owner, asserting 200. */
function restClient(baseUrl, cookie) {
	return {
		get: async (url) => {
			const response = await fetch(`${baseUrl}${url}`, { headers: { cookie } });
			assert.equal(response.status, 200, `GET ${url} → ${response.status}`);
			return response.json();
		},
		post: async (url, body) => {
			const response = await fetch(`${baseUrl}${url}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
			assert.equal(response.status, 200, `POST ${url} → ${response.status} ${await response.clone().text()}`);
			return response.json();
		},
	};
}

/** Runs example 01 (send a text) through the REST API, as the editor's Execute Workflow does; asserts one message reached the sandbox. */
async function manualRun({ get, post, sandbox, examples }) {
	sandbox.reset();
	const example = examples.find((candidate) => candidate.id === 'matonExample0001');
	const trigger = example.json.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	const { executionId } = (await post(`/rest/workflows/${example.id}/run`, { triggerToStartFrom: { name: trigger.name } })).data;
	assert.ok(executionId, 'a manual run started');
	let execution;
	for (const started = Date.now(); Date.now() - started < 30_000; await sleep(250)) {
		execution = (await get(`/rest/executions/${executionId}`)).data;
		if (execution.finished || ['success', 'error', 'crashed', 'canceled'].includes(execution.status)) break;
	}
	assert.equal(execution?.status, 'success', `manual run ${executionId} ended with status ${execution?.status}`);
	const sent = sandbox.state.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/messages'));
	assert.equal(sent.length, 1, 'the manual run sent one message to the sandbox');
}

/** The node types package.json declares: `dist/nodes/X/X.node.js` → `<package>.x`. */
const declaredNodeTypes = () =>
	PACKAGE.n8n.nodes.map((file) => path.basename(file, '.node.js')).map((name) => `${PACKAGE.name}.${name[0].toLowerCase()}${name.slice(1)}`).sort();

/** sha256 of every file under `folder`, by path relative to it. */
function fileHashes(folder) {
	const hashes = {};
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else hashes[path.relative(folder, full)] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
		}
	};
	walk(folder);
	return hashes;
}

/**
 * What n8n's installer left after installing `packed` (installThroughN8n's answer): Settings ›
 * Community Nodes' list, its folder `.n8n/nodes`, and what npm fetched from the stand-in.
 */
async function installChecks({ baseUrl, cookie, userFolder, packed, tarball, standIn }) {
	const listed = (await communityPackages(baseUrl, cookie)).filter((entry) => entry.packageName === PACKAGE.name);
	assert.equal(listed.length, 1, `GET /rest/community-packages lists ${PACKAGE.name} once`);
	const [entry] = listed;
	assert.equal(entry.installedVersion, packed.version, 'at the packed version');
	assert.equal(entry.failedLoading, false, 'its nodes loaded');
	assert.equal(entry.updateAvailable, undefined, 'no update offered (the stand-in has no newer version)');
	assert.deepEqual(entry.installedNodes.map((node) => node.type).sort(), declaredNodeTypes(), 'with the node types package.json declares');

	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const installedDir = path.join(nodesDir, 'node_modules', PACKAGE.name);
	assert.equal(JSON.parse(fs.readFileSync(path.join(nodesDir, 'package.json'), 'utf8')).dependencies[PACKAGE.name], packed.version, "n8n's ledger .n8n/nodes/package.json records the version");
	const installedJson = JSON.parse(fs.readFileSync(path.join(installedDir, 'package.json'), 'utf8'));
	assert.equal(installedJson.version, packed.version);
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies']) assert.equal(installedJson[field], undefined, `n8n dropped ${field}`);
	// The files are the tarball's: unpack it beside and compare (package.json aside, which n8n rewrites).
	const unpacked = fs.mkdtempSync(path.join(standIn.folder, 'unpacked-'));
	try {
		const tar = spawnSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
		assert.equal(tar.status, 0, 'tar unpacks the packed tarball');
		const expected = fileHashes(unpacked);
		const actual = fileHashes(installedDir);
		delete expected['package.json'];
		delete actual['package.json'];
		assert.ok(Object.keys(expected).length > 0, 'the tarball has files');
		assert.deepEqual(actual, expected, `n8n's copy in ${path.relative(ROOT, installedDir)} has exactly the tarball's files`);
	} finally {
		fs.rmSync(unpacked, { recursive: true, force: true });
	}
	const served = standIn.requests.filter((request) => request.kind === 'served' && request.status === 200).map((request) => request.path);
	assert.ok(served.includes(`/${PACKAGE.name}`), 'npm fetched the packument from the stand-in');
	assert.ok(served.includes(new URL(packed.tarballUrl).pathname), 'npm fetched the tarball from the stand-in');
	const refused = [...new Set(standIn.requests.filter((request) => request.kind === 'refused').map((request) => request.host))];
	return `[${packed.name} ${packed.version} in ${formatSeconds(packed.ms)}; refused: ${refused.join(', ') || 'none'}]`;
}

/** 0.1.0 → 0.1.1-e2e.0: a version newer than the packed one that no release will have. */
function nextTestVersion(version) {
	const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
	assert.ok(match, `package.json's version ${version} is semver`);
	return `${match[1]}.${match[2]}.${Number(match[3]) + 1}-e2e.0`;
}

/**
 * An update as Settings › Community Nodes does one: the packed tarball repacked at the next test
 * version (in the stand-in's temporary folder), offered as an update, installed with PATCH, then
 * listed at the new version, on disk, loaded and running example 01.
 */
async function updateCheck({ baseUrl, userFolder, tarball, standIn, sandbox, examples }) {
	const cookie = await signIn(baseUrl);
	const { get, post } = restClient(baseUrl, cookie);
	const version = nextTestVersion(PACKAGE.version);
	const bumped = await repackWithVersion(tarball, version, path.dirname(tarball));
	standIn.add(bumped);
	const offered = (await communityPackages(baseUrl, cookie)).find((entry) => entry.packageName === PACKAGE.name);
	assert.equal(offered?.installedVersion, PACKAGE.version, 'still the packed version before the update');
	assert.equal(offered?.updateAvailable, version, 'GET /rest/community-packages offers the new version (npm outdated through the stand-in)');
	const updated = await installThroughN8n({ baseUrl, cookie, standIn, tarball: bumped });
	assert.equal(updated.action, 'updated', 'PATCH /rest/community-packages');
	assert.equal(updated.previousVersion, PACKAGE.version);
	assert.equal(updated.listed.installedVersion, version, 'listed at the new version');
	assert.equal(updated.listed.updateAvailable, undefined, 'no update offered any more');
	const installedJson = JSON.parse(fs.readFileSync(path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE.name, 'package.json'), 'utf8'));
	assert.equal(installedJson.version, version, 'n8n unpacked the new tarball');
	const nodeTypes = (await get('/types/nodes.json')).map((type) => type.name);
	for (const type of declaredNodeTypes()) assert.ok(nodeTypes.includes(type), `the editor still offers ${type}`);
	await manualRun({ get, post, sandbox, examples });
	return `[${PACKAGE.version} → ${version} in ${formatSeconds(updated.ms)}]`;
}

/** The running server: node type loaded, credential test, examples imported, a manual run. */
async function serverChecks({ baseUrl, sandbox, examples }) {
	const cookie = await signIn(baseUrl);
	const { get, post } = restClient(baseUrl, cookie);

	const nodeTypes = await get('/types/nodes.json');
	const ours = nodeTypes.filter((type) => type.name.startsWith(`${NODE_TYPE.split('.')[0]}.`)).map((type) => type.name);
	assert.ok(ours.includes(NODE_TYPE), `the editor offers ${NODE_TYPE} (has: ${ours.join(', ') || 'none of the package'})`);

	const workflows = (await get('/rest/workflows')).data.map((workflow) => workflow.id);
	for (const example of examples) assert.ok(workflows.includes(example.id), `workflow ${example.id} (${example.file}) imported`);

	sandbox.reset();
	const credential = (await get(`/rest/credentials/${CREDENTIAL.id}?includeData=true`)).data;
	assert.equal(credential.type, CREDENTIAL.type);
	assert.equal(credential.data.gatewayBaseUrl, sandbox.url);
	const test = (await post('/rest/credentials/test', { credentials: { id: credential.id, name: credential.name, type: credential.type, data: credential.data } })).data;
	assert.equal(test.status, 'OK', `credential test: ${test.message}`);
	assert.ok(
		sandbox.state.requests.some((request) => request.api === 'control' && request.method === 'GET' && request.path === '/connections' && request.status === 200),
		'the credential test listed the connections at the sandbox',
	);
	// n8n's own CredentialsTester found the nodes' testedBy function: it names what it found.
	assert.match(test.message, /^Connected: 1 business account \(Sandbox Business\), 3 phone numbers\./, 'the credential test names the account');
	sandbox.reset();
	const keyOnly = (await post('/rest/credentials/test', {
		credentials: { id: credential.id, name: credential.name, type: credential.type, data: { ...credential.data, businessAccountId: '' } },
	})).data;
	assert.equal(keyOnly.status, 'OK', `credential test with only the key: ${keyOnly.message}`);
	assert.match(keyOnly.message, /^Connected: 1 business account \(Sandbox Business\), 3 phone numbers\./, 'the key-only credential test names the account it discovered');
	assert.ok(
		sandbox.state.requests.some((request) => request.api === 'gateway' && request.graphPath === '/me' && request.status === 200),
		'the key-only credential test discovered the account (GET /me)',
	);

	await manualRun({ get, post, sandbox, examples });
}

async function main() {
	const options = parseArguments(process.argv.slice(2));
	const started = Date.now();
	const results = [];
	let sandbox;
	let standIn;
	let server;
	let queueStack;
	let userFolder;
	let interrupted = false;

	const cleanUp = async () => {
		if (server) await server.stop();
		server = undefined;
		if (queueStack) await queueStack.stop();
		queueStack = undefined;
		await killRunning();
		if (standIn) await standIn.close();
		standIn = undefined;
		if (sandbox) await sandbox.close();
		sandbox = undefined;
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(signal, async () => {
			if (interrupted) return;
			interrupted = true;
			say(`\ne2e: ${signal}, stopping n8n and the sandbox…`);
			await cleanUp();
			say(`e2e: interrupted${userFolder ? `; user folder kept: ${path.relative(ROOT, userFolder)}` : ''}`);
			process.exit(130);
		});
	}

	const record = async (name, fn) => {
		const caseStarted = Date.now();
		try {
			const note = await fn();
			results.push({ name, ok: true });
			say(`  ok    ${name} (${formatSeconds(Date.now() - caseStarted)})${note ? ` ${note}` : ''}`);
		} catch (error) {
			if (interrupted) return;
			results.push({ name, ok: false, error });
			say(`  FAIL  ${name} (${formatSeconds(Date.now() - caseStarted)})`);
			say(`        ${String(error.message).split('\n').join('\n        ')}`);
		}
	};

	try {
		if (options.build) say(`e2e: built the package in ${formatSeconds(await runBuild())}`);
		const install = await ensureInstalled({ log: (line) => say(`e2e: ${line}`) });
		if (!install.installed) say(`e2e: n8n ${N8N_VERSION} is installed`);

		sandbox = await startSandbox({ port: 0 });
		// registry.npmjs.org for this package only; every other host refused (n8n's included).
		standIn = await startRegistryStandIn({ passThrough: false });
		const port = await freePort(0, { avoid: [5679] });
		const brokerPort = await freePort(0, { avoid: [5679, port] });
		const cliBrokerPort = await freePort(0, { avoid: [5679, port, brokerPort] });
		userFolder = freshFolder('run-');
		const env = n8nEnv({ userFolder, port, brokerPort, extra: standIn.env });
		// `n8n execute` beside the running server needs a task broker port of its own.
		const cliEnv = n8nEnv({ userFolder, port, brokerPort: cliBrokerPort, extra: standIn.env });

		let stepStarted = Date.now();
		const tarball = await packPackage(path.join(standIn.folder, 'packed'));
		await importCredential({ env, sandbox });
		const examples = exampleWorkflows();
		await importWorkflows({ env, workflows: examples });
		say(`e2e: user folder ${path.relative(ROOT, userFolder)}: ${path.basename(tarball)} packed, credential and ${examples.length} examples in ${formatSeconds(Date.now() - stepStarted)}`);

		stepStarted = Date.now();
		server = await startN8n({ env, logFile: path.join(userFolder, 'n8n.log') });
		await ensureOwner(server.baseUrl);
		say(`e2e: n8n ${N8N_VERSION} on ${server.baseUrl} ready in ${formatSeconds(Date.now() - stepStarted)}; sandbox on ${sandbox.url}`);

		const installCookie = await signIn(server.baseUrl);
		const packed = await installThroughN8n({ baseUrl: server.baseUrl, cookie: installCookie, standIn, tarball });
		say(`e2e: ${packed.name} ${packed.version} installed through n8n's community-package installer (POST /rest/community-packages) in ${formatSeconds(packed.ms)}; registry stand-in on ${standIn.url}`);
		await record(`00-install: Settings › Community Nodes (GET /rest/community-packages) lists ${PACKAGE.name} at the packed version; n8n's folder holds the tarball's files`, () =>
			installChecks({ baseUrl: server.baseUrl, cookie: installCookie, userFolder, packed, tarball, standIn }),
		);

		await record('00-server: node type loaded, credential test, examples imported, a manual run', () => serverChecks({ baseUrl: server.baseUrl, sandbox, examples }));

		const cases = require('../../e2e/cases').filter((testCase) => !options.only || testCase.name.includes(options.only));
		for (const testCase of cases) {
			await record(testCase.name, async () => {
				const example = examples.find((candidate) => candidate.id === testCase.workflowId);
				assert.ok(example, `an example with id ${testCase.workflowId}`);
				sandbox.reset();
				const run = await n8nCli(['execute', `--id=${testCase.workflowId}`], { env: cliEnv });
				run.output = parseExecuteOutput(run.stdout);
				if (options.verbose) say(run.stdout + run.stderr);
				if (run.code !== 0 || !run.output) throw new Error(`n8n execute exited with ${run.code}: ${executionError(run)}`);
				assert.equal(run.output.data?.resultData?.error, undefined, executionError(run));
				await testCase.check({
					run,
					items: (nodeName) => nodeItems(run.output, nodeName),
					requests: sandbox.state.requests.filter((request) => request.api !== 'other'),
					sandbox,
					example: example.json,
				});
				return `[n8n execute ${formatSeconds(run.ms)}]`;
			});
		}

		// The trigger cases (e2e/trigger.js): activation through the REST API, the simulated
		// customer, the reply at the sandbox. Single process: webhooks are served by the main one.
		const triggerCases = require('../../e2e/trigger').filter((testCase) => !options.only || testCase.name.includes(options.only));
		if (triggerCases.length > 0) {
			const cookie = await signIn(server.baseUrl);
			for (const testCase of triggerCases) {
				await record(testCase.name, () => {
					sandbox.reset();
					return testCase.run({ baseUrl: server.baseUrl, webhookBaseUrl: server.baseUrl, sandbox, cookie });
				});
			}
		}
		// The browser part (e2e/browser.js) runs here, against the same server and sandbox.
		const browserCases = [...require('../../e2e/browser'), ...require('../../e2e/trigger-browser')].filter((testCase) => !options.only || testCase.name.includes(options.only));
		const artifactsDir = path.join(userFolder, 'browser');
		for (const testCase of browserCases) {
			if (testCase.skip) {
				say(`  skip  ${testCase.name}: ${testCase.skip}`);
				continue;
			}
			fs.mkdirSync(artifactsDir, { recursive: true });
			// The README's screenshots are tracked files: written only when asked for.
			const screenshotsDir = options.updateScreenshots ? path.join(ROOT, 'docs') : artifactsDir;
			await record(testCase.name, () => testCase.run({ baseUrl: server.baseUrl, owner: OWNER, sandbox, examples, artifactsDir, screenshotsDir, installed: packed }));
		}

		// Last on the single-process server: it changes the installed version.
		const updateName = '99-update: a newer version offered in Settings › Community Nodes, installed with PATCH /rest/community-packages, listed, loaded and running';
		if (!options.only || updateName.includes(options.only)) {
			await record(updateName, () => updateCheck({ baseUrl: server.baseUrl, userFolder, tarball, standIn, sandbox, examples }));
		}

		// Queue mode (scripts/n8n/queue.js, cases in e2e/queue.js), after the single-process n8n has
		// stopped: four n8n processes at once would crowd two cores.
		const queue = require('../../e2e/queue');
		const queueCases = options.queue ? queue.cases.filter((testCase) => !options.only || testCase.name.includes(options.only)) : [];
		if (queueCases.length) {
			await server.stop();
			server = undefined;
			const queueStarted = Date.now();
			say('queue mode: Redis, PostgreSQL, n8n main + worker + webhook…');
			try {
				queueStack = await startQueueStack({ sandbox, workflows: [...examples, ...queue.workflows], folder: path.join(userFolder, 'queue'), standIn, tarball, log: (line) => say(`queue mode: ${line}`) });
				const { timings, redis, postgres } = queueStack;
				say(`queue mode: Redis on 127.0.0.1:${redis.port}, PostgreSQL on 127.0.0.1:${postgres.port} (${formatSeconds(timings.services)}); credential, workflows and migrations ${formatSeconds(timings.prepare)}`);
				say(`queue mode: main ${queueStack.mainUrl}, webhook ${queueStack.webhookUrl}, worker ${queueStack.workerUrl} (health) ready in ${formatSeconds(timings.n8n)}`);
			} catch (error) {
				results.push({ name: 'queue mode: setup', ok: false, error });
				say(`  FAIL  queue mode: setup: ${String(error.message).split('\n').join('\n        ')}`);
			}
			if (queueStack) {
				const context = { stack: queueStack, baseUrl: queueStack.mainUrl, webhookBaseUrl: queueStack.webhookUrl, sandbox, examples };
				const before = results.filter((result) => !result.ok).length;
				for (const testCase of queueCases) await record(testCase.name, () => testCase.run(context));
				if (results.filter((result) => !result.ok).length > before) say(`queue mode: logs in ${path.relative(ROOT, queueStack.folder)}/{main,worker,webhook,redis,postgres}.log`);
				await queueStack.stop();
				queueStack = undefined;
			}
			say(`queue mode: took ${formatSeconds(Date.now() - queueStarted)}`);
		}
	} catch (error) {
		results.push({ name: 'setup', ok: false, error });
		say(`  FAIL  setup: ${error.message}`);
	} finally {
		await cleanUp();
	}

	const failed = results.filter((result) => !result.ok).length;
	const passed = results.length - failed;
	if (userFolder) {
		if (failed || options.keep) {
			say(`e2e: user folder kept: ${path.relative(ROOT, userFolder)} (n8n log: ${path.relative(ROOT, path.join(userFolder, 'n8n.log'))})`);
			if (results.some((result) => result.name === 'setup') && fs.existsSync(path.join(userFolder, 'n8n.log'))) say(`e2e: last lines of the n8n log:\n${tailOf(path.join(userFolder, 'n8n.log'), 15)}`);
		} else {
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	}
	say(`e2e: took ${formatSeconds(Date.now() - started)}`);
	say(`e2e: ${passed} passed, ${failed} failed`);
	process.exitCode = failed ? 1 : 0;
}

main().catch((error) => {
	console.error(`e2e: ${error.stack ?? error.message}`);
	process.exitCode = 1;
});
