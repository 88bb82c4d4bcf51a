import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { accountAndConnection } from './account';
import { inputError } from './errors';

/**
 * preSend: a template or phone-number list needs a business account id, from the node or the
 * credential. Without one the path would silently become `//message_templates`. The checked ID
 * goes in front of the operation's own `url` (`/message_templates`, `/phone_numbers`).
 */
export async function requireBusinessAccountId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { businessAccountId } = await accountAndConnection(this);
	if (businessAccountId === '') {
		throw inputError(
			this,
			'WhatsApp Business Account ID is empty',
			'Set it on the node, or as the default business account ID in the Maton API credential.',
		);
	}
	requestOptions.url = `/${encodeURIComponent(businessAccountId)}${requestOptions.url ?? ''}`;
	return requestOptions;
}
