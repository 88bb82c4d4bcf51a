'use strict';
/**
 * `/{phone-number-id}/block_users`: Meta's Block Users API (docs/whatsapp-rules.md, Blocked
 * users). POST blocks, DELETE unblocks, both with `{ messaging_product: "whatsapp",
 * block_users: [{ user }] }`; GET lists the blocked users with cursors. Each phone number has its
 * own blocklist (`state.blockedUsers`, emptied by a reset).
 *
 * Users that cannot be blocked fail one by one, as Meta's do: the answer is then HTTP 400 with
 * both lists in `block_users` and Graph error 139100. Which ones fail:
 * - the 24-hour window recipient of the seed (`15550000047`, MAGIC_RECIPIENTS → 131047): a user
 *   who has not written in the last 24 hours ("Re-engagement required");
 * - a number that is not one (not 7 to 15 digits once spaces, dashes, brackets and a leading +
 *   are removed): 131047 too, without `wa_id`, as Meta answers for an invalid WhatsApp user;
 * - one of the business's own phone numbers: 131021 (self block);
 * - past 64,000 users on the list: 139101.
 * Blocking a blocked user or unblocking one who is not blocked succeeds (nothing changes).
 */
const { GraphError, invalidParameter, missingParameter, notOneOf, unknownPath } = require('./errors');

/** Most users one request may name, and most users on one blocklist (Meta's limits). */
const USERS_PER_REQUEST_MAX = 1000;
const BLOCKLIST_MAX = 64000;
/** Graph's code for a user who has not written in the last 24 hours ("Re-engagement required"). */
const OUTSIDE_WINDOW_CODE = 131047;

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The digits Graph reads a number as, or undefined when it is not one. */
function waIdOf(user) {
	const digits = String(user).trim().replace(/[\s\-.()]/g, '').replace(/^\+/, '');
	return /^[1-9]\d{6,14}$/.test(digits) ? digits : undefined;
}

const userError = (code, message, details) => ({ message, code, error_data: { details } });

function blocklistOf(state, phone) {
	state.blockedUsers ??= new Map();
	let list = state.blockedUsers.get(phone.id);
	if (!list) state.blockedUsers.set(phone.id, (list = new Map()));
	return list;
}

/** The `user` of each entry of the body, checked the way Graph refuses the whole request. */
function usersOfBody(body) {
	if (!isObject(body)) throw invalidParameter('The request body must be a JSON object.');
	if (body.messaging_product === undefined || body.messaging_product === '') throw missingParameter('messaging_product');
	if (String(body.messaging_product).toLowerCase() !== 'whatsapp') throw notOneOf('messaging_product', ['whatsapp'], body.messaging_product);
	if (!Array.isArray(body.block_users) || body.block_users.length === 0) throw missingParameter('block_users');
	if (body.block_users.length > USERS_PER_REQUEST_MAX) {
		throw invalidParameter(`Param block_users has ${body.block_users.length} entries; at most ${USERS_PER_REQUEST_MAX} are allowed in one request.`);
	}
	return body.block_users.map((entry, index) => {
		const user = isObject(entry) ? entry.user : undefined;
		if ((typeof user !== 'string' && typeof user !== 'number') || String(user).trim() === '') {
			throw missingParameter(`block_users[${index}]['user']`);
		}
		return String(user);
	});
}

/** Why a user cannot be blocked (their failed_users entry's error), or undefined. */
function blockRefusal(state, phone, user, waId, magicRecipients, blocklist) {
	if (waId === undefined) return userError(OUTSIDE_WINDOW_CODE, 'Re-engagement required', `"${user}" is not a valid WhatsApp user`);
	if (magicRecipients[waId] === OUTSIDE_WINDOW_CODE) {
		return userError(OUTSIDE_WINDOW_CODE, 'Re-engagement required', 'User has not messaged in the last 24 hours');
	}
	const own = [...state.phoneNumbers.values()].some((number) => waIdOf(number.display_phone_number) === waId);
	if (own) return userError(131021, 'Self block', 'Failed to block self phone number');
	if (!blocklist.has(waId) && blocklist.size >= BLOCKLIST_MAX) {
		return userError(139101, 'Blocklist limit reached', `The blocklist has reached its ${BLOCKLIST_MAX} user limit`);
	}
	return undefined;
}

/** Blocks (`block`) or unblocks the body's users; Graph's answer with a list per outcome. */
function changeBlocklist(state, request, phone, block, magicRecipients) {
	const users = usersOfBody(request.body);
	const blocklist = blocklistOf(state, phone);
	const done = [];
	const failed = [];
	for (const user of users) {
		const waId = waIdOf(user);
		const refusal = block
			? blockRefusal(state, phone, user, waId, magicRecipients, blocklist)
			: waId === undefined
				? userError(OUTSIDE_WINDOW_CODE, 'Re-engagement required', `"${user}" is not a valid WhatsApp user`)
				: undefined;
		if (refusal) {
			failed.push({ input: user, ...(waId === undefined ? {} : { wa_id: waId }), errors: [refusal] });
			continue;
		}
		if (block) {
			// Blocked again: stays where it was on the list.
			if (!blocklist.has(waId)) blocklist.set(waId, { wa_id: waId, time: new Date().toISOString() });
		} else {
			blocklist.delete(waId);
		}
		done.push({ input: user, wa_id: waId });
	}
	const results = { [block ? 'added_users' : 'removed_users']: done };
	if (failed.length === 0) return { status: 200, body: { messaging_product: 'whatsapp', block_users: results } };
	const error = new GraphError(139100, '(#139100) Failed to block/unblock users', {
		details: `Failed to ${block ? 'block' : 'unblock'} some users, see the block_users response list for details`,
	});
	return {
		status: 400,
		body: { messaging_product: 'whatsapp', block_users: { ...results, failed_users: failed }, ...error.toBody() },
	};
}

/**
 * The block_users edge of a phone number.
 * @param {object} state the sandbox state
 * @param {{ method: string, query: Record<string,string>, body: unknown }} request
 * @param {{ id: string }} phone the phone number of the path
 * @param {{ page: Function, magicRecipients: Record<string, number> }} helpers graph.js's cursor
 *   paging and the seed's magic recipients
 */
function handleBlockUsers(state, request, phone, { page, magicRecipients }) {
	if (request.method === 'POST') return changeBlocklist(state, request, phone, true, magicRecipients);
	if (request.method === 'DELETE') return changeBlocklist(state, request, phone, false, magicRecipients);
	if (request.method === 'GET') {
		const items = [...blocklistOf(state, phone).values()].map((entry) => ({ id: entry.wa_id }));
		return {
			status: 200,
			body: page(items, request, `${phone.id}/block_users`, (item) => ({ messaging_product: 'whatsapp', wa_id: item.id })),
		};
	}
	throw unknownPath(`/${phone.id}/block_users`);
}

module.exports = { handleBlockUsers, USERS_PER_REQUEST_MAX, BLOCKLIST_MAX };
