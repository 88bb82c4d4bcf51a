import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { checkSegment } from '../checks/urlSegments';
import {
	discoverAccounts,
	discoveryFailureText,
	discoveryProblem,
	ENTER_THE_ACCOUNT_ID,
	WHERE_TO_FIND_THE_ACCOUNT_ID,
	type DiscoveredAccount,
} from './discovery';
import { MATON_APP, matonBaseUrls, NO_REDIRECTS } from '../../transport/gateway';
import { DEFAULT_GRAPH_API_VERSION } from '../../../../credentials/MatonApi.credentials';
import { GRAPH_API_VERSION_ENDS, GRAPH_API_VERSION_WARNING_DAYS } from '../limits';

/** Today for the version check; tests set it (no test depends on the real date). */
export const credentialTestClock = { now: (): number => Date.now() };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The newest version with a published end, to name in the advice. */
function newestServedVersion(): { version: string; ends: string } {
	const [version, ends] = Object.entries(GRAPH_API_VERSION_ENDS).sort(([, a], [, b]) => b.localeCompare(a))[0];
	return { version, ends };
}

/**
 * What to say about the configured Graph API version on `now`: nothing while it has more than
 * 90 days left (or no published end), else that it ended (every request would fail) or when it
 * ends, with the version to move to (docs/whatsapp-rules.md § Graph API version).
 */
export function graphVersionProblem(
	version: string,
	now: number,
): { ended: boolean; message: string } | undefined {
	const ends = GRAPH_API_VERSION_ENDS[version];
	if (ends === undefined) return undefined;
	// Served through its last day, UTC.
	const daysLeft = Math.ceil((Date.parse(`${ends}T23:59:59.999Z`) - now) / DAY_MS) - 1;
	if (daysLeft >= GRAPH_API_VERSION_WARNING_DAYS) return undefined;
	const newest = newestServedVersion();
	const move =
		newest.version === version
			? 'set Graph API Version to a newer version from Meta\'s changelog'
			: `set Graph API Version to ${newest.version} (served until ${newest.ends})`;
	if (daysLeft < 0) {
		return {
			ended: true,
			message: `Graph API Version ${version} ended on ${ends}: Meta no longer serves it, so every request would fail. In the credential, ${move}.`,
		};
	}
	const left = daysLeft === 0 ? 'today is its last day' : `in ${plural(daysLeft, 'day', 'days')}`;
	return {
		ended: false,
		message: `Graph API Version ${version} ends on ${ends} (${left}): ${move} before then.`,
	};
}

/** How many accounts' phone numbers the test counts (one request each). */
const COUNTED_ACCOUNTS = 10;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const httpStatusOf = (error: unknown): number | undefined => {
	if (!error || typeof error !== 'object') return undefined;
	const { statusCode, response, cause } = error as { statusCode?: unknown; response?: { status?: unknown }; cause?: unknown };
	const status = Number(statusCode ?? response?.status);
	if (Number.isInteger(status) && status >= 100) return status;
	return cause ? httpStatusOf(cause) : undefined;
};

const failed = (message: string): INodeCredentialTestResult => ({ status: 'Error', message });

/**
 * The Maton API credential's test (the node's `testedBy`; n8n's declarative test cannot count
 * things): the key on Maton's control API, the connection, then what the connection reaches
 * through the gateway, named in the answer ("Connected: 1 business account (Acme), 2 phone
 * numbers"). Only the configured hosts get the key; a redirect is never followed.
 */
