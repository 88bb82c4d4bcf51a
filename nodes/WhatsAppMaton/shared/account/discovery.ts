import type { IDataObject } from 'n8n-workflow';

import { checkSegment } from '../checks/urlSegments';
import { readApiFailure, redactSecrets } from '../../transport/graphErrors';

/**
 * Account discovery: the WhatsApp Business Accounts a Maton connection can reach, found without
 * the user typing an ID. Maton's gateway injects the connection's OAuth token, so only what Graph
 * answers to that token can be used (docs/whatsapp-rules.md § Account discovery):
 *
 * - `GET /me?fields=businesses{…owned_whatsapp_business_accounts…client_whatsapp_business_accounts}`:
 *   the businesses of the token's user, with the accounts each owns and manages for clients. This
 *   is what the node relies on; it needs `business_management` on the token, which Maton's
 *   connection is not documented to have (unverified against the real gateway).
 * - Meta's `debug_token` (granular scopes with the account IDs) needs the token itself as
 *   `input_token`: Maton never hands it out, so it cannot be asked through the gateway.
 * - The connection's `metadata` on Maton's control API is undocumented (the sandbox's is `{}`).
 */

/** One page of every edge: Graph's default nested page is 25, these ask for up to 100. */
export const DISCOVERY_FIELDS =
	'businesses.limit(100){id,name,owned_whatsapp_business_accounts.limit(100){id,name},client_whatsapp_business_accounts.limit(100){id,name}}';

export interface DiscoveredAccount {
	id: string;
	/** The account's name in Meta Business Suite; '' when Graph gave none. */
	name: string;
	/** The Meta business (portfolio) it was found under. */
	business: string;
}

/** A GET through the configured gateway (path after the Graph version), answered as JSON. */
export type GatewayGet = (path: string, qs: IDataObject) => Promise<IDataObject>;

const edgeData = (edge: unknown): IDataObject[] =>
	edge && typeof edge === 'object' && Array.isArray((edge as IDataObject).data)
		? ((edge as IDataObject).data as IDataObject[]).filter((entry) => entry && typeof entry === 'object')
		: [];

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The accounts in a `/me?fields=businesses{…}` answer, owned ones first, each once. An ID that is
 * not a Graph ID (only digits) is left out: it would go into URL paths.
 */
export function accountsOfMe(me: IDataObject): DiscoveredAccount[] {
	const found = new Map<string, DiscoveredAccount>();
	for (const business of edgeData(me.businesses)) {
		const businessName = text(business.name) || String(business.id ?? '');
		for (const edge of ['owned_whatsapp_business_accounts', 'client_whatsapp_business_accounts']) {
			for (const account of edgeData(business[edge])) {
				const check = checkSegment('businessAccountId', account.id);
				if (!check.ok || found.has(check.value)) continue;
				found.set(check.value, { id: check.value, name: text(account.name), business: businessName });
			}
		}
	}
	return [...found.values()];
}

/** The business accounts the gateway's token reaches. A failed request is thrown as it came. */
export async function discoverAccounts(get: GatewayGet): Promise<DiscoveredAccount[]> {
	return accountsOfMe(await get('/me', { fields: DISCOVERY_FIELDS }));
}

/** "Acme Support (102290129340398)", or the ID alone. */
export function accountLabel(account: Pick<DiscoveredAccount, 'id' | 'name'>): string {
	return account.name ? `${account.name} (${account.id})` : account.id;
}

/** Where a user finds the ID by hand, for every message that asks for it. */
export const WHERE_TO_FIND_THE_ACCOUNT_ID =
	"Find it in Meta Business Suite › Settings › Accounts › WhatsApp accounts (the number shown with the account's name), or in Maton's dashboard.";

/** What to enter, and where, when discovery did not give exactly one account. */
export const ENTER_THE_ACCOUNT_ID = `Enter the WhatsApp Business Account ID in the node's WhatsApp Business Account field, or once for all nodes as the Default WhatsApp Business Account ID of the Maton API credential. ${WHERE_TO_FIND_THE_ACCOUNT_ID}`;

/**
 * What went wrong with a failed discovery request, in Graph's or Maton's words, from the error
 * n8n's request helpers throw (the answer's status and body are on it or on its cause), with
 * any bearer token and the given secrets (the API key) removed.
 */
export function discoveryFailureText(error: unknown, secrets: string[] = []): string {
	return redactSecrets(failureText(error), secrets);
}

function failureText(error: unknown): string {
	const candidates: unknown[] = [error];
	if (error && typeof error === 'object' && 'cause' in error) candidates.push((error as { cause: unknown }).cause);
	for (const candidate of candidates) {
		if (!candidate || typeof candidate !== 'object') continue;
		const response = (candidate as { response?: { status?: unknown; data?: unknown; body?: unknown } }).response;
		const status = Number(response?.status ?? (candidate as { httpCode?: unknown }).httpCode);
		const body = response?.data ?? response?.body ?? (candidate as { error?: unknown }).error;
		if (Number.isInteger(status) && status >= 100 && body !== undefined) {
			const failure = readApiFailure(status, body);
			return `${failure.message}${failure.code !== undefined ? ` (HTTP ${status}, code ${failure.code})` : ` (HTTP ${status})`}`;
		}
	}
	if (error instanceof Error) {
		// n8n's own error after the delivery loop: a generic headline ("Bad request - please check
		// your parameters"), what the API said in the description.
		const { description, httpCode } = error as { description?: unknown; httpCode?: unknown };
		if (typeof description === 'string' && description !== '') {
			const status = Number(httpCode);
			return Number.isInteger(status) && status >= 100 ? `${description} (HTTP ${status})` : `${error.message}: ${description}`;
		}
		return error.message;
	}
	return String(error);
}

/** Why an account could not be picked for the node, as a headline and what to do. */
export function discoveryProblem(
	outcome: { accounts: DiscoveredAccount[] } | { failure: string },
): { message: string; description: string } {
	if ('failure' in outcome) {
		return {
			message: 'No WhatsApp Business Account ID, and the Maton connection could not list its business accounts',
			description: `Graph answered: ${outcome.failure}. (Listing them needs the business_management permission on the connection.) ${ENTER_THE_ACCOUNT_ID}`,
		};
	}
	if (outcome.accounts.length === 0) {
		return {
			message: 'No WhatsApp Business Account ID, and the Maton connection reaches no business account',
			description: `The connection's Meta user has no business with a WhatsApp Business Account it can see. ${ENTER_THE_ACCOUNT_ID}`,
		};
	}
	return {
		message: `No WhatsApp Business Account ID, and the Maton connection reaches ${outcome.accounts.length} business accounts`,
		description: `Pick one in the node's WhatsApp Business Account field (From List), or set it as the credential's Default WhatsApp Business Account ID: ${outcome.accounts.map(accountLabel).join(', ')}.`,
	};
}
