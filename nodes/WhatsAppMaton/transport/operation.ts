import { NodeHelpers } from 'n8n-workflow';
import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodePropertyOptions,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { connectionIdOf } from '../shared/account/account';
import { matonConnectionField } from '../shared/fields/fields';
import { checkEditorRules } from '../description/editorRules';
import { credentialsOfRun, deliver, deliverRequests, type DeliveryFallback } from './delivery';
import { explainApiFailures } from './graphErrors';

/** What an operation sends: its request and its one build-and-check hook. */
export interface OperationRouting {
	/** Method, URL (after the phone number or account ID the hook puts in front), fixed body. */
	request?: INodePropertyRouting['request'];
	/**
	 * Reads and checks the item's parameters and completes the request (path, body, query). It
	 * runs after the editor's rules were checked for the values expressions gave, and before
	 * anything is sent; what it throws fails the item with nothing sent.
	 */
	build?: PreSendAction;
	/** The operation's own post-processing of a successful answer. */
	output?: PostReceiveAction[];
	/** What to send instead when the request is refused in a way another message answers. */
	fallback?: DeliveryFallback;
}

/**
 * Runs first for every operation: the editor's rules for the values expressions gave (the editor
 * is not a guard), then the Maton connection of the item's requests. Where the Maton Connection
 * field is shown, its ID (or the credential's default) is checked by shape and sent as the
 * `Maton-Connection` header; read here once, not as a routed expression per item.
 */
export async function prepareGatewayRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await checkEditorRules.call(this, requestOptions);
	// The raw parameters: getNode() would copy the whole node for every item.
	const shownFor = { resource: String(this.getNodeParameter('resource', '', { rawExpressions: true })) };
	if (NodeHelpers.displayParameter(shownFor, matonConnectionField, null, null)) {
		const connection = connectionIdOf(this, await credentialsOfRun(this));
		if (connection !== '') requestOptions.headers = { ...requestOptions.headers, 'Maton-Connection': connection };
	}
	return requestOptions;
}

/**
 * An operation of the node: its option in the Operation list, with the whole path of its items
 * in its routing. The item's parameters are checked and its request built (prepareGatewayRequest,
 * then the operation's own hook); the request goes out through the delivery loop (`deliver`:
 * pacing, retries by safety, Return All's pages); every answer is explained first
 * (explainApiFailures: a failure becomes an error saying what Graph or Maton said), then the
 * operation's own output hooks run.
 */
export function gatewayOperation(
	option: Omit<INodePropertyOptions, 'routing'>,
	{ request, build, output = [], fallback }: OperationRouting,
): INodePropertyOptions {
	return {
		...option,
		routing: {
			...(request && { request }),
			send: { paginate: true, preSend: build ? [prepareGatewayRequest, build] : [prepareGatewayRequest] },
			output: { postReceive: [explainApiFailures, ...output] },
			operations: { pagination: fallback ? deliverRequests(fallback) : deliver },
		},
	};
}
