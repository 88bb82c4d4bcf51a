'use strict';
/**
 * The Maton sandbox in a process of its own, for the delivery benchmark: a real gateway is
 * another machine, so its clock of arrivals must not share the event loop of the engine it
 * measures (in one process, a busy loop delays the sandbox's "request arrived" and bunches
 * arrivals that left evenly spaced). Options come as JSON in argv[2] (startSandbox's options);
 * prints one line `READY {url, ids, credentials}` and serves until it is killed or its parent
 * goes away.
 */
const { startSandbox } = require('../sandbox/server');

async function main() {
	const options = JSON.parse(process.argv[2] ?? '{}');
	const sandbox = await startSandbox({ port: 0, ...options });
	process.stdout.write(`READY ${JSON.stringify({ url: sandbox.url, ids: sandbox.ids, credentials: sandbox.credentials() })}\n`);
	const stop = () => sandbox.close().finally(() => process.exit(0));
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	// Never outlive the benchmark: its end closes our stdin.
	process.stdin.on('end', stop).resume();
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});
