import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Meta signs each delivery with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`,
 * keyed with the app secret. The check runs on the bytes as received (re-serialised JSON would
 * differ) and compares in constant time, on buffers of equal length only (timingSafeEqual throws
 * otherwise, and a length mismatch is itself a wrong signature).
 */
export function validSignature(rawBody: Buffer, header: unknown, appSecret: string): boolean {
	if (typeof header !== 'string') return false;
	const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
	if (!match) return false;
	const expected = createHmac('sha256', appSecret).update(rawBody).digest();
	const given = Buffer.from(match[1], 'hex');
	return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Constant-time comparison of two strings (verify tokens), false when the lengths differ. */
export function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || expected === '') return false;
	const a = Buffer.from(given, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The verify token this trigger sends with its override and expects back on Meta's GET.
 * Derived (HMAC keyed with the Maton API key) rather than random-and-stored: n8n saves a
 * workflow's static data only after every webhook's `create()` has returned, and Meta checks the
 * URL while the override call is still running, so a freshly stored token would not yet be
 * readable by the GET handler. Unguessable without the key, stable per workflow and node (so the
 * production URL can be restored after a test listen), and readable in any n8n process
 * (queue mode's webhook process included).
 */
export function derivedVerifyToken(apiKey: string, workflowId: string, nodeId: string): string {
	return createHmac('sha256', apiKey)
		.update(`n8n-nodes-whatsapp-maton:verify-token:${workflowId}:${nodeId}`)
		.digest('hex');
}
