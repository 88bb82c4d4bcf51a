import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requireSegment } from '../checks/urlSegments';
import { GRAPH_PAGE_SIZE, pageSizeQuery } from './fields';

/**
 * preSend: the business phone number ID is the first segment of every path it is in, before the
 * operation's own `url` (`/messages`, …, or none); an expression that found nothing would
 * otherwise send the request to `/undefined/messages`, and `..` to another endpoint.
 */
export async function requirePhoneNumberId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const phoneNumberId = requireSegment(
		this,
		'phoneNumberId',
		'Business Phone Number',
		this.getNodeParameter('phoneNumberId', '', { extractValue: true }),
		{
			whenEmpty: 'is empty; pick one or give its phone number ID',
			hint: 'Give the numeric phone number ID from WhatsApp Manager, not the phone number itself.',
		},
	);
	requestOptions.url = `/${encodeURIComponent(phoneNumberId)}${requestOptions.url ?? ''}`;
	return requestOptions;
}

const graphPageSize = pageSizeQuery(GRAPH_PAGE_SIZE);

/**
 * The build hook of a list under a business phone number (Blocked User › List, QR Code › List):
 * Graph's page size for Limit or Return All, then the phone number's ID in front of the path.
 */
export async function buildPhoneNumberListing(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await graphPageSize.call(this, requestOptions);
	return await requirePhoneNumberId.call(this, requestOptions);
}
