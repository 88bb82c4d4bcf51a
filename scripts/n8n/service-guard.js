'use strict';
/**
 * Runs one service that is not a Node process (redis-server, postgres) for services.js, and
 * makes sure it never outlives the script that started it: n8n's processes watch their parent
 * through parent-watch.js, these cannot, so this small Node process does it for them.
 *
 *   SERVICE_GUARD_SPEC=<json> node service-guard.js
 *   with json = { command, args, uid?, gid?, cwd?, stopSignal?, parentPid } (in the environment,
 *   which other users cannot read, rather than on the command line: args may hold a password)
 *
 * The service's output goes to this process's stdout/stderr. SIGTERM/SIGINT/SIGHUP to the guard,
 * or the death of parentPid, send the service its stopSignal (postgres: SIGINT, a fast
 * shutdown), then SIGKILL after 10 s; the guard exits with the service.
 */
const { spawn } = require('node:child_process');

const spec = JSON.parse(process.env.SERVICE_GUARD_SPEC);
delete process.env.SERVICE_GUARD_SPEC;
const child = spawn(spec.command, spec.args, {
	cwd: spec.cwd,
	stdio: ['ignore', 'inherit', 'inherit'],
	...(spec.uid === undefined ? {} : { uid: spec.uid, gid: spec.gid }),
});

let stopping = false;
function stop() {
	if (stopping) return;
	stopping = true;
	try {
		child.kill(spec.stopSignal || 'SIGTERM');
	} catch {
		// gone
	}
	setTimeout(() => {
		try {
			child.kill('SIGKILL');
		} catch {
			// gone
		}
	}, 10_000).unref();
}

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, stop);

const watch = setInterval(() => {
	try {
		process.kill(spec.parentPid, 0);
	} catch {
		stop();
	}
}, 1000);

child.on('error', (error) => {
	console.error(`service-guard: ${spec.command} could not start: ${error.message}`);
	clearInterval(watch);
	process.exitCode = 127;
});
child.on('exit', (code, signal) => {
	clearInterval(watch);
	process.exitCode = code ?? (signal ? 128 : 1);
});
