/**
 * The check every Message test file shares: an input that breaks a WhatsApp rule is refused
 * before anything is sent.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { GATEWAY_ORIGIN, fakeApi, runWhatsApp } from '../fixture';

/**
 * Runs the node twice with `parameters`, which break a WhatsApp rule, and expects it to refuse
 * them: the error's message matches `message` (which names the field), and no request reaches
 * the gateway.
 *
 * The error class is checked on the Continue On Fail run. There n8n's RoutingNode hands the
 * error the node raised straight to the output item. When the node stops instead, RoutingNode
 * re-wraps every error thrown by a `preSend` hook in a `NodeApiError` (same message and
 * description, no HTTP code), so on that path only the message is the node's own.
 */
export async function expectRejected(
	parameters: INodeParameters,
	message: RegExp,
): Promise<NodeOperationError> {
	const gateway = fakeApi(GATEWAY_ORIGIN);

	const stopped = await runWhatsApp(parameters);
	expect(stopped.items).toEqual([]);
	expect(stopped.error?.message).toMatch(message);

	const continued = await runWhatsApp(parameters, { continueOnFail: true });
	expect(continued.error).toBeUndefined();
	expect(continued.items).toHaveLength(1);
	const [item] = continued.items;
	expect(item.error).toBeInstanceOf(NodeOperationError);
	expect(item.error?.message).toMatch(message);
	expect(item.error?.context.itemIndex).toBe(0);
	expect(item.json.error).toBe(item.error?.message);

	expect(gateway.requests).toEqual([]);
	return item.error as NodeOperationError;
}
