'use strict';
/**
 * Redis and PostgreSQL for n8n's queue mode (queue.js): Debian's packages, installed with
 * apt-get when missing (as root, the way .ci/run installs Chromium), each started on 127.0.0.1
 * on a free port with its data in a throw-away folder, behind service-guard.js so that neither
 * outlives the script that started it. Plain CommonJS for Node 20.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { RUNTIME_DIR, cleanEnv, freePort, sleep, spawn } = require('./common');

const GUARD = path.join(__dirname, 'service-guard.js');

/** The folder of PostgreSQL's server programs (initdb, postgres, pg_isready, createdb), or undefined. */
function postgresBinDir() {
	const base = '/usr/lib/postgresql';
	try {
		const versions = fs
			.readdirSync(base)
			.filter((name) => /^\d+$/.test(name) && fs.existsSync(path.join(base, name, 'bin', 'postgres')))
			.sort((a, b) => Number(b) - Number(a));
		if (versions.length) return path.join(base, versions[0], 'bin');
	} catch {
		// not Debian's layout
	}
	const which = spawnSync('sh', ['-c', 'command -v postgres'], { encoding: 'utf8' });
	return which.status === 0 ? path.dirname(which.stdout.trim()) : undefined;
}

function redisServerPath() {
	const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
	return which.status === 0 ? which.stdout.trim() : undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function run(command, args, { env = cleanEnv(), uid, gid } = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', env, ...(uid === undefined ? {} : { uid, gid }) });
	if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit code ${result.status}):\n${(result.stdout + result.stderr).trim().split('\n').slice(-20).join('\n')}`);
	return result;
}

/**
 * Makes sure redis-server and PostgreSQL's programs are there: installs Debian's `redis-server`
 * and `postgresql` with apt-get when one is missing and this runs as root; otherwise throws with
 * the command to run. Resolves { installed: [packages], ms }.
 */
async function ensureServicePackages({ log = () => {} } = {}) {
	const missing = [];
	if (!redisServerPath()) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (missing.length === 0) return { installed: [], ms: 0 };
	const command = `apt-get install -y ${missing.join(' ')}`;
	const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
	if (!isRoot() || !hasApt) throw new Error(`queue mode needs ${missing.join(' and ')} (Debian's packages): run \`sudo apt-get update && sudo ${command}\` (or pass --no-queue)`);
	const started = Date.now();
	log(`installing ${missing.join(' and ')} from Debian's packages (apt-get)…`);
	const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
	// Debian's packages start their own server (PostgreSQL's cluster on 5432, Redis on 6379) where
	// an init system allows it; the scripts start their own instances, so none may start (the
	// policy-rc.d mechanism, as in Docker's Debian images), unless the machine has its own policy.
	const policy = '/usr/sbin/policy-rc.d';
	const ownPolicy = !fs.existsSync(policy);
	if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\n# Written by scripts/n8n/services.js while it installs packages: start no services.\nexit 101\n', { mode: 0o755 });
	try {
		await runAsync('apt-get', ['update', '-qq'], env);
		await runAsync('apt-get', ['install', '-y', '-qq', ...missing], env);
	} finally {
		if (ownPolicy) fs.rmSync(policy, { force: true });
	}
	if (!redisServerPath() || !postgresBinDir()) throw new Error(`${command} ran, but redis-server or postgres is still missing`);
	return { installed: missing, ms: Date.now() - started };
}

/** apt-get without blocking the event loop (so that Ctrl-C still stops it). */
function runAsync(command, args, env) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (exit code ${code}):\n${output.trim().split('\n').slice(-20).join('\n')}`))));
	});
}

/**
 * Starts `command args` behind service-guard.js, its output appended to logFile. Returns
 * { child, stop() } where stop() resolves once the service has exited.
 */
function startGuarded({ command, args, logFile, uid, gid, stopSignal, cwd }) {
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(process.execPath, [GUARD], {
		stdio: ['ignore', fd, fd],
		env: cleanEnv({ SERVICE_GUARD_SPEC: JSON.stringify({ command, args, uid, gid, cwd, stopSignal, parentPid: process.pid }) }),
	});
	fs.closeSync(fd);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		await exited;
	};
	return { child, stop };
}

/** Retries `probe` until it resolves true, the child exits, or the time is up; resolves the ms it took. */
async function waitUntil(probe, { child, timeoutMs = 60_000, what, logFile }) {
	const started = Date.now();
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${what} exited (code ${child.exitCode}) before it was ready:\n${tail(logFile)}`);
		if (await probe().catch(() => false)) return Date.now() - started;
		if (Date.now() - started > timeoutMs) throw new Error(`${what} was not ready within ${Math.round(timeoutMs / 1000)} s:\n${tail(logFile)}`);
		await sleep(200);
	}
}

function tail(file, lines = 15) {
	try {
		return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

/** One Redis command exchange over a raw socket: resolves the reply text. */
function redisExchange({ host, port }, text) {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ host, port });
		let reply = '';
		socket.setTimeout(2000, () => socket.destroy(new Error('timeout')));
		socket.on('connect', () => socket.write(text));
		socket.on('data', (chunk) => {
			reply += chunk;
			if (reply.includes('PONG')) socket.end();
		});
		socket.on('end', () => resolve(reply));
		socket.on('close', () => resolve(reply));
		socket.on('error', reject);
	});
}

