/**
 * Benchmark (not a test): sends 1,000 text messages through n8n's engine to the local Maton
 * sandbox, which answers 429 above 10 requests per second per key, and prints messages per
 * second, the 429s the sandbox answered and the items lost. Goal: at least 9 messages per second
 * and no item lost. Run with `npm run bench` (MESSAGES=200 for a shorter run).
 */
import nock from 'nock';
import type { INodeExecutionData } from 'n8n-workflow';

import { MatonApi } from '../credentials/MatonApi.credentials';
import { WhatsAppMaton } from '../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { runNode } from '../test/harness';
import { startSandbox } from '../sandbox/server';

const MESSAGES = Number(process.env.MESSAGES ?? 1000);
const GOAL_PER_SECOND = 9;

async function main(): Promise<void> {
	// The harness turns real connections off for tests; the sandbox is on loopback.
	nock.enableNetConnect('127.0.0.1');
	const statuses = new Map<number | null, number>();
	const sandbox = await startSandbox({
		port: 0,
		rateLimitPerSecond: 10,
		onRequest: (entry) => statuses.set(entry.status ?? null, (statuses.get(entry.status ?? null) ?? 0) + 1),
	});
	const input: INodeExecutionData[] = Array.from({ length: MESSAGES }, (_, index) => ({
		json: { to: `1555${String(1_000_000 + index).slice(1)}`, n: index },
	}));
	let peakRss = process.memoryUsage().rss;
	const sampler = setInterval(() => {
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
	}, 250);
	const started = performance.now();
	const { items, error } = await runNode({
		nodeType: new WhatsAppMaton(),
		credentialTypes: new MatonApi(),
		parameters: {
			resource: 'message',
			operation: 'sendText',
			phoneNumberId: { __rl: true, mode: 'id', value: sandbox.ids.phoneNumberId },
			recipientPhoneNumber: '={{ $json.to }}',
			text: '={{ "Benchmark message " + $json.n }}',
		},
		credentials: { matonApi: sandbox.credentials() },
		input,
		continueOnFail: true,
	});
	const seconds = (performance.now() - started) / 1000;
	clearInterval(sampler);
	await sandbox.close();

	const delivered = items.filter((item) => !item.error && Array.isArray(item.json.messages)).length;
	const failed = items.filter((item) => item.error).length;
	const lost = MESSAGES - delivered;
	const perSecond = delivered / seconds;
	const lines = [
		`messages sent:        ${MESSAGES}`,
		`delivered:            ${delivered}`,
		`error items:          ${failed}${error ? ` (run failed: ${error.message})` : ''}`,
		`items lost:           ${lost}`,
		`elapsed:              ${seconds.toFixed(1)} s`,
		`messages per second:  ${perSecond.toFixed(2)} (goal ≥ ${GOAL_PER_SECOND})`,
		`429s from sandbox:    ${statuses.get(429) ?? 0}`,
		`requests to sandbox:  ${[...statuses.values()].reduce((total, count) => total + count, 0)}`,
		`peak RSS:             ${(peakRss / 1024 / 1024).toFixed(0)} MB`,
		`goal met:             ${perSecond >= GOAL_PER_SECOND && lost === 0 ? 'yes' : 'NO'}`,
	];
	process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});
