/**
 * Rate limits and transient faults through the engine: what is retried, how often, and what
 * the user sees when retrying does not help. Each case counts the requests the gateway saw.
 * Requests that are safe to repeat (here GETs) keep their retries on 5xx, transient Graph codes
 * and network faults; a message is not resent after those (test/delivery/sentOnce.test.ts).
 * Waits run on the virtual clock.
 */
import { NodeApiError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { GATEWAY_ORIGIN, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';
import { useVirtualClock } from '../virtualClock';

const clock = useVirtualClock();

const sent = { messaging_product: 'whatsapp', messages: [{ id: 'wamid.ok' }] };

const sendText = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendText',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	text: 'Hello',
	...extra,
});

/** Phone Number › Get: a GET, safe to repeat. */
const getPhoneNumber = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'phoneNumber',
	operation: 'get',
	phoneNumberId: phoneNumberById(),
	...extra,
});
const phoneNumber = { id: '106540352242922', display_phone_number: '+1 555-0100' };

const throttled = { error: { message: '(#130429) Rate limit hit', type: 'OAuthException', code: 130429, fbtrace_id: 'T1' } };

describe('retries', () => {
	it('retries a 429 after the Retry-After it names, then succeeds', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(429, throttled, { 'retry-after': '0' }).reply(200, sent);
		const { items, error } = await runWhatsApp(sendText());
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([sent]);
		expect(gateway.requests).toHaveLength(2);
		expect(gateway.requests[1].body).toEqual(gateway.requests[0].body);
	});

	it('retries a 429 without Retry-After with backoff, then succeeds', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(429, 'Too Many Requests').reply(200, sent);
		const { items, error } = await runWhatsApp(sendText());
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([sent]);
		expect(gateway.requests).toHaveLength(2);
	});

	it('retries a 500 on a request that is safe to repeat, then succeeds', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(500, { error: { message: 'An unknown error occurred', code: 1 } }, { 'retry-after': '0' })
			.reply(200, phoneNumber);
		const { items, error } = await runWhatsApp(getPhoneNumber());
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([phoneNumber]);
		expect(gateway.requests).toHaveLength(2);
	});

	it('retries a temporary Graph error answered with 400 (code 131000) on a GET', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(400, { error: { message: 'Something went wrong', code: 131000 } }, { 'retry-after': '0' })
			.reply(200, phoneNumber);
		const { error } = await runWhatsApp(getPhoneNumber());
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(2);
	});

	it('retries a reset connection on a GET, then succeeds', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).failWith('ECONNRESET').reply(200, phoneNumber);
		const { items, error } = await runWhatsApp(getPhoneNumber());
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([phoneNumber]);
		expect(gateway.requests).toHaveLength(2);
	});

	it('retries a GET that timed out, then succeeds', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).replyAfter(3000, 200, phoneNumber).reply(200, phoneNumber);
		const { items, error } = await runWhatsApp(getPhoneNumber({ requestOptions: { timeout: 1000 } }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([phoneNumber]);
		expect(gateway.requests).toHaveLength(2);
	});

	it('retries an HTML 502 page on a GET and reports its title when retries run out', async () => {
		const page = '<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>';
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(502, page, { 'content-type': 'text/html', 'retry-after': '0' })
			.reply(502, page, { 'content-type': 'text/html', 'retry-after': '0' });
		const { error } = await runWhatsApp(getPhoneNumber({ deliveryOptions: { maxRetries: 1 } }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe('502 Bad Gateway');
		expect(error?.description).toMatch(/Gave up after 2 attempts/);
		expect(gateway.requests).toHaveLength(2);
	});

	it('never resends a 400', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(400, { error: { message: '(#100) Invalid parameter', code: 100, fbtrace_id: 'T2' } })
			.reply(200, sent);
		const { error } = await runWhatsApp(sendText());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe('(#100) Invalid parameter');
		expect(gateway.requests).toHaveLength(1);
	});

	it('gives the last error when every retry fails (default: 3 retries, 4 requests)', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		for (let attempt = 1; attempt <= 4; attempt++) {
			gateway.reply(503, { error: { message: `Service unavailable ${attempt}`, code: 2 } });
		}
		const { error } = await runWhatsApp(getPhoneNumber());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toBe('Service unavailable 4 (code 2)');
		expect(error?.description).toMatch(/Gave up after 4 attempts/);
		expect(gateway.requests).toHaveLength(4);
		// Backoff doubles from 1 s (with jitter in the upper half of each step).
		expect(clock.sleeps).toHaveLength(3);
		clock.sleeps.forEach((ms, retry) => {
			expect(ms).toBeGreaterThanOrEqual(500 * 2 ** retry);
			expect(ms).toBeLessThanOrEqual(1000 * 2 ** retry);
		});
	});

	it('does not retry a 503 with Max Retries 0', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(503, { error: { message: 'Service unavailable', code: 2 } }).reply(200, phoneNumber);
		const { error } = await runWhatsApp(getPhoneNumber({ deliveryOptions: { maxRetries: 0 } }));
		expect(error?.message).toBe('Service unavailable (code 2)');
		expect(gateway.requests).toHaveLength(1);
	});

	it('does not wait out a rate limit with Rate Limit Wait 0', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(429, throttled, { 'retry-after': '0' }).reply(200, sent);
		const { error } = await runWhatsApp(sendText({ deliveryOptions: { rateLimitWaitSeconds: 0 } }));
		expect(error?.message).toBe('(#130429) Rate limit hit');
		expect(error?.description).toMatch(/waited 0 s in total/);
		expect(gateway.requests).toHaveLength(1);
	});

	it('retries each page of Return All on its own', async () => {
		const page = (ids: string[], after?: string) => ({
			data: ids.map((id) => ({ id, name: `t_${id}` })),
			paging: { cursors: { before: 'b', after: after ?? 'end' }, ...(after ? { next: 'https://graph.facebook.com/x' } : {}) },
		});
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, page(['1', '2'], 'CURSOR2'))
			.reply(429, throttled, { 'retry-after': '0' })
			.reply(200, page(['3']));
		const { items, error } = await runWhatsApp({ resource: 'template', operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(['1', '2', '3']);
		expect(gateway.requests.map((request) => new URL(request.url).searchParams.get('after'))).toEqual([
			null,
			'CURSOR2',
			'CURSOR2',
		]);
	});

	it('retries the upload before a media message sent from binary data', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(429, throttled, { 'retry-after': '0' })
			.reply(200, { id: '555000111' })
			.reply(200, sent);
		const { items, error } = await runWhatsApp(
			{
				resource: 'message',
				operation: 'sendImage',
				phoneNumberId: phoneNumberById(),
				recipientPhoneNumber: '15551234567',
				mediaSource: 'binary',
				binaryPropertyName: 'data',
			},
			{
				input: [
					{
						json: {},
						binary: { data: { data: Buffer.from('png bytes').toString('base64'), mimeType: 'image/png', fileName: 'a.png' } },
					},
				],
			},
		);
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => new URL(request.url).pathname.split('/').pop())).toEqual([
			'media',
			'media',
			'messages',
		]);
		expect((gateway.requests[2].body as { image: unknown }).image).toEqual({ id: '555000111' });
		expect(items[0].json.uploadedMedia).toEqual({ id: '555000111' });
	});
});
