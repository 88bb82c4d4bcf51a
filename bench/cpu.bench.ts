/**
 * Benchmark (not a test): the CPU cost per item of this node (Message › Send Text) against n8n's
 * built-in WhatsApp Business Cloud node (n8n-nodes-base, Message › Send), both through n8n-core's
 * WorkflowExecute (test/harness runNode) and pointed at the same loopback endpoint, ours with
 * pacing off (Delivery Options › Requests per Second 0) so that both measure CPU, not waiting.
 *
 * - CPU_ITEMS (default 1,000) items, three runs of each node side by side (ours, built-in, ours,
 *   …): the median CPU milliseconds per item and the ratio ours / built-in (goal ≤ 1.0).
 * - BLOCK_ITEMS (default 10,000) items, one run of each: the longest event-loop block and the
 *   peak memory (RSS, heap) of each (goal: ours ≤ built-in's on both).
 *
 * EXPERIMENTS="constBaseUrl;displayedOnly;messagingOnly;constBaseUrl,displayedOnly;batching" adds, to the 1,000-item
 * rotation, our node with those experimental changes to an in-memory copy of its description (see
 * bench/cpu-worker.ts and docs/performance.md).
 *
 * Every run is a child process (its own heap, nothing else on its CPU clock); the endpoint runs in
 * this process. Run with `npm run bench:cpu`; RUNS, CPU_ITEMS and BLOCK_ITEMS shorten it
 * (BLOCK_ITEMS=0 skips the 10,000-item part).
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { BuiltinUnavailableError, checkBuiltinAvailable } from './builtin';
import type { WorkerResult } from './cpu-worker';

const RUNS = Number(process.env.RUNS ?? 3);
const CPU_ITEMS = Number(process.env.CPU_ITEMS ?? 1000);
const BLOCK_ITEMS = Number(process.env.BLOCK_ITEMS ?? 10_000);
const WORKER = path.join(__dirname, 'cpu-worker.js');
const EXPERIMENTS = (process.env.EXPERIMENTS ?? '').split(';').filter(Boolean);

/** Answers every POST like Graph's send endpoint; nothing else (the bench only sends). */
function startEndpoint(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
	let requests = 0;
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			requests++;
			let to = '';
			try {
				to = String((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to?: unknown }).to ?? '');
			} catch {
				// An unreadable body still gets an answer; the worker counts what it got back.
			}
			const body = JSON.stringify({
				messaging_product: 'whatsapp',
				contacts: [{ input: to, wa_id: to }],
				messages: [{ id: `wamid.bench${requests}` }],
			});
			res.writeHead(req.method === 'POST' ? 200 : 404, { 'Content-Type': 'application/json' });
			res.end(body);
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as AddressInfo;
			resolve({
				url: `http://127.0.0.1:${port}`,
				requests: () => requests,
				close: () =>
					new Promise<void>((done) => {
						server.closeAllConnections();
						server.close(() => done());
					}),
			});
		});
	});
}

function runWorker(
	node: 'ours' | 'builtin',
	items: number,
	endpoint: string,
	variant = '',
): Promise<WorkerResult> {
	return new Promise((resolve, reject) => {
		execFile(
			process.execPath,
			['--expose-gc', WORKER, node, String(items), endpoint],
			{ env: { ...process.env, N8N_LOG_LEVEL: 'silent', BENCH_VARIANT: variant }, maxBuffer: 16 * 1024 * 1024 },
			(error, stdout, stderr) => {
				if (error) {
					reject(new Error(`${node} run failed: ${stderr || error.message}`));
					return;
				}
				const result = JSON.parse(stdout.trim().split('\n').pop() ?? '') as WorkerResult;
				if (result.delivered !== items) {
					reject(new Error(`${node}: ${result.delivered} of ${items} delivered (${result.firstError ?? 'no error'})`));
					return;
				}
				resolve(result);
			},
		);
	});
}

const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const fixed = (value: number, digits = 2) => value.toFixed(digits);
const pad = (text: string, width: number) => text.padStart(width);

