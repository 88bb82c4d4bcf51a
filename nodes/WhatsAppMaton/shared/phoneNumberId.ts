import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from './errors';

/**
 * preSend: the business phone number ID is the first segment of every path it is in; an
 * expression that found nothing would otherwise send the request to `/undefined/messages`.
 */
export async function requirePhoneNumberId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const id = String(this.getNodeParameter('phoneNumberId', '', { extractValue: true }) ?? '').trim();
	if (id === '' || id === 'undefined') {
		throw inputError(this, 'Business Phone Number is empty; pick one or give its phone number ID');
	}
	if (!/^[0-9]+$/.test(id)) {
		throw inputError(
			this,
			`Business Phone Number "${id}" is not a phone number ID`,
			'Give the numeric phone number ID from WhatsApp Manager, not the phone number itself.',
		);
	}
	return requestOptions;
}
