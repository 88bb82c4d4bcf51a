import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { deliveryOptionsField } from '../shared/fields/fields';

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

/** Defaults and ranges, from the editor's fields (shared/fields/fields.ts): defined once. */
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
