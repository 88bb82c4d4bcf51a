import type {
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { businessAccountModes } from '../account/businessAccountModes';
import { SEGMENT_REGEX } from '../checks/urlSegments';

/**
 * The description of every operation's Options collection: the same text for all of them, so
 * that they are one definition (description/defineOnce.ts); their options say what each does.
 */
export const OPTIONS_DESCRIPTION = 'Optional settings of the operation';

/** Display a field only for the given resource and operations. */
export function showFor(resource: string, operations: string[]): IDisplayOptions {
	return { show: { resource: [resource], operation: operations } };
}

/**
 * The business phone number that sends or owns something. The operation's own `url` is what
 * follows the ID in the gateway path (`/messages`, `/media`, `/whatsapp_business_profile`, or
 * nothing); the hook puts the checked ID in front of it, so that one definition serves them all
 * and no expression is evaluated for the path.
 */
export function phoneNumberIdField(resource: string, operations: string[]): INodeProperties {
	return {
		displayName: 'Business Phone Number',
		name: 'phoneNumberId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			'The WhatsApp business phone number to use, picked from your business account or given by its phone number ID (not the phone number itself)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a phone number…',
				typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 106540352242922',
				validation: [
					{
						type: 'regex',
						properties: { regex: SEGMENT_REGEX.phoneNumberId, errorMessage: 'A phone number ID has only digits' },
					},
				],
			},
		],
		displayOptions: showFor(resource, operations),
	};
}

/**
 * The WhatsApp Business Account that owns templates and phone numbers, picked from the accounts
 * the Maton connection reaches or given by its ID. Empty, the credential's default is used, else
 * the one account the connection reaches (account discovery). The operations that have it in
 * their path check it and put it in front of their `url` (requireBusinessAccountId, in the
 * operation's routing, where the field's hook ran before); Send Template reads it in its lookup.
 * Saved workflows from before the picker hold the ID as plain text, which is read the same way.
 */
export function businessAccountIdField(resource: string, operations: string[]): INodeProperties {
	return {
		displayName: 'WhatsApp Business Account',
		name: 'businessAccountId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		hint: "Leave empty to use the credential's default, else the one account your Maton connection reaches",
		description:
			'The WhatsApp Business Account (WABA) that owns the templates and phone numbers. Its ID is in Meta Business Suite › Settings › Accounts › WhatsApp accounts.',
		modes: businessAccountModes,
		displayOptions: showFor(resource, operations),
	};
}

/** The page size of a Graph list with Return All. */
export const GRAPH_PAGE_SIZE = 100;

/**
 * The preSend of a Graph list operation: the page size, Limit or (with Return All) the given
 * size, first in the query. Return All pages through the delivery loop (transport/delivery.ts).
 */
export function pageSizeQuery(defaultPageSize: number): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const limit = this.getNodeParameter('returnAll', false)
			? defaultPageSize
			: this.getNodeParameter('limit', 50);
		requestOptions.qs = { limit, ...requestOptions.qs };
		return requestOptions;
	};
}

/**
 * Return All and Limit, for list operations; a Graph list's operation sends the page size
 * (pageSizeQuery), the Maton connection list none.
 */
export function returnAllAndLimitFields(resource: string, operations: string[]): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: showFor(resource, operations),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: {
				show: { resource: [resource], operation: operations, returnAll: [false] },
			},
			routing: { output: { maxResults: '={{ $value }}' } },
		},
	];
}

/** A Maton connection, picked from the account's list or given by its ID. */
export function connectionLocatorField(
	field: Pick<INodeProperties, 'displayName' | 'name' | 'description'> & Partial<INodeProperties>,
): INodeProperties {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a connection…',
				typeOptions: { searchListMethod: 'searchConnections', searchable: false },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 21fd90f9-5935-43cd-b6c8-bde9d915ca80',
				validation: [
					{
						type: 'regex',
						properties: {
							// Blank is allowed (Maton Connection then falls back to the default) and
							// padding is trimmed; the ID itself is checked again before sending.
							regex: `^\\s*(?:${SEGMENT_REGEX.connectionId.slice(1, -1)})?\\s*$`,
							errorMessage: 'A Maton connection ID has only letters, digits, - and _',
						},
					},
				],
			},
		],
		...field,
	};
}

