import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accountAndConnection, discoverForNode, discoveryFailureFor } from '../shared/account/account';
import { discoveryProblem, type DiscoveredAccount } from '../shared/account/discovery';

/**
 * The WhatsApp Business Accounts the Maton connection reaches (account discovery), shown by
 * name with their business, searchable by name or ID. The credential's default account, when it
 * has one, is not looked up again: it is in the list already if the connection reaches it.
 */
export async function searchBusinessAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { headers } = await accountAndConnection(this);
	let accounts: DiscoveredAccount[];
	try {
		accounts = await discoverForNode(this, headers);
	} catch (error) {
		const problem = discoveryProblem({ failure: await discoveryFailureFor(this, error) });
		throw new NodeOperationError(this.getNode(), 'The Maton connection could not list its business accounts', {
			description: `${problem.description} Or pick "By ID".`,
		});
	}
	const needle = (filter ?? '').toLowerCase();
	return {
		results: accounts
			.map((account) => ({
				name: account.name || account.id,
				value: account.id,
				description: `${account.id} · ${account.business}`,
			}))
			.filter((result) => !needle || `${result.name} ${result.value}`.toLowerCase().includes(needle)),
	};
}
