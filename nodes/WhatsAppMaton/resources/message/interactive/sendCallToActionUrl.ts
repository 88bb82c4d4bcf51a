import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/fields/fields';
import { checkCallToActionUrl } from './actions';
import {
	interactiveBodyField,
	interactiveFooterTextOption,
	interactiveHeaderTextOption,
	interactiveMessageOperation,
} from './fields';
import {
	interactiveHeaderMediaOption,
} from './header';
import { addUploadedMediaId } from '../common/binaryMedia';
import { messageOptionsField, senderAndRecipientFields } from '../common/messageFields';
import { TRIMMED_VALUE } from '../../../shared/checks/required';

export const sendCallToActionUrlOperation = interactiveMessageOperation(
	{
		name: 'Send Call-to-Action URL Button',
		value: 'sendCallToActionUrl',
		action: 'Send a message with a link button',
		description:
			'Send a message with one button that opens a web page (https) when tapped, instead of showing a long link in the text',
	},
	'cta_url',
	checkCallToActionUrl,
	// The uploaded header file's ID in the output (`uploadedMedia.id`).
	{ fixedAction: { name: 'cta_url' }, output: [addUploadedMediaId] },
);

const show = showFor('message', ['sendCallToActionUrl']);

export const sendCallToActionUrlFields: INodeProperties[] = [
	...senderAndRecipientFields('sendCallToActionUrl'),
	interactiveBodyField('sendCallToActionUrl'),
	{
		displayName: 'Button Text',
		name: 'buttonText',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Track order',
		description: 'Label of the button that opens the URL, up to 20 characters',
		displayOptions: show,
		routing: {
			send: { type: 'body', property: 'interactive.action.parameters.display_text', value: TRIMMED_VALUE },
		},
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/orders/123',
		description: 'The https:// address the button opens in the browser',
		displayOptions: show,
		routing: {
			send: {
				type: 'body',
				property: 'interactive.action.parameters.url',
				value: TRIMMED_VALUE,
			},
		},
	},
	messageOptionsField('sendCallToActionUrl', [
		interactiveHeaderTextOption,
		interactiveHeaderMediaOption,
		interactiveFooterTextOption,
	]),
];
