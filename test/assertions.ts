/**
 * Assertions the resource tests share: URLs compared with their query as a set, and the error a
 * node raises for bad input before anything is sent.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { ExecutionError } from 'n8n-workflow';

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

/**
 * The error of an input rule broken before any request: the node's NodeOperationError, raised in a
 * preSend hook. n8n-core's RoutingNode re-wraps whatever a preSend hook throws as a NodeApiError
 * (`tags.reWrapped`, `httpCode: 'none'`), keeping message, description and item index, so that is
 * what a declarative node's run ends with; a plain NodeOperationError is accepted as well.
 */
export function expectInputError(
	error: ExecutionError | undefined,
	message: string | RegExp,
	description?: string | RegExp,
): void {
	expect(error).toBeDefined();
	if (!(error instanceof NodeOperationError)) {
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('none');
		expect((error as NodeApiError).tags).toMatchObject({ reWrapped: true });
	}
	expect(error?.message).toMatch(message);
	if (description !== undefined) expect(error?.description).toMatch(description);
	expect(error?.context?.itemIndex).toBe(0);
}
