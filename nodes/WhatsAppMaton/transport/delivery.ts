import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { readDeliveryOptions, type DeliveryOptions } from './deliveryOptions';
import { CREDENTIAL_TYPE, matonBaseUrls } from './gateway';
import { failureCategory, failureOfError, lastPagingOf, scrubSecretsFromError } from './graphErrors';
import { accountHash, deliveryClock, pacerOfAccount, Semaphore, type AccountPacer, type Departure } from './pacing';
import { requestSafetyOf, type RequestSafety } from './requestSafety';

export { DEFAULT_DELIVERY, readDeliveryOptions } from './deliveryOptions';
export { deliveryClock } from './pacing';

const BASE_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;

/** Exponential backoff with full jitter in the upper half, capped at 30 s. */
export function backoffMs(attempt: number, random = Math.random): number {
	const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt);
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

// ----- what a failure means ------------------------------------------------------------------

/** The connection never opened: nothing was written, so the gateway cannot have acted. */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/** The request may have been read before the answer was lost: the gateway may have acted. */
const UNCERTAIN_NETWORK_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

function networkCodeOf(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && (NOT_CONNECTED_CODES.has(code) || UNCERTAIN_NETWORK_CODES.has(code))) return code;
		current = (current as { cause?: unknown }).cause;
	}
	const message = error instanceof Error ? error.message : '';
	const named = [...NOT_CONNECTED_CODES, ...UNCERTAIN_NETWORK_CODES].find((code) => message.includes(code));
	if (named) return named;
	if (/socket hang up/i.test(message)) return 'ECONNRESET';
	return /timeout|timed out/i.test(message) ? 'ETIMEDOUT' : undefined;
}

export type Outcome =
	| { category: 'rateLimited'; retryAfterMs?: number; label: string }
	| { category: 'notConnected' | 'uncertain' | 'permanent'; label: string };

/** What a failed request says about sending it again, with a short label of what happened. */
export function outcomeOf(error: unknown): Outcome {
	if (error instanceof Error) {
		const known = failureOfError.get(error);
		if (known) {
			const { failure } = known;
			const label = `HTTP ${failure.status}${failure.code !== undefined ? `, code ${failure.code}` : ''}`;
			const category = failureCategory(failure);
			return category === 'rateLimited' ? { category, retryAfterMs: known.retryAfterMs, label } : { category, label };
		}
		// A request made by a hook (the upload before a media message) fails as n8n's own error.
		const status = Number((error as { httpCode?: unknown }).httpCode);
		if (Number.isInteger(status) && status >= 100) {
			if (status === 429) return { category: 'rateLimited', label: 'HTTP 429' };
			if (status >= 500) return { category: 'uncertain', label: `HTTP ${status}` };
			if (status >= 300 || (status >= 200 && status < 300)) return { category: 'permanent', label: `HTTP ${status}` };
		}
	}
	const code = networkCodeOf(error);
	if (code === undefined) return { category: 'permanent', label: 'no answer' };
	if (NOT_CONNECTED_CODES.has(code)) return { category: 'notConnected', label: code };
	return { category: 'uncertain', label: code };
}

/** Whether the gateway answered at all (any HTTP status), as opposed to a timeout or reset. */
function gatewayAnswered(outcome: Outcome): boolean {
	return /^HTTP \d/.test(outcome.label);
}

// ----- one execution of the node ---------------------------------------------------------------

interface RunState {
	continueOnFail: boolean;
	itemCount: number;
	/** Requests of this execution in flight. */
	semaphore: Semaphore;
	/** Without Continue On Fail: the lowest item that failed for good; later items are not sent. */
	stopAt: number;
	/** Items of which at least one request left. */
	departed: Set<number>;
	/** Per item: resolved once the item has its result (success or final error). */
	settled: Map<number, { promise: Promise<void>; resolve: () => void }>;
	/** The node's credential, read once for the run. */
	credentials?: Promise<ICredentialDataDecryptedObject>;
}

/**
 * The routing engine gives every item of one node run the same `executeData` object, so it keys
 * the run's state (weakly: nothing outlives the run). Without one, the execution, node and run.
 */
const runStates = new WeakMap<object, RunState>();
const runStatesByName = new Map<string, RunState>();

