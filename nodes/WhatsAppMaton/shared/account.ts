import type { IDataObject, IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { requireSegment } from './checks/urlSegments';
import { CREDENTIAL_TYPE } from './gateway';

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
			: requireSegment(context, 'businessAccountId', 'WhatsApp Business Account ID', account, {
					hint: nodeAccount ? undefined : FROM_CREDENTIAL,
				});
	const connectionId = connectionIdOf(context, credentials);
	return { businessAccountId, headers: connectionId ? { 'Maton-Connection': connectionId } : {} };
}
