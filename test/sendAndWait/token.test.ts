import * as crypto from 'node:crypto';

// timingSafeEqual is a non-configurable export: watched through a module mock that calls the real one.
jest.mock('node:crypto', () => {
	const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
	return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

import {
	MAX_TOKEN_LENGTH,
	relayMac,
	signToken,
	tokenKey,
	validRelayMac,
	verifyToken,
	type TokenFields,
} from '../../nodes/WhatsAppMaton/resources/message/sendAndWait/token';
import { API_KEY } from '../fixture';

const KEY = tokenKey(API_KEY);
const NOW = 1_800_000_000;
const FIELDS: TokenFields = {
	expiresAt: NOW + 3600,
	answer: 'approve',
	recipient: '+1 (555) 010-0200',
	executionId: '4711',
	nodeId: 'c0ffee00-1111-4222-8333-444455556666',
	resumeSignature: 'ab'.repeat(32),
};

afterEach(() => jest.clearAllMocks());

describe('send-and-wait token', () => {
	it('round-trips every field, the recipient as digits', () => {
		const token = signToken(KEY, FIELDS);
		expect(token.startsWith('v1.')).toBe(true);
		expect(verifyToken(KEY, token, NOW)).toEqual({
			ok: true,
			fields: { ...FIELDS, recipient: '15550100200' },
		});
	});

	it.each(['approve', 'disapprove', 'text'] as const)('carries the answer %s', (answer) => {
		const check = verifyToken(KEY, signToken(KEY, { ...FIELDS, answer }), NOW);
		expect(check.ok && check.fields.answer).toBe(answer);
	});

	it('is derived from the API key without containing it', () => {
		const token = signToken(KEY, FIELDS);
		expect(token).not.toContain(API_KEY);
		expect(KEY.equals(tokenKey(API_KEY))).toBe(true);
		expect(KEY.equals(tokenKey(`${API_KEY}x`))).toBe(false);
	});

	it('fits a reply button ID with a UUID node ID and a long execution ID', () => {
		const token = signToken(KEY, { ...FIELDS, executionId: '9'.repeat(20), recipient: '1'.repeat(15) });
		expect(token.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
	});

	it('refuses to make a token longer than a button ID allows', () => {
		expect(() => signToken(KEY, { ...FIELDS, nodeId: 'n'.repeat(200) })).toThrow(/above WhatsApp's 256/);
	});

	it.each([
		['a recipient without digits', { recipient: 'nobody' }, /no phone number digits/],
		['a resume signature that is not 64 hex', { resumeSignature: 'xyz' }, /64 hexadecimal/],
		['an empty execution ID', { executionId: '' }, /empty/],
		['a fractional expiry', { expiresAt: 1.5 }, /whole number/],
	])('refuses to sign %s', (_what, change, message) => {
		expect(() => signToken(KEY, { ...FIELDS, ...change })).toThrow(message);
	});

	it('is refused by a key made from another API key', () => {
		const token = signToken(KEY, FIELDS);
		expect(verifyToken(tokenKey('another-key'), token, NOW)).toEqual({ ok: false, reason: 'forged' });
	});

	// Each of the seven signed parts changed to another valid value of its shape, then the MAC.
	const tamper = (token: string, index: number, value: string) => {
		const parts = token.split('.');
		parts[index] = value;
		return parts.join('.');
	};
	it.each([
		['the expiry', 1, (NOW + 99999).toString(36)],
		['the answer', 2, 'd'],
		['the recipient', 3, '15550100999'],
		['the execution ID', 4, Buffer.from('4712').toString('base64url')],
		['the node ID', 5, Buffer.from('other-node').toString('base64url')],
		['the resume signature', 6, Buffer.alloc(32, 1).toString('base64url')],
		['the MAC', 7, Buffer.alloc(32, 7).toString('base64url')],
	])('is refused as forged when %s is changed', (_what, index, value) => {
		const token = signToken(KEY, FIELDS);
		expect(verifyToken(KEY, tamper(token, index, value), NOW)).toEqual({ ok: false, reason: 'forged' });
	});

	it('is refused as forged with a truncated MAC (lengths differ, no compare)', () => {
		const token = signToken(KEY, FIELDS);
		expect(verifyToken(KEY, token.slice(0, -2), NOW)).toEqual({ ok: false, reason: 'forged' });
	});

	it('compares the MAC with timingSafeEqual on two 32-byte buffers', () => {
		const token = signToken(KEY, FIELDS);
		const spy = jest.mocked(crypto.timingSafeEqual);
		spy.mockClear();
		verifyToken(KEY, tamper(token, 7, Buffer.alloc(32, 7).toString('base64url')), NOW);
		expect(spy).toHaveBeenCalledTimes(1);
		const [a, b] = spy.mock.calls[0] as [Buffer, Buffer];
		expect([a.length, b.length]).toEqual([32, 32]);
	});

	it('expires at its expiry second, by the clock it is given', () => {
		const token = signToken(KEY, FIELDS);
		expect(verifyToken(KEY, token, FIELDS.expiresAt - 1).ok).toBe(true);
		expect(verifyToken(KEY, token, FIELDS.expiresAt)).toEqual({ ok: false, reason: 'expired' });
	});

	it('says forged, not expired, for a forged token past its expiry', () => {
		const token = tamper(signToken(KEY, FIELDS), 2, 'd');
		expect(verifyToken(KEY, token, FIELDS.expiresAt + 10)).toEqual({ ok: false, reason: 'forged' });
	});

	it.each([
		['not a string', 42],
		['an ordinary button ID', 'confirm'],
		['another version', 'v2.a.b.c.d.e.f.g'],
		['too few parts', 'v1.abc.a.1555'],
		['an unknown answer code', 'v1.abc.x.1555.NDcxMQ.bm9kZQ.c2ln.bWFj'],
		['an inherited property as answer code', 'v1.abc.constructor.1555.NDcxMQ.bm9kZQ.c2ln.bWFj'],
		['longer than a button ID', `v1.${'a'.repeat(300)}`],
	])('is malformed when %s', (_what, token) => {
		expect(verifyToken(KEY, token, NOW)).toEqual({ ok: false, reason: 'malformed' });
	});
});

describe('relay MAC', () => {
	it('accepts the MAC of the same body and key only', () => {
		const body = JSON.stringify({ answer: 'approve', from: '15550100200' });
		const given = relayMac(KEY, body);
		expect(validRelayMac(KEY, body, given)).toBe(true);
		expect(validRelayMac(KEY, `${body} `, given)).toBe(false);
		expect(validRelayMac(tokenKey('other'), body, given)).toBe(false);
		expect(validRelayMac(KEY, body, undefined)).toBe(false);
		expect(validRelayMac(KEY, body, given.slice(1))).toBe(false);
	});
});
