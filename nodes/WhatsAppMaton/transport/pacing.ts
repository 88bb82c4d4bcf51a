import { sleep } from 'n8n-workflow';

/**
 * Time as the delivery layer sees it. Tests replace `now` and `sleep` with a virtual clock that
 * advances when slept, so pacing, backoff and Retry-After are tested without wall time.
 */
export const deliveryClock = {
	now: (): number => Date.now(),
	sleep: async (ms: number): Promise<void> => await sleep(ms),
};

/** Maton counts requests per key in a sliding one-second window. */
const WINDOW_MS = 1000;
/**
 * Departures are counted in a slightly longer window: a request leaves this process a little
 * before it reaches the gateway, and that delay varies (event loop, sockets, network). Variation
 * the answers show is added on top (see waitMs); this covers what they cannot show.
 */
export const WINDOW_MARGIN_MS = 10;
/** Counted from an answer, only the clocks' millisecond rounding needs covering (two readings). */
export const ANSWER_MARGIN_MS = 2;
/**
 * At least 80 % of an even share of the window between two departures: requests leave one by
 * one rather than in bursts (a burst delays its own last requests on the event loop, and so
 * bunches their arrivals), while a late departure can still be made up.
 */
const MIN_GAP_SHARE = 0.8;
/**
 * AIMD: after a rate limit the rate drops to 70 %, never below 1 request per second (several
 * senders on one key each drop, so together they fall under the limit within a few windows; a
 * lone sender that met a 429 from jitter loses little)...
 */
export const RATE_DECREASE_FACTOR = 0.7;
export const MIN_RATE = 1;
/** ...and grows back by this much per successful request (+1/s every 5 successes). */
export const RATE_INCREASE_PER_SUCCESS = 0.2;
/** Ceiling of the adaptive rate: Maton's limit, the highest Requests per Second allowed. */
export const MAX_RATE = 10;

/**
 * One request's departure, and when its answer came back. A gateway counts a request before it
 * answers it, so once any answer is back, that request's place in the gateway's window is known
 * to lie before the answer: a departure a full window after the answer cannot crowd it, whatever
 * the delays on the way. Until then (or when no answer came: timeout, reset) the margin covers the delay.
 */
export interface Departure {
	at: number;
	answeredAt?: number;
}

/** How long a departure waited for its answer; Infinity while none came. */
const lagOf = (departure: Departure): number =>
	departure.answeredAt === undefined ? Number.POSITIVE_INFINITY : departure.answeredAt - departure.at;

/**
 * The pace of one account (gateway, key, connection) in this process, shared by every
 * execution that uses it: at most N departures in any sliding window, N = the lower of the
 * caller's Requests per Second and the adaptive rate. Requests wait their turn in order (one
 * waiter sleeps at a time) and the window is checked again after every sleep, so a stalled
 * event loop cannot release more than the window allows.
 */
export class AccountPacer {
	private departures: Departure[] = [];
	private rate = MAX_RATE;
	private lastDecrease = Number.NEGATIVE_INFINITY;
	private queue: Promise<unknown> = Promise.resolve();
	lastUsed = 0;

	/** The rate a caller with this Requests per Second gets now. */
	currentRate(ceiling: number): number {
		return Math.min(ceiling, this.rate);
	}

	/** How long a request must wait before leaving at `now`; 0 = it may leave. */
	waitMs(ceiling: number, now: number): number {
		const rate = this.currentRate(ceiling);
		if (rate <= 0) return 0;
		const count = Math.max(1, Math.floor(rate));
		const windowMs = Math.max(WINDOW_MS, (count * 1000) / rate) + WINDOW_MARGIN_MS;
		const { departures } = this;
		const nthLast = departures.length >= count ? departures[departures.length - count] : undefined;
		const last = departures[departures.length - 1];
		let windowWait = 0;
		if (nthLast !== undefined) {
			let leaves = nthLast.at + windowMs;
			if (nthLast.answeredAt !== undefined) {
				// Slower than the fastest recent answer: assume the extra time passed before the
				// gateway counted it (a new connection, a stalled loop), but never past its answer.
				const fastest = Math.min(...departures.map(lagOf));
				const extra = Math.max(0, lagOf(nthLast) - fastest);
				leaves = Math.min(leaves + extra, nthLast.answeredAt + windowMs - WINDOW_MARGIN_MS + ANSWER_MARGIN_MS);
			}
			windowWait = leaves - now;
		}
		const gapWait = last === undefined ? 0 : last.at + (windowMs / count) * MIN_GAP_SHARE - now;
		return Math.max(0, windowWait, gapWait);
	}

