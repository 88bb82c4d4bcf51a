/**
 * Delivery Options that cannot run away: not a number → an error naming the option and nothing
 * sent; out of range → clamped to the documented range; the editor's defaults and ranges are the
 * ones the run applies. And the bound on requests in flight, also with pacing off.
 */
import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_DELIVERY, DELIVERY_NUMBER_OPTIONS } from '../../nodes/WhatsAppMaton/transport/deliveryOptions';
import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { GATEWAY_ORIGIN, fakeApi, matonCredentials, phoneNumberById, runWhatsApp } from '../fixture';
import { useVirtualClock } from '../virtualClock';
import { allowLoopback, startLoopback } from './loopback';

allowLoopback();
const clock = useVirtualClock();

const sendText = (deliveryOptions: unknown): INodeParameters => ({
	resource: 'message',
	operation: 'sendText',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	text: 'Hello',
	deliveryOptions: deliveryOptions as INodeParameters,
});

const sent = { messages: [{ id: 'wamid.ok' }] };

describe('a value that is not a number (or not a boolean)', () => {
	const cases: Array<[string, string, unknown]> = [
		['maxRetries', 'Max Retries', 'abc'],
		['requestsPerSecond', 'Requests per Second', 'fast'],
		['rateLimitWaitSeconds', 'Rate Limit Wait', 'abc'],
		['maxConcurrentRequests', 'Max Concurrent Requests', 'abc'],
		['maxRetries', 'Max Retries', { times: 3 }],
		['requestsPerSecond', 'Requests per Second', true],
		['retryUncertainDelivery', 'Retry When Delivery Is Uncertain', 'yes'],
	];
	it.each(cases)('%s (%s) given %j: an error naming it, nothing sent', async (name, displayName, value) => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		// Through an expression, as a value the editor would not allow gets there.
		const expression = `={{ ${JSON.stringify(value)} }}`;
		const { error } = await runWhatsApp(sendText({ [name]: expression }));
		// The routing engine hands a run-time error on as a NodeApiError; the message is ours.
		expect(error?.message).toContain(`Delivery Options › ${displayName} must be`);
		expect(error?.context?.itemIndex).toBe(0);
		expect(gateway.requests).toHaveLength(0);
	});

	it('a number given as text (as expressions often give) is accepted', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp(sendText({ maxRetries: '={{ "2" }}', requestsPerSecond: '={{ "5" }}' }));
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
	});
});

describe('out of range: clamped', () => {
	/** Phone Number › Get answered 503 every time: a GET, so retried up to Max Retries. */
	async function attemptsWithMaxRetries(maxRetries: unknown): Promise<number> {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		for (let attempt = 0; attempt < 40; attempt++) gateway.reply(503, { error: { message: 'Service unavailable', code: 2 } });
		await runWhatsApp({ resource: 'phoneNumber', operation: 'get', phoneNumberId: phoneNumberById(), deliveryOptions: { maxRetries } as INodeParameters });
		return gateway.requests.length;
	}

	it('Max Retries 99 → 10: 11 attempts', async () => {
		expect(await attemptsWithMaxRetries(99)).toBe(11);
	});

	it('Max Retries -5 → 0: 1 attempt', async () => {
		expect(await attemptsWithMaxRetries(-5)).toBe(1);
	});

	it('Max Retries 2.7 → 2: 3 attempts', async () => {
		expect(await attemptsWithMaxRetries(2.7)).toBe(3);
	});

	it('Requests per Second 500 → 10: departures stay within 10 in any window', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		for (let index = 0; index < 12; index++) gateway.reply(200, sent);
		const { error } = await runWhatsApp(
			{ ...sendText({ requestsPerSecond: 500 }), recipientPhoneNumber: '={{ $json.to }}' },
			{ input: Array.from({ length: 12 }, (_, index) => ({ json: { to: `1555000${String(index).padStart(4, '0')}` } })) },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(12);
		// The 11th departure had to wait for the first to leave the window.
		expect(clock.now - 1_000_000).toBeGreaterThanOrEqual(1000);
	});
});

describe('the editor and the run agree', () => {
	it('defaults and ranges of the fields are what the reader applies', () => {
		const field = new WhatsAppMaton().description.properties.find((property) => property.name === 'deliveryOptions');
		const options = (field?.options ?? []) as Array<{ name: string; default: unknown; typeOptions?: { minValue?: number; maxValue?: number } }>;
		expect(Object.fromEntries(options.map((option) => [option.name, option.default]))).toEqual({ ...DEFAULT_DELIVERY });
		expect(DEFAULT_DELIVERY).toEqual({
			maxRetries: 3,
			requestsPerSecond: 10,
			rateLimitWaitSeconds: 180,
			maxConcurrentRequests: 10,
			retryUncertainDelivery: false,
		});
		for (const [name, range] of Object.entries(DELIVERY_NUMBER_OPTIONS)) {
			const option = options.find((candidate) => candidate.name === name);
			expect([option?.typeOptions?.minValue, option?.typeOptions?.maxValue]).toEqual([range.min, range.max]);
		}
	});
});

describe('Max Concurrent Requests', () => {
	it.each([
		[{ requestsPerSecond: 0 }, 10],
		[{ requestsPerSecond: 0, maxConcurrentRequests: 3 }, 3],
		[{ requestsPerSecond: 0, maxConcurrentRequests: 1000 }, 100],
	])('200 items with %j: at most %i requests open at once, all delivered', async (deliveryOptions, bound) => {
		const server = await startLoopback(() => ({ after: 5, reply: 200, body: sent }));
		try {
			const { items, error } = await runWhatsApp(
				{ ...sendText(deliveryOptions), recipientPhoneNumber: '={{ $json.to }}' },
				{
					input: Array.from({ length: 200 }, (_, index) => ({ json: { to: `1555000${String(index).padStart(4, '0')}` } })),
					credentials: matonCredentials({ gatewayBaseUrl: server.url }),
				},
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(200);
			expect(server.requests).toHaveLength(200);
			expect(server.maxOpen).toBeLessThanOrEqual(bound);
			// The bound is used, not only respected (the server holds each answer 5 ms).
			if (bound <= 10) expect(server.maxOpen).toBe(bound);
		} finally {
			await server.close();
		}
	});
});
