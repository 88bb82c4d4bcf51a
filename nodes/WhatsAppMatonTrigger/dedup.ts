import type { IDataObject } from 'n8n-workflow';

/**
 * Meta redelivers what it thinks was not received, sometimes for days. IDs seen in the last
 * 24 hours are kept in the workflow's static data (which n8n saves after each production webhook
 * call, so they survive restarts), at most 2,000 of them, oldest dropped first.
 */
export const DEDUP_WINDOW_MS = 24 * 60 * 60 * 1000;
export const DEDUP_MAX_IDS = 2000;

type SeenIds = Record<string, number>;

function seenIds(staticData: IDataObject): SeenIds {
	const stored = staticData.seenIds;
	if (typeof stored === 'object' && stored !== null && !Array.isArray(stored)) return stored as SeenIds;
	const fresh: SeenIds = {};
	staticData.seenIds = fresh;
	return fresh;
}

/**
 * Records `key` and says whether it is new. Expired entries are dropped first, then the oldest
 * beyond the bound.
 */
export function firstDelivery(staticData: IDataObject, key: string, now: number): boolean {
	const seen = seenIds(staticData);
	for (const [id, at] of Object.entries(seen)) {
		if (typeof at !== 'number' || now - at > DEDUP_WINDOW_MS) delete seen[id];
	}
	const at = seen[key];
	if (at !== undefined) return false;
	seen[key] = now;
	const ids = Object.keys(seen);
	if (ids.length > DEDUP_MAX_IDS) {
		ids
			.sort((a, b) => seen[a] - seen[b])
			.slice(0, ids.length - DEDUP_MAX_IDS)
			.forEach((id) => delete seen[id]);
	}
	return true;
}
