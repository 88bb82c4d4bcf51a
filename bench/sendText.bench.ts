/**
 * Benchmark (not a test): sends text messages through n8n's engine to the local Maton sandbox,
 * which answers 429 above 10 requests per second per key (sliding one-second window), and prints
 * for each scenario messages per second, the 429s the sandbox answered, items lost and messages
 * delivered twice (counted per recipient by the sandbox), and peak RSS.
 *
 * Scenarios (MESSAGES each, default 1,000; MESSAGES=200 for a shorter run):
 * 1. one execution at 10 requests per second, 0 ms latency;
 * 2. the same with 400 ms simulated latency;
 * 3. two executions at once on one key (MESSAGES / 2 each), 0 ms latency;
 * 4. scenario 1 with n8n's Options › Batching (10 items, 1 ms), which lets the first requests
 *    leave while the engine still prepares later items.
 * Goals: ≥ 9.5 msg/s and no 429 alone; no item lost and ≥ 9 msg/s combined with two.
 * Run with `npm run bench` (SCENARIOS=1,3 runs only those).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import nock from 'nock';
import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { MatonApi } from '../credentials/MatonApi.credentials';
import { WhatsAppMaton } from '../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { runNode } from '../test/harness';

const MESSAGES = Number(process.env.MESSAGES ?? 1000);

interface Scenario {
	name: string;
	latencyMs: number;
	executions: number;
	goalPerSecond: number;
	/** Goal for the 429s the sandbox answered (undefined: not a goal, only shown). */
	goal429?: number;
	/**
	 * n8n's own Options › Batching of a declarative node: the engine pauses between batches while
	 * it prepares the items, so the first requests leave while later items are still prepared.
	 */
	batching?: { batchSize: number; batchInterval: number };
}

const SCENARIOS: Scenario[] = [
	{ name: 'one execution, 10 req/s, 0 ms latency', latencyMs: 0, executions: 1, goalPerSecond: 9.5, goal429: 0 },
	{ name: 'one execution, 10 req/s, 400 ms latency', latencyMs: 400, executions: 1, goalPerSecond: 9.5, goal429: 0 },
	{ name: 'two executions at once on one key, 0 ms latency', latencyMs: 0, executions: 2, goalPerSecond: 9 },
	{
		name: 'one execution, 10 req/s, 0 ms latency, Options › Batching 10 items / 1 ms',
		latencyMs: 0,
		executions: 1,
		goalPerSecond: 9.5,
		goal429: 0,
		batching: { batchSize: 10, batchInterval: 1 },
	},
];

let peakRss = process.memoryUsage().rss;

interface SandboxProcess {
	url: string;
	ids: { phoneNumberId: string };
	credentials: ICredentialDataDecryptedObject;
	child: ChildProcess;
}

/** The sandbox in its own process (bench/sandbox-process.js, run from source), as the real gateway is elsewhere. */
async function startSandboxProcess(options: { rateLimitPerSecond: number; latencyMs: number }): Promise<SandboxProcess> {
	const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'bench', 'sandbox-process.js'), JSON.stringify(options)], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const ready = await new Promise<string>((resolve, reject) => {
		let buffer = '';
		child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
			buffer += chunk;
			const line = buffer.split('\n').find((candidate) => candidate.startsWith('READY '));
			if (line) resolve(line.slice(6));
		});
		child.on('exit', (code) => reject(new Error(`the sandbox process ended (${code}) before it was ready`)));
	});
	return { ...(JSON.parse(ready) as Omit<SandboxProcess, 'child'>), child };
}

async function sandboxState<T>(sandbox: SandboxProcess, what: 'requests' | 'messages'): Promise<T> {
	return (await (await fetch(`${sandbox.url}/__sandbox/${what}`)).json()) as T;
}

