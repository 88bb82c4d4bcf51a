import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

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

const FIELD = 'pricing_analytics';

export const PRICING_GRANULARITIES = options([
	['HALF_HOUR', 'Half Hour'],
	['DAILY', 'Day'],
	['MONTHLY', 'Month'],
]);

export const PRICING_DIMENSIONS = options([
	['COUNTRY', 'Country', "The customer's country (country)"],
	['PHONE', 'Phone Number', 'The business phone number (phone_number)'],
	['PRICING_CATEGORY', 'Pricing Category', 'Marketing, utility, authentication, service… (pricing_category)'],
	['PRICING_TYPE', 'Pricing Type', 'Regular, free customer service, free entry point (pricing_type)'],
	['TIER', 'Volume Tier', 'The volume tier of utility and authentication messages (tier); with Country and Pricing Category'],
]);

export const PRICING_CATEGORIES = options([
	['AUTHENTICATION', 'Authentication'],
	['AUTHENTICATION_INTERNATIONAL', 'Authentication International'],
	['MARKETING', 'Marketing'],
	['MARKETING_LITE', 'Marketing Lite'],
	['REFERRAL_CONVERSION', 'Referral Conversion'],
	['SERVICE', 'Service'],
	['UTILITY', 'Utility'],
]);

export const PRICING_TYPES = options([
	['FREE_CUSTOMER_SERVICE', 'Free Customer Service'],
	['FREE_ENTRY_POINT', 'Free Entry Point'],
	['REGULAR', 'Regular'],
]);

/**
 * The build hook of Analytics › Get Pricing Analytics: the account's path, and the checked
 * `fields=pricing_analytics.start(…).end(…).granularity(…)` with the breakdowns and filters given.
 */
async function buildPricingAnalytics(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { start, end } = readPeriod(this);
	const granularity = String(this.getNodeParameter('granularity', 'DAILY'));
	const filters = filtersOf(this);
	const fields = fieldExpression(FIELD, [
		['start', start],
		['end', end],
		['granularity', granularity],
		['phone_numbers', { texts: phoneNumbersOf(this, filters.phoneNumbers) }],
		['country_codes', { texts: countryCodesOf(this, filters.countryCodes) }],
		['pricing_categories', { texts: choicesOf(filters.pricingCategories) }],
		['pricing_types', { texts: choicesOf(filters.pricingTypes) }],
		['dimensions', { texts: choicesOf(filters.dimensions) }],
	]);
	await requireBusinessAccountId.call(this, requestOptions);
	requestOptions.qs = { ...requestOptions.qs, fields };
	return requestOptions;
}

export const getPricingOperation = gatewayOperation(
	{
		name: 'Get Pricing Analytics',
		value: 'getPricing',
		action: 'Get pricing analytics',
		description: 'Get the messages delivered and their approximate cost, per period, broken down as asked',
	},
	{
		request: { method: 'GET', url: '' },
		build: buildPricingAnalytics,
		output: [
			splitIntoDataPoints(FIELD, function (point, group, businessAccountId) {
				return {
					business_account_id: businessAccountId,
					...(group.granularity !== undefined ? { granularity: group.granularity } : {}),
					...point,
					...withTimes(point),
				};
			}),
		],
	},
);

export const getPricingFields: INodeProperties[] = [
	{
		displayName: 'Granularity',
		name: 'granularity',
		type: 'options',
		default: 'DAILY',
		description: 'How long each data point is',
		options: PRICING_GRANULARITIES,
		displayOptions: showFor(RESOURCE, ['getPricing']),
	},
	filtersCollection('getPricing', [
		phoneNumbersFilter,
		countryCodesFilter,
		{
			displayName: 'Break Down By',
			name: 'dimensions',
			type: 'multiOptions',
			default: [],
			description: 'One data point per value of these, for each period; none gives one total per period',
			options: PRICING_DIMENSIONS,
		},
		{
			displayName: 'Pricing Categories',
			name: 'pricingCategories',
			type: 'multiOptions',
			default: [],
			description: 'Only messages charged in these categories; all when none is picked',
			options: PRICING_CATEGORIES,
		},
		{
			displayName: 'Pricing Types',
			name: 'pricingTypes',
			type: 'multiOptions',
			default: [],
			description: 'Only messages of these pricing types; all when none is picked',
			options: PRICING_TYPES,
		},
	]),
];
