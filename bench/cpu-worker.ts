/**
 * One measured run of the CPU bench, in its own process (started by cpu.bench.ts, which owns the
 * loopback endpoint): runs `ITEMS` Send Text items through n8n's engine with our node or the
 * built-in one and prints one JSON line with what it measured. Nothing else runs in this process,
 * so its CPU time is the engine's, the node's and the HTTP client's.
 *
 * Usage: node cpu-worker.js <ours|builtin> <items> <endpoint base URL> [warmupItems]
 *
 * Experiments (docs/performance.md), on an in-memory copy of our description, never the shipped
 * one: BENCH_VARIANT=constBaseUrl (the gateway base URL as a literal instead of an expression),
 * displayedOnly (only the top-level properties Send Text displays, as if each field were defined
 * once), messagingOnly (only the properties some Message or Media operation displays: what this node
 * would walk if the other seven resources moved to a node of their own), batching (the loader's
 * Options › Batching: 1 item per batch, 1 ms apart), paced (Requests per Second at its default, 10,
 * as a user's run has it: for the event loop, not the CPU), customSendText (Send Text as a programmatic
 * custom operation that reads its three fields and posts, bypassing RoutingNode: a lower bound for
 * that design, without the node's checks, delivery or error explanation); comma-separated.
 * BENCH_COUNT=1 adds how many expressions n8n-workflow evaluated per item.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Expression, NodeHelpers } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
} from 'n8n-workflow';

import { MatonApi } from '../credentials/MatonApi.credentials';
import { WhatsAppMaton } from '../nodes/WhatsAppMaton/WhatsAppMaton.node';
// Straight from the harness's files, not its index: that one loads nock, whose http patch would
// add its own cost to every request of both nodes.
import { removeCreatedUserFolder } from '../test/harness/environment';
import { loadBuiltinWhatsApp } from './builtin';
import { runAfterItems } from './engine';

export const PHONE_NUMBER_ID = '106540352242922';
export const GRAPH_PREFIX = '/whatsapp-business/v25.0';

export interface WorkerResult {
	node: 'ours' | 'builtin';
	items: number;
	delivered: number;
	errors: number;
	firstError?: string;
	/** The node under test's run, between the engine's hooks. */
	cpuMs: number;
	/** The whole workflow run (engine set-up, the Items node, the node under test). */
	engineCpuMs: number;
	nodeWallMs: number;
	wallMs: number;
	/** The longest event-loop block: monitorEventLoopDelay's max. */
	maxBlockMs: number;
	/** The same seen by a 20 ms interval timer (how late its longest-delayed tick was). */
	maxTimerDriftMs: number;
	baselineRssMb: number;
	peakRssMb: number;
	baselineHeapMb: number;
	peakHeapMb: number;
	evaluationsPerItem?: number;
	variants?: string;
}

interface Subject {
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	parameters: INodeParameters;
}

// Both nodes get the same per-item expressions, so the difference is the node, not the workflow.
// They read $itemIndex, not $json: the built-in node declares a webhook (send and wait), for which
// n8n-core 2.41 hands the node no connection input, so `$json` fails there with "Node … hasn't
// been executed".
const RECIPIENT = '={{ "1555" + String(1000000 + $itemIndex).slice(1) }}';
const TEXT = '={{ "Benchmark message " + $itemIndex }}';

