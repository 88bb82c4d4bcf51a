/**
 * A message is sent once or not at all. Through n8n's engine against a real loopback server (a
 * reset after the request was read and a timeout need real sockets): after a fault that may have
 * come after the gateway acted, Send Text is not resent and says the message may have been
 * delivered; with Retry When Delivery Is Uncertain it is; rate limits are waited out (Retry-After
 * honoured, on the virtual clock) without using up Max Retries. Each case counts the requests the
 * server read.
 */
import type { INodeParameters } from 'n8n-workflow';

import { matonCredentials, phoneNumberById, runWhatsApp } from '../fixture';
import { useVirtualClock } from '../virtualClock';
import { allowLoopback, type Behaviour, type Loopback, startLoopback } from './loopback';

allowLoopback();
const clock = useVirtualClock();

const sent = { messaging_product: 'whatsapp', contacts: [{ input: '15551234567', wa_id: '15551234567' }], messages: [{ id: 'wamid.ok' }] };
const ok: Behaviour = { reply: 200, body: sent };
const badGateway: Behaviour = {
	reply: 502,
	body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
	headers: { 'content-type': 'text/html', 'retry-after': '0' },
};
const throttled = (headers: Record<string, string> = {}): Behaviour => ({
	reply: 429,
	body: { error: { message: '(#80007) Rate limit hit', type: 'OAuthException', code: 80007, fbtrace_id: 'T' } },
	headers,
});

let server: Loopback | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

/** Runs Send Text against a loopback gateway whose answers come from `answers` in order. */
async function sendText(answers: Behaviour[], extra: INodeParameters = {}) {
	server = await startLoopback((_request, index) => answers[index] ?? { reply: 599, body: { error: { message: 'unexpected request' } } });
	const result = await runWhatsApp(
		{
			resource: 'message',
			operation: 'sendText',
			phoneNumberId: phoneNumberById(),
			recipientPhoneNumber: '15551234567',
			text: 'Your order has shipped',
			// The "hang" answer never comes; 1 s is long enough for a busy machine's normal answers.
			requestOptions: { timeout: 1000 },
			...extra,
		},
		{ credentials: matonCredentials({ gatewayBaseUrl: server.url, controlBaseUrl: server.url }) },
	);
	return { ...result, requests: server.requests };
}

const uncertainFaults: Array<[string, Behaviour, RegExp]> = [
	['a reset after the request was read', { reset: true }, /ECONNRESET|reset|socket hang up/i],
	['a 502', badGateway, /HTTP 502/],
	['a timeout', { hang: true }, /timeout|ECONNABORTED|ETIMEDOUT/i],
];

