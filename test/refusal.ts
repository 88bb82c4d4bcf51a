/**
 * The one "refused before sending" check every test of a bad input runs: an input that breaks a
 * rule (WhatsApp's, or the editor's enforced again at run time) is refused by the node, naming the
 * field, for the right item, and nothing reaches the gateway or the control API.
 *
 * Each operation's bad inputs live in its own test file (`test/<resource>/<operation>.test.ts`,
 * `describe('bad inputs')`); rules every send shares are in test/message/recipient.test.ts and
 * test/message/media.test.ts.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	ExecutionError,
	ICredentialDataDecryptedObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import {
	BUSINESS_ACCOUNT_ID,
	CONTROL_ORIGIN,
	GATEWAY_ORIGIN,
	GRAPH,
	type RecordedRequest,
	fakeApi,
	runWhatsApp,
} from './fixture';

/** An input that breaks a rule, and how the node must refuse it. */
export interface Refusal {
	/** Node parameters as a workflow stores them. */
	parameters: INodeParameters;
	/** The input item (default `{ json: {} }`); give one item, e.g. one holding a file. */
	input?: INodeExecutionData[];
	credentials?: ICredentialDataDecryptedObject;
	/** The node's error message. */
	message: RegExp;
	/** The field the message must name, verbatim. */
	field: string;
	/** The error's description, where the case says what to do about it. */
	description?: string | RegExp;
	/**
	 * Send Template › Map Template Variables only: the node reads the template's definition (the
	 * list call) before it can check the values, so this answer is queued for that GET, and that GET
	 * is the only request allowed. The message itself must still never be sent.
	 */
	definition?: unknown;
	/**
	 * No business account ID: the node asks the Maton connection which account it reaches
	 * (`GET /me`, once per run) before it can refuse. This is that answer; that GET is the only
	 * request allowed.
	 */
	discovery?: { status: number; body: unknown };
}

/** A case of a table of bad inputs (itRefusesEach). */
export interface BadInput extends Refusal {
	/** The rule broken, in a few words: the test's name. */
	name: string;
}

const NOT_TO_BE_SENT = {
	error: { message: 'This request should not have been sent', type: 'OAuthException', code: 100 },
};

/** The only request a refused Send Template may make: reading the template's definition. */
const DEFINITION_LOOKUP = `${GRAPH}/${BUSINESS_ACCOUNT_ID}/message_templates?`;

/** The only request a refusal for want of a business account may make: account discovery. */
const DISCOVERY_LOOKUP = `${GRAPH}/me?`;

/**
 * The error of an input rule broken before any request: the node's NodeOperationError, raised in a
 * preSend hook. n8n-core's RoutingNode re-wraps whatever a preSend hook throws as a NodeApiError
 * (`tags.reWrapped`, `httpCode: 'none'`), keeping message, description and item index, so that is
 * what a declarative node's stopped run ends with; a plain NodeOperationError is accepted as well.
 */
function expectInputError(error: ExecutionError | undefined, badInput: Refusal): void {
	expect(error).toBeDefined();
	if (!(error instanceof NodeOperationError)) {
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('none');
		expect((error as NodeApiError).tags).toMatchObject({ reWrapped: true });
	}
	expect(error?.message).toMatch(badInput.message);
	expect(error?.message).toContain(badInput.field);
	if (badInput.description !== undefined) expect(error?.description).toMatch(badInput.description);
}

/**
 * Runs the node twice through n8n's engine:
 * - stopping on error, with the case's one input item: the run fails with the node's input error
 *   (message naming the field, `itemIndex` 0);
 * - with Continue On Fail and the item given twice: each output item is an error item carrying
 *   that error with its own `itemIndex` (0 and 1) and `pairedItem`. There RoutingNode hands the
 *   error the node raised straight to the output item, so its class is the node's own.
 * Neither fake API may see a request (but the definition read of a Send Template or the account
 * discovery, see above). Returns the stopped run's error and the requests the gateway saw (the
 * lookups, if any), for a case's own further assertions.
 */
export async function expectRefusedBeforeSending(
	badInput: Refusal,
): Promise<{ stoppedError: ExecutionError | undefined; gatewayRequests: RecordedRequest[] }> {
	const { parameters, credentials, definition, discovery } = badInput;
	const input = badInput.input ?? [{ json: {} }];
	expect(input).toHaveLength(1);

	const gateway = fakeApi(GATEWAY_ORIGIN);
	const control = fakeApi(CONTROL_ORIGIN);
	if (definition !== undefined) {
		// One read per run at most; the items of one run share it.
		gateway.reply(200, definition).reply(200, definition);
	}
	if (discovery !== undefined) {
		gateway.reply(discovery.status, discovery.body).reply(discovery.status, discovery.body);
	}
	// A request that should not have been sent gets an answer that is not retried, so that a case
	// whose rule the node misses fails at once (on the request check) instead of waiting on retries.
	for (let answer = 0; answer < 6; answer++) {
		gateway.reply(400, NOT_TO_BE_SENT);
		control.reply(400, NOT_TO_BE_SENT);
	}

	const stopped = await runWhatsApp(parameters, { input, credentials });
	expect(stopped.items).toEqual([]);
	expectInputError(stopped.error, badInput);
	expect(stopped.error?.context?.itemIndex).toBe(0);
	const requestsOfStoppedRun = gateway.requests.length;

	const continued = await runWhatsApp(parameters, {
		input: [...input, ...input],
		credentials,
		continueOnFail: true,
	});
	expect(continued.error).toBeUndefined();
	expect(continued.items).toHaveLength(2);
	continued.items.forEach((item, itemIndex) => {
		expect(item.error).toBeInstanceOf(NodeOperationError);
		expectInputError(item.error, badInput);
		expect(item.error?.context.itemIndex).toBe(itemIndex);
		expect(item.json.error).toBe(item.error?.message);
		expect(item.pairedItem).toEqual({ item: itemIndex });
	});

	expect(control.requests).toEqual([]);
	if (definition !== undefined) {
		expect(gateway.requests.length).toBeGreaterThan(0);
		for (const request of gateway.requests) {
			expect(request.method).toBe('GET');
			expect(request.url.startsWith(DEFINITION_LOOKUP)).toBe(true);
		}
	} else if (discovery !== undefined) {
		// One discovery per run: the items of a run share it, and a refused one is not retried.
		expect(requestsOfStoppedRun).toBe(1);
		expect(gateway.requests).toHaveLength(2);
		for (const request of gateway.requests) {
			expect(request.method).toBe('GET');
			expect(request.url.startsWith(DISCOVERY_LOOKUP)).toBe(true);
		}
	} else {
		expect(gateway.requests).toEqual([]);
	}
	return { stoppedError: stopped.error, gatewayRequests: gateway.requests };
}

/** Runs each case as its own test, named by the rule it breaks. */
export function itRefusesEach(cases: BadInput[]): void {
	it.each(cases)('$name', async (badInput) => {
		await expectRefusedBeforeSending(badInput);
	});
}
