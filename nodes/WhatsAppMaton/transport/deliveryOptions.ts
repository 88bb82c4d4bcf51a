import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

/**
 * The one definition of the Delivery Options: their defaults and ranges here are what the
 * run-time reader below applies, because an expression is not held to the
 * editor's limits. Whole numbers unless `numberPrecision` says otherwise.
 */
export const deliveryOptionsField: INodeProperties = {
	displayName: 'Delivery Options',
	name: 'deliveryOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	description:
		'How the node paces its requests, waits out rate limits and retries temporary failures. A message is never sent twice unless you turn on Retry When Delivery Is Uncertain.',
	options: [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrentRequests',
			type: 'number',
			default: 10,
			typeOptions: { minValue: 1, maxValue: 100 },
			description: 'Most requests of one run in flight at the same time (1 to 100), also when Requests per Second is 0. Values outside the range are clamped.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			default: 3,
			typeOptions: { minValue: 0, maxValue: 10 },
			description: 'How many times to try a request again (0 to 10), waiting longer each time, after a connection that could not be opened or, for requests that are safe to repeat (reading, deleting, marking as read, updating the profile), a server error (5xx), a temporary Graph error or a dropped connection. Rate limits do not count (see Rate Limit Wait); other errors are never retried.',
		},
		{
			displayName: 'Rate Limit Wait',
			name: 'rateLimitWaitSeconds',
			type: 'number',
			default: 180,
			typeOptions: { minValue: 0, maxValue: 3600 },
			hint: 'Seconds per request; 0 fails at the first rate limit',
			description: 'How long, in seconds (0 to 3600), one request may wait out "too fast" answers (HTTP 429, Graph codes 4, 80007, 80008, 130429, 131056) before it fails. The wait follows Retry-After when the gateway sends it. These retries do not use up Max Retries, and they never cause duplicates: the gateway did not act on a request it refused as too fast.',
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			default: 10,
			typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 1 },
			description: 'Most requests per second (0 to 10; Maton allows 10 per API key), shared by every run in this n8n process that uses the same key and connection. After a rate limit the pace halves, then recovers gradually. 0 turns pacing off.',
		},
		{
			displayName: 'Retry When Delivery Is Uncertain',
			name: 'retryUncertainDelivery',
			type: 'boolean',
			default: false,
			description:
				"Whether to resend a message (or an upload, or a template or connection to create) after a timeout, a dropped connection or a server error, when the gateway may already have acted on it. Off: the item fails with an error saying it may have been delivered, and nothing is sent twice. On: it is retried up to Max Retries, and the recipient may get the same message twice (a WhatsApp message cannot be taken back, and each one is billed).",
		},
	],
};

/** The Delivery Options as the delivery loop uses them: read, checked and clamped. */
export interface DeliveryOptions {
	/** Tries after a failure that may be retried (0 = never); rate limits do not count. */
	maxRetries: number;
	/** Ceiling of requests per second on the account (0 = no pacing). */
	requestsPerSecond: number;
	/** How long one request may wait out rate limits in total, in seconds. */
	rateLimitWaitSeconds: number;
	/** Requests of one execution in flight at once. */
	maxConcurrentRequests: number;
	/** Resend a request that is not safe to repeat even when the gateway may have acted on it. */
	retryUncertainDelivery: boolean;
}

type NumberOption = Exclude<keyof DeliveryOptions, 'retryUncertainDelivery'>;

interface NumberRange {
	displayName: string;
	default: number;
	min: number;
	max: number;
	/** Whole numbers only (no `numberPrecision` in the field): the value is rounded down. */
	integer: boolean;
}

const fieldOptions = (deliveryOptionsField.options ?? []) as INodeProperties[];
const fieldOf = (name: keyof DeliveryOptions): INodeProperties => {
	const field = fieldOptions.find((option) => option.name === name);
	if (!field) throw new Error(`Delivery Options has no ${name} field`);
	return field;
};

function rangeOf(name: NumberOption): NumberRange {
	const field = fieldOf(name);
	const typeOptions = field.typeOptions ?? {};
	return {
		displayName: field.displayName,
		default: Number(field.default),
		min: Number(typeOptions.minValue ?? Number.NEGATIVE_INFINITY),
		max: Number(typeOptions.maxValue ?? Number.POSITIVE_INFINITY),
		integer: typeOptions.numberPrecision === undefined,
	};
}

/** Defaults and ranges, from the editor's fields above: defined once. */
export const DELIVERY_NUMBER_OPTIONS: Record<NumberOption, NumberRange> = {
	maxRetries: rangeOf('maxRetries'),
	requestsPerSecond: rangeOf('requestsPerSecond'),
	rateLimitWaitSeconds: rangeOf('rateLimitWaitSeconds'),
	maxConcurrentRequests: rangeOf('maxConcurrentRequests'),
};

export const RETRY_UNCERTAIN_DELIVERY = {
	displayName: fieldOf('retryUncertainDelivery').displayName,
	default: fieldOf('retryUncertainDelivery').default === true,
};

export const DEFAULT_DELIVERY: Readonly<DeliveryOptions> = Object.freeze({
	...(Object.fromEntries(
		Object.entries(DELIVERY_NUMBER_OPTIONS).map(([name, range]) => [name, range.default]),
	) as Record<NumberOption, number>),
	retryUncertainDelivery: RETRY_UNCERTAIN_DELIVERY.default,
});

function optionError(context: IExecuteSingleFunctions, displayName: string, value: unknown, expected: string) {
	const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
	return new NodeOperationError(
		context.getNode(),
		`Delivery Options › ${displayName} must be ${expected}, not ${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}`,
		{
			itemIndex: context.getItemIndex(),
			description: 'Nothing was sent. Check the expression that sets this option.',
		},
	);
}

/** A number, or the text of one (expressions often give text); anything else is undefined. */
function numberOf(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'string' && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)) return Number(value);
	return undefined;
}

/**
 * The item's Delivery Options. Not a number (or not a boolean) → an error naming the option,
 * before anything is sent; out of range → the nearest end of the documented range.
 */
export function readDeliveryOptions(context: IExecuteSingleFunctions): DeliveryOptions {
	const raw = context.getNodeParameter('deliveryOptions', {});
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		throw optionError(context, 'Delivery Options', raw, 'a collection of options');
	}
	const given = raw as Record<string, unknown>;
	const options = { ...DEFAULT_DELIVERY };
	for (const [name, range] of Object.entries(DELIVERY_NUMBER_OPTIONS) as Array<[NumberOption, NumberRange]>) {
		if (given[name] === undefined || given[name] === null || given[name] === '') continue;
		const number = numberOf(given[name]);
		if (number === undefined) throw optionError(context, range.displayName, given[name], 'a number');
		const clamped = Math.min(range.max, Math.max(range.min, number));
		options[name] = range.integer ? Math.floor(clamped) : clamped;
	}
	const retry = given.retryUncertainDelivery;
	if (retry !== undefined && retry !== null && retry !== '') {
		if (typeof retry === 'boolean') options.retryUncertainDelivery = retry;
		else if (retry === 'true' || retry === 'false') options.retryUncertainDelivery = retry === 'true';
		else throw optionError(context, RETRY_UNCERTAIN_DELIVERY.displayName, retry, 'true or false');
	}
	return options;
}