describe('Send Text after a fault that may have come after the gateway acted', () => {
	it.each(uncertainFaults)('%s: sent once, and the error says it may have been delivered', async (_fault, behaviour, shows) => {
		const { error, requests } = await sendText([behaviour, ok]);
		expect(requests).toHaveLength(1);
		const said = `${error?.message} ${error?.description}`;
		expect(said).toMatch(/The message may have been delivered/);
		expect(said).toMatch(shows);
		expect(error?.description).toMatch(/recipient's chat.*status webhooks/);
		expect(error?.description).toMatch(/rerun only the items you confirmed failed/);
		expect(error?.description).toMatch(/Retry When Delivery Is Uncertain|not sent again/);
		expect(clock.sleeps).toEqual([]);
	});

	it.each(uncertainFaults)('%s, with Retry When Delivery Is Uncertain: resent and delivered', async (_fault, behaviour) => {
		const { error, items, requests } = await sendText([behaviour, ok], { deliveryOptions: { retryUncertainDelivery: true } });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([sent]);
		expect(requests).toHaveLength(2);
		expect(requests[1].body).toEqual(requests[0].body);
	});

	it('with the opt-in, still says it may have been delivered when every try fails', async () => {
		const { error, requests } = await sendText([badGateway, badGateway], {
			deliveryOptions: { retryUncertainDelivery: true, maxRetries: 1 },
		});
		expect(requests).toHaveLength(2);
		expect(error?.message).toBe('502 Bad Gateway');
		expect(error?.description).toMatch(/^The message may have been delivered \(HTTP 502\)/);
		expect(error?.description).toMatch(/Gave up after 2 attempts/);
	});

	it('with Continue On Fail, the uncertain send is its one error item', async () => {
		server = await startLoopback((request) =>
			(request.body as { to: string }).to === '15550000002' ? { reset: true } : ok,
		);
		const { items, error } = await runWhatsApp(
			{
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: phoneNumberById(),
				recipientPhoneNumber: '={{ $json.to }}',
				text: 'Hello',
			},
			{
				credentials: matonCredentials({ gatewayBaseUrl: server.url }),
				input: [{ json: { to: '15550000001' } }, { json: { to: '15550000002' } }, { json: { to: '15550000003' } }],
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(server.requests).toHaveLength(3);
		expect(items).toHaveLength(3);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toMatch(/^The message may have been delivered/);
		expect(items[0].json).toEqual(sent);
		expect(items[2].json).toEqual(sent);
	});
});

describe('Send Text after a fault where the gateway certainly did not act', () => {
	it('429 five times, then 200: delivered with the default options (rate limits do not use up Max Retries)', async () => {
		const { error, items, requests } = await sendText([
			throttled(),
			throttled(),
			throttled(),
			throttled(),
			throttled(),
			ok,
		]);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([sent]);
		expect(requests).toHaveLength(6);
		// Five backoff waits, doubling from about 1 s.
		const backoffs = clock.sleeps.filter((ms) => ms >= 500);
		expect(backoffs).toHaveLength(5);
		backoffs.forEach((ms, wait) => expect(ms).toBeGreaterThanOrEqual(500 * 2 ** wait));
	});

	it('honours Retry-After', async () => {
		const { error, requests } = await sendText([throttled({ 'retry-after': '7' }), ok]);
		expect(error).toBeUndefined();
		expect(requests).toHaveLength(2);
		expect(clock.sleeps).toContain(7000);
	});

	it('fails when Retry-After asks for more than Rate Limit Wait has left, saying how long it waited', async () => {
		const { error, requests } = await sendText(
			[throttled({ 'retry-after': '2' }), throttled({ 'retry-after': '2' }), throttled({ 'retry-after': '7' }), ok],
			{ deliveryOptions: { rateLimitWaitSeconds: 10 } },
		);
		expect(requests).toHaveLength(3);
		expect(error?.message).toBe('(#80007) Rate limit hit');
		expect(error?.description).toMatch(/waited 4 s in total, the most Delivery Options › Rate Limit Wait \(10 s\) allows/);
		expect(error?.description).toMatch(/asked to wait 7 s more/);
		expect(clock.sleeps.filter((ms) => ms >= 1000)).toEqual([2000, 2000]);
	});

	it('a connection refused before anything was written is resent (up to Max Retries)', async () => {
		// A port nothing listens on: start a server, note its address, close it.
		const closed = await startLoopback(() => ok);
		const deadUrl = closed.url;
		await closed.close();
		const { error } = await runWhatsApp(
			{
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: phoneNumberById(),
				recipientPhoneNumber: '15551234567',
				text: 'Hello',
				deliveryOptions: { maxRetries: 2 },
			},
			{ credentials: matonCredentials({ gatewayBaseUrl: deadUrl }) },
		);
		expect(`${error?.message} ${error?.description}`).toMatch(/ECONNREFUSED|refused/i);
		expect(error?.description).toMatch(/Gave up after 3 attempts/);
		expect(`${error?.message} ${error?.description}`).not.toMatch(/may have been delivered/);
		// Two backoff waits between the three attempts.
		expect(clock.sleeps.filter((ms) => ms >= 500)).toHaveLength(2);
	});
});
