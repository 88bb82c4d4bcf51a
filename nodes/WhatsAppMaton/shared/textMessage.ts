import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from './errors';
import { asText } from './interactive';
import { checkLength } from './text';

/**
 * preSend for Send Text: the body is 1 to 4096 characters, and Show Link Preview is a boolean.
 * An expression can leave the text undefined (the body would go out as `text: {}`) or give the
 * preview any value, which Graph would only refuse after the request.
 */
export async function checkTextMessage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const text = ((requestOptions.body as IDataObject).text ?? {}) as IDataObject;
	const body = asText(text.body);
	if (body.trim() === '') throw inputError(this, 'Text is empty; WhatsApp requires it');
	checkLength(this, 'Text', body, { min: 1, max: 4096 });
	text.body = body;
	if (text.preview_url === undefined || text.preview_url === null) {
		delete text.preview_url;
	} else {
		text.preview_url = previewUrlOf(this, text.preview_url);
	}
	return requestOptions;
}

/** `true` / `false`, also as the text an expression may give; anything else is refused. */
function previewUrlOf(context: IExecuteSingleFunctions, value: unknown): boolean {
	if (typeof value === 'boolean') return value;
	const text = asText(value).trim().toLowerCase();
	if (text === 'true' || text === 'false') return text === 'true';
	throw inputError(
		context,
		`Show Link Preview is ${JSON.stringify(value)}; it must be true or false`,
		'Turn the option on or off, or give an expression that returns a boolean.',
	);
}
