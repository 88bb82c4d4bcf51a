/**
 * Pacing on the virtual clock (no wall time): at most N departures in any sliding window of a
 * second (plus a small margin), checked after every wait, so a stalled event loop cannot release a
 * burst; AIMD (multiplicative decrease, additive increase) after rate limits; one pace per account shared by executions; backoff.
 */
import {
	AccountPacer,
	MAX_RATE,
	MIN_RATE,
	RATE_DECREASE_FACTOR,
	RATE_INCREASE_PER_SUCCESS,
	ANSWER_MARGIN_MS,
	WINDOW_MARGIN_MS,
	accountHash,
	pacerOfAccount,
} from '../../nodes/WhatsAppMaton/transport/pacing';
import { backoffMs } from '../../nodes/WhatsAppMaton/transport/delivery';
import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { API_KEY, GATEWAY_ORIGIN, fakeApi, matonCredentials, phoneNumberById, runWhatsApp } from '../fixture';
import { START, useVirtualClock } from '../virtualClock';

const clock = useVirtualClock();
const WINDOW = 1000 + WINDOW_MARGIN_MS;

/** Most departures in any window of `windowMs` (ending at each departure). */
function mostInWindow(times: number[], windowMs: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	for (let end = 0, start = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= windowMs) start++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

/** Takes `count` turns at once (as the engine starts every item at once) and returns departure times. */
async function departures(pacer: AccountPacer, count: number, ceiling: number): Promise<number[]> {
	const times: number[] = [];
	await Promise.all(
		Array.from({ length: count }, async () => {
			await pacer.take(ceiling, () => false);
			times.push(clock.now);
		}),
	);
	return times;
}

describe('the sliding window', () => {
	it('10 per second: 50 requests, never more than 10 in any window, at a throughput above 9.5/s', async () => {
		const times = await departures(new AccountPacer(), 50, 10);
		expect(times).toHaveLength(50);
		expect(mostInWindow(times, WINDOW)).toBe(10);
		const span = Math.max(...times) - Math.min(...times);
		// 50 departures = 5 windows of 10; the last leaves 4 windows after the first (and a bit).
		expect((49 / span) * 1000).toBeGreaterThanOrEqual(9.5);
	});

	it('spreads each window: consecutive departures at least half an even share apart', async () => {
		const times = (await departures(new AccountPacer(), 20, 10)).sort((a, b) => a - b);
		const gaps = times.slice(1).map((time, index) => time - times[index]);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(WINDOW / 10 / 2);
	});

	it('a stalled event loop does not release a burst beyond the window', async () => {
		const pacer = new AccountPacer();
		const first = await departures(pacer, 10, 10);
		// The loop is busy for 3 s: when it comes back, the window is empty again, so at most 10 go
		// at once-spaced, never the backlog of 30 that the stall "owes".
		clock.advance(3000);
		const after = await departures(pacer, 30, 10);
		expect(mostInWindow([...first, ...after], WINDOW)).toBeLessThanOrEqual(10);
	});

	it('checks again after the wait: a departure booked by someone else during the sleep counts', async () => {
		const pacer = new AccountPacer();
		const times = await departures(pacer, 10, 10);
		// Another pacer user departs directly (e.g. another execution) while ours sleeps.
		const waiting = departures(pacer, 1, 10);
		pacer.depart(clock.now);
		const [next] = await waiting;
		expect(mostInWindow([...times, clock.now, next], WINDOW)).toBeLessThanOrEqual(10);
	});

	it('fractional rates: 2.5 per second → 2 per window; 0.5 per second → 1 per 2 s', async () => {
		expect(mostInWindow(await departures(new AccountPacer(), 10, 2.5), WINDOW)).toBe(2);
		const slow = (await departures(new AccountPacer(), 4, 0.5)).sort((a, b) => a - b);
		expect(slow[3] - slow[0]).toBeGreaterThanOrEqual(3 * 2000);
	});

	it('an answer bounds the window: the 11th may leave a window after the first answer, without the margin', () => {
		const pacer = new AccountPacer();
		const first = pacer.depart(START);
		for (let index = 1; index < 10; index++) pacer.depart(START + index * 100);
		// No answer yet: the first departure plus the window and its margin.
		expect(pacer.waitMs(10, START + 950)).toBe(1000 + WINDOW_MARGIN_MS - 950);
		// The gateway answered 3 ms after the first left, so it counted that request by then.
		pacer.answered(first, START + 3);
		expect(pacer.waitMs(10, START + 950)).toBe(1000 + 3 + ANSWER_MARGIN_MS - 950);
		expect(pacer.waitMs(10, START + 1000 + 3 + ANSWER_MARGIN_MS)).toBe(0);
	});

	it('steady latency: answers all as slow leave the departure bound alone; a second answer changes nothing', () => {
		const pacer = new AccountPacer();
		const sent = Array.from({ length: 10 }, (_, index) => pacer.depart(START + index * 90));
		sent.forEach((departure, index) => pacer.answered(departure, departure.at + 400 + (index % 2)));
		pacer.answered(sent[0], START + 1);
		expect(pacer.waitMs(10, START + 900)).toBe(1000 + WINDOW_MARGIN_MS - 900);
	});

	it('an answer slower than the others (a new connection) pushes its window back, never past its answer', () => {
		const pacer = new AccountPacer();
		const sent = Array.from({ length: 10 }, (_, index) => pacer.depart(START + index * 90));
		// The first took 40 ms, the others 2: up to 38 ms of it may have passed before it was counted.
		sent.forEach((departure, index) => pacer.answered(departure, departure.at + (index === 0 ? 40 : 2)));
		expect(pacer.waitMs(10, START + 900)).toBe(Math.min(1000 + WINDOW_MARGIN_MS + 38, 40 + 1000 + ANSWER_MARGIN_MS) - 900);
		// 400 ms against 2: bounded by its answer.
		const slow = new AccountPacer();
		const slowSent = Array.from({ length: 10 }, (_, index) => slow.depart(START + index * 90));
		slowSent.forEach((departure, index) => slow.answered(departure, departure.at + (index === 0 ? 400 : 2)));
		expect(slow.waitMs(10, START + 900)).toBe(400 + 1000 + ANSWER_MARGIN_MS - 900);
	});

	it('0 requests per second: no waiting at all', async () => {
		const times = await departures(new AccountPacer(), 100, 0);
		expect(new Set(times)).toEqual(new Set([START]));
		expect(clock.sleeps).toEqual([]);
	});

	it('a waiter that gives up (the run stopped) leaves the queue without a departure', async () => {
		const pacer = new AccountPacer();
		await departures(pacer, 10, 10);
		expect(await pacer.take(10, () => true)).toBe(false);
		expect(pacer.waitMs(10, clock.now)).toBeGreaterThan(0);
	});
});

describe('AIMD', () => {
	it('lowers the rate multiplicatively after a rate limit, once per window, never below 1/s', () => {
		const pacer = new AccountPacer();
		expect(pacer.currentRate(10)).toBe(10);
		pacer.slowDown(10, START);
		expect(pacer.currentRate(10)).toBeCloseTo(10 * RATE_DECREASE_FACTOR, 5);
		// The requests already in flight say "too fast" again: no further decrease in that window.
		pacer.slowDown(10, START + 500);
		expect(pacer.currentRate(10)).toBeCloseTo(10 * RATE_DECREASE_FACTOR, 5);
		for (let window = 1; window <= 10; window++) pacer.slowDown(10, START + window * 2000);
		expect(pacer.currentRate(10)).toBe(MIN_RATE);
	});

	it('lowers from the caller’s own ceiling when that is lower', () => {
		const pacer = new AccountPacer();
		pacer.slowDown(4, START);
		expect(pacer.currentRate(10)).toBeCloseTo(4 * RATE_DECREASE_FACTOR, 5);
	});

	it('recovers additively with successes, up to the ceiling', () => {
		const pacer = new AccountPacer();
		pacer.slowDown(10, START);
		for (let success = 0; success < 10; success++) pacer.speedUp();
		expect(pacer.currentRate(10)).toBeCloseTo(10 * RATE_DECREASE_FACTOR + 10 * RATE_INCREASE_PER_SUCCESS, 5);
		for (let success = 0; success < 1000; success++) pacer.speedUp();
		expect(pacer.currentRate(10)).toBe(MAX_RATE);
		expect(pacer.currentRate(7)).toBe(7);
	});

	it('paces at the lowered rate: after two decreases (10 → 7 → 4.9), at most 4 in a window', async () => {
		const pacer = new AccountPacer();
		pacer.slowDown(10, START);
		pacer.slowDown(10, START + 2 * WINDOW);
		// No success recorded in between, so the rate stays 4.9: 4 per (slightly longer) window.
		const times = await departures(pacer, 12, 10);
		expect(mostInWindow(times, WINDOW)).toBe(4);
	});
});

describe('one pace per account', () => {
	it('the same gateway, key and connection share a pacer; another key has its own', () => {
		const key = (apiKey: string) => accountHash(JSON.stringify(['https://gateway.maton.ai/whatsapp-business/v25.0', apiKey, '']));
		expect(pacerOfAccount(key('a'))).toBe(pacerOfAccount(key('a')));
		expect(pacerOfAccount(key('a'))).not.toBe(pacerOfAccount(key('b')));
		expect(key(API_KEY)).not.toContain(API_KEY);
	});

	it('two executions at once on one key share one budget: 10 per window across both', async () => {
		const departuresSeen: number[] = [];
		const gateway = fakeApi(GATEWAY_ORIGIN);
		for (let index = 0; index < 30; index++) gateway.reply(200, { messages: [{ id: `wamid.${index}` }] });
		const run = (offset: number) =>
			runWhatsApp(
				{
					resource: 'message',
					operation: 'sendText',
					phoneNumberId: phoneNumberById(),
					recipientPhoneNumber: '={{ $json.to }}',
					text: 'Hello',
				},
				{
					credentials: matonCredentials(),
					input: Array.from({ length: 15 }, (_, index) => ({ json: { to: `1555000${String(offset + index).padStart(4, '0')}` } })),
				},
			);
		const original = AccountPacer.prototype.depart;
		AccountPacer.prototype.depart = function (this: AccountPacer, now: number) {
			departuresSeen.push(now);
			return original.call(this, now);
		};
		try {
			const [first, second] = await Promise.all([run(0), run(100)]);
			expect(first.error).toBeUndefined();
			expect(second.error).toBeUndefined();
		} finally {
			AccountPacer.prototype.depart = original;
		}
		expect(gateway.requests).toHaveLength(30);
		expect(departuresSeen).toHaveLength(30);
		expect(mostInWindow(departuresSeen, WINDOW)).toBe(10);
	});
});

describe('pacing through the engine', () => {
	it('sends 25 items at the default 10 per second: never more than 10 departures in a window', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		for (let index = 0; index < 25; index++) gateway.reply(200, { messages: [{ id: `wamid.${index}` }] });
		const times: number[] = [];
		const original = AccountPacer.prototype.depart;
		AccountPacer.prototype.depart = function (this: AccountPacer, now: number) {
			times.push(now);
			return original.call(this, now);
		};
		try {
			const { items, error } = await runWhatsApp(
				{
					resource: 'message',
					operation: 'sendText',
					phoneNumberId: phoneNumberById(),
					recipientPhoneNumber: '15551234567',
					text: '={{ "message " + $json.n }}',
				},
				{ input: Array.from({ length: 25 }, (_, n) => ({ json: { n } })) },
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(25);
		} finally {
			AccountPacer.prototype.depart = original;
		}
		expect(times).toHaveLength(25);
		expect(mostInWindow(times, WINDOW)).toBe(10);
		// Two full windows before the 21st could leave.
		expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(2 * WINDOW);
	});
});

describe('backoff', () => {
	it('doubles with full jitter in the upper half, capped at 30 s', () => {
		expect(backoffMs(0, () => 0)).toBe(500);
		expect(backoffMs(0, () => 1)).toBe(1000);
		expect(backoffMs(3, () => 0)).toBe(4000);
		expect(backoffMs(3, () => 1)).toBe(8000);
		expect(backoffMs(10, () => 1)).toBe(30_000);
	});
});

describe('Delivery Options', () => {
	it('has the documented options, in the editor', () => {
		const field = new WhatsAppMaton().description.properties.find((property) => property.name === 'deliveryOptions');
		expect(((field?.options ?? []) as Array<{ name: string }>).map((option) => option.name)).toEqual([
			'maxConcurrentRequests',
			'maxRetries',
			'rateLimitWaitSeconds',
			'requestsPerSecond',
			'retryUncertainDelivery',
		]);
	});
});
