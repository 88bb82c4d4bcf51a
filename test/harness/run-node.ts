import './environment';

import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ExecutionError,
	ICredentialType,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	ITaskData,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { HarnessCredentialsHelper, type TestCredentials } from './credentials-helper';
import { reviveExecutionError } from './errors';
import { DEFAULT_TEST_PACKAGE, HarnessNodeTypes, latestVersionOf } from './node-types';

export interface RunNodeOptions {
	/** The node under test, e.g. `new WhatsAppMaton()`, or a node type from `loadPackageFromDist`. */
	nodeType: INodeType | IVersionedNodeType;
	/** The credential type(s) the node may use, e.g. `new MatonApi()` or `[new MatonApi()]`. */
	credentialTypes?: ICredentialType | ICredentialType[];
	/** Node parameters as a workflow stores them; the engine fills in defaults for the rest. */
	parameters?: INodeParameters;
	/**
	 * Decrypted credentials by credential type name. Every type given here is also attached to the
	 * node (`node.credentials`), as if the user had picked a saved credential of that type.
	 */
	credentials?: TestCredentials;
	/** Items fed to the node's main input 0 (default: one item `{ json: {} }`). */
	input?: INodeExecutionData[];
	/** Node version (default: the newest the node type declares). */
	typeVersion?: number;
	/** Same as the node setting "Continue On Fail" (`INode.continueOnFail`). */
	continueOnFail?: boolean;
	/** The node's "On Error" setting, e.g. `'continueRegularOutput'` or `'continueErrorOutput'`. */
	onError?: INode['onError'];
	/** Any other node settings: `retryOnFail`, `maxTries`, `alwaysOutputData`, `executeOnce`, ... */
	nodeSettings?: Partial<Omit<INode, 'parameters' | 'type' | 'typeVersion' | 'credentials'>>;
	/** Node name (default: the node type's `defaults.name`, else its display name). */
	nodeName?: string;
	/** Full node type name (default: `n8n-nodes-test.<description.name>`). */
	typeName?: string;
	/** Execution mode (default: `'manual'`, a run started from the editor). */
	mode?: WorkflowExecuteMode;
	/** Workflow settings (default `{ executionOrder: 'v1' }`, what new workflows get). */
	workflowSettings?: IWorkflowSettings;
}

export interface RunNodeResult {
	/** Items of the node's main output 0 (empty when the node failed). */
	items: INodeExecutionData[];
	/** All main outputs (index 1 holds error items when `onError: 'continueErrorOutput'`). */
	outputs: INodeExecutionData[][];
	/**
	 * The node's error when it failed (no items), as an instance of its n8n-workflow class
	 * (`NodeApiError`, `NodeOperationError`, ...) rebuilt from what the engine stored.
	 */
	error?: ExecutionError;
	/** The node's task data (`run.data.resultData.runData[nodeName][0]`). */
	taskData?: ITaskData;
	/** The full execution as `WorkflowExecute` returned it. */
	run: IRun;
	/** The node as the engine ran it (parameters with defaults filled in). */
	node: INode;
	/** The credentials helper used for the run (to read credentials the run wrote back). */
	credentialsHelper: HarnessCredentialsHelper;
}

let executionCounter = 0;

function defaultNodeName(nodeType: INodeType | IVersionedNodeType): string {
	const { description } = nodeType;
	const fromDefaults = 'defaults' in description ? description.defaults.name : undefined;
	return fromDefaults ?? description.displayName;
}

/**
 * Builds the `additionalData` the engine reads, as a plain object. What the engine really needs:
 * - `hooks`: WorkflowExecute asserts it is there before it starts;
 * - `credentialsHelper`: every credential lookup and `authenticate` goes through it;
 * - `webhookWaitingBaseUrl` / `formWaitingBaseUrl`: valid URL bases, because each expression
 *   resolution builds `$execution.resumeUrl` with `new URL(...)` from them and the run's resume token
 *   (`Invalid URL` on `undefined/...` otherwise).
 * Also set because they show up in run data or expressions: `executionId` (`$execution.id`;
 * a placeholder otherwise), `currentNodeExecutionIndex` (else `taskData.executionIndex` is NaN),
 * `variables` (`$vars`) and the other base URLs. Everything else in `IWorkflowExecuteAdditionalData`
 * is only used by features a declarative node does not reach (sub-workflows, webhooks, AI agents,
 * external secrets).
 */
