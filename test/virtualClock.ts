/**
 * A virtual clock for the delivery layer (transport/pacing.ts `deliveryClock`): `now` only moves
 * when something sleeps, and a sleep returns at once (after letting pending I/O run), having moved
 * the clock to its wake-up time. Concurrent sleepers move it to the latest wake-up time among
 * them, not the sum. Tests of pacing, backoff and Retry-After assert on this clock and on the
 * sleeps it saw, never on wall time.
 */
import { deliveryClock, forgetAccountPaces } from '../nodes/WhatsAppMaton/transport/pacing';

export interface VirtualClock {
	/** Virtual milliseconds; starts at `START`. */
	readonly now: number;
	/** Every sleep asked for, in order, in ms. */
	readonly sleeps: number[];
	/** Moves the clock forward without a sleep, as a busy event loop would. */
	advance(ms: number): void;
}

export const START = 1_000_000;

/** Installs the virtual clock for each test of the file (restored after each). */
export function useVirtualClock(): VirtualClock {
	const real = { now: deliveryClock.now, sleep: deliveryClock.sleep };
	let now = START;
	const sleeps: number[] = [];
	const clock: VirtualClock = {
		get now() {
			return now;
		},
		sleeps,
		advance(ms) {
			now += ms;
		},
	};
	beforeEach(() => {
		now = START;
		sleeps.length = 0;
		deliveryClock.now = () => now;
		deliveryClock.sleep = async (ms: number) => {
			sleeps.push(ms);
			const wakeUp = now + ms;
			await new Promise<void>((resolve) => setImmediate(resolve));
			now = Math.max(now, wakeUp);
		};
		// Each test starts with no account's pace from an earlier test.
		forgetAccountPaces();
	});
	afterEach(() => {
		deliveryClock.now = real.now;
		deliveryClock.sleep = real.sleep;
	});
	return clock;
}
