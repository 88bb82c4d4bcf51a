import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token that addresses a WhatsApp answer to a waiting execution (Message › Send and Wait for
 * Response). It travels as a reply button's ID (at most 256 characters, returned in the tap's
 * webhook) or as a message's `biz_opaque_callback_data` (at most 512, returned in the message's
 * status webhooks), and the WhatsApp (Maton) Trigger reads it back to resume the execution.
 *
 *   v1.<expiry>.<answer>.<recipient>.<execution id>.<node id>.<resume signature>.<mac>
 *
 * - expiry: seconds since the epoch, base 36;
 * - answer: `a` approve, `d` disapprove, `t` free text;
 * - recipient: the customer's number, digits only (a reply from anyone else matches nothing);
 * - execution id, node id: base64url (so any character in them is safe between the dots);
 * - resume signature: n8n's own signature of the node's resume URL (the trigger cannot compute
 *   it: it is keyed with the instance's secret), base64url of its 32 bytes;
 * - mac: HMAC-SHA256 over everything before it, keyed with a key derived from the Maton API key
 *   that the sending node and the trigger share, base64url.
 *
 * Nothing in it is secret from Meta or Maton, who carry it; without the API key nobody can make
 * one, and n8n checks the resume signature again when the trigger hands the answer on.
 */

export const TOKEN_VERSION = 'v1';
/** WhatsApp's limit for a reply button's ID, the shorter of the two carriers. */
export const MAX_TOKEN_LENGTH = 256;

export type TokenAnswer = 'approve' | 'disapprove' | 'text';

const ANSWER_CODES: Record<TokenAnswer, string> = { approve: 'a', disapprove: 'd', text: 't' };
const CODE_ANSWERS: Record<string, TokenAnswer> = { a: 'approve', d: 'disapprove', t: 'text' };

export interface TokenFields {
	/** When the token stops being accepted, in seconds since the epoch. */
	expiresAt: number;
	answer: TokenAnswer;
	/** The customer's WhatsApp number, digits only. */
	recipient: string;
	executionId: string;
	nodeId: string;
	/** The `signature` query value of n8n's signed resume URL (64 hexadecimal characters). */
	resumeSignature: string;
}

export type TokenCheck =
	| { ok: true; fields: TokenFields }
	| { ok: false; reason: 'malformed' | 'forged' | 'expired' };

/** The MAC key: derived, so that the API key itself never keys anything that leaves n8n. */
export function tokenKey(apiKey: string): Buffer {
	return createHmac('sha256', apiKey).update('n8n-nodes-whatsapp-maton:send-and-wait:v1').digest();
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const B64URL = /^[A-Za-z0-9_-]+$/;
const HEX64 = /^[0-9a-f]{64}$/;
const DIGITS = /^\d{1,20}$/;
const BASE36 = /^[0-9a-z]{1,10}$/;

/** Digits only: `+1 (555) 010-0200` and `15550100200` are the same customer. */
export const digitsOf = (phone: string) => phone.replace(/\D/g, '');

function mac(key: Buffer, signed: string): Buffer {
	return createHmac('sha256', key).update(signed).digest();
}

/** Makes a token; throws (plain Error) on fields that cannot be carried. */
export function signToken(key: Buffer, fields: TokenFields): string {
	const recipient = digitsOf(fields.recipient);
	if (!DIGITS.test(recipient)) throw new Error('the recipient has no phone number digits');
	if (!HEX64.test(fields.resumeSignature)) throw new Error('the resume signature is not 64 hexadecimal characters');
	if (fields.executionId === '' || fields.nodeId === '') throw new Error('the execution or node ID is empty');
	if (!Number.isInteger(fields.expiresAt) || fields.expiresAt <= 0) throw new Error('the expiry is not a positive whole number of seconds');
	const signed = [
		TOKEN_VERSION,
		fields.expiresAt.toString(36),
		ANSWER_CODES[fields.answer],
		recipient,
		b64(fields.executionId),
		b64(fields.nodeId),
		Buffer.from(fields.resumeSignature, 'hex').toString('base64url'),
	].join('.');
	const token = `${signed}.${mac(key, signed).toString('base64url')}`;
	if (token.length > MAX_TOKEN_LENGTH) {
		throw new Error(`the token would be ${token.length} characters long, above WhatsApp's ${MAX_TOKEN_LENGTH} for a button ID`);
	}
	return token;
}

/** Whether a string is shaped like a token at all (cheap, before any MAC is computed). */
export const looksLikeToken = (value: unknown): value is string =>
	typeof value === 'string' && value.length <= MAX_TOKEN_LENGTH && value.startsWith(`${TOKEN_VERSION}.`);

/**
 * Checks a token: its shape, then its MAC in constant time (timingSafeEqual on two 32-byte
 * buffers), then its expiry against `nowSeconds` (the caller's clock). The MAC is checked before
 * any field is trusted, so a forged token says only "forged", never whether it had expired.
 */
export function verifyToken(key: Buffer, token: unknown, nowSeconds: number): TokenCheck {
	if (!looksLikeToken(token)) return { ok: false, reason: 'malformed' };
	const parts = token.split('.');
	if (parts.length !== 8) return { ok: false, reason: 'malformed' };
	const [, expiry, answerCode, recipient, executionId, nodeId, signature, givenMac] = parts;
	if (
		!BASE36.test(expiry) ||
		!Object.hasOwn(CODE_ANSWERS, answerCode) ||
		!DIGITS.test(recipient) ||
		![executionId, nodeId, signature, givenMac].every((part) => B64URL.test(part))
	) {
		return { ok: false, reason: 'malformed' };
	}
	const given = Buffer.from(givenMac, 'base64url');
	const expected = mac(key, parts.slice(0, 7).join('.'));
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return { ok: false, reason: 'forged' };
	}
	const expiresAt = parseInt(expiry, 36);
	if (nowSeconds >= expiresAt) return { ok: false, reason: 'expired' };
	return {
		ok: true,
		fields: {
			expiresAt,
			answer: CODE_ANSWERS[answerCode],
			recipient,
			executionId: Buffer.from(executionId, 'base64url').toString('utf8'),
			nodeId: Buffer.from(nodeId, 'base64url').toString('utf8'),
			resumeSignature: Buffer.from(signature, 'base64url').toString('hex'),
		},
	};
}

/**
 * The HMAC the trigger puts on the answer it hands to the waiting node, so that the node trusts
 * who answered and what only when it came from a trigger holding the same API key.
 */
export function relayMac(key: Buffer, body: string): string {
	return createHmac('sha256', key).update(`relay:${body}`).digest('base64url');
}

/** Constant-time check of a relay MAC. */
export function validRelayMac(key: Buffer, body: string, given: unknown): boolean {
	if (typeof given !== 'string') return false;
	const a = Buffer.from(given, 'utf8');
	const b = Buffer.from(relayMac(key, body), 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}