async function main(): Promise<void> {
	const endpoint = await startEndpoint();
	try {
		try {
			// Fails fast, with what to do, when the runtime is missing or mismatched.
			checkBuiltinAvailable();
		} catch (error) {
			if (error instanceof BuiltinUnavailableError) {
				process.stdout.write(`bench:cpu skipped: ${error.message}\n`);
				process.exitCode = 1;
				return;
			}
			throw error;
		}
		const lines: string[] = [];
		const perItem = { ours: [] as number[], builtin: [] as number[] };
		const perExperiment = new Map(EXPERIMENTS.map((variant) => [variant, [] as number[]]));
		for (let run = 0; run < RUNS; run++) {
			for (const node of ['ours', 'builtin'] as const) {
				const result = await runWorker(node, CPU_ITEMS, endpoint.url);
				perItem[node].push(result.cpuMs / CPU_ITEMS);
			}
			for (const [variant, values] of perExperiment) {
				const result = await runWorker('ours', CPU_ITEMS, endpoint.url, variant);
				values.push(result.cpuMs / CPU_ITEMS);
			}
		}
		const ours = median(perItem.ours);
		const builtin = median(perItem.builtin);
		const ratio = ours / builtin;
		lines.push(
			`CPU per item, ${CPU_ITEMS} items, median of ${RUNS} runs side by side (ms):`,
			`  this node (Send Text):       ${pad(fixed(ours), 6)}   runs ${perItem.ours.map((v) => fixed(v)).join(' / ')}`,
			`  built-in WhatsApp (Send):    ${pad(fixed(builtin), 6)}   runs ${perItem.builtin.map((v) => fixed(v)).join(' / ')}`,
			`  ratio ours / built-in:       ${pad(fixed(ratio), 6)}   (goal ≤ 1.00: ${ratio <= 1 ? 'met' : 'NOT met'})`,
		);
		for (const [variant, values] of perExperiment) {
			const value = median(values);
			lines.push(
				`  experiment ${variant}: ${fixed(value)} ms (ratio ${fixed(value / builtin)})   runs ${values.map((v) => fixed(v)).join(' / ')}`,
			);
		}
		if (BLOCK_ITEMS > 0) {
			const block = {
				ours: await runWorker('ours', BLOCK_ITEMS, endpoint.url),
				builtin: await runWorker('builtin', BLOCK_ITEMS, endpoint.url),
			};
			const row = (label: string, pick: (result: WorkerResult) => number, digits = 0) =>
				`  ${label.padEnd(28)}${pad(fixed(pick(block.ours), digits), 10)}${pad(fixed(pick(block.builtin), digits), 10)}`;
			// Both block measures must hold: they disagree when timers starve (docs/performance.md).
			const met =
				block.ours.maxBlockMs <= block.builtin.maxBlockMs &&
				block.ours.maxTimerDriftMs <= block.builtin.maxTimerDriftMs &&
				block.ours.peakRssMb <= block.builtin.peakRssMb &&
				block.ours.peakHeapMb <= block.builtin.peakHeapMb;
			lines.push(
				`${BLOCK_ITEMS} items, one run each (separate processes):     ours  built-in`,
				row('longest event-loop block ms', (r) => r.maxBlockMs),
				row('  same, by a 20 ms timer ms', (r) => r.maxTimerDriftMs),
				row('peak RSS MB', (r) => r.peakRssMb),
				row('  RSS before the run MB', (r) => r.baselineRssMb),
				row('peak heap used MB', (r) => r.peakHeapMb),
				row('  heap before the run MB', (r) => r.baselineHeapMb),
				row('CPU per item ms', (r) => r.cpuMs / BLOCK_ITEMS, 2),
				row('wall time s', (r) => r.wallMs / 1000, 1),
				`  goal (ours ≤ built-in on block and peak memory): ${met ? 'met' : 'NOT met'}`,
			);
		}
		lines.push(`requests answered by the loopback endpoint: ${endpoint.requests()}`);
		process.stdout.write(`${lines.join('\n')}\n`);
	} finally {
		await endpoint.close();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});
