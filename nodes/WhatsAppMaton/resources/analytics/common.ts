import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import { describeType } from '../../shared/checks/urlSegments';
import { ANALYTICS_LOOKBACK_DAYS } from '../../shared/limits';
import { registerFailureHint, type ApiFailure } from '../../transport/graphErrors';
import { normaliseRecipientNumber } from '../message/common/recipient';

/**
 * What the three Analytics operations share: the period (Start and End, as UNIX seconds), the
 * checked lists of the filters, the `fields=` syntax of Graph's field expansion
 * (`analytics.start(1543543200).end(1544148000).granularity(DAY)`) and the output, one item per
 * data point. Each operation builds its field in its one hook from these pieces; nothing of the
 * syntax is left to routing expressions. Sources: docs/whatsapp-rules.md § Analytics.
 */

export const RESOURCE = 'analytics';

export const OPERATIONS = ['getMessaging', 'getPricing', 'getTemplates'] as const;
export type AnalyticsOperation = (typeof OPERATIONS)[number];

const DAY_SECONDS = 24 * 60 * 60;

// ----- the period ------------------------------------------------------------------------------

/**
 * Start and End, shared by the three operations (one definition each, description/defineOnce.ts).
 * The editor gives a date and time in the workflow's time zone; an expression may give an ISO
 * text, a date, or a number of UNIX seconds.
 */
export const periodFields: INodeProperties[] = [
	{
		displayName: 'Start',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		required: true,
		placeholder: 'e.g. 2026-11-01T00:00:00',
		description:
			"Beginning of the period, in the workflow's time zone unless the value names its own (an ISO date with Z or an offset, or UNIX seconds)",
		hint: 'Messaging and pricing analytics reach back 1 year, template analytics 90 days',
		displayOptions: { show: { resource: [RESOURCE], operation: [...OPERATIONS] } },
	},
	{
		displayName: 'End',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		required: true,
		placeholder: 'e.g. 2026-12-01T00:00:00',
		description: 'End of the period; it must come after Start',
		displayOptions: { show: { resource: [RESOURCE], operation: [...OPERATIONS] } },
	},
];

/** `2026-11-01`, `2026-11-01T09:30`, `2026-11-01 09:30:15.250`: a wall-clock time without a zone. */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;
/** An ISO date and time that names its zone: `Z` or `+01:00`. */
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;
/** Numbers above this are taken for milliseconds (UNIX seconds reach it in the year 5138). */
const MILLISECONDS_FROM = 1e11;

/** The offset of `timeZone` from UTC at an instant, in milliseconds (Europe/Berlin in summer: 7200000). */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instantMs));
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
	const wallAsUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return wallAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/** A wall-clock time in `timeZone` as an instant (ms); an unknown zone counts as UTC. */
export function wallClockToMs(
	[year, month, day, hour = 0, minute = 0, second = 0, millisecond = 0]: number[],
	timeZone: string,
): number {
	const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
	try {
		const first = asUtc - zoneOffsetMs(asUtc, timeZone);
		// Near a clock change the offset at the result may differ from the first guess.
		return asUtc - zoneOffsetMs(first, timeZone);
	} catch {
		return asUtc;
	}
}

export type InstantCheck = { ok: true; seconds: number } | { ok: false; reason: string };

/**
 * A Start or End value as UNIX seconds: the editor's text (wall clock in `timeZone`), an ISO text
 * with its zone, UNIX seconds (or milliseconds) as a number or digits, a Date, or a Luxon DateTime
 * from an expression (`{{ $now.minus({ days: 7 }) }}`).
 */
