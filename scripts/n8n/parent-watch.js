'use strict';
/**
 * Preloaded into every n8n process that start.js and e2e.js start (NODE_OPTIONS=--require …):
 * when the script that started it dies without stopping it (kill -9, a closed terminal), n8n
 * stops itself instead of staying behind. The pid to watch is N8N_PARENT_WATCH_PID.
 */
const parentPid = Number(process.env.N8N_PARENT_WATCH_PID);
if (parentPid > 0 && parentPid !== process.pid) {
	const timer = setInterval(() => {
		try {
			process.kill(parentPid, 0);
		} catch {
			clearInterval(timer);
			process.kill(process.pid, 'SIGTERM');
			setTimeout(() => process.exit(1), 15_000).unref();
		}
	}, 1000);
	timer.unref();
}