async function run(scenario: Scenario): Promise<{ lines: string[]; met: boolean }> {
	const sandbox = await startSandboxProcess({ rateLimitPerSecond: 10, latencyMs: scenario.latencyMs });
	const perExecution = Math.floor(MESSAGES / scenario.executions);
	const execution = async (offset: number) => {
		const input: INodeExecutionData[] = Array.from({ length: perExecution }, (_, index) => ({
			json: { to: `1555${String(1_000_000 + offset + index).slice(1)}`, n: offset + index },
		}));
		return await runNode({
			nodeType: new WhatsAppMaton(),
			credentialTypes: new MatonApi(),
			parameters: {
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: { __rl: true, mode: 'id', value: sandbox.ids.phoneNumberId },
				recipientPhoneNumber: '={{ $json.to }}',
				text: '={{ "Benchmark message " + $json.n }}',
				...(scenario.batching ? { requestOptions: { batching: { batch: scenario.batching } } } : {}),
			},
			credentials: { matonApi: sandbox.credentials },
			input,
			continueOnFail: true,
		});
	};
	const started = Date.now();
	const results = await Promise.all(Array.from({ length: scenario.executions }, async (_, index) => await execution(index * perExecution)));
	const seconds = (Date.now() - started) / 1000;
	const { requests } = await sandboxState<{ requests: Array<{ api: string; status?: number; time: string }> }>(sandbox, 'requests');
	const { messages } = await sandboxState<{ messages: Array<{ kind?: string; to?: string }> }>(sandbox, 'messages');
	sandbox.child.stdin?.end();
	const statuses = new Map<number | null, number>();
	for (const request of requests) statuses.set(request.status ?? null, (statuses.get(request.status ?? null) ?? 0) + 1);
	const firstRequestAt = requests.length > 0 ? Math.min(...requests.map((request) => Date.parse(request.time))) : started;
	const sentTo = new Map<string, number>();
	for (const message of messages) {
		if (message.kind === 'message' && message.to) sentTo.set(message.to, (sentTo.get(message.to) ?? 0) + 1);
	}

	const total = perExecution * scenario.executions;
	const items = results.flatMap((result) => result.items);
	const delivered = items.filter((item) => !item.error && Array.isArray(item.json.messages)).length;
	const failed = items.filter((item) => item.error).length;
	const runErrors = results.map((result) => result.error?.message).filter(Boolean);
	const lost = total - delivered;
	const twice = [...sentTo.values()].filter((count) => count > 1).length;
	const perSecond = delivered / seconds;
	const tooMany = statuses.get(429) ?? 0;
	const met = perSecond >= scenario.goalPerSecond && lost === 0 && twice === 0 && (scenario.goal429 === undefined || tooMany <= scenario.goal429);
	const lines = [
		`== ${scenario.name}`,
		`messages sent:        ${total}${scenario.executions > 1 ? ` (${scenario.executions} × ${perExecution})` : ''}`,
		`delivered:            ${delivered}`,
		`error items:          ${failed}${runErrors.length ? ` (run failed: ${runErrors.join('; ')})` : ''}`,
		`items lost:           ${lost}`,
		`delivered twice:      ${twice}`,
		`elapsed:              ${seconds.toFixed(1)} s (first request after ${((firstRequestAt - started) / 1000).toFixed(1)} s)`,
		`messages per second:  ${perSecond.toFixed(2)} (goal ≥ ${scenario.goalPerSecond}); from the first request: ${(delivered / (seconds - (firstRequestAt - started) / 1000)).toFixed(2)}`,
		`429s from sandbox:    ${tooMany}${scenario.goal429 !== undefined ? ` (goal ${scenario.goal429})` : ''}`,
		`requests to sandbox:  ${[...statuses.values()].reduce((sum, count) => sum + count, 0)}`,
		`goal met:             ${met ? 'yes' : 'NO'}`,
	];
	return { lines, met };
}

async function main(): Promise<void> {
	// The harness turns real connections off for tests; the sandbox is on loopback.
	nock.enableNetConnect('127.0.0.1');
	const sampler = setInterval(() => {
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
	}, 250);
	let allMet = true;
	const only = process.env.SCENARIOS?.split(',').map(Number);
	for (const [index, scenario] of SCENARIOS.entries()) {
		if (only && !only.includes(index + 1)) continue;
		const { lines, met } = await run(scenario);
		allMet &&= met;
		process.stdout.write(`${lines.join('\n')}\n\n`);
	}
	clearInterval(sampler);
	process.stdout.write(`peak RSS:             ${(peakRss / 1024 / 1024).toFixed(0)} MB\nall goals met:        ${allMet ? 'yes' : 'NO'}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});