function subjectFor(node: string, endpoint: string): Subject {
	if (node === 'ours') {
		return {
			nodeType: withVariants(new WhatsAppMaton(), endpoint),
			credentialType: new MatonApi(),
			credentials: { matonApi: { apiKey: 'bench-key', gatewayBaseUrl: endpoint, controlBaseUrl: endpoint } },
			parameters: {
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: { __rl: true, mode: 'id', value: PHONE_NUMBER_ID },
				recipientPhoneNumber: RECIPIENT,
				text: TEXT,
				// No pacing: measure CPU, not waiting (the paced experiment keeps the default, 10 per second).
				deliveryOptions: VARIANTS.has('paced') ? {} : { requestsPerSecond: 0 },
				...(VARIANTS.has('batching') && { requestOptions: { batching: { batch: { batchSize: 1, batchInterval: 1 } } } }),
			},
		};
	}
	if (node === 'builtin') {
		const builtin = loadBuiltinWhatsApp(`${endpoint}${GRAPH_PREFIX}/`);
		return {
			nodeType: builtin.nodeType,
			credentialType: builtin.credentialType,
			credentials: { whatsAppApi: { accessToken: 'bench-token', businessAccountId: '102290129340398' } },
			parameters: {
				resource: 'message',
				operation: 'send',
				messageType: 'text',
				phoneNumberId: PHONE_NUMBER_ID,
				recipientPhoneNumber: RECIPIENT,
				textBody: TEXT,
			},
		};
	}
	throw new Error(`unknown node "${node}" (ours or builtin)`);
}

const VARIANTS = new Set((process.env.BENCH_VARIANT ?? '').split(',').filter(Boolean));

function withVariants(nodeType: INodeType, endpoint: string): INodeType {
	const description = { ...nodeType.description };
	if (VARIANTS.has('constBaseUrl')) {
		description.requestDefaults = { ...description.requestDefaults, baseURL: `${endpoint}${GRAPH_PREFIX}` };
	}
	if (VARIANTS.has('displayedOnly')) {
		const parameters = { resource: 'message', operation: 'sendText' };
		description.properties = description.properties.filter(
			(property) =>
				property.type === 'hidden' ||
				NodeHelpers.displayParameter(parameters, property, null, description, parameters),
		);
	}
	if (VARIANTS.has('messagingOnly')) {
		description.properties = description.properties.filter((property) =>
			shownForSomeOperationOf(description.properties, property, MESSAGING_RESOURCES),
		);
	}
	nodeType.description = description;
	if (VARIANTS.has('customSendText')) {
		nodeType.customOperations = {
			...nodeType.customOperations,
			message: { ...nodeType.customOperations?.message, sendText: customSendText },
		};
	}
	return nodeType;
}

/** The customSendText experiment: what the engine costs per item without RoutingNode's walks. */
async function customSendText(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const credentials = await this.getCredentials('matonApi');
	const baseUrl = `${String(credentials.gatewayBaseUrl)}${GRAPH_PREFIX}`;
	const sent = this.getInputData().map(async (_item, itemIndex): Promise<INodeExecutionData> => {
		const phoneNumberId = this.getNodeParameter('phoneNumberId', itemIndex, '', { extractValue: true }) as string;
		const to = this.getNodeParameter('recipientPhoneNumber', itemIndex) as string;
		const text = this.getNodeParameter('text', itemIndex) as string;
		const answer = (await this.helpers.httpRequestWithAuthentication.call(this, 'matonApi', {
			method: 'POST',
			url: `${baseUrl}/${encodeURIComponent(phoneNumberId)}/messages`,
			body: { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body: text } },
			json: true,
		})) as IDataObject;
		return { json: answer, pairedItem: { item: itemIndex } };
	});
	return [await Promise.all(sent)];
}

const MESSAGING_RESOURCES = ['message', 'media'];

/**
 * Whether some operation of the resources shows the property, judged by its resource and
 * operation conditions only (a field shown by another field's value, such as Media Source, counts
 * as shown: a split node would still walk it).
 */
function shownForSomeOperationOf(properties: INodeProperties[], property: INodeProperties, resources: string[]): boolean {
	const show = property.displayOptions?.show;
	if (!show) return true;
	const reduced: INodeProperties = {
		...property,
		displayOptions: {
			show: Object.fromEntries(Object.entries(show).filter(([key]) => key === 'resource' || key === 'operation')),
		},
	};
	return resources.some((resource) =>
		properties
			.filter((selector) => selector.name === 'operation' && selector.displayOptions?.show?.resource?.includes(resource))
			.flatMap((selector) => selector.options ?? [])
			.some((option) => {
				if (!('value' in option)) return false;
				const values = { resource, operation: String(option.value) };
				return NodeHelpers.displayParameter(values, reduced, null, null, values);
			}),
	);
}

