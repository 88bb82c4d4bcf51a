import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { requireBusinessAccountId } from '../../shared/fields/businessAccount';
import {
	businessAccountIdField,
	GRAPH_PAGE_SIZE,
	pageSizeQuery,
	returnAllAndLimitFields,
	showFor,
} from '../../shared/fields/fields';
import {
	checkTemplateCategoryFilter,
	checkTemplateStatusFilter,
	TEMPLATE_CATEGORY_OPTIONS,
	TEMPLATE_STATUS_OPTIONS,
} from '../../shared/fields/templateOptions';

const pageSize = pageSizeQuery(GRAPH_PAGE_SIZE);

/** The build hook of Template › List: page size, the account's path, the filters' values. */
async function buildTemplateListing(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await pageSize.call(this, requestOptions);
	await requireBusinessAccountId.call(this, requestOptions);
	// A filter's value is in the query only when the filter was added.
	if (requestOptions.qs && 'category' in requestOptions.qs) await checkTemplateCategoryFilter.call(this, requestOptions);
	if (requestOptions.qs && 'status' in requestOptions.qs) await checkTemplateStatusFilter.call(this, requestOptions);
	return requestOptions;
}

export const listOperation = gatewayOperation(
	{
		name: 'List',
		value: 'list',
		action: 'List message templates',
		description: 'List the message templates of a WhatsApp Business Account, with their status and components',
	},
	{
		request: { method: 'GET', url: '/message_templates' },
		build: buildTemplateListing,
		output: [{ type: 'rootProperty', properties: { property: 'data' } }],
	},
);

/** A text filter added but left empty filters nothing, rather than asking for `name=`. */
const EMPTY_AS_UNSET = '={{ String($value ?? "").trim() || undefined }}';

export const listFields: INodeProperties[] = [
	businessAccountIdField('template', ['list']),
	...returnAllAndLimitFields('template', ['list']),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor('template', ['list']),
		options: [
			{
				displayName: 'Category',
				name: 'category',
				type: 'options',
				default: 'UTILITY',
				description: 'Only templates of this category',
				options: TEMPLATE_CATEGORY_OPTIONS,
				routing: {
					send: { type: 'query', property: 'category' },
				},
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'e.g. en_US',
				description: 'Only templates in this language (locale code)',
				routing: { send: { type: 'query', property: 'language', value: EMPTY_AS_UNSET } },
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. order_',
				description: 'Only templates whose name contains this text',
				routing: { send: { type: 'query', property: 'name', value: EMPTY_AS_UNSET } },
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'APPROVED',
				description: 'Only templates with this review status',
				options: TEMPLATE_STATUS_OPTIONS,
				routing: {
					send: { type: 'query', property: 'status' },
				},
			},
		],
	},
];
