import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { requireBusinessAccountId } from '../../shared/fields/businessAccount';
import {
	businessAccountIdField,
	GRAPH_PAGE_SIZE,
	OPTIONS_DESCRIPTION,
	pageSizeQuery,
	returnAllAndLimitFields,
	showFor,
} from '../../shared/fields/fields';
import { PHONE_NUMBER_FIELDS_OPTION } from './phoneNumberFields';

const pageSize = pageSizeQuery(GRAPH_PAGE_SIZE);

/** The build hook of Phone Number › List: page size and the account's path. */
async function buildPhoneNumberListing(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await pageSize.call(this, requestOptions);
	return await requireBusinessAccountId.call(this, requestOptions);
}

export const listOperation = gatewayOperation(
	{
		name: 'List',
		value: 'list',
		action: 'List business phone numbers',
		description: 'List the phone numbers of a WhatsApp Business Account',
	},
	{
		request: { method: 'GET', url: '/phone_numbers' },
		build: buildPhoneNumberListing,
		output: [{ type: 'rootProperty', properties: { property: 'data' } }],
	},
);

export const listFields: INodeProperties[] = [
	businessAccountIdField('phoneNumber', ['list']),
	...returnAllAndLimitFields('phoneNumber', ['list']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		description: OPTIONS_DESCRIPTION,
		displayOptions: showFor('phoneNumber', ['list']),
		options: [PHONE_NUMBER_FIELDS_OPTION],
	},
];
