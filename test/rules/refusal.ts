/**
 * The check every case of badInputs.test.ts runs: an input that breaks one of WhatsApp's rules is
 * refused by the node, naming the field, for the right item, and nothing reaches the gateway or
 * the control API.
 */
import { NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { expectInputError } from '../assertions';
import {
	BUSINESS_ACCOUNT_ID,
	CONTROL_ORIGIN,
	GATEWAY_ORIGIN,
	GRAPH,
	fakeApi,
	runWhatsApp,
} from '../fixture';

export interface BadInput {
	/** The rule broken, in a few words: the test's name. */
	name: string;
	/** Node parameters as a workflow stores them. */
	parameters: INodeParameters;
	/** The input item (default `{ json: {} }`); give one item, e.g. one holding a file. */
	input?: INodeExecutionData[];
	credentials?: ICredentialDataDecryptedObject;
	/** The node's error message. */
	message: RegExp;
	/** The field the message must name, verbatim. */
	field: string;
	/**
	 * Send Template › Map Template Variables only: the node reads the template's definition (the
	 * list call) before it can check the values, so this answer is queued for that GET, and that GET
	 * is the only request allowed. The message itself must still never be sent.
	 */
	definition?: unknown;
}

const NOT_TO_BE_SENT = {
	error: { message: 'This request should not have been sent', type: 'OAuthException', code: 100 },
};

/** The only request a refused Send Template may make: reading the template's definition. */
const DEFINITION_LOOKUP = `${GRAPH}/${BUSINESS_ACCOUNT_ID}/message_templates?`;

/**
 * Runs the node twice through n8n's engine:
 * - stopping on error, with the case's one input item: the run fails with the node's input error
 *   (message naming the field, `itemIndex` 0);
 * - with Continue On Fail and the item given twice: each output item is an error item carrying
 *   that error with its own `itemIndex` (0 and 1) and `pairedItem`.
 * Neither fake API may see a request (but the definition read of a Send Template, see above).
 */
export async function expectRefusedBeforeSending(badInput: BadInput): Promise<void> {
	const { parameters, credentials, message, field, definition } = badInput;
	const input = badInput.input ?? [{ json: {} }];
	expect(input).toHaveLength(1);

	const gateway = fakeApi(GATEWAY_ORIGIN);
	const control = fakeApi(CONTROL_ORIGIN);
	if (definition !== undefined) {
		// One read per run at most; the items of one run share it.
		gateway.reply(200, definition).reply(200, definition);
	}
	// A request that should not have been sent gets an answer that is not retried, so that a case
	// whose rule the node misses fails at once (on the request check) instead of waiting on retries.
	for (let answer = 0; answer < 6; answer++) {
		gateway.reply(400, NOT_TO_BE_SENT);
		control.reply(400, NOT_TO_BE_SENT);
	}

	const stopped = await runWhatsApp(parameters, { input, credentials });
	expect(stopped.items).toEqual([]);
	expectInputError(stopped.error, message);
	expect(stopped.error?.message).toContain(field);

	const continued = await runWhatsApp(parameters, {
		input: [...input, ...input],
		credentials,
		continueOnFail: true,
	});
	expect(continued.error).toBeUndefined();
	expect(continued.items).toHaveLength(2);
	continued.items.forEach((item, itemIndex) => {
		expect(item.error).toBeInstanceOf(NodeOperationError);
		expect(item.error?.message).toMatch(message);
		expect(item.error?.message).toContain(field);
		expect(item.error?.context.itemIndex).toBe(itemIndex);
		expect(item.json.error).toBe(item.error?.message);
		expect(item.pairedItem).toEqual({ item: itemIndex });
	});

	expect(control.requests).toEqual([]);
	if (definition === undefined) {
		expect(gateway.requests).toEqual([]);
	} else {
		expect(gateway.requests.length).toBeGreaterThan(0);
		for (const request of gateway.requests) {
			expect(request.method).toBe('GET');
			expect(request.url.startsWith(DEFINITION_LOOKUP)).toBe(true);
		}
	}
}