/** `options` is read only when the run's state is made (its first request or settled item). */
function runStateOf(
	context: IExecuteSingleFunctions,
	options: () => Pick<DeliveryOptions, 'maxConcurrentRequests'>,
): RunState {
	const executeData = context.getExecuteData() as object | undefined;
	// Only without executeData: getNode() copies the whole node.
	const nameKey = executeData ? '' : `${context.getExecutionId() ?? 'manual'}|${context.getNode().name}`;
	let state = executeData ? runStates.get(executeData) : runStatesByName.get(nameKey);
	if (!state) {
		const input = (executeData as { data?: { main?: unknown[][] } } | undefined)?.data?.main?.[0];
		state = {
			continueOnFail: context.continueOnFail(),
			itemCount: Array.isArray(input) ? input.length : context.getItemIndex() + 1,
			semaphore: new Semaphore(options().maxConcurrentRequests),
			stopAt: Number.POSITIVE_INFINITY,
			departed: new Set(),
			settled: new Map(),
		};
		if (executeData) runStates.set(executeData, state);
		else {
			runStatesByName.set(nameKey, state);
			// A few recent runs at most: the oldest is dropped first.
			if (runStatesByName.size > 20) runStatesByName.delete(runStatesByName.keys().next().value ?? nameKey);
		}
	}
	return state;
}

function settlementOf(state: RunState, index: number) {
	let entry = state.settled.get(index);
	if (!entry) {
		let resolve = () => {};
		const promise = new Promise<void>((done) => (resolve = done));
		entry = { promise, resolve };
		state.settled.set(index, entry);
	}
	return entry;
}

/** Errors of items that were not sent because the run had stopped: passed on as they are. */
const notSentErrors = new WeakSet<Error>();
/** Errors already counted as an item's final failure (a hook's error seen again by deliver). */
const finalErrors = new WeakSet<Error>();

const stoppedBefore = (state: RunState, index: number) => index > state.stopAt;

/** Without Continue On Fail, an item's final failure stops the items after it that have not left. */
function stopLaterItems(state: RunState, index: number): void {
	if (!state.continueOnFail) state.stopAt = Math.min(state.stopAt, index);
}

function notSentError(context: IExecuteSingleFunctions, state: RunState): NodeOperationError {
	const error = new NodeOperationError(
		context.getNode(),
		`Not sent: item ${state.stopAt} failed, so the run stopped before this item`,
		{
			itemIndex: context.getItemIndex(),
			description: 'Without Continue On Fail, items after a failed one are not sent. Fix that item and rerun.',
		},
	);
	notSentErrors.add(error);
	return error;
}

/** "3–7, 9" for a sorted list of item indexes. */
function ranges(indexes: number[]): string {
	const parts: string[] = [];
	for (let at = 0; at < indexes.length; ) {
		let end = at;
		while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
		parts.push(end === at ? String(indexes[at]) : `${indexes[at]}–${indexes[end]}`);
		at = end + 1;
	}
	return parts.join(', ');
}

/**
 * An item failed for good. Without Continue On Fail the run is lost, so later items that have
 * not left yet are not sent; once the earlier items (which still go, as in a loop that stops at
 * the failing item) have their results, the error says how many were sent and which were not.
 */
export async function failedForGood(
	context: IExecuteSingleFunctions,
	thrown: unknown,
): Promise<NodeApiError | NodeOperationError> {
	const error =
		thrown instanceof NodeApiError || thrown instanceof NodeOperationError
			? thrown
			: new NodeOperationError(context.getNode(), thrown instanceof Error ? thrown : String(thrown), {
					itemIndex: context.getItemIndex(),
				});
	if (notSentErrors.has(error) || finalErrors.has(error)) return error;
	finalErrors.add(error);
	const state = runStateOf(context, () => readDeliveryOptionsOrDefault(context));
	if (state.continueOnFail) return error;
	const index = context.getItemIndex();
	stopLaterItems(state, index);
	await Promise.all(Array.from({ length: index }, async (_, lower) => await settlementOf(state, lower).promise));
	const sent = [...state.departed].filter((item) => item !== index).length;
	const notSent: number[] = [];
	for (let item = index + 1; item < state.itemCount; item++) if (!state.departed.has(item)) notSent.push(item);
	if (state.itemCount > 1) {
		const stop = `The run stopped at this item (${index}): ${sent} other item${sent === 1 ? ' was' : 's were'} sent before the stop, ${notSent.length} ${notSent.length === 1 ? 'was' : 'were'} not sent${notSent.length ? ` (items ${ranges(notSent)})` : ''}.`;
		error.description = [error.description, stop].filter(Boolean).join(' ');
	}
	return error;
}

