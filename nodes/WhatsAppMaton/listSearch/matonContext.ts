import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { resolveBusinessAccount } from '../shared/account/account';
import { matonRequest } from '../transport/gateway';

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
	const { businessAccountId, headers } = await resolveBusinessAccount(context);
	return await accountPage(context, businessAccountId, headers, edge, qs, paginationToken);
}

/** One page of an edge of the given (checked) business account. */
export async function accountPage(
	context: ILoadOptionsFunctions,
	businessAccountId: string,
	headers: IDataObject,
	edge: string,
	qs: IDataObject,
	paginationToken?: string,
): Promise<{ records: IDataObject[]; nextToken?: string }> {
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
