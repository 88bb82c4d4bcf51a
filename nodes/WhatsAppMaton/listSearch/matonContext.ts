import type { IDataObject, ILoadOptionsFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPE, matonRequest } from '../shared/gateway';

/** A node parameter read while the editor lists options; absent parameters read as undefined. */
function currentParameter(context: ILoadOptionsFunctions, name: string): unknown {
	try {
		return context.getCurrentNodeParameter(name);
	} catch {
		return undefined;
	}
}

/**
 * A text value usable while listing: trimmed, and empty for an expression (`={{ $json.x }}`),
 * which has no item to resolve against here and must not be sent as it is.
 */
function literal(value: unknown): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	return text.startsWith('=') ? '' : text;
}

/** The `Maton-Connection` header the node would send, so pickers list what the node will use. */
export async function connectionHeader(context: ILoadOptionsFunctions): Promise<IDataObject> {
	const picked = currentParameter(context, 'matonConnection') as
		| INodeParameterResourceLocator
		| undefined;
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const connectionId = literal(picked?.value) || literal(credentials.connectionId);
	return connectionId ? { 'Maton-Connection': connectionId } : {};
}

/** The business account the node's field or the credential names; pickers need one. */
export async function businessAccountId(context: ILoadOptionsFunctions): Promise<string> {
	const fromNode = literal(currentParameter(context, 'businessAccountId'));
	if (fromNode) return fromNode;
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const fromCredential = String(credentials.businessAccountId ?? '').trim();
	if (fromCredential) return fromCredential;
	throw new NodeOperationError(
		context.getNode(),
		'No WhatsApp Business Account ID to list from',
		{ description: 'Set a default business account ID in the Maton API credential, or pick "By ID".' },
	);
}

/**
 * One page of a Graph edge of the business account (`phone_numbers`, `message_templates`)
 * through the gateway, with the cursor of the next page when there is one.
 */
export async function businessAccountPage(
	context: ILoadOptionsFunctions,
	edge: string,
	qs: IDataObject,
	paginationToken?: string,
): Promise<{ records: IDataObject[]; nextToken?: string }> {
	const account = await businessAccountId(context);
	const response = await matonRequest(
		context,
		'gateway',
		`/${encodeURIComponent(account)}/${edge}`,
		{ ...qs, ...(paginationToken ? { after: paginationToken } : {}) },
		await connectionHeader(context),
	);
	const paging = response.paging as IDataObject | undefined;
	const after = (paging?.cursors as IDataObject | undefined)?.after;
	return {
		records: (response.data as IDataObject[] | undefined) ?? [],
		nextToken: paging?.next && after ? String(after) : undefined,
	};
}
