import { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	PostReceiveAction,
} from 'n8n-workflow';

import { describeType } from '../../shared/checks/urlSegments';
import { inputError } from '../../shared/errors';
import { showFor } from '../../shared/fields/fields';
import { requirePhoneNumberId } from '../../shared/fields/phoneNumberId';
import { BLOCK_USERS_PER_REQUEST_MAX } from '../../shared/limits';
import { hintFor } from '../../transport/graphErrors';
import { normaliseRecipientNumber } from '../message/common/recipient';

/**
 * What Block and Unblock share: `{POST|DELETE} /{phone-number-id}/block_users` with
 * `{ messaging_product: "whatsapp", block_users: [{ user }, …] }` (docs/whatsapp-rules.md,
 * Blocked users), the Users field, its check, and one output item per user.
 */

/** The fixed part of the request; the hook puts the checked users in `block_users`. */
export const BLOCK_USERS_REQUEST = { url: '/block_users', body: { messaging_product: 'whatsapp' } };

/** Between the numbers of a text: commas, semicolons and new lines. */
const USER_SEPARATORS = /[,;\r\n]+/;

const LABEL = 'Users';
const HINT =
	'Give phone numbers or WhatsApp IDs in international format with the country code (for example 15551234567 or +1 555 123 4567), separated by commas or new lines, or an expression that returns a list of them.';

/** The Users field of Block and Unblock: text with one or more numbers, or a list from an expression. */
export function usersField(operation: string): INodeProperties {
	return {
		displayName: 'Users',
		name: 'users',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 15551234567, +44 7700 900123',
		description: `Phone numbers or WhatsApp IDs (wa_id) of the users, with the country code, separated by commas or new lines, or a list from an expression; at most ${BLOCK_USERS_PER_REQUEST_MAX.toLocaleString('en-US')}. Spaces, dashes, dots, brackets and a leading + are removed.`,
		displayOptions: showFor('blockedUser', [operation]),
		// The hook reads the value from the body, checks every number and writes Graph's list.
		routing: { send: { type: 'body', property: 'block_users' } },
	};
}

/** The entries of the Users value: a text split at its separators, or a list's elements. */
function entriesOf(context: IExecuteSingleFunctions, value: unknown): string[] {
	if (value === undefined || value === null) return [];
	if (typeof value === 'string' || typeof value === 'number') {
		return String(value)
			.split(USER_SEPARATORS)
			.map((entry) => entry.trim())
			.filter((entry) => entry !== '');
	}
	if (!Array.isArray(value)) {
		throw inputError(context, `${LABEL} must be text or a list of numbers, got ${describeType(value)}`, HINT);
	}
	return value.flatMap((entry: unknown, index) => {
		if (typeof entry === 'number') return [String(entry)];
		if (typeof entry !== 'string') {
			throw inputError(context, `${LABEL} entry ${index + 1} must be text, got ${describeType(entry)}`, HINT);
		}
		return entry.trim() === '' ? [] : [entry.trim()];
	});
}

/**
 * The checked users: each one a number by shape, as a recipient's (message/common/recipient.ts),
 * none twice once normalised, 1 to BLOCK_USERS_PER_REQUEST_MAX of them; else the item stops.
 */
export function checkedUsers(context: IExecuteSingleFunctions, value: unknown): string[] {
	const entries = entriesOf(context, value);
	if (entries.length === 0) throw inputError(context, `${LABEL} is empty`, HINT);
	if (entries.length > BLOCK_USERS_PER_REQUEST_MAX) {
		throw inputError(
			context,
			`${LABEL} has ${entries.length.toLocaleString('en-US')} numbers; WhatsApp takes at most ${BLOCK_USERS_PER_REQUEST_MAX.toLocaleString('en-US')} in one request`,
			`Split them over several items, each with at most ${BLOCK_USERS_PER_REQUEST_MAX.toLocaleString('en-US')} users.`,
		);
	}
	const seen = new Map<string, string>();
	return entries.map((entry, index) => {
		const check = normaliseRecipientNumber(entry);
		if (!check.ok) throw inputError(context, `${LABEL} entry ${index + 1} ${check.reason}`, HINT);
		const earlier = seen.get(check.number);
		if (earlier !== undefined) {
			throw inputError(
				context,
				`${LABEL} has ${check.number} twice ("${earlier}" and "${entry}")`,
				'Give each user once.',
			);
		}
		seen.set(check.number, entry);
		return check.number;
	});
}

/** The build hook of Block and Unblock: the phone number's path, the users checked into Graph's list. */
export async function buildBlockUsers(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await requirePhoneNumberId.call(this, requestOptions);
	const body = requestOptions.body as IDataObject;
	body.block_users = checkedUsers(this, body.block_users).map((user) => ({ user }));
	return requestOptions;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const asText = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;

/** Hints for a user's failure where the general one (hintFor) speaks of messages. */
const USER_HINTS: Record<number, string> = {
	131047: 'WhatsApp blocks only users who wrote to this business in the last 24 hours (or the number is not a WhatsApp user): block them once they write again.',
};

/** A failed user's error: Graph's first one, with what to do about it. */
function userError(status: number, user: IDataObject): IDataObject {
	const first = Array.isArray(user.errors) && isObject(user.errors[0]) ? user.errors[0] : {};
	const code = Number(first.code);
	const message = asText(first.message) ?? 'WhatsApp did not say why';
	const details = asText(isObject(first.error_data) ? first.error_data.details : undefined);
	const hint = Number.isFinite(code) ? (USER_HINTS[code] ?? hintFor({ status, message, code })) : undefined;
	return {
		message,
		...(Number.isFinite(code) ? { code } : {}),
		...(details !== undefined ? { details } : {}),
		...(hint !== undefined ? { hint } : {}),
	};
}

/** One user of the answer as an output item: Graph's `input` and `wa_id`, and what became of them. */
function userItem(user: unknown, status: string, error?: IDataObject): INodeExecutionData {
	const entry = isObject(user) ? user : {};
	const json: IDataObject = { input: asText(entry.input) ?? '' };
	if (asText(entry.wa_id) !== undefined) json.wa_id = asText(entry.wa_id);
	json.status = status;
	if (error) json.error = error;
	return { json };
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * The output hook of Block and Unblock: one item per user of the answer's `block_users`, those
 * that were acted on first (`status` is `done`), then the failed ones (`status: "failed"` with
 * their `error`). A partial failure (Graph error 139100, passed on by explainApiFailures) lists
 * both, so that a workflow can branch on `status` instead of losing the whole item.
 */
export function reportUsers(done: string, doneLists: string[]): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		// The answer, as explainApiFailures passed it on (also a partial failure's, 139100).
		const results = items[0]?.json.block_users;
		if (!isObject(results)) {
			throw new NodeApiError(this.getNode(), { message: 'no block_users in the answer' }, {
				message: `WhatsApp answered without the users' results (HTTP ${response.statusCode})`,
				description: `The answer has no block_users object, so it does not say which users were ${done}. Check them with Blocked User › List.`,
				httpCode: String(response.statusCode),
				itemIndex: this.getItemIndex(),
			});
		}
		return [
			...doneLists.flatMap((list) => listOf(results[list]).map((user) => userItem(user, done))),
			...listOf(results.failed_users).map((user) =>
				userItem(user, 'failed', userError(response.statusCode, isObject(user) ? user : {})),
			),
		];
	};
}