/** Counts n8n-workflow's expression evaluations (BENCH_COUNT=1): one per `=` string resolved. */
let evaluations = 0;
if (process.env.BENCH_COUNT) {
	const prototype = Expression.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
	const original = prototype.resolveSimpleParameterValue;
	prototype.resolveSimpleParameterValue = function (this: unknown, ...args: unknown[]) {
		evaluations++;
		return original.apply(this, args);
	};
}

const inputOf = (count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, index) => ({
		json: { to: `1555${String(1_000_000 + index).slice(1)}`, n: index },
	}));

const run = async (subject: Subject, count: number) => runAfterItems({ ...subject, input: inputOf(count) });

const SAMPLE_MS = 20;
const mb = (bytes: number) => bytes / 1024 / 1024;

async function main(): Promise<void> {
	const [node = '', itemsArg = '1000', endpoint = '', warmupArg = '100'] = process.argv.slice(2);
	const items = Number(itemsArg);
	const subject = subjectFor(node, endpoint);

	// Warm-up: module loading and the JIT's first compilations are not per-item costs.
	if (Number(warmupArg) > 0) await run(subject, Number(warmupArg));
	globalThis.gc?.();

	const baseline = process.memoryUsage();
	let peakHeap = baseline.heapUsed;
	let peakRss = baseline.rss;
	// A timer-drift sampler as well as the histogram: it also samples memory between blocks.
	const delay = monitorEventLoopDelay({ resolution: 10 });
	let lastTick = performance.now();
	let maxGap = 0;
	const sampler = setInterval(() => {
		const now = performance.now();
		maxGap = Math.max(maxGap, now - lastTick - SAMPLE_MS);
		lastTick = now;
		const usage = process.memoryUsage();
		peakHeap = Math.max(peakHeap, usage.heapUsed);
		peakRss = Math.max(peakRss, usage.rss);
	}, SAMPLE_MS);
	delay.enable();
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	evaluations = 0;
	const { items: output, nodeCpuMs, nodeWallMs } = await run(subject, items);
	const evaluationsPerItem = evaluations / items;
	const wallMs = performance.now() - started;
	const cpu = process.cpuUsage(cpuBefore);
	delay.disable();
	clearInterval(sampler);
	const after = process.memoryUsage();
	peakHeap = Math.max(peakHeap, after.heapUsed);
	// The kernel's high-water mark also sees what the sampler missed inside a long block.
	peakRss = Math.max(peakRss, after.rss, process.resourceUsage().maxRSS * 1024);

	const failed = output.filter((item) => item.error);
	const result: WorkerResult = {
		node: node as WorkerResult['node'],
		items,
		delivered: output.filter((item) => !item.error && Array.isArray(item.json.messages)).length,
		errors: failed.length,
		firstError: failed[0]?.error?.message,
		cpuMs: nodeCpuMs,
		engineCpuMs: (cpu.user + cpu.system) / 1000,
		nodeWallMs,
		wallMs,
		maxBlockMs: delay.max / 1e6,
		maxTimerDriftMs: maxGap,
		baselineRssMb: mb(baseline.rss),
		peakRssMb: mb(peakRss),
		baselineHeapMb: mb(baseline.heapUsed),
		peakHeapMb: mb(peakHeap),
		...(process.env.BENCH_COUNT && { evaluationsPerItem }),
		...(VARIANTS.size > 0 && { variants: [...VARIANTS].join(',') }),
	};
	removeCreatedUserFolder();
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
	removeCreatedUserFolder();
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exitCode = 1;
});
