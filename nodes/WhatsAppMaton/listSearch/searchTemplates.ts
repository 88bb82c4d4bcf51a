import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matonRequest } from '../shared/gateway';
import { businessAccountId, connectionHeader } from './matonContext';

/**
 * Approved templates of the business account, searchable by name. Pages go through the gateway
 * with the `after` cursor, never Graph's absolute `next` link.
 */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const account = await businessAccountId(this);
	const response = await matonRequest(
		this,
		'gateway',
		`/${encodeURIComponent(account)}/message_templates`,
		{
			fields: 'name,language,category,status',
			status: 'APPROVED',
			limit: 100,
			...(filter ? { name: filter } : {}),
			...(paginationToken ? { after: paginationToken } : {}),
		},
		await connectionHeader(this),
	);
	// One entry per name: the language is a separate field of the node.
	const languagesByName = new Map<string, string[]>();
	for (const template of (response.data as IDataObject[] | undefined) ?? []) {
		const name = String(template.name);
		languagesByName.set(name, [...(languagesByName.get(name) ?? []), String(template.language ?? '')]);
	}
	const results = [...languagesByName].map(([name, languages]) => ({
		name: `${name} (${languages.filter(Boolean).join(', ')})`,
		value: name,
	}));
	const paging = response.paging as IDataObject | undefined;
	const after = (paging?.cursors as IDataObject | undefined)?.after;
	return { results, paginationToken: paging?.next && after ? String(after) : undefined };
}
