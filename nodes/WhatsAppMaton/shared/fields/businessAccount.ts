import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { resolveBusinessAccount } from '../account/account';

/**
 * preSend: a template or phone-number operation needs a business account ID: the node's, the
 * credential's default, or the one the Maton connection reaches (account discovery, one GET per
 * run). Without one the path would silently become `//message_templates`: it fails saying what
 * to enter and where. The checked ID goes in front of the operation's own `url`
 * (`/message_templates`, `/phone_numbers`).
 */
export async function requireBusinessAccountId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { businessAccountId } = await resolveBusinessAccount(this);
	requestOptions.url = `/${encodeURIComponent(businessAccountId)}${requestOptions.url ?? ''}`;
	return requestOptions;
}
