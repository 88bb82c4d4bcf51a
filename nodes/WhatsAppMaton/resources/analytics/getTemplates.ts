import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { requireBusinessAccountId } from '../../shared/fields/businessAccount';
import { showFor } from '../../shared/fields/fields';
import { inputError } from '../../shared/errors';
import { TEMPLATE_ANALYTICS_IDS_MAX, TEMPLATE_ANALYTICS_LOOKBACK_DAYS } from '../../shared/limits';
import {
	RESOURCE,
	choicesOf,
	entriesOf,
	fieldExpression,
	filtersOf,
	filtersCollection,
	options,
	readPeriod,
	splitIntoDataPoints,
	unique,
	withTimes,
} from './common';

const FIELD = 'template_analytics';

/** Template analytics come per day only (Meta: "Value must be DAILY"). */
const GRANULARITY = 'DAILY';

export const TEMPLATE_METRIC_TYPES = options([
	['CLICKED', 'Clicked', 'Taps on URL and quick-reply buttons (marketing and utility templates)'],
	['COST', 'Cost', 'Amount spent, cost per delivered message and per URL button click'],
	['DELIVERED', 'Delivered'],
	['READ', 'Read'],
	['SENT', 'Sent'],
]);

/** Template IDs: digits, at most TEMPLATE_ANALYTICS_IDS_MAX different ones. */
function templateIdsOf(context: IExecuteSingleFunctions, value: unknown): string[] {
	const ids = unique(entriesOf(context, 'Template IDs', value, true));
	if (ids.length === 0) {
		throw inputError(context, 'Template IDs is empty', 'Give the IDs of up to 10 templates of the account (Template › List gives them).');
	}
	for (const id of ids) {
		if (!/^[0-9]{1,64}$/.test(id)) {
			throw inputError(
				context,
				`Template IDs "${id}": a template ID has only digits`,
				'Give template IDs (Template › List gives them as id), not template names.',
			);
		}
	}
	if (ids.length > TEMPLATE_ANALYTICS_IDS_MAX) {
		throw inputError(
			context,
			`Template IDs has ${ids.length} templates; WhatsApp reports at most ${TEMPLATE_ANALYTICS_IDS_MAX} per request`,
			'Split them over several items (or runs) of at most 10 each.',
		);
	}
	return ids;
}

/**
 * The build hook of Analytics › Get Template Analytics: the account's path, and the checked
 * `fields=template_analytics.start(…).end(…).granularity(DAILY).template_ids([…])` with the
 * metrics asked for. Template analytics reach back 90 days.
 */
async function buildTemplateAnalytics(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { start, end } = readPeriod(this, TEMPLATE_ANALYTICS_LOOKBACK_DAYS);
	const templateIds = templateIdsOf(this, this.getNodeParameter('templateIds', []));
	const filters = filtersOf(this);
	const fields = fieldExpression(FIELD, [
		['start', start],
		['end', end],
		['granularity', GRANULARITY],
		['template_ids', { numbers: templateIds }],
		['metric_types', { texts: choicesOf(filters.metricTypes) }],
	]);
	await requireBusinessAccountId.call(this, requestOptions);
	requestOptions.qs = { ...requestOptions.qs, fields };
	return requestOptions;
}

/** `cost: [{ type: 'amount_spent', value }]` as `amount_spent: value`, for a spreadsheet. */
function costColumns(cost: unknown): IDataObject {
	if (!Array.isArray(cost)) return {};
	const columns: IDataObject = {};
	for (const entry of cost) {
		if (typeof entry !== 'object' || entry === null) continue;
		const { type, value } = entry as IDataObject;
		if (typeof type === 'string' && type !== '') columns[type.toLowerCase()] = value as IDataObject[string];
	}
	return columns;
}

export const getTemplatesOperation = gatewayOperation(
	{
		name: 'Get Template Analytics',
		value: 'getTemplates',
		action: 'Get template analytics',
		description: 'Get how often templates were sent, delivered, read and clicked, and their cost, per day',
	},
	{
		request: { method: 'GET', url: '' },
		build: buildTemplateAnalytics,
		output: [
			splitIntoDataPoints(FIELD, (point, group, businessAccountId) => {
				const { cost, ...rest } = point;
				return {
					business_account_id: businessAccountId,
					granularity: group.granularity ?? GRANULARITY,
					...rest,
					...costColumns(cost),
					...withTimes(point),
				};
			}),
		],
	},
);

export const getTemplatesFields: INodeProperties[] = [
	{
		displayName: 'Template IDs',
		name: 'templateIds',
		type: 'string',
		default: [],
		required: true,
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Template ID' },
		placeholder: 'e.g. 1924084211297547',
		description: 'The IDs of up to 10 templates of the account (Template › List gives them as ID); one item per template and day',
		hint: 'Template analytics must be confirmed once on the account (WhatsApp Manager), and reach back 90 days',
		displayOptions: showFor(RESOURCE, ['getTemplates']),
	},
	filtersCollection('getTemplates', [
		{
			displayName: 'Metrics',
			name: 'metricTypes',
			type: 'multiOptions',
			default: [],
			description: 'Only these metrics; all when none is picked',
			options: TEMPLATE_METRIC_TYPES,
		},
	]),
];
