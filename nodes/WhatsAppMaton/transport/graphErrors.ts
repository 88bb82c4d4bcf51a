import { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { deliveryClock } from './pacing';
import { operationLabel } from './requestSafety';

/** What Graph (or Maton) said, read from any body: Graph's JSON, Maton's JSON, text or HTML. */
export interface ApiFailure {
	status: number;
	message: string;
	code?: number;
	subcode?: number;
	details?: string;
	fbtraceId?: string;
	type?: string;
}

const asNumber = (value: unknown): number | undefined => {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
};

const asText = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The readable part of an HTML error page: its title, else its text, shortened. */
function textOfHtml(html: string): string {
	const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1];
	const text = (title ?? html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

export function readApiFailure(status: number, rawBody: unknown): ApiFailure {
	const body = parseBody(rawBody);
	if (typeof body === 'string') {
		const message = /<[a-z!][\s\S]*>/i.test(body) ? textOfHtml(body) : body.trim().slice(0, 500);
		return { status, message: message || `HTTP ${status} with an empty answer` };
	}
	const object = (body ?? {}) as IDataObject;
	const graph = object.error;
	if (graph && typeof graph === 'object') {
		const error = graph as IDataObject;
		return {
			status,
			message: asText(error.message) ?? asText(error.error_user_msg) ?? `HTTP ${status}`,
			code: asNumber(error.code),
			subcode: asNumber(error.error_subcode),
			details: asText((error.error_data as IDataObject | undefined)?.details) ?? asText(error.error_user_title),
			fbtraceId: asText(error.fbtrace_id),
			type: asText(error.type),
		};
	}
	// Maton's own answers are not documented: take whatever names the problem.
	return {
		status,
		message: asText(graph) ?? asText(object.message) ?? asText(object.detail) ?? `HTTP ${status}`,
		code: asNumber(object.code),
	};
}

/** What to do about the Graph and Maton failures a user can fix, by code or status. */
export function hintFor(failure: ApiFailure): string | undefined {
	switch (failure.code) {
		case 0:
		case 190:
			return "Maton's WhatsApp authorisation has expired or was revoked: re-authorise the connection (Connection › Create, then open the returned URL) and pick it in the node or the credential.";
		case 4:
		case 80007:
		case 80008:
		case 130429:
			return 'WhatsApp is limiting how fast this account sends. The node slowed down and waited (up to Delivery Options › Rate Limit Wait); lower Requests per Second or spread the run over more time.';
		case 100:
			return 'A parameter is invalid: the details above name it.';
		case 131026:
			return 'WhatsApp could not deliver to this number: it may not be on WhatsApp, or may not have accepted the latest terms.';
		case 131030:
			return "The recipient is not on this test number's allowed list: add it in Meta's WhatsApp Manager, or send from a production number.";
		case 131031:
			return "The WhatsApp Business account is locked: see Meta's Business Support Home.";
		case 131047:
			return 'More than 24 hours have passed since the customer last wrote (or the number is not a WhatsApp user): only a template message can reach them now (Message › Send Template, or the option If Outside the 24-Hour Window, Send Template of this send), and they cannot be blocked until they write again (Blocked User › Block).';
		case 131051:
			return 'WhatsApp does not support this message type here.';
		case 131052:
		case 131053:
			return 'WhatsApp could not fetch or process the media: check the link is public https and the file type and size are allowed.';
		case 131056:
			return 'Too many messages to this user in a short time: wait before sending more to them.';
		case 132000:
			return "The number of parameters does not match the template's placeholders: use Specify Parameters › Map Template Variables, which checks them before sending.";
		case 132001:
			return 'The template does not exist in this language: check the template name and Language Code.';
		case 132005:
			return 'A parameter makes the template text too long.';
		case 132007:
			return "The parameters break WhatsApp's template policy.";
		case 132012:
			return "A parameter's format does not match the template (for example media in a text header).";
		case 132015:
			return 'The template is paused for low quality: edit it or use another.';
		case 132016:
			return 'The template is disabled: use another template.';
		case 133010:
			return 'The business phone number is not registered with the WhatsApp Cloud API.';
		case 368:
			return 'The account is temporarily blocked for policy violations.';
		case 131021:
			return "A business cannot block its own phone number.";
		case 139100:
			return 'WhatsApp blocked or unblocked only some of the users: each output item says which (status).';
		case 139101:
			return "The phone number's blocklist is full (64,000 users): unblock some first (Blocked User › Unblock).";
		case 139102:
			return 'The blocklist changed while it was being listed: list it again.';
	}
	if (failure.code === 10 || (failure.code !== undefined && failure.code >= 200 && failure.code <= 299)) {
		return "The Maton connection's WhatsApp authorisation lacks a permission this request needs: messages need whatsapp_business_messaging; templates, phone numbers, the business profile, analytics, blocked users, QR codes and flows need whatsapp_business_management. Ask Maton for a WhatsApp Business connection granted both, or re-authorise it (Connection › Create, open the URL and allow every permission asked).";
	}
	if (failure.status === 401) {
		return "Maton rejected the API key: copy it again from maton.ai/settings into the Maton API credential.";
	}
	if (failure.status === 400 && /connection/i.test(failure.message)) {
		return 'Maton has no usable WhatsApp Business connection: create one (Connection › Create and open its URL), or pick an ACTIVE one in Maton Connection.';
	}
	if (failure.status === 500) {
		return 'A 500 from Maton often means its OAuth grant expired: re-authorise the connection (Connection › Create, then open the returned URL).';
	}
	if (failure.status === 429) {
		return "Over Maton's 10 requests per second for this key (other workflows or workers may share it): the node slowed down and waited (up to Delivery Options › Rate Limit Wait); lower Requests per Second.";
	}
	return undefined;
}

/**
 * A hint only some operations can give (what a failure means for them), beside hintFor's. An
 * operation's own module registers it by `resource.operation` (or `resource.*` for all of a
 * resource), so that what it knows stays with it; explainApiFailures adds it to the error.
 */
export type OperationFailureHint = (failure: ApiFailure) => string | undefined;

const operationFailureHints = new Map<string, OperationFailureHint>();

export function registerFailureHint(key: string, hint: OperationFailureHint): void {
	operationFailureHints.set(key, hint);
}

function operationHintFor(resource: string, operation: string, failure: ApiFailure): string | undefined {
	const hint = operationFailureHints.get(`${resource}.${operation}`) ?? operationFailureHints.get(`${resource}.*`);
	return hint?.(failure);
}

/**
 * What a failure says about a retry:
 * - `rateLimited`: "too fast", the gateway did not act (429; Graph's rate and throughput codes,
 *   131056 the per-recipient pair rate): safe to resend after a wait, whatever the request;
 * - `uncertain`: the gateway may have acted (5xx; Graph's transient codes): resent only when the
 *   request is safe to repeat, or the user opted in;
 * - `permanent`: this request is wrong or not allowed: never resent.
 */
export type FailureCategory = 'rateLimited' | 'uncertain' | 'permanent';

export const RATE_LIMIT_CODES = new Set([4, 80007, 80008, 130429, 131056]);
const TRANSIENT_CODES = new Set([1, 2, 131000, 131016]);

export function failureCategory(failure: ApiFailure): FailureCategory {
	if (failure.status === 429 || (failure.code !== undefined && RATE_LIMIT_CODES.has(failure.code))) {
		return 'rateLimited';
	}
	if (failure.status >= 500 || (failure.code !== undefined && TRANSIENT_CODES.has(failure.code))) {
		return 'uncertain';
	}
	return 'permanent';
}

/** Seconds or an HTTP date in `Retry-After`, as milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(headers: IDataObject | undefined): number | undefined {
	const raw = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (raw === undefined || raw === null) return undefined;
	const text = String(Array.isArray(raw) ? raw[0] : raw).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - deliveryClock.now());
}

/** An API key, or any bearer token, that an error body echoes back must not reach items or logs. */
export function redactSecrets<T>(value: T, secrets: string[]): T {
	const scrub = (text: string) => {
		let clean = text.replace(/(Bearer\s+)[^\s"',;]+/gi, '$1[redacted]');
		for (const secret of secrets) if (secret.length >= 4) clean = clean.split(secret).join('[redacted]');
		return clean;
	};
	if (typeof value === 'string') return scrub(value) as T;
	if (value && typeof value === 'object') return JSON.parse(scrub(JSON.stringify(value))) as T;
	return value;
}

/**
 * An error about to leave the node, with every trace of the key removed: texts scrubbed, and a
 * raw HTTP client error behind it (whose config holds the Authorization header) replaced by a
 * plain one carrying only its message and code.
 */
export function scrubSecretsFromError<T extends Error>(error: T, secrets: string[]): T {
	const fields = error as unknown as Record<string, unknown>;
	for (const key of Object.keys(fields)) {
		if (key === 'cause') continue;
		const value = fields[key];
		if (typeof value === 'string') fields[key] = redactSecrets(value, secrets);
		else if (value && typeof value === 'object' && !(value instanceof Error)) {
			try {
				fields[key] = redactSecrets(value, secrets);
			} catch {
				delete fields[key];
			}
		}
	}
	error.message = redactSecrets(error.message, secrets);
	const cause = fields.cause;
	if (cause && typeof cause === 'object') {
		const original = cause as { message?: unknown; code?: unknown };
		const plain = new Error(redactSecrets(String(original.message ?? ''), secrets));
		if (typeof original.code === 'string') Object.assign(plain, { code: original.code });
		fields.cause = plain;
	}
	return error;
}

/** The failure as n8n shows it: Graph's message with its code, the details and trace id, a hint. */
export function failureError(
	context: IExecuteSingleFunctions,
	failure: ApiFailure,
	body: unknown,
	operationHint?: string,
): NodeApiError {
	const codeLabel =
		failure.code !== undefined
			? ` (code ${failure.code}${failure.subcode !== undefined ? `, subcode ${failure.subcode}` : ''})`
			: '';
	const message = `${failure.message}${failure.code !== undefined && !failure.message.includes(String(failure.code)) ? codeLabel : ''}`;
	const description = [
		failure.details,
		failure.code !== undefined ? `Code ${failure.code}${failure.subcode !== undefined ? `, subcode ${failure.subcode}` : ''}.` : undefined,
		failure.fbtraceId ? `Trace ID ${failure.fbtraceId}.` : undefined,
		// The operation's own hint, where it has one, is the more precise.
		operationHint ?? hintFor(failure),
	]
		.filter(Boolean)
		.join(' ');
	const parsed = parseBody(body);
	const errorResponse: JsonObject =
		parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as JsonObject)
			: { message: failure.message };
	return new NodeApiError(context.getNode(), errorResponse, {
		message,
		description: description || undefined,
		httpCode: String(failure.status),
		itemIndex: context.getItemIndex(),
	});
}

/** Per item: the failure behind an error, so the delivery loop can tell retryable ones apart. */
export const failureOfError = new WeakMap<Error, { failure: ApiFailure; retryAfterMs?: number }>();

/**
 * Per item of a node run: the `paging` of the last page received, for Return All through the
 * gateway. The answer hook writes it with the item's context and the delivery loop reads it with
 * the pagination context n8n derives from it: both give the run's executeData (one object for
 * every item of a run) and the item's index.
 */
const pagingOfRuns = new WeakMap<object, Map<number, IDataObject | undefined>>();
const WITHOUT_EXECUTE_DATA = {};

function pagingOfRun(context: IExecuteSingleFunctions): Map<number, IDataObject | undefined> {
	const run = (context.getExecuteData() as object | undefined) ?? WITHOUT_EXECUTE_DATA;
	let paging = pagingOfRuns.get(run);
	if (!paging) pagingOfRuns.set(run, (paging = new Map()));
	return paging;
}

function rememberPaging(context: IExecuteSingleFunctions, paging: IDataObject | undefined): void {
	pagingOfRun(context).set(context.getItemIndex(), paging);
}

export function lastPagingOf(context: IExecuteSingleFunctions): IDataObject | undefined {
	return pagingOfRun(context).get(context.getItemIndex());
}

/** Operations whose 2xx answer may have no body at all (the control API's delete). */
const EMPTY_ANSWER_ALLOWED = new Set(['connection.delete']);

/**
 * Operations whose failure with one Graph code still carries each part's result, in a property
 * of the answer: Block Users answers 139100 when some (or all) users could not be blocked or
 * unblocked, listing which were and which were not in `block_users` (docs/whatsapp-rules.md,
 * Blocked users). Such an answer goes on to the operation's own output hook, which reports them.
 */
const PARTIAL_RESULTS: Record<string, { code: number; property: string }> = {
	'blockedUser.block': { code: 139100, property: 'block_users' },
	'blockedUser.unblock': { code: 139100, property: 'block_users' },
};

/** The first ~200 characters of a body, as text, for an error that shows what came back. */
function startOfBody(body: unknown): string {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : JSON.stringify(body) ?? String(body);
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

/** Where a 3xx pointed, as an origin only (never the full URL, which may carry a token). */
function redirectTarget(headers: IDataObject | undefined): string {
	const location = headers?.location ?? headers?.Location;
	if (typeof location !== 'string' || location === '') return 'an unnamed location';
	try {
		return new URL(location).origin;
	} catch {
		return 'another path on the same host';
	}
}

/** The error for a 3xx: redirects are never followed, so neither the request nor the key went on. */
export function redirectError(context: IExecuteSingleFunctions, status: number, headers: IDataObject | undefined): NodeApiError {
	return new NodeApiError(context.getNode(), { message: `HTTP ${status}` }, {
		message: `The gateway redirected to ${redirectTarget(headers)} (HTTP ${status}); the redirect was not followed`,
		description:
			'The node never follows redirects, so neither the request nor the API key was sent there. Check the Gateway Base URL and Control Base URL of the Maton API credential.',
		httpCode: String(status),
		itemIndex: context.getItemIndex(),
	});
}

function resourceAndOperation(context: IExecuteSingleFunctions): [string, string] {
	return [String(context.getNodeParameter('resource', '')), String(context.getNodeParameter('operation', ''))];
}

/**
 * postReceive, first for every operation: requests are sent with `ignoreHttpStatusErrors`, so a
 * failure arrives here as a response and becomes an error that says what Graph or Maton said.
 * A redirect is refused, a success must be the JSON object the operation expects (its `paging`
 * is kept for the delivery loop).
 */
export async function explainApiFailures(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode >= 300 && response.statusCode < 400) {
		throw redirectError(this, response.statusCode, response.headers);
	}
	const body = response.body;
	if (response.statusCode < 300 && body && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) {
		rememberPaging(this, (body as IDataObject).paging as IDataObject | undefined);
		return items;
	}
	// Only a failure needs the key: to scrub it from what is shown.
	const credentials = await this.getCredentials('matonApi');
	const secrets = [String(credentials.apiKey ?? '')];
	if (response.statusCode < 300) {
		const [resource, operation] = resourceAndOperation(this);
		const empty = body === undefined || body === null || (typeof body === 'string' && body.trim() === '');
		if (empty && EMPTY_ANSWER_ALLOWED.has(`${resource}.${operation}`)) {
			rememberPaging(this, undefined);
			return items;
		}
		const shown = redactSecrets(startOfBody(body), secrets);
		throw new NodeApiError(this.getNode(), { message: shown }, {
			message: `${operationLabel(resource, operation)} got an answer that is not the JSON object it expects (HTTP ${response.statusCode}): ${empty ? 'an empty body' : `"${shown}"`}`,
			description:
				'The gateway answered with success but the body is not JSON (malformed JSON, HTML or plain text). It is not treated as a success; a message or a change it asked for may still have gone through.',
			httpCode: String(response.statusCode),
			itemIndex: this.getItemIndex(),
		});
	}
	const shownBody = redactSecrets(parseBody(body), secrets);
	const failure = readApiFailure(response.statusCode, shownBody);
	const partial = PARTIAL_RESULTS[resourceAndOperation(this).join('.')];
	const results = (shownBody as IDataObject | null | undefined)?.[partial?.property ?? ''];
	if (partial && failure.code === partial.code && results && typeof results === 'object') {
		rememberPaging(this, undefined);
		return [{ json: shownBody as IDataObject }];
	}
	const error = failureError(this, failure, shownBody, operationHintFor(...resourceAndOperation(this), failure));
	failureOfError.set(error, { failure, retryAfterMs: retryAfterMs(response.headers) });
	throw error;
}
