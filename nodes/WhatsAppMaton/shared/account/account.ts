import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { requireSegment } from '../checks/urlSegments';
import { withDelivery } from '../../transport/delivery';
import {
	discoverAccounts,
	discoveryFailureText,
	discoveryProblem,
	type DiscoveredAccount,
	type GatewayGet,
} from './discovery';
import { CREDENTIAL_TYPE, matonBaseUrls, matonRequest } from '../../transport/gateway';
import { LOOKUP } from '../../transport/requestSafety';

type AccountContext = IExecuteSingleFunctions | ILoadOptionsFunctions;

/**
 * The node's own value of a parameter, resolved, or '' when it is not set or not shown. Text comes
 * back trimmed; anything else an expression gave (an object, an array) as it is, to be refused.
 */
function nodeValue(context: AccountContext, name: string): unknown {
	try {
		const value =
			'getCurrentNodeParameter' in context
				? context.getCurrentNodeParameter(name, { extractValue: true })
				: context.getNodeParameter(name, '', { extractValue: true });
		if (value === undefined || value === null) return '';
		if (typeof value === 'object') return value;
		const text = String(value).trim();
		// While the editor lists options, expressions are not resolved: not a usable value.
		return text.startsWith('=') ? '' : text;
	} catch {
		return '';
	}
}

const FROM_CREDENTIAL = "It comes from the Maton API credential's default; correct it there.";

/** The connection ID the node would send as `Maton-Connection`, or '' for Maton's default. */
export function connectionIdOf(context: AccountContext, credentials: IDataObject): string {
	const nodeConnection = nodeValue(context, 'matonConnection');
	const connection = nodeConnection || String(credentials.connectionId ?? '').trim();
	if (connection === '') return '';
	return requireSegment(context, 'connectionId', 'Maton Connection', connection, {
		hint: nodeConnection ? undefined : FROM_CREDENTIAL,
	});
}

/**
 * The business account and Maton connection the node would use, from its fields or the credential.
 * The account ID is a path segment and the connection ID a header of every request made with
 * them: each is checked by shape here, for the hooks, the pickers and the template lookup alike.
 * An empty account ID is left to the caller, which knows what it needed it for.
 */
export async function accountAndConnection(
	context: AccountContext,
): Promise<{ businessAccountId: string; headers: IDataObject }> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const nodeAccount = nodeValue(context, 'businessAccountId');
	const account = nodeAccount || String(credentials.businessAccountId ?? '').trim();
	const businessAccountId =
		account === ''
			? ''
			: requireSegment(
					context,
					'businessAccountId',
					// The node's field by its name; the credential's default by its own.
					nodeAccount ? 'WhatsApp Business Account' : 'WhatsApp Business Account ID',
					account,
					{ hint: nodeAccount ? undefined : FROM_CREDENTIAL },
				);
	const connectionId = connectionIdOf(context, credentials);
	return { businessAccountId, headers: connectionId ? { 'Maton-Connection': connectionId } : {} };
}

/** Where the business account ID of a request came from. */
export type AccountSource = 'node' | 'credential' | 'discovery';

export interface ResolvedAccount {
	businessAccountId: string;
	headers: IDataObject;
	source: AccountSource;
}

/** The gateway GET of discovery, with the node's connection header, never following a redirect. */
export function gatewayGetFor(context: AccountContext, headers: IDataObject): GatewayGet {
	return async (path, qs) => await matonRequest(context, 'gateway', path, qs, headers);
}

/** An item's context in a run (not the editor's list search or resource mapper). */
const isRun = (context: AccountContext): context is IExecuteSingleFunctions => 'getItemIndex' in context;

/**
 * Discoveries of recent executions, keyed by execution and connection: every item of a run needs
 * the same answer, and one request is enough (a few entries at most, the oldest dropped first).
 */
const discoveriesOfRecentExecutions = new Map<string, Promise<DiscoveredAccount[]>>();
const REMEMBERED_DISCOVERIES = 20;

/**
 * The business accounts the node's Maton connection reaches. In a run, paced and retried like
 * every request (a GET: safe to repeat) and shared by the run's items; in the editor, once.
 * A failure is thrown as the request's error.
 */
export async function discoverForNode(context: AccountContext, headers: IDataObject): Promise<DiscoveredAccount[]> {
	const get = gatewayGetFor(context, headers);
	if (!isRun(context)) return await discoverAccounts(get);
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const key = JSON.stringify([context.getExecutionId(), matonBaseUrls(credentials).gateway, headers['Maton-Connection'] ?? '']);
	let discovery = discoveriesOfRecentExecutions.get(key);
	if (!discovery) {
		discovery = withDelivery(context, LOOKUP, async () => await discoverAccounts(get));
		discoveriesOfRecentExecutions.set(key, discovery);
		discovery.catch(() => discoveriesOfRecentExecutions.delete(key));
		if (discoveriesOfRecentExecutions.size > REMEMBERED_DISCOVERIES) {
			const oldest = discoveriesOfRecentExecutions.keys().next().value;
			if (oldest !== undefined) discoveriesOfRecentExecutions.delete(oldest);
		}
	}
	return await discovery;
}

/** What a failed discovery said, without the credential's key in it. */
export async function discoveryFailureFor(context: AccountContext, error: unknown): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return discoveryFailureText(error, [String(credentials.apiKey ?? '')]);
}

/** A NodeOperationError naming the field, with the item when there is one. */
function accountError(context: AccountContext, problem: { message: string; description: string }): NodeOperationError {
	const itemIndex = isRun(context) ? context.getItemIndex() : undefined;
	return new NodeOperationError(context.getNode(), problem.message, {
		description: problem.description,
		...(itemIndex === undefined ? {} : { itemIndex }),
	});
}

/**
 * The business account a request acts on, in this order: the node's own field, the credential's
 * default, the one account the Maton connection reaches (account discovery). No account, several,
 * or a discovery that failed: a NodeOperationError saying what to enter and where to find it.
 */
export async function resolveBusinessAccount(context: AccountContext): Promise<ResolvedAccount> {
	const { businessAccountId, headers } = await accountAndConnection(context);
	if (businessAccountId !== '') {
		const source: AccountSource = nodeValue(context, 'businessAccountId') ? 'node' : 'credential';
		return { businessAccountId, headers, source };
	}
	let accounts: DiscoveredAccount[];
	try {
		accounts = await discoverForNode(context, headers);
	} catch (error) {
		throw accountError(context, discoveryProblem({ failure: await discoveryFailureFor(context, error) }));
	}
	if (accounts.length !== 1) throw accountError(context, discoveryProblem({ accounts }));
	return { businessAccountId: accounts[0].id, headers, source: 'discovery' };
}
