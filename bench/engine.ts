/**
 * Runs `Items → node under test` through n8n-core's WorkflowExecute, the way a workflow feeds a
 * node in n8n: the items come out of a previous node (test/harness runNode puts them on a lone
 * start node instead). Reuses the harness's node types, credentials helper and additional data, and reports the CPU
 * time between the engine's nodeExecuteBefore and nodeExecuteAfter hooks of the node under test.
 */
import '../test/harness/environment';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { NodeConnectionTypes, Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWorkflowBase,
} from 'n8n-workflow';

import { HarnessCredentialsHelper } from '../test/harness/credentials-helper';
import { DEFAULT_TEST_PACKAGE, HarnessNodeTypes, latestVersionOf } from '../test/harness/node-types';
import { createAdditionalData } from '../test/harness/run-node';

/** Passes its input on: the "previous node" whose output the node under test reads. */
class ItemsNode implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Items',
		name: 'items',
		group: ['transform'],
		version: 1,
		description: 'Hands the bench items to the next node',
		defaults: { name: 'Items' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export interface EngineRun {
	items: INodeExecutionData[];
	/** CPU milliseconds (user + system) of the node under test, hook to hook. */
	nodeCpuMs: number;
	/** Wall milliseconds of the node under test, hook to hook. */
	nodeWallMs: number;
}

let executionCounter = 0;

export async function runAfterItems(options: {
	nodeType: INodeType;
	credentialType: ICredentialType;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	parameters: INodeParameters;
	input: INodeExecutionData[];
}): Promise<EngineRun> {
	const nodeTypes = new HarnessNodeTypes();
	const typeName = `${DEFAULT_TEST_PACKAGE}.${options.nodeType.description.name}`;
	nodeTypes.register(typeName, options.nodeType);
	nodeTypes.register(`${DEFAULT_TEST_PACKAGE}.items`, new ItemsNode());
	const credentialsHelper = new HarnessCredentialsHelper([options.credentialType], options.credentials);

	const source: INode = {
		id: 'items',
		name: 'Items',
		type: `${DEFAULT_TEST_PACKAGE}.items`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const node: INode = {
		id: 'node-under-test',
		name: 'Node under test',
		type: typeName,
		typeVersion: latestVersionOf(options.nodeType),
		position: [200, 0],
		parameters: structuredClone(options.parameters),
		credentials: Object.fromEntries(
			Object.keys(options.credentials).map((type) => [type, { id: `bench-${type}`, name: type }]),
		),
		continueOnFail: true,
	};
	const connections = {
		Items: { main: [[{ node: node.name, type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	const settings = { executionOrder: 'v1' as const };
	const workflow = new Workflow({
		id: 'bench-workflow',
		name: 'Bench workflow',
		nodes: [source, node],
		connections,
		active: false,
		nodeTypes,
		settings,
	});
	const workflowData: IWorkflowBase = {
		id: 'bench-workflow',
		name: 'Bench workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [source, node],
		connections,
		settings,
	};
	const executionId = `bench-execution-${++executionCounter}`;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
	let cpuAtStart: NodeJS.CpuUsage | undefined;
	let wallAtStart = 0;
	let nodeCpuMs = 0;
	let nodeWallMs = 0;
	hooks.addHandler('nodeExecuteBefore', (nodeName) => {
		if (nodeName !== node.name) return;
		cpuAtStart = process.cpuUsage();
		wallAtStart = performance.now();
	});
	hooks.addHandler('nodeExecuteAfter', (nodeName) => {
		if (nodeName !== node.name || !cpuAtStart) return;
		const used = process.cpuUsage(cpuAtStart);
		nodeCpuMs = (used.user + used.system) / 1000;
		nodeWallMs = performance.now() - wallAtStart;
	});
	const additionalData = createAdditionalData(hooks, credentialsHelper, executionId);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: source, data: { main: [options.input] }, source: null }],
		},
	});
	const run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const items = run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? [];
	return { items, nodeCpuMs, nodeWallMs };
}
