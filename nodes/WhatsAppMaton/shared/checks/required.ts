import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { inputError } from '../errors';

/**
 * A preSend that stops the item when a required field is blank once its expression is resolved.
 * The editor's `required` only sees the unresolved expression, so `{{ $json.id }}` on an item
 * without `id` would otherwise reach the API as an empty ID, or as a path that means
 * something else (`DELETE /connections/`).
 */
export function requireParameter(parameterName: string, label: string, hint: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = String(this.getNodeParameter(parameterName, '', { extractValue: true }) ?? '').trim();
		if (value === '' || value === 'undefined') throw inputError(this, `${label} is empty`, hint);
		return requestOptions;
	};
}

/** Routing value for a text field sent in a body or query: an expression's number or padding is cleaned. */
export const TRIMMED_VALUE = "={{ String($value ?? '').trim() }}";
