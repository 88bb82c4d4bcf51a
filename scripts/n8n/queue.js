'use strict';
/**
 * n8n's queue mode (its distributed engine) for the end-to-end run: Redis and PostgreSQL
 * (services.js), then the three n8n processes of a scaled install, each with a user folder of
 * its own (as three containers would have) and this package installed in each by n8n itself
 * (POST /rest/community-packages on main, which installs it and tells the worker and the webhook
 * process through Redis to install the same version; all three fetch it through the registry
 * stand-in, registry-stand-in.js):
 *
 *   main     `n8n start`    editor, REST API, activation; enqueues executions in Redis
 *   worker   `n8n worker`   takes the executions from Redis and runs them (also manual ones:
 *                           OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true)
 *   webhook  `n8n webhook`  serves production webhooks (/webhook/…) and enqueues their runs
 *
 * all on 127.0.0.1 on free ports. Production webhook URLs point at the webhook process
 * (WEBHOOK_URL), test webhooks (/webhook-test/…) stay on main, as behind a load balancer.
 *
 * startQueueStack() is what e2e.js (and a trigger's queue-mode case) uses; see its comment.
 */
const fs = require('node:fs');
const path = require('node:path');
const assert = require('node:assert/strict');

const { PACKAGE, RUNTIME_MODULES, freePort, formatSeconds, sleep } = require('./common');
const {
	ensureOwner,
	freshFolder,
	importCredential,
	importWorkflows,
	installThroughN8n,
	n8nEnv,
	packPackage,
	signIn,
	startN8n,
} = require('./instance');
const { startRegistryStandIn } = require('./registry-stand-in');
const { ensureServicePackages, startPostgres, startRedis } = require('./services');

/**
 * n8n's own copy: GET /rest/executions/:id returns the run data in flatted's format. Loaded when
 * first needed, because this file is loaded before the runtime is installed on a fresh clone.
 */
const flatted = { parse: (text) => require(path.join(RUNTIME_MODULES, 'flatted')).parse(text) };

const FINISHED = ['success', 'error', 'crashed', 'canceled'];

/**
 * Starts Redis, PostgreSQL and n8n's main, worker and webhook processes.
 *
 * options: {
 *   sandbox,         // the sandbox handle (startSandbox): the "Maton API (sandbox)" credential points at it
 *   workflows,       // [{ file, json }] imported before n8n starts (e.g. exampleWorkflows() and your own)
 *   folder,          // the run's folder (default: a fresh .n8n-runtime/e2e/queue-run-…)
 *   log(line),       // progress lines
 *   env,             // extra environment for all three n8n processes
 *   mainPort,        // main's port (default: a free one)
 *   standIn,         // the registry stand-in to install from (default: a strict one of its own, closed by stop())
 *   tarball,         // what to install (default: `npm pack` of this package)
 * }
 * Resolves {
 *   mainUrl, baseUrl (= mainUrl), webhookUrl, webhookBaseUrl (= webhookUrl), workerUrl (its health server),
 *   folder, logs: { main, worker, webhook, redis, postgres }, env: { main, worker, webhook, cli },
 *   redis, postgres (with query(sql)), cookie (the owner signed in on main), timings,
 *   installed (installThroughN8n's answer: { name, version, listed, … }),
 *   rest(method, url, body) → JSON from main's REST API, activate(id), deactivate(id),
 *   runManually(id) → executionId, waitForExecution(id | { workflowId, after }) → the execution,
 *   executionData(id) → its resultData, log(process) → a process's output so far,
 *   stop() → stops everything (also safe to call twice)
 * }
 * On a failure everything started so far is stopped before it rejects.
 */
/** How long the worker and the webhook process may take to install the package after main did. */
const FOLLOWER_INSTALL_TIMEOUT_MS = 120_000;

/**
 * Waits until a process's log says n8n installed `name` there (CommunityPackagesService's
 * handleInstallEvent, run on the 'community-package-install' command main publishes); throws
 * with n8n's reason when it says it failed or skipped it.
 */
async function waitForFollowerInstall(processName, logFile, name) {
	const deadline = Date.now() + FOLLOWER_INSTALL_TIMEOUT_MS;
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	for (;;) {
		const text = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
		if (new RegExp(`Community package installed: ${escaped}`).test(text)) return;
		const failed = text.split('\n').find((line) => /(Failed to install|Skipped installing) community package/.test(line));
		if (failed) throw new Error(`n8n ${processName} did not install ${name}: ${failed.trim()}`);
		if (Date.now() > deadline) throw new Error(`n8n ${processName} had not installed ${name} ${FOLLOWER_INSTALL_TIMEOUT_MS / 1000} s after main did (see ${logFile})`);
		await sleep(250);
	}
}

