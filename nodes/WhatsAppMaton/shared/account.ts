import type { IDataObject, IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './gateway';

type AccountContext = IExecuteSingleFunctions | ILoadOptionsFunctions;

/** The node's own value of a parameter, resolved, or '' when it is not set or not shown. */
function nodeValue(context: AccountContext, name: string): string {
	try {
		const value =
			'getCurrentNodeParameter' in context
				? context.getCurrentNodeParameter(name, { extractValue: true })
				: context.getNodeParameter(name, '', { extractValue: true });
		const text = String(value ?? '').trim();
		// While the editor lists options, expressions are not resolved: not a usable value.
		return text.startsWith('=') ? '' : text;
	} catch {
		return '';
	}
}

/** The business account and Maton connection the node would use, from its fields or the credential. */
export async function accountAndConnection(
	context: AccountContext,
): Promise<{ businessAccountId: string; headers: IDataObject }> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const businessAccountId =
		nodeValue(context, 'businessAccountId') || String(credentials.businessAccountId ?? '').trim();
	const connectionId = nodeValue(context, 'matonConnection') || String(credentials.connectionId ?? '').trim();
	return { businessAccountId, headers: connectionId ? { 'Maton-Connection': connectionId } : {} };
}

