/**
 * What every WhatsApp (Maton) test shares: the node and credential, test credentials, and a fake
 * gateway and control API that record each request exactly as it reached the network (method,
 * full URL, headers, body) and answer from a queue.
 */
import nock from 'nock';
import type {
	ICredentialDataDecryptedObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { MatonApi } from '../credentials/MatonApi.credentials';
import { WhatsAppMaton } from '../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { runNode, type RunNodeResult } from './harness';

export const API_KEY = 'maton-test-key-3f9c1b7e';
export const GATEWAY_ORIGIN = 'https://gateway.maton.ai';
export const CONTROL_ORIGIN = 'https://ctrl.maton.ai';
export const GRAPH_VERSION = 'v25.0';
/** The gateway root every Graph path hangs off. */
export const GRAPH = `${GATEWAY_ORIGIN}/whatsapp-business/${GRAPH_VERSION}`;
export const PHONE_NUMBER_ID = '106540352242922';
export const BUSINESS_ACCOUNT_ID = '102290129340398';
export const CONNECTION_ID = '21fd90f9-5935-43cd-b6c8-bde9d915ca80';

export function matonCredentials(
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		apiKey: API_KEY,
		connectionId: '',
		businessAccountId: BUSINESS_ACCOUNT_ID,
		graphApiVersion: GRAPH_VERSION,
		gatewayBaseUrl: GATEWAY_ORIGIN,
		controlBaseUrl: CONTROL_ORIGIN,
		...overrides,
	};
}

/** A phone-number resource locator as the editor saves it after "By ID". */
export const phoneNumberById = (id = PHONE_NUMBER_ID) => ({ __rl: true, mode: 'id', value: id });

export interface RecordedRequest {
	method: string;
	url: string;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON when the request sent JSON, else the raw text (multipart, empty). */
	body: unknown;
	/** When it arrived (ms since the epoch), to check pacing. */
	at: number;
}

export interface FakeApi {
	/** Every request that reached this origin, in order. */
	requests: RecordedRequest[];
	/** Queue the answer to the next request. */
	reply(status: number, body?: unknown, headers?: Record<string, string>): FakeApi;
	/** Queue a network failure (e.g. `ECONNRESET`) for the next request. */
	failWith(code: string): FakeApi;
	/** Queue an answer that comes only after `ms` milliseconds, to run into a timeout. */
	replyAfter(ms: number, status: number, body?: unknown): FakeApi;
}

type QueuedAnswer =
	| { kind: 'reply'; status: number; body: unknown; headers: Record<string, string> }
	| { kind: 'error'; code: string }
	| { kind: 'late'; ms: number; status: number; body: unknown };

/**
 * A stand-in for one origin that accepts any path and method. A request with nothing queued is
 * answered 599 so that a test which sends more than it expected fails loudly.
 */
export function fakeApi(origin: string): FakeApi {
	const requests: RecordedRequest[] = [];
	const queue: QueuedAnswer[] = [];
	const record = (method: string, path: string, headers: RecordedRequest['headers'], body: unknown) => {
		let parsed: unknown = body;
		if (typeof body === 'string' && body !== '') {
			try {
				parsed = JSON.parse(body);
			} catch {
				parsed = body;
			}
		}
		requests.push({ method, url: `${origin}${path}`, headers, body: parsed === '' ? undefined : parsed, at: Date.now() });
	};
	for (const method of ['GET', 'POST', 'DELETE', 'PUT', 'PATCH']) {
		nock(origin)
			.persist()
			.intercept(() => true, method)
			.reply(function (path, body, callback) {
				record(method, path, this.req.headers, body);
				const answer = queue.shift();
				if (!answer) {
					callback(null, [599, { error: { message: `no answer queued for ${method} ${path}` } }]);
				} else if (answer.kind === 'error') {
					// Handed to nock's callback, the error reaches the client as a failed request.
					callback(Object.assign(new Error(`fake network failure ${answer.code}`), { code: answer.code }), [0, '']);
				} else if (answer.kind === 'late') {
					setTimeout(() => callback(null, [answer.status, answer.body as nock.Body]), answer.ms);
				} else {
					callback(null, [answer.status, answer.body as nock.Body, answer.headers]);
				}
			});
	}
	const api: FakeApi = {
		requests,
		reply(status, body = {}, headers = {}) {
			queue.push({ kind: 'reply', status, body, headers: { 'content-type': 'application/json', ...headers } });
			return api;
		},
		failWith(code) {
			queue.push({ kind: 'error', code });
			return api;
		},
		replyAfter(ms, status, body = {}) {
			queue.push({ kind: 'late', ms, status, body });
			return api;
		},
	};
	return api;
}

afterEach(() => nock.cleanAll());

export interface RunOptions {
	input?: INodeExecutionData[];
	credentials?: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
}

/** Runs the WhatsApp (Maton) node through n8n's engine with the given parameters. */
export async function runWhatsApp(
	parameters: INodeParameters,
	options: RunOptions = {},
): Promise<RunNodeResult> {
	return await runNode({
		nodeType: new WhatsAppMaton(),
		credentialTypes: new MatonApi(),
		parameters,
		credentials: { matonApi: options.credentials ?? matonCredentials() },
		input: options.input,
		continueOnFail: options.continueOnFail,
	});
}

/** The headers every gateway request must carry: the key, and JSON in and out. */
export function expectAuthorised(request: RecordedRequest | undefined): void {
	expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
}