/** Marks the item as having its result, so a later item's stop count can go on. */
export function itemSettled(context: IExecuteSingleFunctions): void {
	const state = runStateOf(context, () => readDeliveryOptionsOrDefault(context));
	settlementOf(state, context.getItemIndex()).resolve();
}

/** For bookkeeping only: a bad option is reported by the request itself, not here. */
function readDeliveryOptionsOrDefault(context: IExecuteSingleFunctions): Pick<DeliveryOptions, 'maxConcurrentRequests'> {
	try {
		return readDeliveryOptions(context);
	} catch {
		return { maxConcurrentRequests: 1 };
	}
}

// ----- one request -----------------------------------------------------------------------------

/** The node's credential, decrypted once per run: every item of a node run has the same one. */
export function credentialsOfRun(context: IExecuteSingleFunctions): Promise<ICredentialDataDecryptedObject> {
	const state = runStateOf(context, () => readDeliveryOptionsOrDefault(context));
	return (state.credentials ??= context.getCredentials(CREDENTIAL_TYPE));
}

/**
 * The account's pace is shared by everything that uses the same gateway, key and connection.
 * The credential is read once per run (every item of a node run has the same one); the
 * connection may differ per item.
 */
async function pacerOf(context: IExecuteSingleFunctions): Promise<AccountPacer> {
	const credentials = await credentialsOfRun(context);
	let connection = '';
	try {
		connection = String(context.getNodeParameter('matonConnection', '', { extractValue: true }) ?? '').trim();
	} catch {
		// Not shown for this resource (the control API): no connection header.
	}
	connection ||= String(credentials.connectionId ?? '').trim();
	const account = [matonBaseUrls(credentials).gateway, String(credentials.apiKey ?? ''), connection];
	return pacerOfAccount(accountHash(JSON.stringify(account)));
}

interface Attempts {
	count: number;
	rateLimitedMs: number;
	rateLimited: number;
	/** What the last uncertain failure was (e.g. "HTTP 502", "ECONNRESET"). */
	uncertain?: string;
	/** The wait before the next try. */
	lastWaitMs: number;
}

/**
 * The error the item ends with: n8n's own error classes as they are, anything else wrapped, and
 * in every case without the API key (an HTTP client error keeps the request's headers). What was
 * tried is added to the description; a request that is not safe to repeat and may have gone
 * through says so, and how to check.
 */
async function finalError(
	context: IExecuteSingleFunctions,
	error: unknown,
	safety: RequestSafety,
	attempts: Attempts,
	note?: string,
): Promise<NodeApiError | NodeOperationError> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const secrets = [String(credentials.apiKey ?? '')];
	if (error instanceof NodeOperationError) return scrubSecretsFromError(error, secrets);
	const apiError =
		error instanceof NodeApiError
			? error
			: new NodeApiError(context.getNode(), { message: error instanceof Error ? error.message : String(error) }, {
					message: error instanceof Error ? error.message : String(error),
					itemIndex: context.getItemIndex(),
				});
	const status = Number(apiError.httpCode);
	if (status >= 300 && status < 400 && !/redirect/i.test(apiError.message)) {
		apiError.message = `The gateway answered ${status} (a redirect); the redirect was not followed`;
		note = 'The node never follows redirects, so neither the request nor the API key went on. Check the base URLs of the Maton API credential.';
	}
	let maybe: string | undefined;
	if (attempts.uncertain && safety.uncertain) {
		maybe = `${safety.uncertain.maybe} (${attempts.uncertain}). ${safety.uncertain.check}`;
		// Without an answer there is no message of the gateway's to show: the headline says it.
		if (!apiError.httpCode || !Number.isFinite(status)) {
			apiError.message = `${safety.uncertain.maybe}: ${NETWORK_FAILURES[attempts.uncertain] ?? apiError.message} (${attempts.uncertain})`;
		}
	}
	const tried =
		attempts.count > 1
			? `Gave up after ${attempts.count} attempts${attempts.rateLimited ? `, ${attempts.rateLimited} of them rate limited` : ''}.`
			: undefined;
	apiError.description = [maybe, apiError.description, note, tried].filter(Boolean).join(' ');
	return scrubSecretsFromError(apiError, secrets);
}

/** What a network failure means, for a headline without the gateway's own message. */
const NETWORK_FAILURES: Record<string, string> = {
	ECONNRESET: 'the connection was reset after the request was sent',
	EPIPE: 'the connection closed while the request was being sent',
	ETIMEDOUT: 'no answer came within the timeout',
	ECONNABORTED: 'no answer came within the timeout',
	ESOCKETTIMEDOUT: 'no answer came within the timeout',
	ERR_SOCKET_CONNECTION_TIMEOUT: 'no answer came within the timeout',
};

