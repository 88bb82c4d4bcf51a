import type { INodeProperties } from 'n8n-workflow';

import { OPERATIONS, RESOURCE, countryCodesFilter, periodFields, phoneNumbersFilter } from './common';
import { getMessagingFields, getMessagingFilters, getMessagingOperation } from './getMessaging';
import { getPricingFields, getPricingFilters, getPricingOperation } from './getPricing';
import { getTemplatesFields, getTemplatesFilters, getTemplatesOperation } from './getTemplates';
import { businessAccountIdField, operationSelector, showFor } from '../../shared/fields/fields';

/**
 * Analytics of the WhatsApp Business Account: fields of `GET /{waba-id}` with Graph's field
 * expansion (`?fields=analytics.start(…).end(…)…`). The account, the period and the Filters
 * collection are shared; each operation adds its granularity or template IDs and its filters.
 */
export const analyticsDescription: INodeProperties[] = [
	operationSelector(RESOURCE, 'getMessaging', [getMessagingOperation, getPricingOperation, getTemplatesOperation]),
	businessAccountIdField(RESOURCE, [...OPERATIONS]),
	...periodFields,
	...getMessagingFields,
	...getPricingFields,
	...getTemplatesFields,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor(RESOURCE, [...OPERATIONS]),
		options: [
			phoneNumbersFilter(['getMessaging', 'getPricing']),
			countryCodesFilter(['getMessaging', 'getPricing']),
			...getMessagingFilters,
			...getPricingFilters,
			...getTemplatesFilters,
		],
	},
];