	/** Records a departure at `now`; the caller notes its answer with `answered`. */
	depart(now: number): Departure {
		const departure: Departure = { at: now };
		this.departures.push(departure);
		if (this.departures.length > MAX_RATE) this.departures.shift();
		this.lastUsed = now;
		return departure;
	}

	/** The gateway answered this request (any HTTP status) at `now`. */
	answered(departure: Departure, now: number): void {
		departure.answeredAt ??= now;
	}

	/**
	 * Waits for this request's turn and books its departure. Resolves false, without booking,
	 * when `abandon()` turns true while waiting (the run stopped).
	 */
	async take(ceiling: number, abandon: () => boolean): Promise<Departure | false> {
		const turn = this.queue.then(async () => {
			for (;;) {
				if (abandon()) return false;
				const now = deliveryClock.now();
				const wait = ceiling > 0 ? this.waitMs(ceiling, now) : 0;
				if (wait <= 0) return this.depart(now);
				await deliveryClock.sleep(wait);
			}
		});
		this.queue = turn.catch(() => undefined);
		return await turn;
	}

	/** A rate-limit answer: lower the rate, once per window (the requests already in flight say it again). */
	slowDown(ceiling: number, now: number): void {
		if (now - this.lastDecrease < WINDOW_MS + WINDOW_MARGIN_MS) return;
		const base = ceiling > 0 ? Math.min(ceiling, this.rate) : this.rate;
		this.rate = Math.max(MIN_RATE, base * RATE_DECREASE_FACTOR);
		this.lastDecrease = now;
	}

	/** A request went through: the rate grows back, additively. */
	speedUp(): void {
		this.rate = Math.min(MAX_RATE, this.rate + RATE_INCREASE_PER_SUCCESS);
	}
}

/** FIFO semaphore: at most `limit` holders at once, the others served in arrival order. */
export class Semaphore {
	private active = 0;
	private readonly waiting: Array<() => void> = [];

	constructor(readonly limit: number) {}

	get inUse(): number {
		return this.active;
	}

	async acquire(): Promise<() => void> {
		if (this.active < this.limit) this.active++;
		else await new Promise<void>((resolve) => this.waiting.push(resolve));
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const next = this.waiting.shift();
			// The slot passes straight to the next waiter; `active` stays the same.
			if (next) next();
			else this.active--;
		};
	}
}

/** 53-bit string hash (cyrb53): a map key for an account that does not keep the API key itself. */
export function accountHash(text: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let index = 0; index < text.length; index++) {
		const char = text.charCodeAt(index);
		h1 = Math.imul(h1 ^ char, 2654435761);
		h2 = Math.imul(h2 ^ char, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

const pacers = new Map<string, AccountPacer>();
/** An account unused this long is forgotten: its window and rate mean nothing any more. */
const FORGET_AFTER_MS = 10 * 60_000;

export function pacerOfAccount(accountKey: string): AccountPacer {
	const now = deliveryClock.now();
	for (const [key, pacer] of pacers) {
		if (key !== accountKey && now - pacer.lastUsed > FORGET_AFTER_MS) pacers.delete(key);
	}
	let pacer = pacers.get(accountKey);
	if (!pacer) {
		pacer = new AccountPacer();
		pacer.lastUsed = now;
		pacers.set(accountKey, pacer);
	}
	return pacer;
}

/** Forgets every account's pace (a test starting on a fresh clock). */
export function forgetAccountPaces(): void {
	pacers.clear();
}