async function startQueueStack({ sandbox, workflows = [], folder, log = () => {}, env: extraEnv = {}, mainPort, standIn: givenStandIn, tarball: givenTarball }) {
	const started = Date.now();
	const timings = {};
	const stoppers = [];
	const stop = async () => {
		// n8n first (the worker finishes its jobs and lets go of Redis and the database), then the services.
		while (stoppers.length) await stoppers.pop()();
	};
	try {
		const install = await ensureServicePackages({ log });
		if (install.installed.length) {
			timings.installServices = install.ms;
			log(`installed ${install.installed.join(' and ')} in ${formatSeconds(install.ms)}`);
		}
		folder ??= freshFolder('queue-run-');
		fs.mkdirSync(folder, { recursive: true });
		let standIn = givenStandIn;
		if (!standIn) {
			standIn = await startRegistryStandIn({ passThrough: false });
			stoppers.push(() => standIn.close());
		}
		const tarball = givenTarball ?? (await packPackage(path.join(standIn.folder, 'packed-queue')));

		let stepStarted = Date.now();
		const [redis, postgres] = await Promise.all([startRedis({ folder, avoid: [5679] }), startPostgres({ folder, avoid: [5679] })]);
		// Both stop after n8n has: the first stopper pushed is the last one run.
		stoppers.push(async () => {
			await Promise.all([redis.stop(), postgres.stop()]);
		});
		timings.services = Date.now() - stepStarted;

		const taken = [5679, redis.port, postgres.port];
		const port = async () => {
			const free = await freePort(0, { avoid: taken });
			taken.push(free);
			return free;
		};
		if (mainPort) taken.push(mainPort);
		const ports = { main: mainPort || (await port()), webhook: await port(), worker: await port() };
		const brokers = { main: await port(), webhook: await port(), worker: await port(), cli: await port() };
		const mainUrl = `http://127.0.0.1:${ports.main}`;
		const webhookUrl = `http://127.0.0.1:${ports.webhook}`;
		const workerUrl = `http://127.0.0.1:${ports.worker}`;

		const shared = {
			EXECUTIONS_MODE: 'queue',
			...redis.env,
			...postgres.env,
			// Production webhook URLs (what a trigger registers on activation) point at the webhook
			// process; the test URLs stay on main (N8N_WEBHOOK_URL would move both).
			WEBHOOK_URL: `${webhookUrl}/`,
			// Manual runs (editor, REST /run) go to the worker too: the behaviour n8n 3 makes the only one.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			...standIn.env,
			...extraEnv,
		};
		const userFolders = { main: path.join(folder, 'main'), worker: path.join(folder, 'worker'), webhook: path.join(folder, 'webhook') };
		const envs = {
			// Production webhooks only on the webhook process, as behind a load balancer that sends
			// /webhook/… there: a run that a case sees was started by the webhook process.
			main: n8nEnv({ userFolder: userFolders.main, port: ports.main, brokerPort: brokers.main, extra: { ...shared, N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' } }),
			worker: n8nEnv({
				userFolder: userFolders.worker,
				port: ports.main,
				brokerPort: brokers.worker,
				extra: { ...shared, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(ports.worker), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' },
			}),
			// The webhook process listens on N8N_PORT; the editor stays on main.
			webhook: n8nEnv({ userFolder: userFolders.webhook, port: ports.webhook, brokerPort: brokers.webhook, extra: { ...shared, N8N_EDITOR_BASE_URL: mainUrl } }),
		};
		envs.cli = { ...envs.main, N8N_RUNNERS_BROKER_PORT: String(brokers.cli) };
		for (const userFolder of Object.values(userFolders)) fs.mkdirSync(userFolder, { recursive: true });

		stepStarted = Date.now();
		// The first CLI command creates n8n's tables in the fresh database.
		await importCredential({ env: envs.cli, sandbox });
		if (workflows.length) await importWorkflows({ env: envs.cli, workflows });
		timings.prepare = Date.now() - stepStarted;

		stepStarted = Date.now();
		const logs = { main: path.join(folder, 'main.log'), worker: path.join(folder, 'worker.log'), webhook: path.join(folder, 'webhook.log'), redis: redis.logFile, postgres: postgres.logFile };
		const processes = {};
		const launch = async (name, command, readyUrl) => {
			const server = await startN8n({ env: envs[name], logFile: logs[name], command, readyUrl });
			processes[name] = server;
			stoppers.push(server.stop);
			timings[name] = server.readyMs;
			return server;
		};
		// Migrations ran during the imports, so the three can start side by side.
		await Promise.all([
			launch('main', 'start'),
			launch('worker', 'worker', `${workerUrl}/healthz/readiness`),
			launch('webhook', 'webhook', `${webhookUrl}/healthz/readiness`),
		]);
		timings.n8n = Date.now() - stepStarted;
		await ensureOwner(mainUrl);
		const cookie = await signIn(mainUrl);

		// The package, as an admin installs it on a scaled instance: once, on main; n8n tells the
		// worker and the webhook process (Redis pub/sub) and each installs that version itself.
		stepStarted = Date.now();
		const installed = await installThroughN8n({ baseUrl: mainUrl, cookie, standIn, tarball });
		await Promise.all(['worker', 'webhook'].map((name) => waitForFollowerInstall(name, logs[name], PACKAGE.name)));
		timings.install = Date.now() - stepStarted;
		log(`${installed.name} ${installed.version} installed on main (POST /rest/community-packages) in ${formatSeconds(installed.ms)}, by the worker and the webhook process in ${formatSeconds(timings.install)}`);

		const rest = async (method, url, body) => {
			const response = await fetch(`${mainUrl}${url}`, {
				method,
				headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			assert.ok(response.ok, `${method} ${url} → ${response.status} ${text.slice(0, 500)}`);
			return JSON.parse(text).data;
		};
		// n8n 2.41 publishes through an outbox: the REST answer comes before the triggers and
		// webhooks are (un)registered, so both wait for the publication status to settle.
		const publication = async (workflowId, { until, timeoutMs = 30_000 }) => {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const status = await rest('GET', `/rest/workflows/${workflowId}/publication-status`);
				if (until(status.status)) return status;
				if (Date.now() > deadline) throw new Error(`workflow ${workflowId}: publication status still "${status.status}" after ${timeoutMs / 1000} s`);
				await sleep(200);
			}
		};
		/** Activates (publishes) a workflow through main; resolves the workflow once its triggers are live. */
		const activate = async (workflowId) => {
			const { versionId } = await rest('GET', `/rest/workflows/${workflowId}`);
			const workflow = await rest('POST', `/rest/workflows/${workflowId}/activate`, { versionId });
			const status = await publication(workflowId, { until: (value) => value !== 'in_progress' });
			if (status.status !== 'published') {
				const errors = status.triggers.filter((trigger) => trigger.errorMessage).map((trigger) => trigger.errorMessage);
				throw new Error(`workflow ${workflowId} did not activate: ${status.status}${errors.length ? ` (${errors.join('; ')})` : ''}`);
			}
			return workflow;
		};
		/** Deactivates a workflow; resolves once its triggers and webhooks are gone. */
		const deactivate = async (workflowId) => {
			const workflow = await rest('POST', `/rest/workflows/${workflowId}/deactivate`, {});
			await publication(workflowId, { until: (value) => value === 'not_published' });
			return workflow;
		};
		const runManually = async (workflowId) => {
			const workflow = await rest('GET', `/rest/workflows/${workflowId}`);
			const trigger = workflow.nodes.find((node) => /trigger/i.test(node.type));
			const { executionId } = await rest('POST', `/rest/workflows/${workflowId}/run`, trigger ? { triggerToStartFrom: { name: trigger.name } } : {});
			assert.ok(executionId, `a manual run of ${workflowId} started`);
			return executionId;
		};
		/**
		 * The execution `id`, or the newest of a workflow (`{ workflowId, after }`: newer than the
		 * execution id `after`), once it has finished.
		 */
		const waitForExecution = async (which, { timeoutMs = 60_000 } = {}) => {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				let execution;
				if (typeof which === 'object') {
					const filter = encodeURIComponent(JSON.stringify({ workflowId: which.workflowId }));
					const list = await rest('GET', `/rest/executions?filter=${filter}`);
					execution = (list.results ?? list).find((candidate) => Number(candidate.id) > Number(which.after ?? 0));
				} else {
					execution = await rest('GET', `/rest/executions/${which}`);
				}
				if (execution && FINISHED.includes(execution.status)) return execution;
				if (Date.now() > deadline) throw new Error(`execution ${typeof which === 'object' ? `of ${which.workflowId}` : which} not finished within ${timeoutMs / 1000} s (status ${execution?.status ?? 'none yet'})`);
				await sleep(250);
			}
		};
		const executionData = async (id) => {
			const execution = await rest('GET', `/rest/executions/${id}`);
			return flatted.parse(execution.data).resultData;
		};
		const processLog = (name) => fs.readFileSync(logs[name], 'utf8');

		timings.total = Date.now() - started;
		return {
			mainUrl,
			baseUrl: mainUrl,
			webhookUrl,
			webhookBaseUrl: webhookUrl,
			workerUrl,
			folder,
			logs,
			env: envs,
			userFolders,
			redis,
			postgres,
			processes,
			cookie,
			installed,
			timings,
			rest,
			activate,
			deactivate,
			runManually,
			waitForExecution,
			executionData,
			log: processLog,
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { startQueueStack };
