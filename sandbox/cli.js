#!/usr/bin/env node
'use strict';
/**
 * `npm run sandbox [-- --port 8787 --rate-limit 10 --key sandbox-key --verbose]`
 * Starts the local Maton sandbox and prints what is needed to point the node at it.
 * Options may also come from the environment: MATON_SANDBOX_PORT, MATON_SANDBOX_HOST,
 * MATON_SANDBOX_RATE_LIMIT, MATON_SANDBOX_KEY (comma-separated for several keys).
 */
const { DEFAULT_API_KEY, DEFAULT_PORT, DEFAULT_RATE_LIMIT, DEFAULT_VERSION, MAGIC_RECIPIENTS, startSandbox } = require('./server');

const USAGE = `Usage: npm run sandbox -- [options]

  --port <n>        port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 = any free port)   env MATON_SANDBOX_PORT
  --host <address>  address to bind (default 127.0.0.1)                          env MATON_SANDBOX_HOST
  --rate-limit <n>  requests per second per API key before 429 (default ${DEFAULT_RATE_LIMIT}; 0 = off)
                                                                                 env MATON_SANDBOX_RATE_LIMIT
  --key <key>       accepted API key, repeatable or comma-separated (default ${DEFAULT_API_KEY})
                                                                                 env MATON_SANDBOX_KEY
  --templates <n>   generated templates besides the named ones (default 120)
  --verbose, -v     print one line per request

  npm run sandbox -- customer --help   the simulated customer of a running sandbox
  --help, -h        this text`;

function fail(message) {
	process.stderr.write(`sandbox: ${message}\n\n${USAGE}\n`);
	process.exit(2);
}

function parseArguments(argv, env) {
	const options = {
		port: env.MATON_SANDBOX_PORT ?? String(DEFAULT_PORT),
		host: env.MATON_SANDBOX_HOST ?? '127.0.0.1',
		rateLimit: env.MATON_SANDBOX_RATE_LIMIT ?? String(DEFAULT_RATE_LIMIT),
		keys: [],
		templates: undefined,
		verbose: false,
	};
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		const [flag, inline] = argument.startsWith('--') && argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
		const value = () => {
			if (inline !== undefined) return inline;
			const next = argv[++index];
			if (next === undefined) fail(`${flag} needs a value`);
			return next;
		};
		switch (flag) {
			case '--port':
			case '-p':
				options.port = value();
				break;
			case '--host':
				options.host = value();
				break;
			case '--rate-limit':
				options.rateLimit = value();
				break;
			case '--key':
			case '-k':
				options.keys.push(...value().split(','));
				break;
			case '--templates':
				options.templates = value();
				break;
			case '--verbose':
			case '-v':
				options.verbose = true;
				break;
			case '--help':
			case '-h':
				process.stdout.write(`${USAGE}\n`);
				process.exit(0);
				break;
			default:
				fail(`unknown option ${argument}`);
		}
	}
	const keys = (options.keys.length ? options.keys : (env.MATON_SANDBOX_KEY ?? DEFAULT_API_KEY).split(',')).map((key) => key.trim()).filter(Boolean);
	const port = Number(options.port);
	const rateLimit = Number(options.rateLimit);
	const templates = options.templates === undefined ? undefined : Number(options.templates);
	if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0 to 65535, got "${options.port}"`);
	if (!Number.isInteger(rateLimit) || rateLimit < 0) fail(`--rate-limit must be an integer >= 0, got "${options.rateLimit}"`);
	if (templates !== undefined && (!Number.isInteger(templates) || templates < 0)) fail(`--templates must be an integer >= 0, got "${options.templates}"`);
	if (keys.length === 0) fail('--key is empty');
	return { port, host: options.host, rateLimitPerSecond: rateLimit, apiKeys: keys, extraTemplates: templates, verbose: options.verbose };
}

async function main() {
	const options = parseArguments(process.argv.slice(2), process.env);
	const sandbox = await startSandbox({
		...options,
		onRequest: options.verbose
			? (entry) =>
					process.stdout.write(
						`${entry.time} ${entry.method} ${entry.path}${Object.keys(entry.query).length ? '?' + new URLSearchParams(entry.query) : ''} -> ${entry.status ?? 'no answer'}${entry.fault ? ' (fault)' : ''}\n`,
					)
			: undefined,
	}).catch((error) => fail(error.code === 'EADDRINUSE' ? `port ${options.port} is in use (try --port 0)` : error.message));
	const { ids } = sandbox;
	process.stdout.write(
		[
			`Maton sandbox listening on ${sandbox.url}`,
			'',
			`  API key(s)            ${options.apiKeys.join(', ')}`,
			`  Rate limit            ${options.rateLimitPerSecond ? `${options.rateLimitPerSecond} requests/s per key` : 'off'}`,
			`  Gateway               ${sandbox.url}/whatsapp-business/${DEFAULT_VERSION}/…`,
			`  Control API           ${sandbox.url}/connections`,
			`  Phone number ID       ${ids.phoneNumberId}  (also ${ids.otherPhoneNumberIds.join(', ')})`,
			`  WABA ID               ${ids.businessAccountId}`,
			`  Connection ID         ${ids.connectionId}  (ACTIVE)`,
			`  Media ID              ${ids.mediaId}`,
			`  Failing recipients    ${Object.entries(MAGIC_RECIPIENTS).map(([to, code]) => `${to}→${code}`).join(', ')}`,
			'',
			'  n8n "Maton API" credential: API Key = the key above, Gateway Base URL and Control Base URL =',
			`  ${sandbox.url}, Default WhatsApp Business Account ID = ${ids.businessAccountId}.`,
			`  Request log: GET ${sandbox.url}/__sandbox/requests · reset: POST ${sandbox.url}/__sandbox/reset`,
			'',
			'Press Ctrl-C to stop.',
			'',
		].join('\n'),
	);
	let stopping = false;
	const stop = (signal) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`\n${signal}: stopping the sandbox…\n`);
		sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGHUP', () => stop('SIGHUP'));
	// `npm run sandbox` runs this under `sh -c`; where sh is dash, a SIGTERM sent to npm stops npm
	// and sh but never reaches this process. Stop when the parent goes away.
	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) stop('parent exited');
	}, 500).unref();
}

if (process.argv[2] === 'customer') {
	// `npm run sandbox -- customer text "hi"`: talk to a running sandbox instead of starting one.
	require('./customer-cli')
		.runCustomer(process.argv.slice(3))
		.then((code) => process.exit(code));
} else {
	main().catch((error) => {
		process.stderr.write(`sandbox: ${error?.stack ?? error}\n`);
		process.exit(1);
	});
}
