import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { businessAccountPage } from './matonContext';

/**
 * Approved templates of the business account, searchable by name. Pages go through the gateway
 * with the `after` cursor, never Graph's absolute `next` link.
 */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { records, nextToken } = await businessAccountPage(
		this,
		'message_templates',
		{
			fields: 'name,language,category,status',
			status: 'APPROVED',
			limit: 100,
			...(filter ? { name: filter } : {}),
		},
		paginationToken,
	);
	// One entry per name: the language is a separate field of the node.
	const languagesByName = new Map<string, string[]>();
	for (const template of records) {
		const name = String(template.name);
		languagesByName.set(name, [...(languagesByName.get(name) ?? []), String(template.language ?? '')]);
	}
	const results = [...languagesByName].map(([name, languages]) => ({
		name: `${name} (${languages.filter(Boolean).join(', ')})`,
		value: name,
	}));
	return { results, paginationToken: nextToken };
}