/**
 * The Maton connection a request goes through, sent as the `Maton-Connection` header. Shown on
 * every gateway resource; the connection resource itself talks to the control API, which needs none.
 */
export const matonConnectionField: INodeProperties = connectionLocatorField({
	displayName: 'Maton Connection',
	name: 'matonConnection',
	hint: "Leave empty to use the credential's default connection, or else Maton's oldest active one",
	description:
		'Which of your Maton WhatsApp Business connections to use, when you have more than one',
	displayOptions: {
		show: {
			resource: ['message', 'media', 'template', 'phoneNumber', 'businessProfile'],
		},
	},
	// Sent as the `Maton-Connection` header by prepareGatewayRequest (transport/operation.ts).
});

/** The Operation selector of a resource; options are sorted by name as n8n's linter wants. */
export function operationSelector(
	resource: string,
	defaultOperation: string,
	operations: INodePropertyOptions[],
): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...operations].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}

/**
 * The one definition of the Delivery Options: their defaults and ranges here are what the
 * run-time reader (transport/deliveryOptions.ts) applies, because an expression is not held to the
 * editor's limits. Whole numbers unless `numberPrecision` says otherwise.
 */
export const deliveryOptionsField: INodeProperties = {
	displayName: 'Delivery Options',
	name: 'deliveryOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	description:
		'How the node paces its requests, waits out rate limits and retries temporary failures. A message is never sent twice unless you turn on Retry When Delivery Is Uncertain.',
	options: [
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrentRequests',
			type: 'number',
			default: 10,
			typeOptions: { minValue: 1, maxValue: 100 },
			description: 'Most requests of one run in flight at the same time (1 to 100), also when Requests per Second is 0. Values outside the range are clamped.',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			default: 3,
			typeOptions: { minValue: 0, maxValue: 10 },
			description: 'How many times to try a request again (0 to 10), waiting longer each time, after a connection that could not be opened or, for requests that are safe to repeat (reading, deleting, marking as read, updating the profile), a server error (5xx), a temporary Graph error or a dropped connection. Rate limits do not count (see Rate Limit Wait); other errors are never retried.',
		},
		{
			displayName: 'Rate Limit Wait',
			name: 'rateLimitWaitSeconds',
			type: 'number',
			default: 180,
			typeOptions: { minValue: 0, maxValue: 3600 },
			hint: 'Seconds per request; 0 fails at the first rate limit',
			description: 'How long, in seconds (0 to 3600), one request may wait out "too fast" answers (HTTP 429, Graph codes 4, 80007, 80008, 130429, 131056) before it fails. The wait follows Retry-After when the gateway sends it. These retries do not use up Max Retries, and they never cause duplicates: the gateway did not act on a request it refused as too fast.',
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			default: 10,
			typeOptions: { minValue: 0, maxValue: 10, numberPrecision: 1 },
			description: 'Most requests per second (0 to 10; Maton allows 10 per API key), shared by every run in this n8n process that uses the same key and connection. After a rate limit the pace halves, then recovers gradually. 0 turns pacing off.',
		},
		{
			displayName: 'Retry When Delivery Is Uncertain',
			name: 'retryUncertainDelivery',
			type: 'boolean',
			default: false,
			description:
				"Whether to resend a message (or an upload, or a template or connection to create) after a timeout, a dropped connection or a server error, when the gateway may already have acted on it. Off: the item fails with an error saying it may have been delivered, and nothing is sent twice. On: it is retried up to Max Retries, and the recipient may get the same message twice (a WhatsApp message cannot be taken back, and each one is billed).",
		},
	],
};