export function toUnixSeconds(value: unknown, timeZone: string): InstantCheck {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
		return { ok: false, reason: 'is empty' };
	}
	let ms: number | undefined;
	if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value.trim()))) {
		const number = Number(value);
		ms = number >= MILLISECONDS_FROM ? number : number * 1000;
	} else if (value instanceof Date) {
		ms = value.getTime();
	} else if (typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
		ms = Number((value as { toMillis: () => unknown }).toMillis());
	} else if (typeof value === 'string') {
		const text = value.trim();
		const wall = WALL_CLOCK.exec(text);
		if (wall) {
			const [year, month, day, hour, minute, second, fraction] = wall.slice(1).map((part) => part ?? '');
			const fields = [year, month, day, hour, minute, second].map((part) => (part === '' ? 0 : Number(part)));
			const millisecond = fraction === '' ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0'));
			const date = new Date(Date.UTC(fields[0], fields[1] - 1, fields[2]));
			// 2026-02-30 is not a day: Date.UTC would quietly make it March 2nd.
			if (date.getUTCMonth() !== fields[1] - 1 || date.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 59) {
				return { ok: false, reason: `"${text}" is not a date and time` };
			}
			ms = wallClockToMs([...fields, millisecond], timeZone);
		} else if (WITH_ZONE.test(text)) {
			ms = Date.parse(text.replace(' ', 'T'));
		} else {
			return {
				ok: false,
				reason: `"${text}" is not a date and time; give one like 2026-11-01T00:00:00 (or with Z for UTC)`,
			};
		}
	} else {
		return { ok: false, reason: `must be a date and time, got ${describeType(value)}` };
	}
	if (ms === undefined || !Number.isFinite(ms)) return { ok: false, reason: 'is not a date and time' };
	return { ok: true, seconds: Math.floor(ms / 1000) };
}

const isoOf = (seconds: number) => new Date(seconds * 1000).toISOString();

export interface Period {
	start: number;
	end: number;
}

/**
 * The item's Start and End as UNIX seconds, checked: End after Start, Start within the lookback
 * (`lookbackDays` back from now). Meta names no rule for an End in the future, so it is sent as
 * given (the data simply stops at the present).
 */
export function readPeriod(context: IExecuteSingleFunctions, lookbackDays = ANALYTICS_LOOKBACK_DAYS): Period {
	const timeZone = context.getTimezone();
	const read = (name: string, label: string): number => {
		const check = toUnixSeconds(context.getNodeParameter(name, ''), timeZone);
		if (!check.ok) {
			throw inputError(context, `${label} ${check.reason}`, 'Pick a date and time, or give an expression that returns one.');
		}
		return check.seconds;
	};
	const start = read('startDate', 'Start');
	const end = read('endDate', 'End');
	if (end <= start) {
		throw inputError(
			context,
			`End (${isoOf(end)}) is not after Start (${isoOf(start)})`,
			'Swap them, or pick an End later than Start.',
		);
	}
	const earliest = Math.floor(Date.now() / 1000) - lookbackDays * DAY_SECONDS;
	if (start < earliest) {
		throw inputError(
			context,
			`Start (${isoOf(start)}) is more than ${lookbackDays} days ago; WhatsApp keeps these analytics for ${lookbackDays} days`,
			`Pick a Start on or after ${isoOf(earliest)}.`,
		);
	}
	return { start, end };
}

// ----- the filters' lists --------------------------------------------------------------------

/**
 * A list field's entries (a multiple-value text field, or an expression's array or text), each
 * split at commas (and, with `splitOnSpaces`, at spaces and new lines), trimmed, empties dropped.
 */
export function entriesOf(
	context: IExecuteSingleFunctions,
	label: string,
	value: unknown,
	splitOnSpaces: boolean,
): string[] {
	if (value === undefined || value === null || value === '') return [];
	const list: unknown[] = Array.isArray(value) ? value : [value];
	const separators = splitOnSpaces ? /[\s,;]+/ : /[,;\n]+/;
	return list.flatMap((entry, index) => {
		if (typeof entry !== 'string' && typeof entry !== 'number') {
			throw inputError(context, `${label} entry ${index + 1} must be text, got ${describeType(entry)}`);
		}
		return String(entry)
			.split(separators)
			.map((part) => part.trim())
			.filter((part) => part !== '');
	});
}

