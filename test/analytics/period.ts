/**
 * Periods the Analytics tests send: whole UTC days counted back from today, given to the node as
 * ISO texts with their zone (so the workflow's time zone does not matter) and expected in the
 * request as UNIX seconds.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Day {
	iso: string;
	seconds: number;
}

/** 00:00 UTC, `daysAgo` days before today. */
export function daysAgo(days: number): Day {
	const today = new Date();
	today.setUTCHours(0, 0, 0, 0);
	const ms = today.getTime() - days * DAY_MS;
	return { iso: new Date(ms).toISOString(), seconds: ms / 1000 };
}

/** The answer's `start_time` / `end_time` for UNIX seconds. */
export const isoOf = (seconds: number) => new Date(seconds * 1000).toISOString();

export const DAY_SECONDS = DAY_MS / 1000;
