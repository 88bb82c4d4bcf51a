/**
 * Assertions the resource tests share: URLs compared with their query as a set. (A bad input
 * refused before anything is sent: test/refusal.ts.)
 */

/**
 * A recorded URL split into what comes before the query and the query itself, so that a test can
 * assert the exact set of query parameters without depending on the order they were added in.
 * A parameter sent twice comes back as an array, so duplicates still fail a `toEqual`.
 */
export function splitUrl(url: string): { base: string; query: Record<string, string | string[]> } {
	const parsed = new URL(url);
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of parsed.searchParams) {
		const seen = query[key];
		if (seen === undefined) query[key] = value;
		else query[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
	}
	return { base: `${parsed.origin}${parsed.pathname}`, query };
}
