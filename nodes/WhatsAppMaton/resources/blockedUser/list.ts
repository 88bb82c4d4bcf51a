import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { GRAPH_PAGE_SIZE, pageSizeQuery, phoneNumberIdField, returnAllAndLimitFields } from '../../shared/fields/fields';
import { requirePhoneNumberId } from '../../shared/fields/phoneNumberId';

const pageSize = pageSizeQuery(GRAPH_PAGE_SIZE);

/** The build hook of Blocked User › List: page size and the phone number's path. */
async function buildBlockedUserListing(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await pageSize.call(this, requestOptions);
	return await requirePhoneNumberId.call(this, requestOptions);
}

export const listOperation = gatewayOperation(
	{
		name: 'List',
		value: 'list',
		action: 'List blocked users',
		description: 'List the WhatsApp users this business phone number has blocked',
	},
	{
		request: { method: 'GET', url: '/block_users' },
		build: buildBlockedUserListing,
		output: [{ type: 'rootProperty', properties: { property: 'data' } }],
	},
);

export const listFields: INodeProperties[] = [
	phoneNumberIdField('blockedUser', ['list']),
	...returnAllAndLimitFields('blockedUser', ['list']),
];
