import { NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	PreSendAction,
} from 'n8n-workflow';

/**
 * The shape of every value the node puts into a URL path, or into a `name=` query that selects
 * what a request acts on. `encodeURIComponent` leaves `.` and `..` as they are, and a path
 * segment `..` makes the URL mean another endpoint (`DELETE /connections/..` is
 * `DELETE /`, `GET /{media-id}` with `..` is the gateway root): so each kind of ID is checked
 * against what it can be, and anything else stops the item before a request is made.
 */
const digitsOnly = (what: string) => ({
	pattern: /^[0-9]{1,64}$/,
	refused: (given: string) => `${given}: ${what} has only digits`,
});

export const SEGMENT_RULES = {
	/** Graph IDs are decimal numbers. */
	phoneNumberId: digitsOnly('a phone number ID'),
	businessAccountId: digitsOnly('a business account ID'),
	mediaId: digitsOnly('a media ID'),
	templateId: digitsOnly('a template ID'),
	/** In a product message's body, not a URL; held to the same shape as every Graph ID. */
	catalogId: digitsOnly('a catalog ID'),
	/**
	 * Maton's connection IDs are UUIDs (`21fd90f9-5935-43cd-b6c8-bde9d915ca80`); other shapes are
	 * tolerated as long as they stay within letters, digits, `-` and `_`.
	 */
	connectionId: {
		pattern: /^[A-Za-z0-9_-]{1,128}$/,
		refused: (given: string) => `${given}: a Maton connection ID has only letters, digits, - and _`,
	},
	/**
	 * A QR code's `code`, the last segment of `/{phone-number-id}/message_qrdls/{code}`: Meta's are
	 * 14 capital letters and digits (`4O4YGZEG3RIVE1`); any letters and digits up to 64 are taken.
	 */
	qrCode: {
		pattern: /^[A-Za-z0-9]{1,64}$/,
		refused: (given: string) => `${given}: a QR code has only letters and digits`,
	},
	/** Meta's rule for template names; the wording is Template › Create's since the first release. */
	templateName: {
		pattern: /^[a-z0-9_]{1,512}$/,
		refused: (given: string) =>
			`${given} is not allowed: use only lowercase letters, digits and underscores, up to 512 characters`,
	},
} as const;

export type SegmentKind = keyof typeof SEGMENT_RULES;

/** The same rules as text, for the `validation` of the editor's "By ID" modes. */
export const SEGMENT_REGEX: Record<SegmentKind, string> = Object.fromEntries(
	Object.entries(SEGMENT_RULES).map(([kind, { pattern }]) => [kind, pattern.source]),
) as Record<SegmentKind, string>;

/** `an object`, `an array`, `null`, `a boolean`: what an expression gave instead of text. */
export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

export type SegmentCheck = { ok: true; value: string } | { ok: false; reason: string; empty: boolean };

/**
 * The value as it goes into the URL (text or a number, trimmed as the node always did), or why
 * it cannot: `reason` starts with the given value, for a message that begins with the field.
 */
export function checkSegment(kind: SegmentKind, value: unknown): SegmentCheck {
	const { pattern, refused } = SEGMENT_RULES[kind];
	if (isBlank(value)) return { ok: false, reason: 'is empty', empty: true };
	if (typeof value !== 'string' && typeof value !== 'number') {
		return { ok: false, reason: refused(`is ${describeType(value)}`), empty: false };
	}
	const text = String(value).trim();
	// An expression that found nothing, printed by an older String(...) of the node or of a mapping.
	if (text === 'undefined' || text === 'null') return { ok: false, reason: 'is empty', empty: true };
	if (!pattern.test(text)) return { ok: false, reason: refused(`"${text}"`), empty: false };
	return { ok: true, value: text };
}

type Context = IExecuteSingleFunctions | ILoadOptionsFunctions;

export interface SegmentMessages {
	/** The error's description: where the right value comes from. */
	hint?: string;
	/** What follows the field's name when it is empty (default `is empty`). */
	whenEmpty?: string;
}

/**
 * The checked segment, or a NodeOperationError naming the field (with the item, when there is
 * one: list searches and resource mappers run outside any item).
 */
export function requireSegment(
	context: Context,
	kind: SegmentKind,
	label: string,
	value: unknown,
	{ hint, whenEmpty = 'is empty' }: SegmentMessages = {},
): string {
	const check = checkSegment(kind, value);
	if (check.ok) return check.value;
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : undefined;
	throw new NodeOperationError(context.getNode(), `${label} ${check.empty ? whenEmpty : check.reason}`, {
		...(itemIndex === undefined ? {} : { itemIndex }),
		description: hint,
	});
}

/**
 * A preSend that holds one parameter (a resource locator's value, or a collection option by its
 * path such as `options.templateId`) to the shape of `kind`. An `optional` one may be empty,
 * which sends nothing for it.
 */
export function requireSegmentParameter(
	kind: SegmentKind,
	parameterName: string,
	label: string,
	messages: SegmentMessages & { optional?: boolean } = {},
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = this.getNodeParameter(parameterName, '', { extractValue: true });
		if (messages.optional && isBlank(value)) return requestOptions;
		requireSegment(this, kind, label, value, messages);
		return requestOptions;
	};
}