export async function matonApiCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data: ICredentialDataDecryptedObject = credential.data ?? {};
	const apiKey = String(data.apiKey ?? '').trim();
	if (apiKey === '') return failed('API Key is empty: copy it from the settings page of your Maton account.');
	const scrub = (text: string) => text.split(apiKey).join('***');
	const bases = matonBaseUrls(data);

	const connectionText = String(data.connectionId ?? '').trim();
	const connection = connectionText === '' ? undefined : checkSegment('connectionId', connectionText);
	if (connection && !connection.ok) return failed(`Default Connection ID ${connection.reason}`);
	const accountText = String(data.businessAccountId ?? '').trim();
	const account = accountText === '' ? undefined : checkSegment('businessAccountId', accountText);
	if (account && !account.ok) return failed(`Default WhatsApp Business Account ID ${account.reason}`);
	const version = String(data.graphApiVersion ?? '').trim() || DEFAULT_GRAPH_API_VERSION;
	const versionProblem = graphVersionProblem(version, credentialTestClock.now());
	if (versionProblem?.ended) return failed(versionProblem.message);

	const get = async (api: 'gateway' | 'control', path: string, qs: IDataObject): Promise<IDataObject> =>
		// A credential test's context has no other helper (ICredentialTestFunctions: `request` only).
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions
		(await this.helpers.request({
			method: 'GET',
			uri: `${bases[api]}${path}`,
			qs,
			headers: {
				Authorization: `Bearer ${apiKey}`,
				Accept: 'application/json',
				...(api === 'gateway' && connection?.ok ? { 'Maton-Connection': connection.value } : {}),
			},
			json: true,
			followRedirect: false,
			followAllRedirects: false,
			sendCredentialsOnCrossOriginRedirect: NO_REDIRECTS.sendCredentialsOnCrossOriginRedirect,
		})) as IDataObject;

	// 1. The key, on the control API: listing connections needs nothing else.
	let connections: IDataObject[];
	try {
		const answer = await get('control', '/connections', { app: MATON_APP });
		connections = Array.isArray(answer.connections) ? (answer.connections as IDataObject[]) : [];
	} catch (error) {
		if (httpStatusOf(error) === 401) {
			return failed('The Maton API key was rejected. Copy it again from your Maton settings page.');
		}
		return failed(scrub(`Maton's control API (${bases.control}) did not answer as expected: ${discoveryFailureText(error, [apiKey])}`));
	}

	// 2. The connection the gateway will use.
	if (connection?.ok) {
		const picked = connections.find((entry) => String(entry.connection_id) === connection.value);
		if (!picked) {
			return failed(
				`The key works, but the Default Connection ID ${connection.value} is not one of your WhatsApp Business connections on Maton: pick one from Connection › List, or leave it empty to use the oldest active one.`,
			);
		}
		if (String(picked.status) !== 'ACTIVE') {
			return failed(
				`The key works, but the Default Connection ${connection.value} is ${String(picked.status)}: open its URL (Connection › Get) to finish connecting WhatsApp, or pick another one.`,
			);
		}
	} else if (!connections.some((entry) => String(entry.status) === 'ACTIVE')) {
		return failed(
			"The key works, but Maton has no active WhatsApp Business connection: create one (the node's Connection › Create, or Maton's dashboard) and finish connecting WhatsApp in the browser.",
		);
	}

	// 3. The business accounts: the credential's default, else what the connection reaches.
	let accounts: Array<Pick<DiscoveredAccount, 'id' | 'name'>>;
	if (account?.ok) {
		try {
			const answer = await get('gateway', `/${encodeURIComponent(account.value)}`, { fields: 'id,name' });
			accounts = [{ id: account.value, name: typeof answer.name === 'string' ? answer.name : '' }];
		} catch (error) {
			return failed(
				scrub(
					`The key works, but the Default WhatsApp Business Account ID ${account.value} could not be read through the Maton connection: ${discoveryFailureText(error, [apiKey])}. Check the ID: ${WHERE_TO_FIND_THE_ACCOUNT_ID}`,
				),
			);
		}
	} else {
		try {
			accounts = await discoverAccounts(async (path, qs) => await get('gateway', path, qs));
		} catch (error) {
			const problem = discoveryProblem({ failure: discoveryFailureText(error, [apiKey]) });
			return failed(scrub(`The key works, but the connection could not list its business accounts. ${problem.description}`));
		}
		if (accounts.length === 0) {
			return failed(`The key works, but the connection reaches no WhatsApp Business Account. ${ENTER_THE_ACCOUNT_ID}`);
		}
	}

	// 4. Their phone numbers, counted.
	let phoneNumbers = 0;
	let more = accounts.length > COUNTED_ACCOUNTS;
	for (const found of accounts.slice(0, COUNTED_ACCOUNTS)) {
		try {
			const answer = await get('gateway', `/${encodeURIComponent(found.id)}/phone_numbers`, { fields: 'id', limit: 100 });
			phoneNumbers += Array.isArray(answer.data) ? answer.data.length : 0;
			if ((answer.paging as IDataObject | undefined)?.next) more = true;
		} catch (error) {
			return failed(
				scrub(`The key works, but the phone numbers of business account ${found.id} could not be listed: ${discoveryFailureText(error, [apiKey])}`),
			);
		}
	}

	const names = accounts.map((found) => found.name || found.id).join(', ');
	const counted = `${plural(phoneNumbers, 'phone number', 'phone numbers')}${more ? ' or more' : ''}`;
	const choose =
		!account?.ok && accounts.length > 1
			? " Nodes that need one ask which: pick it in their WhatsApp Business Account field, or set the credential's Default WhatsApp Business Account ID."
			: '';
	const connected = `Connected: ${plural(accounts.length, 'business account', 'business accounts')} (${names}), ${counted}.${choose}`;
	// n8n's credential dialog shows the message of a failed test only: a warning must fail it.
	if (versionProblem) return failed(`${connected} But ${versionProblem.message}`);
	return { status: 'OK', message: connected };
}
