import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matonRequest } from '../shared/gateway';
import { businessAccountId, connectionHeader } from './matonContext';

/** Phone numbers of the business account, shown as "+1 555-0100 · Verified Name". */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const account = await businessAccountId(this);
	const response = await matonRequest(
		this,
		'gateway',
		`/${encodeURIComponent(account)}/phone_numbers`,
		{
			fields: 'id,display_phone_number,verified_name',
			limit: 100,
			...(paginationToken ? { after: paginationToken } : {}),
		},
		await connectionHeader(this),
	);
	const needle = (filter ?? '').toLowerCase();
	const results = ((response.data as IDataObject[] | undefined) ?? [])
		.map((phone) => ({
			name: [phone.display_phone_number, phone.verified_name].filter(Boolean).join(' · '),
			value: String(phone.id),
		}))
		.filter((result) => !needle || `${result.name} ${result.value}`.toLowerCase().includes(needle));
	const paging = response.paging as IDataObject | undefined;
	const after = (paging?.cursors as IDataObject | undefined)?.after;
	return { results, paginationToken: paging?.next && after ? String(after) : undefined };
}
