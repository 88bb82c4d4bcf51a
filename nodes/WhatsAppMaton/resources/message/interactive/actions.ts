import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { checkInteractiveTexts } from './interactive';
import { asText } from '../../../shared/checks/text';
import { applyInteractiveHeaderMedia } from './header';
import { CTA_BUTTON_TEXT_MAX, INTERACTIVE_BODY_MAX } from '../../../shared/limits';
import { checkLength } from '../../../shared/checks/text';

/** An https address with a host: what WhatsApp opens from a link button (CTA URL, carousel cards). */
export const HTTPS_URL = /^https:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;

/**
 * preSend for Send Call-to-Action URL Button: the texts, the button label and an https URL, then
 * the header file (uploaded last, once the rest has passed).
 */
export async function checkCallToActionUrl(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const interactive = (requestOptions.body as IDataObject).interactive as IDataObject;
	checkInteractiveTexts(this, interactive, INTERACTIVE_BODY_MAX);
	const action = (interactive.action ?? {}) as IDataObject;
	const parameters = (action.parameters ?? {}) as IDataObject;
	action.parameters = parameters;
	interactive.action = action;
	const displayText = asText(parameters.display_text).trim();
	checkLength(this, 'Button Text', displayText, { min: 1, max: CTA_BUTTON_TEXT_MAX });
	const url = asText(parameters.url).trim();
	if (url === '') throw inputError(this, 'URL is empty', 'Give the https:// address the button opens.');
	if (!HTTPS_URL.test(url)) {
		throw inputError(
			this,
			`URL must be an https:// link; got "${url}"`,
			'WhatsApp opens only https addresses from a call-to-action button.',
		);
	}
	parameters.display_text = displayText;
	parameters.url = url;
	await applyInteractiveHeaderMedia(this, requestOptions);
	return requestOptions;
}

/** preSend for Send Location Request: the body text is the only input. */
export async function checkLocationRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const interactive = (requestOptions.body as IDataObject).interactive as IDataObject;
	checkInteractiveTexts(this, interactive, INTERACTIVE_BODY_MAX);
	return requestOptions;
}
