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
			resource: ['message', 'media', 'template', 'phoneNumber', 'businessProfile', 'analytics', 'blockedUser', 'qrCode'],
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