/** What `withDelivery` does when it gives up on a request. */
interface WhenGivingUp {
	/** Whether the caller handles this final failure itself (by sending something else). */
	passOn?: (failure: unknown) => boolean;
	/** Added to the final error's description: what this request was sent for. */
	note?: string;
}

/** Final failures thrown as they are because the caller said it sends something else instead. */
const passedOnErrors = new WeakSet<Error>();

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * One request, paced and tried again as its safety allows; the last failure if it does not go
 * through. Used for every request of the node, and by hooks that make a request of their own.
 *
 * - rate limited: wait (Retry-After, else backoff) and resend, within Rate Limit Wait, without
 *   using up Max Retries; the account's pace slows down;
 * - the connection never opened: resend, up to Max Retries;
 * - uncertain (timeout, reset, 5xx, transient Graph code): resend only a request that is safe to
 *   repeat, or with Retry When Delivery Is Uncertain; else fail saying it may have gone through;
 * - anything else: fail, unless `passOn` takes the failure: then it is thrown as it is, for the
 *   caller to send something else instead (a fallback), and the item has not failed yet.
 */
export async function withDelivery<T>(
	context: IExecuteSingleFunctions,
	safety: RequestSafety,
	send: () => Promise<T>,
	{ passOn, note }: WhenGivingUp = {},
): Promise<T> {
	const options = readDeliveryOptions(context);
	const state = runStateOf(context, () => options);
	const index = context.getItemIndex();
	const pacer = await pacerOf(context);
	const attempts: Attempts = { count: 0, rateLimitedMs: 0, rateLimited: 0, lastWaitMs: 0 };
	let retries = 0;
	for (;;) {
		if (stoppedBefore(state, index)) throw notSentError(context, state);
		const release = await state.semaphore.acquire();
		let outcome: Outcome;
		let failure: unknown;
		let departure: Departure | false = false;
		try {
			try {
				departure = await pacer.take(options.requestsPerSecond, () => stoppedBefore(state, index));
				if (!departure) throw notSentError(context, state);
				attempts.count++;
				state.departed.add(index);
				const result = await send();
				pacer.answered(departure, deliveryClock.now());
				pacer.speedUp();
				return result;
			} catch (error) {
				failure = error;
				outcome = outcomeOf(error);
				if (departure && gatewayAnswered(outcome)) pacer.answered(departure, deliveryClock.now());
				// Too fast for the account: every request on it slows down, not only this one.
				if (outcome.category === 'rateLimited') pacer.slowDown(options.requestsPerSecond, deliveryClock.now());
			}
			// Not sent because the run stopped: nothing to retry or explain.
			if (failure instanceof NodeOperationError && notSentErrors.has(failure)) throw failure;
			const plan = nextStep(outcome, safety, options, attempts, retries);
			if (plan.giveUp) {
				// The caller sends something else instead: the item has not failed (yet).
				if (passOn?.(failure) && failure instanceof Error) {
					passedOnErrors.add(failure);
					throw failure;
				}
				// Marked before the slot is free, so that no later item slips out in between.
				stopLaterItems(state, index);
				release();
				const notes = [plan.note, note].filter(Boolean).join(' ');
				throw await finalError(context, failure, safety, attempts, notes || undefined);
			}
		} finally {
			release();
		}
		if (outcome.category !== 'rateLimited') retries++;
		await deliveryClock.sleep(attempts.lastWaitMs);
	}
}

/**
 * Whether to give up after this failure, and if not, how long to wait (kept in `attempts`).
 * Rate limits use the Rate Limit Wait budget, not Max Retries.
 */
function nextStep(
	outcome: Outcome,
	safety: RequestSafety,
	options: DeliveryOptions,
	attempts: Attempts,
	retries: number,
): { giveUp: boolean; note?: string } {
	if (outcome.category === 'rateLimited') {
		attempts.rateLimited++;
		const budgetMs = options.rateLimitWaitSeconds * 1000;
		const wait = outcome.retryAfterMs ?? backoffMs(attempts.rateLimited - 1);
		if (budgetMs <= 0 || attempts.rateLimitedMs + wait > budgetMs) {
			const asked = outcome.retryAfterMs !== undefined ? ` The gateway asked to wait ${seconds(outcome.retryAfterMs)} more.` : '';
			return {
				giveUp: true,
				note: `Rate limited: waited ${seconds(attempts.rateLimitedMs)} in total, the most Delivery Options › Rate Limit Wait (${options.rateLimitWaitSeconds} s) allows.${asked}`,
			};
		}
		attempts.rateLimitedMs += wait;
		attempts.lastWaitMs = wait;
		return { giveUp: false };
	}
	if (outcome.category === 'uncertain') attempts.uncertain = outcome.label;
	const mayResend =
		outcome.category === 'notConnected' ||
		(outcome.category === 'uncertain' && (safety.safeToRepeat || options.retryUncertainDelivery));
	if (!mayResend || retries >= options.maxRetries) return { giveUp: true };
	attempts.lastWaitMs = backoffMs(retries);
	return { giveUp: false };
}

