/**
 * Calls the WhatsApp (Maton) node's waiting webhook the way n8n's WaitingWebhooks does once it
 * has checked the URL's signature: n8n-core's WebhookContext on the waiting node, with a small
 * stand-in for Express's request (query, headers, parsed body, rawBody) and response.
 */
import '../harness';

import { WebhookContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { IDataObject, INode, INodeExecutionData, INodeParameters, IWebhookData, IWebhookResponseData } from 'n8n-workflow';

import { MatonApi } from '../../credentials/MatonApi.credentials';
import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { matonCredentials } from '../fixture';
import { createAdditionalData, HarnessCredentialsHelper, HarnessNodeTypes } from '../harness';

export const WAITING_NODE_ID = '7e57a1b2-0000-4000-8000-00000000abcd';

export interface WaitingRequest {
	method: 'GET' | 'POST';
	query?: Record<string, string>;
	headers?: Record<string, string>;
	/** JSON (serialised here, so rawBody holds exactly these bytes), or an already parsed form. */
	json?: unknown;
	form?: IDataObject;
}

export interface WaitingCall {
	status?: number;
	contentType?: string;
	body?: string;
	result: IWebhookResponseData;
	/** The items the execution resumes with (none: it keeps waiting). */
	items: INodeExecutionData[];
}

export async function callWaitingWebhook(parameters: INodeParameters, request: WaitingRequest): Promise<WaitingCall> {
	const nodeType = new WhatsAppMaton();
	const typeName = 'n8n-nodes-whatsapp-maton.whatsAppMaton';
	const nodeTypes = new HarnessNodeTypes();
	nodeTypes.register(typeName, nodeType);
	const credentialsHelper = new HarnessCredentialsHelper([new MatonApi()], { matonApi: matonCredentials() });
	const node: INode = {
		id: WAITING_NODE_ID,
		name: 'Ask',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: structuredClone({ resource: 'message', operation: 'sendAndWait', ...parameters }),
		credentials: { matonApi: { id: 'test-matonApi', name: 'matonApi (test)' } },
	};
	const workflow = new Workflow({ id: 'wf-wait', name: 'Wait', nodes: [node], connections: {}, active: true, nodeTypes, settings: { executionOrder: 'v1' } });
	const additionalData = createAdditionalData(undefined, credentialsHelper, '4711');
	const raw = Buffer.from(request.json === undefined ? '' : JSON.stringify(request.json), 'utf8');
	const out: Omit<WaitingCall, 'result' | 'items'> = {};
	const res = {
		status(code: number) {
			out.status = code;
			return res;
		},
		type(type: string) {
			out.contentType = type;
			return res;
		},
		send(body: unknown) {
			out.body = String(body);
			return res;
		},
		end() {
			return res;
		},
	};
	additionalData.httpRequest = {
		method: request.method,
		headers: { 'content-type': request.form ? 'application/x-www-form-urlencoded' : 'application/json', ...request.headers },
		query: request.query ?? {},
		params: {},
		body: request.form ?? (request.json ?? {}),
		rawBody: raw,
	} as unknown as typeof additionalData.httpRequest;
	additionalData.httpResponse = res as unknown as typeof additionalData.httpResponse;
	const description = nodeType.description.webhooks!.find((webhook) => webhook.httpMethod === request.method)!;
	const webhookData: IWebhookData = {
		httpMethod: request.method,
		node: node.name,
		path: WAITING_NODE_ID,
		webhookDescription: description,
		workflowId: 'wf-wait',
		workflowExecuteAdditionalData: additionalData,
	};
	const context = new WebhookContext(workflow, workflow.getNode('Ask')!, additionalData, 'webhook', webhookData, [], null);
	const result = await nodeType.webhook.call(context);
	return { ...out, result, items: result.workflowData?.[0] ?? [] };
}
