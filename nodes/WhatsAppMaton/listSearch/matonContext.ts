import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accountAndConnection } from '../shared/account';
import { matonRequest } from '../shared/gateway';

/**
 * One page of a Graph edge of the business account (`phone_numbers`, `message_templates`)
 * through the gateway, with the cursor of the next page when there is one.
 */
export async function businessAccountPage(
	context: ILoadOptionsFunctions,
	edge: string,
	qs: IDataObject,
	paginationToken?: string,
): Promise<{ records: IDataObject[]; nextToken?: string }> {
	const { businessAccountId, headers } = await accountAndConnection(context);
	if (!businessAccountId) {
		throw new NodeOperationError(context.getNode(), 'No WhatsApp Business Account ID to list from', {
			description: 'Set a default business account ID in the Maton API credential, or pick "By ID".',
		});
	}
	const response = await matonRequest(
		context,
		'gateway',
		`/${encodeURIComponent(businessAccountId)}/${edge}`,
		{ ...qs, ...(paginationToken ? { after: paginationToken } : {}) },
		headers,
	);
	const paging = response.paging as IDataObject | undefined;
	const after = (paging?.cursors as IDataObject | undefined)?.after;
	return {
		records: (response.data as IDataObject[] | undefined) ?? [],
		nextToken: paging?.next && after ? String(after) : undefined,
	};
}