/** The safety of the operation the node runs, for the request the routing engine makes. */
function operationSafety(context: IExecuteSingleFunctions, method: string | undefined): RequestSafety {
	const resource = String(context.getNodeParameter('resource', ''));
	const operation = String(context.getNodeParameter('operation', ''));
	return requestSafetyOf(resource, operation, method ?? 'GET');
}

/**
 * What a send does when WhatsApp refuses it for good in a way that another message can answer:
 * the 24-hour window's template (resources/message/common/outsideWindowFallback.ts).
 */
export interface DeliveryFallback {
	/** Whether this final failure of the request is one the fallback answers, for this item. */
	appliesTo(context: IExecuteSingleFunctions, failure: unknown): boolean;
	/** The body sent instead, from the body that was refused. */
	instead(context: IExecuteSingleFunctions, body: IDataObject): IDataObject;
	/** Fields added to the output items, by whether the fallback was sent; none when undefined. */
	marked(context: IExecuteSingleFunctions, body: IDataObject, sentInstead: boolean): IDataObject | undefined;
	/** Added to the error when the request sent instead fails too. */
	failedNote: string;
}

/**
 * Every request of the node goes through here (the routing engine calls it as the operation's
 * "pagination"): pacing, retries by the request's safety, the run's stop and, for Return All, the
 * next pages through the gateway with `after=<cursor>`, never Graph's absolute `paging.next` link.
 * With a fallback, a request refused in the way it answers is followed by the fallback's request
 * (once, with the same pacing and safety), and the items say which went.
 */
export function deliverRequests(fallback?: DeliveryFallback) {
	return async function deliver(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		try {
			const safety = operationSafety(this, requestData.options.method);
			if (fallback) return await deliverWithFallback(this, safety, requestData, fallback);
			const returnAll = this.getNodeParameter('returnAll', false) === true;
			const items: INodeExecutionData[] = [];
			let request = requestData;
			for (;;) {
				const page = request;
				items.push(...(await withDelivery(this, safety, async () => await this.makeRoutingRequest(page))));
				const paging = lastPagingOf(this);
				const after = (paging?.cursors as IDataObject | undefined)?.after;
				if (!returnAll || !paging?.next || typeof after !== 'string' || after === '') return items;
				request = {
					...request,
					options: { ...request.options, qs: { ...(request.options.qs as IDataObject), after } },
				};
			}
		} catch (error) {
			const final = await failedForGood(this, error);
			throw final;
		} finally {
			itemSettled(this);
		}
	};
}

/** One request (no pages), and the fallback's request if the first is refused as it answers. */
async function deliverWithFallback(
	context: IExecutePaginationFunctions,
	safety: RequestSafety,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	fallback: DeliveryFallback,
): Promise<INodeExecutionData[]> {
	const body = (requestData.options.body ?? {}) as IDataObject;
	const mark = (items: INodeExecutionData[], sentInstead: boolean) => {
		const fields = fallback.marked(context, body, sentInstead);
		return fields ? items.map((item) => ({ ...item, json: { ...item.json, ...fields } })) : items;
	};
	// The refusal the fallback answers comes back as the outcome, anything else is thrown.
	const first = await withDelivery(context, safety, async () => await context.makeRoutingRequest(requestData), {
		passOn: (failure) => fallback.appliesTo(context, failure),
	}).then(
		(items) => ({ items }),
		(error: unknown) => {
			if (error instanceof Error && passedOnErrors.has(error)) return { refused: error };
			throw error;
		},
	);
	if ('items' in first) return mark(first.items, false);
	const instead = { ...requestData, options: { ...requestData.options, body: fallback.instead(context, body) } };
	const items = await withDelivery(context, safety, async () => await context.makeRoutingRequest(instead), {
		note: fallback.failedNote,
	});
	return mark(items, true);
}

/** The delivery of an operation without a fallback. */
export const deliver = deliverRequests();
