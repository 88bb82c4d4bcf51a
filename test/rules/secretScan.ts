/**
 * Finding a secret in what a run leaves behind: output items, their errors, the run's error and
 * the execution data n8n would store.
 */
import type { ExecutionError, INodeExecutionData } from 'n8n-workflow';

import type { RunNodeResult } from '../harness';

const MAX_DEPTH = 12;

/**
 * Text of everything reachable from `value`, as a serialiser would see it: own properties
 * (enumerable or not, so that an Error's `message`, `stack`, `cause`, `description` and `context`
 * are included), array entries, Map and Set entries, Buffers as text. Cycles are cut, as is
 * anything deeper than MAX_DEPTH.
 */
export function everythingIn(value: unknown): string {
	const seen = new WeakSet<object>();
	const parts: string[] = [];
	const walk = (current: unknown, depth: number): void => {
		if (current === null || current === undefined) return;
		if (typeof current === 'string') {
			parts.push(current);
			return;
		}
		if (typeof current === 'number' || typeof current === 'boolean' || typeof current === 'bigint') {
			parts.push(String(current));
			return;
		}
		if (typeof current !== 'object' || depth > MAX_DEPTH) return;
		if (seen.has(current)) return;
		seen.add(current);
		if (Buffer.isBuffer(current) || current instanceof Uint8Array) {
			parts.push(Buffer.from(current).toString('latin1'));
			return;
		}
		if (current instanceof Map) {
			for (const [key, entry] of current) {
				walk(key, depth + 1);
				walk(entry, depth + 1);
			}
			return;
		}
		if (current instanceof Set) {
			for (const entry of current) walk(entry, depth + 1);
			return;
		}
		for (const key of Object.getOwnPropertyNames(current)) {
			parts.push(key);
			let entry: unknown;
			try {
				entry = (current as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			walk(entry, depth + 1);
		}
	};
	walk(value, 0);
	return parts.join('\n');
}

/** JSON as n8n would persist it, with cycles cut instead of throwing. */
export function asJson(value: unknown): string {
	const seen = new WeakSet<object>();
	return (
		JSON.stringify(value, (_key, entry: unknown) => {
			if (typeof entry === 'bigint') return entry.toString();
			if (typeof entry === 'object' && entry !== null) {
				if (seen.has(entry)) return '[cycle]';
				seen.add(entry);
			}
			return entry;
		}) ?? ''
	);
}

/** Where a secret may surface from one error, each under a name for the failure message. */
export function errorSurfaces(label: string, error: ExecutionError | Error | undefined): Record<string, string> {
	if (error === undefined) return {};
	const fields = error as Error & {
		description?: unknown;
		context?: unknown;
		cause?: unknown;
		messages?: unknown;
	};
	return {
		[`${label} as JSON`]: asJson(error),
		[`${label}.message`]: String(fields.message ?? ''),
		[`${label}.description`]: asJson(fields.description),
		[`${label}.messages`]: asJson(fields.messages),
		[`${label}.context`]: asJson(fields.context),
		[`${label}.cause`]: asJson(fields.cause),
		[`${label}.stack`]: String(fields.stack ?? ''),
		[`${label}, all own properties deep`]: everythingIn(error),
	};
}

/** Where a secret may surface from one output item. */
export function itemSurfaces(label: string, item: INodeExecutionData): Record<string, string> {
	return {
		[`${label}.json`]: JSON.stringify(item.json),
		...errorSurfaces(`${label}.error`, item.error),
	};
}

/** Every place a run can show a secret: output items of every output, the error, the run data. */
export function runSurfaces(result: RunNodeResult): Record<string, string> {
	const surfaces: Record<string, string> = {};
	result.outputs.forEach((items, output) =>
		items.forEach((item, index) => Object.assign(surfaces, itemSurfaces(`output ${output} item ${index}`, item))),
	);
	Object.assign(surfaces, errorSurfaces('run error', result.error));
	surfaces['stored run data (JSON)'] = asJson(result.run.data);
	surfaces['task data, all own properties deep'] = everythingIn(result.taskData);
	return surfaces;
}

/** The names of the surfaces that contain `secret`. */
export function leaksOf(surfaces: Record<string, string>, secret: string): string[] {
	return Object.entries(surfaces)
		.filter(([, text]) => text.includes(secret))
		.map(([name]) => name);
}
