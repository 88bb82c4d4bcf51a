import type { INodeProperties } from 'n8n-workflow';

import { OPERATIONS, RESOURCE, periodFields } from './common';
import { getMessagingFields, getMessagingOperation } from './getMessaging';
import { getPricingFields, getPricingOperation } from './getPricing';
import { getTemplatesFields, getTemplatesOperation } from './getTemplates';
import { businessAccountIdField, operationSelector } from '../../shared/fields/fields';

/**
 * Analytics of the WhatsApp Business Account: fields of `GET /{waba-id}` with Graph's field
 * expansion (`?fields=analytics.start(…).end(…)…`). The account and the period are shared; each
 * operation adds its granularity or template IDs and its Filters (joined into one collection).
 */
export const analyticsDescription: INodeProperties[] = [
	operationSelector(RESOURCE, 'getMessaging', [getMessagingOperation, getPricingOperation, getTemplatesOperation]),
	businessAccountIdField(RESOURCE, [...OPERATIONS]),
	...periodFields,
	...getMessagingFields,
	...getPricingFields,
	...getTemplatesFields,
];