/** Business phone numbers: digits with the country code, as Meta lists them (`16505550111`). */
export function phoneNumbersOf(context: IExecuteSingleFunctions, value: unknown): string[] {
	return unique(
		entriesOf(context, 'Phone Numbers', value, false).map((entry) => {
			const check = normaliseRecipientNumber(entry);
			if (!check.ok) {
				throw inputError(
					context,
					`Phone Numbers ${check.reason}`,
					'Give the business phone numbers themselves with their country code (16505550111 or +1 650-555-0111), not their phone number IDs.',
				);
			}
			return check.number;
		}),
	);
}

/** ISO 3166 country codes: two letters, sent in capitals. */
export function countryCodesOf(context: IExecuteSingleFunctions, value: unknown): string[] {
	return unique(
		entriesOf(context, 'Country Codes', value, true).map((entry) => {
			if (!/^[A-Za-z]{2}$/.test(entry)) {
				throw inputError(
					context,
					`Country Codes "${entry}" is not a two-letter country code`,
					'Give ISO 3166 codes such as US, BR, IN, separated by commas.',
				);
			}
			return entry.toUpperCase();
		}),
	);
}

/** The values of a multiple-choice filter (the editor's rules checked each against its options). */
export function choicesOf(value: unknown): string[] {
	return unique((Array.isArray(value) ? value : []).map((entry) => String(entry).trim().toUpperCase()));
}

export const unique = <T>(values: T[]): T[] => [...new Set(values)];

// ----- the fields syntax ---------------------------------------------------------------------

/** A modifier's argument: a bare number or enum, or a list (texts quoted, numbers bare). */
export type ModifierValue = string | number | { texts: string[] } | { numbers: Array<string | number> };

/**
 * `field.start(1).end(2).granularity(DAY).phone_numbers(["16505550111"])`: Graph's field
 * expansion with modifiers, in the order given; an empty list leaves its modifier out (Graph
 * reads an empty list as "all", the same as none).
 */
export function fieldExpression(field: string, modifiers: Array<[string, ModifierValue]>): string {
	const parts = modifiers.flatMap(([name, value]) => {
		if (typeof value === 'string' || typeof value === 'number') return [`.${name}(${value})`];
		if ('texts' in value) return value.texts.length ? [`.${name}(${JSON.stringify(value.texts)})`] : [];
		return value.numbers.length ? [`.${name}([${value.numbers.join(',')}])`] : [];
	});
	return `${field}${parts.join('')}`;
}

/** The Filters collection of the item (the editor's rules already checked its shape). */
export function filtersOf(context: IExecuteSingleFunctions): IDataObject {
	const filters = context.getNodeParameter('filters', {});
	return typeof filters === 'object' && filters !== null && !Array.isArray(filters) ? (filters as IDataObject) : {};
}

// ----- the fields of the editor ----------------------------------------------------------------

/**
 * An operation's Filters collection. Each operation defines its own, with its own options; the
 * description joins them into one (description/defineOnce.ts), as the Filters of Template › List.
 */
export function filtersCollection(operation: AnalyticsOperation, filters: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: { resource: [RESOURCE], operation: [operation] } },
		options: filters,
	};
}

export const phoneNumbersFilter: INodeProperties = {
	displayName: 'Phone Numbers',
	name: 'phoneNumbers',
	type: 'string',
	default: [],
	typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Phone Number' },
	placeholder: 'e.g. 16505550111',
	description:
		'Only these business phone numbers of the account (the numbers themselves with their country code, not their IDs); all when empty',
};

export const countryCodesFilter: INodeProperties = {
	displayName: 'Country Codes',
	name: 'countryCodes',
	type: 'string',
	default: [],
	typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Country Code' },
	placeholder: 'e.g. US',
	description: 'Only messages with customers in these countries (two-letter ISO codes); all when empty',
};

