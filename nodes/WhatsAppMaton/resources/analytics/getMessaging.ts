import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { requireBusinessAccountId } from '../../shared/fields/businessAccount';
import { showFor } from '../../shared/fields/fields';
import {
	RESOURCE,
	choicesOf,
	countryCodesOf,
	fieldExpression,
	filtersOf,
	countryCodesFilter,
	filtersCollection,
	phoneNumbersFilter,
	options,
	phoneNumbersOf,
	readPeriod,
	splitIntoDataPoints,
	withTimes,
} from './common';

const FIELD = 'analytics';

export const MESSAGING_GRANULARITIES = options([
	['HALF_HOUR', 'Half Hour'],
	['DAY', 'Day'],
	['MONTH', 'Month'],
]);

/** `product_types`: what kind of messages are counted (Meta's numbers). */
export const PRODUCT_TYPES: INodePropertyOptions[] = [
	{ name: 'Template Messages', value: 0, description: 'Notifications: template messages sent to customers' },
	{ name: 'Non-Template Messages', value: 2, description: 'Customer support: free-form messages sent to customers' },
	{ name: 'Incoming Messages', value: 100, description: 'Messages customers sent to you' },
];

/**
 * The build hook of Analytics › Get Messaging Analytics: the account's path, and the checked
 * `fields=analytics.start(…).end(…).granularity(…)` with the filters given.
 */
async function buildMessagingAnalytics(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { start, end } = readPeriod(this);
	const granularity = String(this.getNodeParameter('granularity', 'DAY'));
	const filters = filtersOf(this);
	const fields = fieldExpression(FIELD, [
		['start', start],
		['end', end],
		['granularity', granularity],
		['phone_numbers', { texts: phoneNumbersOf(this, filters.phoneNumbers) }],
		['country_codes', { texts: countryCodesOf(this, filters.countryCodes) }],
		['product_types', { numbers: choicesOf(filters.productTypes).map(Number) }],
	]);
	await requireBusinessAccountId.call(this, requestOptions);
	requestOptions.qs = { ...requestOptions.qs, fields };
	return requestOptions;
}

export const getMessagingOperation = gatewayOperation(
	{
		name: 'Get Messaging Analytics',
		value: 'getMessaging',
		action: 'Get messaging analytics',
		description: 'Count the messages the business phone numbers sent and delivered, per half hour, day or month',
	},
	{
		request: { method: 'GET', url: '' },
		build: buildMessagingAnalytics,
		output: [
			splitIntoDataPoints(FIELD, (point, group, businessAccountId) => ({
				business_account_id: businessAccountId,
				granularity: group.granularity,
				phone_numbers: group.phone_numbers,
				...(group.country_codes !== undefined ? { country_codes: group.country_codes } : {}),
				...point,
				...withTimes(point),
			})),
		],
	},
);

export const getMessagingFields: INodeProperties[] = [
	{
		displayName: 'Granularity',
		name: 'granularity',
		type: 'options',
		default: 'DAY',
		description: 'How long each data point is',
		options: MESSAGING_GRANULARITIES,
		displayOptions: showFor(RESOURCE, ['getMessaging']),
	},
	filtersCollection('getMessaging', [
		phoneNumbersFilter,
		countryCodesFilter,
		{
			displayName: 'Message Types',
			name: 'productTypes',
			type: 'multiOptions',
			default: [],
			description: 'Only these kinds of messages; all together when none is picked',
			options: PRODUCT_TYPES,
		},
	]),
];