export function createAdditionalData(
	hooks: ExecutionLifecycleHooks | undefined,
	credentialsHelper: HarnessCredentialsHelper,
	executionId: string | undefined,
): IWorkflowExecuteAdditionalData {
	const baseUrl = 'http://localhost:5678';
	const additionalData: Partial<IWorkflowExecuteAdditionalData> = {
		hooks,
		credentialsHelper,
		executionId,
		currentNodeExecutionIndex: 0,
		currentNodeParameters: undefined,
		variables: {},
		instanceBaseUrl: `${baseUrl}/`,
		restApiUrl: `${baseUrl}/rest`,
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
		webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
		formWaitingBaseUrl: `${baseUrl}/form-waiting`,
	};
	return additionalData as IWorkflowExecuteAdditionalData;
}

/**
 * Runs one node through n8n's real execution engine: a one-node `Workflow`, `ExecutionLifecycleHooks`
 * and `WorkflowExecute.processRunExecutionData`, with the node as the start node and `input` put
 * straight on its input (no trigger). Declarative nodes are run by the engine's RoutingNode, so their
 * HTTP calls go through n8n's request helpers (answer them with `nock`).
 *
 * Resolves with the node's output, or with `error` set when the node failed. It rejects only when
 * the engine refuses to start (e.g. `WorkflowHasIssuesError` for a missing required parameter).
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const {
		nodeType,
		credentialTypes = [],
		parameters = {},
		credentials = {},
		input = [{ json: {} }],
		mode = 'manual',
		workflowSettings = { executionOrder: 'v1' },
	} = options;

	const typeName = options.typeName ?? `${DEFAULT_TEST_PACKAGE}.${nodeType.description.name}`;
	const nodeTypes = new HarnessNodeTypes();
	nodeTypes.register(typeName, nodeType);

	const credentialsHelper = new HarnessCredentialsHelper(
		Array.isArray(credentialTypes) ? credentialTypes : [credentialTypes],
		credentials,
	);
	const nodeCredentials: INodeCredentials = {};
	for (const type of Object.keys(credentials)) {
		nodeCredentials[type] = { id: `test-${type}`, name: `${type} (test)` };
	}

	const node: INode = {
		id: 'node-under-test',
		name: options.nodeName ?? defaultNodeName(nodeType),
		type: typeName,
		typeVersion: options.typeVersion ?? latestVersionOf(nodeType),
		position: [0, 0],
		...options.nodeSettings,
		parameters: structuredClone(parameters),
		...(Object.keys(nodeCredentials).length > 0 && { credentials: nodeCredentials }),
		...(options.continueOnFail !== undefined && { continueOnFail: options.continueOnFail }),
		...(options.onError !== undefined && { onError: options.onError }),
	};

	const workflowId = 'harness-workflow';
	// The Workflow constructor fills the node's unset parameters with their defaults.
	const workflow = new Workflow({
		id: workflowId,
		name: 'Harness workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: workflowSettings,
	});

	const executionId = `harness-execution-${++executionCounter}`;
	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [node],
		connections: {},
		settings: workflowSettings,
	};
	const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
	const additionalData = createAdditionalData(hooks, credentialsHelper, executionId);

	// The node is the start node: its input goes straight onto the execution stack.
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [[...input]] }, source: null }],
		},
	});

	const workflowExecute = new WorkflowExecute(additionalData, mode, runExecutionData);
	const run = await workflowExecute.processRunExecutionData(workflow);

	const taskData = run.data.resultData.runData[node.name]?.[0];
	const outputs = (taskData?.data?.main ?? []).map((items) => items ?? []);
	const storedError = taskData?.error ?? run.data.resultData.error;
	return {
		items: outputs[0] ?? [],
		outputs,
		error: storedError === undefined ? undefined : reviveExecutionError(storedError),
		taskData,
		run,
		node: workflow.getNode(node.name) ?? node,
		credentialsHelper,
	};
}
