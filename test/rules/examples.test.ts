/**
 * The example workflows (examples/*.json) are saved workflows as users have them: the run-time
 * rules must not refuse any of them. Each WhatsApp (Maton) node of each example runs through
 * n8n's engine against the local sandbox (sandbox/server.js), which the examples are written for,
 * with the input its upstream nodes would give, and must end without an error. A node that reads
 * the WhatsApp (Maton) Trigger's item (`$('WhatsApp (Maton) Trigger').item.json.from`) gets the
 * item the trigger makes of a customer's "hi" as its input, read as `$json` (the engine here runs
 * one node, not the trigger before it; the end-to-end run proves the whole workflow).
 */
import fs from 'node:fs';
import path from 'node:path';

import nock from 'nock';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { runWhatsApp } from '../fixture';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const NODE_TYPE = 'n8n-nodes-whatsapp-maton.whatsAppMaton';
const TRIGGER_TYPE = 'n8n-nodes-whatsapp-maton.whatsAppMatonTrigger';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: INodeParameters & { assignments?: { assignments?: Array<{ name: string; value: string }> }; options?: Record<string, string> };
}

/**
 * What reaches a node in its example: a Set node's PNG turned into the binary field `data` by
 * Convert to File (example 03), else one empty item from the manual trigger.
 */
function inputFor(nodes: WorkflowNode[]): INodeExecutionData[] {
	if (nodes.some((node) => node.type === TRIGGER_TYPE)) return [{ json: CUSTOMER_SAYS_HI }];
	const toFile = nodes.find((node) => node.type === 'n8n-nodes-base.convertToFile');
	if (!toFile) return [{ json: {} }];
	const set = nodes.find((node) => node.type === 'n8n-nodes-base.set');
	const source = String(toFile.parameters.sourceProperty);
	const base64 = set?.parameters.assignments?.assignments?.find((entry) => entry.name === source)?.value ?? '';
	const property = String(toFile.parameters.binaryPropertyName);
	return [
		{
			json: {},
			binary: {
				[property]: {
					data: base64,
					mimeType: String(toFile.parameters.options?.mimeType),
					fileName: String(toFile.parameters.options?.fileName),
				},
			},
		},
	];
}

/** The trigger's item for a customer's text "hi" to the sandbox's number (the fields the examples read). */
const CUSTOMER_SAYS_HI = {
	event: 'message',
	kind: 'text',
	messageId: 'wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQUQ1RjBCNzhCNkQ5RTYxMzdBMwA=',
	from: '16315551181',
	contactName: 'Sandbox Customer',
	text: 'hi',
	replyTitle: 'Track my order',
	phoneNumberId: '106540352242922',
};

/** A trigger reference as the node's own input: `$('WhatsApp (Maton) Trigger').item.json.x` → `$json.x`. */
function readingInput(parameters: INodeParameters, nodes: WorkflowNode[]): INodeParameters {
	const trigger = nodes.find((node) => node.type === TRIGGER_TYPE);
	if (!trigger) return parameters;
	const reference = `$('${trigger.name}').item.json`;
	return JSON.parse(JSON.stringify(parameters).split(reference).join('$json')) as INodeParameters;
}

const cases = fs
	.readdirSync(EXAMPLES)
	.filter((file) => file.endsWith('.json'))
	.flatMap((file) => {
		const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as { nodes: WorkflowNode[] };
		return workflow.nodes
			.filter((node) => node.type === NODE_TYPE)
			.map((node) => ({
				name: `${file} › ${node.name}`,
				parameters: readingInput(node.parameters, workflow.nodes),
				input: inputFor(workflow.nodes),
			}));
	});

let sandbox: SandboxHandle;

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ port: 0, rateLimitPerSecond: 0 });
});

afterAll(async () => {
	await sandbox.close();
	nock.disableNetConnect();
});

beforeEach(() => sandbox.reset());

describe('the example workflows still run', () => {
	it('finds the examples', () => {
		expect(cases.length).toBeGreaterThanOrEqual(6);
	});

	it.each(cases)('$name', async ({ parameters, input }) => {
		const { items, error } = await runWhatsApp(parameters, { input, credentials: sandbox.credentials() });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) expect(item.error).toBeUndefined();
	});
});
