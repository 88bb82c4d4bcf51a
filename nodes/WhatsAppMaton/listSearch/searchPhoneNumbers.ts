import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { businessAccountPage } from './matonContext';

/** Phone numbers of the business account, shown as "+1 555-0100 · Verified Name". */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { records, nextToken } = await businessAccountPage(
		this,
		'phone_numbers',
		{ fields: 'id,display_phone_number,verified_name', limit: 100 },
		paginationToken,
	);
	const needle = (filter ?? '').toLowerCase();
	const results = records
		.map((phone) => ({
			name: [phone.display_phone_number, phone.verified_name].filter(Boolean).join(' · '),
			value: String(phone.id),
		}))
		.filter((result) => !needle || `${result.name} ${result.value}`.toLowerCase().includes(needle));
	return { results, paginationToken: nextToken };
}