export const options = (values: Array<[string, string, string?]>): INodePropertyOptions[] =>
	values.map(([value, name, description]) => ({ name, value, ...(description ? { description } : {}) }));

// ----- the output ----------------------------------------------------------------------------

const asObject = (value: unknown): IDataObject | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;

/** The data points of an answer's field: `{ field: { data_points } }` or `{ field: { data: [{ data_points }] } }`. */
export function dataPointsOf(body: unknown, field: string): Array<{ point: IDataObject; group: IDataObject }> {
	const answer = asObject(body);
	const value = asObject(answer?.[field]);
	if (!value) return [];
	const groups = Array.isArray(value.data) ? value.data.map(asObject).filter((group) => group !== undefined) : [value];
	return groups.flatMap((group) =>
		(Array.isArray(group.data_points) ? group.data_points : [])
			.map(asObject)
			.filter((point) => point !== undefined)
			.map((point) => ({ point, group: { ...value, ...group } })),
	);
}

/** `start_time` and `end_time` beside Meta's UNIX seconds, for a spreadsheet or a chart. */
export function withTimes(point: IDataObject): IDataObject {
	const times: IDataObject = {};
	for (const key of ['start', 'end']) {
		const seconds = Number(point[key]);
		if (point[key] !== undefined && Number.isFinite(seconds)) times[`${key}_time`] = isoOf(seconds);
	}
	return times;
}

/** The business account in the request's path (`/102290129340398`), for the output. */
export function businessAccountOf(response: IN8nHttpFullResponse, context: IExecuteSingleFunctions): string {
	const answer = asObject(response.body);
	if (answer && (typeof answer.id === 'string' || typeof answer.id === 'number')) return String(answer.id);
	const url = String((context.getNodeParameter('businessAccountId', '', { extractValue: true }) as unknown) ?? '');
	return url.trim();
}

/** The output of one operation: one item per data point, made by `row`. */
export function splitIntoDataPoints(
	field: string,
	row: (point: IDataObject, group: IDataObject, businessAccountId: string) => IDataObject,
) {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const businessAccountId = businessAccountOf(response, this);
		return dataPointsOf(response.body, field).map(({ point, group }) => ({
			json: row(point, group, businessAccountId),
		}));
	};
}

// ----- failures --------------------------------------------------------------------------------

/** Graph's permission codes: 10, and 200 to 299. */
const isPermissionFailure = (failure: ApiFailure) =>
	failure.code === 10 || (failure.code !== undefined && failure.code >= 200 && failure.code <= 299);

export const MISSING_PERMISSION_HINT =
	"Analytics need the whatsapp_business_management permission on the Maton connection's WhatsApp authorisation. Ask Maton for a WhatsApp Business connection granted whatsapp_business_management (or re-authorise it: Connection › Create, open the URL and allow every permission asked), and make sure your Meta user may see this business account's insights.";

export const TEMPLATE_ANALYTICS_HINT =
	"Template analytics must be confirmed once on the business account before Meta reports them: in WhatsApp Manager (a template's Insights, Confirm), or by POST /{business account ID}?is_enabled_for_insights=true (it cannot be turned off). The template IDs must be this account's (Template › List gives them); accounts in the EU, the UK or Japan get no template analytics.";

registerFailureHint(`${RESOURCE}.*`, (failure) => (isPermissionFailure(failure) ? MISSING_PERMISSION_HINT : undefined));
registerFailureHint(`${RESOURCE}.getTemplates`, (failure) => {
	if (isPermissionFailure(failure)) return MISSING_PERMISSION_HINT;
	const text = `${failure.message} ${failure.details ?? ''}`;
	return failure.code === 100 || /insight|analytics|enable|confirm/i.test(text) ? TEMPLATE_ANALYTICS_HINT : undefined;
});
