/**
 * The example workflows (examples/*.json) are saved workflows as users have them: the run-time
 * rules must not refuse any of them. Each WhatsApp (Maton) node of each example runs through
 * n8n's engine against the local sandbox (sandbox/server.js), which the examples are written for,
 * with the input its upstream nodes would give, and must end without an error.
 */
import fs from 'node:fs';
import path from 'node:path';

import nock from 'nock';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { runWhatsApp } from '../fixture';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const NODE_TYPE = 'n8n-nodes-whatsapp-maton.whatsAppMaton';

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

const cases = fs
	.readdirSync(EXAMPLES)
	.filter((file) => file.endsWith('.json'))
	.flatMap((file) => {
		const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as { nodes: WorkflowNode[] };
		return workflow.nodes
			.filter((node) => node.type === NODE_TYPE)
			.map((node) => ({ name: `${file} › ${node.name}`, parameters: node.parameters, input: inputFor(workflow.nodes) }));
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
