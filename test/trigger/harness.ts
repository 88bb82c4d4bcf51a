/**
 * Runs the WhatsApp (Maton) Trigger the way n8n's webhook server does, with n8n-core's own
 * contexts: `WebhookContext` for a request to the node's URL (what `WebhookService.runWebhook`
 * builds) and `HookContext` for the activation hooks `checkExists` / `create` / `delete` (what
 * `WebhookService.runWebhookMethod` builds). The request and response are small stand-ins for
 * Express's, carrying what n8n's body parser leaves on a request: `rawBody` and the parsed `body`.
 */
import '../harness';

import { HookContext, WebhookContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IWebhookData,
	IWebhookResponseData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { MatonApi } from '../../credentials/MatonApi.credentials';
import { WhatsAppMetaAppApi } from '../../credentials/WhatsAppMetaAppApi.credentials';
import { WhatsAppMatonTrigger } from '../../nodes/WhatsAppMatonTrigger/WhatsAppMatonTrigger.node';
import { matonCredentials } from '../fixture';
import { createAdditionalData, HarnessCredentialsHelper, HarnessNodeTypes } from '../harness';

export const WORKFLOW_ID = 'trigger-workflow-1';
export const NODE_ID = 'c0ffee00-1111-4222-8333-444455556666';
export const WEBHOOK_ID = '5c0a5e1e-7a1b-4c2d-9e3f-0a1b2c3d4e5f';
export const PRODUCTION_BASE = 'https://n8n.example.com/webhook';
export const TEST_BASE = 'https://n8n.example.com/webhook-test';
export const PRODUCTION_URL = `${PRODUCTION_BASE}/${WEBHOOK_ID}/webhook`;
export const TEST_URL = `${TEST_BASE}/${WEBHOOK_ID}/webhook`;
export const APP_SECRET = '0123456789abcdef0123456789abcdef';
export const OWN_VERIFY_TOKEN = 'my-own-verify-token-42';

export const metaAppCredentials = (overrides: ICredentialDataDecryptedObject = {}) => ({
	verifyToken: OWN_VERIFY_TOKEN,
	appSecret: APP_SECRET,
	...overrides,
});

export interface TriggerSetup {
	parameters?: INodeParameters;
	/** Decrypted credentials by type; default: the Maton API test credential. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** The workflow's static data, shared between calls to model n8n saving it. */
	staticData?: IDataObject;
	/** `webhook` (production) or `manual` (the editor's test listen). */
	mode?: WorkflowExecuteMode;
	productionBase?: string;
	testBase?: string;
}

function build(setup: TriggerSetup) {
	const nodeType = new WhatsAppMatonTrigger();
	const nodeTypes = new HarnessNodeTypes();
	const typeName = 'n8n-nodes-whatsapp-maton.whatsAppMatonTrigger';
	nodeTypes.register(typeName, nodeType);
	const credentials = setup.credentials ?? { matonApi: matonCredentials() };
	const credentialsHelper = new HarnessCredentialsHelper([new MatonApi(), new WhatsAppMetaAppApi()], credentials);
	const node: INode = {
		id: NODE_ID,
		name: 'WhatsApp (Maton) Trigger',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: structuredClone(setup.parameters ?? {}),
		credentials: Object.fromEntries(
			Object.keys(credentials).map((type) => [type, { id: `test-${type}`, name: `${type} (test)` }]),
		),
	};
	const staticData = setup.staticData ?? {};
	const workflow = new Workflow({
		id: WORKFLOW_ID,
		name: 'Trigger workflow',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData,
		settings: { executionOrder: 'v1' },
	});
	const additionalData = createAdditionalData(undefined, credentialsHelper, undefined);
	additionalData.webhookBaseUrl = setup.productionBase ?? PRODUCTION_BASE;
	additionalData.webhookTestBaseUrl = setup.testBase ?? TEST_BASE;
	const mode = setup.mode ?? 'webhook';
	const webhookDataFor = (name: 'setup' | 'default'): IWebhookData => {
		const description = nodeType.description.webhooks!.find((webhook) => webhook.name === name)!;
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: node.name,
			path: `${WEBHOOK_ID}/webhook`,
			webhookDescription: description,
			workflowId: WORKFLOW_ID,
			workflowExecuteAdditionalData: additionalData,
			isTest: mode === 'manual',
		};
	};
	return { nodeType, node, workflow, additionalData, mode, webhookDataFor, staticData };
}

export interface FakeResponse {
	status?: number;
	contentType?: string;
	body?: string;
}

export interface WebhookCall {
	response: FakeResponse;
	result: IWebhookResponseData;
	/** The items the run would start with (empty when no run starts). */
	items: INodeExecutionData[];
	/** The node's static data after the call (`node:<name>` of the workflow's). */
	staticData: IDataObject;
}

export interface WebhookRequest {
	method?: 'GET' | 'POST';
	/** A JSON body (serialised here, so rawBody holds exactly these bytes) or the raw text. */
	body?: unknown;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	/** Sign the raw body with this secret (X-Hub-Signature-256), as Meta does. */
	signWith?: string;
}

/** One request to the trigger's URL, through n8n-core's WebhookContext. */
export async function callWebhook(setup: TriggerSetup, request: WebhookRequest): Promise<WebhookCall> {
	const { nodeType, node, workflow, additionalData, mode, webhookDataFor } = build(setup);
	const method = request.method ?? 'POST';
	const raw = Buffer.from(
		request.body === undefined ? '' : typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
		'utf8',
	);
	const headers: Record<string, string> = { 'content-type': 'application/json', ...request.headers };
	if (request.signWith !== undefined) {
		const { createHmac } = await import('node:crypto');
		headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', request.signWith).update(raw).digest('hex')}`;
	}
	let parsed: unknown = {};
	try {
		parsed = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {};
	} catch {
		parsed = {};
	}
	const response: FakeResponse = {};
	const res = {
		status(code: number) {
			response.status = code;
			return res;
		},
		type(type: string) {
			response.contentType = type;
			return res;
		},
		send(body: unknown) {
			response.body = String(body);
			return res;
		},
		end() {
			return res;
		},
	};
	additionalData.httpRequest = {
		method,
		headers,
		query: request.query ?? {},
		params: {},
		body: parsed,
		rawBody: raw,
	} as unknown as typeof additionalData.httpRequest;
	additionalData.httpResponse = res as unknown as typeof additionalData.httpResponse;
	const context = new WebhookContext(
		workflow,
		node,
		additionalData,
		mode,
		webhookDataFor(method === 'GET' ? 'setup' : 'default'),
		[],
		null,
	);
	const result = await nodeType.webhook.call(context);
	return {
		response,
		result,
		items: result.workflowData?.[0] ?? [],
		staticData: workflow.getStaticData('node', node),
	};
}

/** Runs one activation hook (`checkExists`, `create`, `delete`) through n8n-core's HookContext. */
export async function runHook(
	method: 'checkExists' | 'create' | 'delete',
	setup: TriggerSetup,
): Promise<{ result: boolean | undefined; staticData: IDataObject }> {
	const { nodeType, node, workflow, additionalData, mode, webhookDataFor } = build(setup);
	const context = new HookContext(workflow, node, additionalData, mode, 'activate', webhookDataFor('default'));
	const result = await nodeType.webhookMethods.default[method].call(context);
	return { result, staticData: workflow.getStaticData('node', node) };
}
