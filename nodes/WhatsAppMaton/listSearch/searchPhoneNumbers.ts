import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accountAndConnection, discoverForNode, discoveryFailureFor } from '../shared/account/account';
import {
	accountLabel,
	discoveryProblem,
	type DiscoveredAccount,
} from '../shared/account/discovery';
import { accountPage } from './matonContext';

const QUERY = { fields: 'id,display_phone_number,verified_name', limit: 100 };

function phoneItems(records: IDataObject[], filter: string | undefined, account?: DiscoveredAccount): INodeListSearchItems[] {
	const needle = (filter ?? '').toLowerCase();
	return records
		.map((phone) => ({
			name: [phone.display_phone_number, phone.verified_name].filter(Boolean).join(' · '),
			value: String(phone.id),
			...(account ? { description: `WhatsApp Business Account ${accountLabel(account)}` } : {}),
		}))
		.filter((result) => !needle || `${result.name} ${result.value}`.toLowerCase().includes(needle));
}

/**
 * Where a discovery listing goes on: the index of the account among those discovered, and the
 * `after` cursor within it (empty for its first page): `1:QVFIUmFmdGVy…`.
 */
function readToken(token: string | undefined, accounts: number): { index: number; after?: string } {
	if (!token) return { index: 0 };
	const match = /^(\d{1,4}):(.*)$/.exec(token);
	const index = match ? Number(match[1]) : 0;
	if (!match || index >= accounts) return { index: 0 };
	return { index, after: match[2] || undefined };
}

/**
 * Phone numbers of the business account, shown as "+1 555-0100 · Verified Name". Without an
 * account ID on the node or the credential, the numbers of every account the Maton connection
 * reaches (account discovery), one account after the other, each named in the description when
 * there are several.
 */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { businessAccountId, headers } = await accountAndConnection(this);
	if (businessAccountId) {
		const { records, nextToken } = await accountPage(this, businessAccountId, headers, 'phone_numbers', QUERY, paginationToken);
		return { results: phoneItems(records, filter), paginationToken: nextToken };
	}
	let accounts: DiscoveredAccount[];
	try {
		accounts = await discoverForNode(this, headers);
	} catch (error) {
		const problem = discoveryProblem({ failure: await discoveryFailureFor(this, error) });
		throw new NodeOperationError(this.getNode(), problem.message, { description: problem.description });
	}
	if (accounts.length === 0) {
		const problem = discoveryProblem({ accounts });
		throw new NodeOperationError(this.getNode(), problem.message, { description: problem.description });
	}
	const named = accounts.length > 1;
	let { index, after } = readToken(paginationToken, accounts.length);
	const results: INodeListSearchItems[] = [];
	// The rest of the accounts' first pages in one answer; a longer list goes on from its cursor.
	for (; index < accounts.length; index++, after = undefined) {
		const account = accounts[index];
		const { records, nextToken } = await accountPage(this, account.id, headers, 'phone_numbers', QUERY, after);
		results.push(...phoneItems(records, filter, named ? account : undefined));
		if (nextToken) return { results, paginationToken: `${index}:${nextToken}` };
	}
	return { results };
}