/**
 * redis-server on 127.0.0.1:<free port>, no persistence, a random password. Resolves
 * { host, port, password, readyMs, logFile, env, stop() }; env holds n8n's QUEUE_BULL_REDIS_*.
 */
async function startRedis({ folder, avoid = [] }) {
	const host = '127.0.0.1';
	const port = await freePort(0, { avoid });
	const password = crypto.randomBytes(18).toString('hex');
	const dir = path.join(folder, 'redis');
	fs.mkdirSync(dir, { recursive: true });
	const logFile = path.join(folder, 'redis.log');
	const service = startGuarded({
		command: redisServerPath(),
		// The password on the command line: a throw-away instance on loopback, only for this run.
		args: ['--bind', host, '--port', String(port), '--requirepass', password, '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--protected-mode', 'yes'],
		logFile,
		stopSignal: 'SIGTERM',
	});
	const readyMs = await waitUntil(async () => (await redisExchange({ host, port }, `AUTH ${password}\r\nPING\r\n`)).includes('+PONG'), {
		child: service.child,
		what: 'redis-server',
		logFile,
	}).catch(async (error) => {
		await service.stop();
		throw error;
	});
	return {
		host,
		port,
		password,
		readyMs,
		logFile,
		env: { QUEUE_BULL_REDIS_HOST: host, QUEUE_BULL_REDIS_PORT: String(port), QUEUE_BULL_REDIS_PASSWORD: password },
		stop: service.stop,
	};
}

/** uid and gid of a local user, or undefined. */
function userIds(name) {
	const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
	const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
	if (uid.status !== 0 || gid.status !== 0) return undefined;
	return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * A PostgreSQL cluster of its own (initdb) in `folder`/postgres, on 127.0.0.1:<free port>, with
 * a user `n8n` (random password) and a database `n8n`. PostgreSQL refuses to run as root: as
 * root, initdb and postgres run as Debian's `postgres` user. Durability is off (fsync,
 * synchronous_commit, full_page_writes): the data is thrown away after the run. Resolves
 * { host, port, user, password, database, readyMs, logFile, env, stop() }; env holds n8n's DB_*.
 */
async function startPostgres({ folder, avoid = [] }) {
	const bin = postgresBinDir();
	const host = '127.0.0.1';
	const port = await freePort(0, { avoid });
	const user = 'n8n';
	const database = 'n8n';
	const password = crypto.randomBytes(18).toString('hex');
	const dataDir = path.join(folder, 'postgres');
	const logFile = path.join(folder, 'postgres.log');
	let ids;
	if (isRoot()) {
		ids = userIds('postgres');
		if (!ids) throw new Error('PostgreSQL refuses to run as root and there is no `postgres` user (Debian\'s postgresql package creates it)');
		// The postgres user must reach its data folder: the run folders (mkdtemp makes them 0700)
		// get search permission for others, up to .n8n-runtime/.
		for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
			const { mode } = fs.statSync(dir);
			if (!(mode & 0o001)) fs.chmodSync(dir, (mode & 0o7777) | 0o001);
			if (!dir.startsWith(RUNTIME_DIR + path.sep)) break;
		}
	}
	fs.mkdirSync(dataDir, { mode: 0o700 });
	const passwordFile = path.join(folder, 'postgres-password');
	fs.writeFileSync(passwordFile, password, { mode: 0o600 });
	if (ids) {
		fs.chownSync(dataDir, ids.uid, ids.gid);
		fs.chownSync(passwordFile, ids.uid, ids.gid);
	}
	const started = Date.now();
	try {
		run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', user, `--pwfile=${passwordFile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'], {
			env: cleanEnv({ LC_ALL: 'C' }),
			...ids,
		});
	} finally {
		fs.rmSync(passwordFile, { force: true });
	}
	fs.writeFileSync(logFile, '');
	if (ids) fs.chownSync(logFile, ids.uid, ids.gid);
	const service = startGuarded({
		command: path.join(bin, 'postgres'),
		args: ['-D', dataDir, '-p', String(port), '-c', `listen_addresses=${host}`, '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
		logFile,
		stopSignal: 'SIGINT',
		cwd: dataDir,
		...ids,
	});
	const pgEnv = cleanEnv({ PGPASSWORD: password, LC_ALL: 'C' });
	try {
		await waitUntil(async () => spawnSync(path.join(bin, 'pg_isready'), ['-q', '-h', host, '-p', String(port)]).status === 0, {
			child: service.child,
			what: 'postgres',
			logFile,
		});
		run(path.join(bin, 'createdb'), ['-h', host, '-p', String(port), '-U', user, database], { env: pgEnv });
	} catch (error) {
		await service.stop();
		throw error;
	}
	return {
		host,
		port,
		user,
		password,
		database,
		readyMs: Date.now() - started,
		logFile,
		env: {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: host,
			DB_POSTGRESDB_PORT: String(port),
			DB_POSTGRESDB_DATABASE: database,
			DB_POSTGRESDB_USER: user,
			DB_POSTGRESDB_PASSWORD: password,
		},
		/** Runs one SQL statement with psql; resolves its rows as tab-separated text. */
		query: (sql) => run(path.join(bin, 'psql'), ['-h', host, '-p', String(port), '-U', user, '-d', database, '-At', '-F', '\t', '-c', sql], { env: pgEnv }).stdout,
		stop: service.stop,
	};
}

module.exports = { ensureServicePackages, postgresBinDir, redisServerPath, startPostgres, startRedis };
