import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { showFor } from '../../shared/fields/fields';
import {
	messageOptionsField,
	senderAndRecipientFields,
	sendMessageOperation,
} from './common/messageFields';
import { inputError } from '../../shared/errors';
import { asText, checkLength } from '../../shared/checks/text';
import { TEXT_BODY_MAX } from '../../shared/limits';

export const sendTextOperation = sendMessageOperation(
	{
		name: 'Send Text',
		value: 'sendText',
		action: 'Send a text message',
		description: 'Send a plain text message, optionally with a preview of the first link in it',
	},
	'text',
	checkTextMessage,
);

export const sendTextFields: INodeProperties[] = [
	...senderAndRecipientFields('sendText'),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'e.g. Hello! Your order has shipped: https://example.com/track/123',
		description:
			'The message text, up to 4096 characters. WhatsApp formatting works: *bold*, _italic_, ~strike~, ```mono```.',
		displayOptions: showFor('message', ['sendText']),
		routing: { send: { type: 'body', property: 'text.body' } },
	},
	messageOptionsField('sendText', [
		{
			displayName: 'Show Link Preview',
			name: 'previewUrl',
			type: 'boolean',
			default: false,
			description:
				'Whether WhatsApp shows a preview of the first http(s) link in the text (the link must be in the text)',
			routing: { send: { type: 'body', property: 'text.preview_url' } },
		},
	]),
];

/**
 * preSend for Send Text: the body is 1 to 4096 characters, and Show Link Preview is a boolean.
 * An expression can leave the text undefined (the body would go out as `text: {}`) or give the
 * preview any value, which Graph would only refuse after the request.
 */
async function checkTextMessage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const text = ((requestOptions.body as IDataObject).text ?? {}) as IDataObject;
	const body = asText(text.body);
	if (body.trim() === '') throw inputError(this, 'Text is empty; WhatsApp requires it');
	checkLength(this, 'Text', body, { min: 1, max: TEXT_BODY_MAX });
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
