import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/fields';
import {
	messageOptionsField,
	senderAndRecipientFields,
	sendMessageOperation,
} from '../../shared/message';
import { checkTextMessage } from '../../shared/textMessage';

export const sendTextOperation = sendMessageOperation(
	{
		name: 'Send Text',
		value: 'sendText',
		action: 'Send a text message',
		description: 'Send a plain text message, optionally with a preview of the first link in it',
	},
	'text',
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
		routing: { send: { type: 'body', property: 'text.body', preSend: [checkTextMessage] } },
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
