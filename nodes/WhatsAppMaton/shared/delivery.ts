import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INodeExecutionData,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './gateway';
import { failureOfError, isRetryableFailure, lastPaging, scrubSecretsFromError } from './graphErrors';

export interface DeliveryOptions {
	/** How many times a retryable failure is tried again (0 = never). */
	maxRetries: number;
	/** Most requests per second this node sends in one execution (0 = no pacing). */
	requestsPerSecond: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { maxRetries: 3, requestsPerSecond: 10 };

const BASE_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 30_000;

/** Network failures worth another try: the connection dropped or nothing answered in time. */
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN', 'ESOCKETTIMEDOUT']);

function networkCodeOf(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && RETRYABLE_NETWORK_CODES.has(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	const message = error instanceof Error ? error.message : '';
	return [...RETRYABLE_NETWORK_CODES].find((code) => message.includes(code)) ??
		(/timeout/i.test(message) ? 'ETIMEDOUT' : undefined);
}

/** Whether to try again, and how long the answer asked to wait. */
function retryPlan(error: unknown): { retry: boolean; retryAfterMs?: number } {
	if (error instanceof Error) {
		const known = failureOfError.get(error);
		if (known) return { retry: isRetryableFailure(known.failure), retryAfterMs: known.retryAfterMs };
		// A request made by a hook (the upload before a media message) fails as n8n's own error.
		const status = Number((error as { httpCode?: unknown }).httpCode);
		if (Number.isInteger(status) && (status === 429 || status >= 500)) return { retry: true };
	}
	return { retry: networkCodeOf(error) !== undefined };
}

/** Exponential backoff with full jitter, or what Retry-After asked for, capped. */
export function backoffMs(attempt: number, retryAfterMs: number | undefined, random = Math.random): number {
	if (retryAfterMs !== undefined) return Math.min(retryAfterMs, MAX_BACKOFF_MS);
	const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** attempt);
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Send slots of the executions running now, so that the items of one execution (which the
 * routing engine sends all at once) leave at most `requestsPerSecond` a second. Keyed by
 * execution and node; an entry is dropped once its slots are in the past, so nothing outlives
 * the run and workers in queue mode each pace their own executions.
 */
const nextSendSlot = new Map<string, number>();

export function reserveSendSlot(key: string, requestsPerSecond: number, now = Date.now()): number {
	if (requestsPerSecond <= 0) return 0;
	for (const [other, slot] of nextSendSlot) if (slot < now - 60_000) nextSendSlot.delete(other);
	// A little under the limit, so that network jitter does not push a second's eleventh request
	// into the gateway's window.
	const interval = 1050 / requestsPerSecond;
	const slot = Math.max(now, nextSendSlot.get(key) ?? 0);
	nextSendSlot.set(key, slot + interval);
	return slot - now;
}

export function readDeliveryOptions(context: IExecuteSingleFunctions): DeliveryOptions {
	const given = context.getNodeParameter('deliveryOptions', {}) as Partial<DeliveryOptions>;
	return {
		maxRetries: Math.max(0, Math.floor(Number(given.maxRetries ?? DEFAULT_DELIVERY.maxRetries))),
		requestsPerSecond: Math.max(0, Number(given.requestsPerSecond ?? DEFAULT_DELIVERY.requestsPerSecond)),
	};
}

/**
 * The error the item ends with: n8n's own error classes as they are, anything else wrapped, and
 * in every case without the API key (an HTTP client error keeps the request's headers).
 */
async function finalError(
	context: IExecuteSingleFunctions,
	error: unknown,
	attempts: number,
): Promise<NodeApiError | NodeOperationError> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const secrets = [String(credentials.apiKey ?? '')];
	if (error instanceof NodeOperationError) return scrubSecretsFromError(error, secrets);
	const apiError =
		error instanceof NodeApiError
			? error
			: new NodeApiError(context.getNode(), { message: error instanceof Error ? error.message : String(error) }, {
					itemIndex: context.getItemIndex(),
				});
	if (attempts > 1) {
		apiError.description = [apiError.description, `Gave up after ${attempts} attempts.`].filter(Boolean).join(' ');
	}
	return scrubSecretsFromError(apiError, secrets);
}

/**
 * One request, paced and tried again on retryable failures; the last failure if every try
 * fails. Used for every request of the node, and by hooks that make a request of their own.
 */
export async function withDelivery<T>(context: IExecuteSingleFunctions, send: () => Promise<T>): Promise<T> {
	const options = readDeliveryOptions(context);
	const paceKey = `${context.getExecutionId() ?? 'manual'}|${context.getNode().name}`;
	for (let attempt = 0; ; attempt++) {
		const wait = reserveSendSlot(paceKey, options.requestsPerSecond);
		if (wait > 0) await sleep(wait);
		try {
			return await send();
		} catch (error) {
			const plan = retryPlan(error);
			if (!plan.retry || attempt >= options.maxRetries) {
				throw await finalError(context, error, plan.retry ? attempt + 1 : 1);
			}
			await sleep(backoffMs(attempt, plan.retryAfterMs));
		}
	}
}

/**
 * Every request of the node goes through here (the routing engine calls it as the operation's
 * "pagination"): pacing, retries with backoff and, for Return All, the next pages through the
 * gateway with `after=<cursor>`, never Graph's absolute `paging.next` link.
 */
export async function deliver(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	// The routing engine hands this function a child of the item's context; the postReceive hooks
	// ran with the item's context itself, so that is where the last page's paging was kept.
	const itemContext = Object.getPrototypeOf(this) as IExecuteSingleFunctions;
	const returnAll = this.getNodeParameter('returnAll', false) === true;
	const items: INodeExecutionData[] = [];
	let request = requestData;
	for (;;) {
		const page = request;
		items.push(...(await withDelivery(this, async () => await this.makeRoutingRequest(page))));
		const paging = lastPaging.get(itemContext);
		const after = (paging?.cursors as IDataObject | undefined)?.after;
		if (!returnAll || !paging?.next || typeof after !== 'string' || after === '') return items;
		request = {
			...request,
			options: { ...request.options, qs: { ...(request.options.qs as IDataObject), after } },
		};
	}
}
