import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { phoneNumberIdField, showFor } from './fields';
import { normaliseRecipient } from './recipient';
import { requireParameter, TRIMMED_VALUE } from './required';

/**
 * Every message goes to `POST /{phone-number-id}/messages` with these fixed body fields (the
 * Business Phone Number's hook puts the ID in front of the path).
 */
export function sendMessageOperation(
	operation: Omit<INodePropertyOptions, 'routing'>,
	messageType: string,
): INodePropertyOptions {
	return {
		...operation,
		routing: {
			request: {
				method: 'POST',
				url: '/messages',
				body: { messaging_product: 'whatsapp', recipient_type: 'individual', type: messageType },
			},
		},
	};
}

/** The sender and the recipient, first on every send operation. */
export function senderAndRecipientFields(operation: string): INodeProperties[] {
	return [
		phoneNumberIdField('message', [operation]),
		{
			displayName: 'Recipient Phone Number',
			name: 'recipientPhoneNumber',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 15551234567',
			description:
				"The recipient's WhatsApp number in international format with the country code. Spaces, dashes, dots, brackets and a leading + are removed.",
			displayOptions: showFor('message', [operation]),
			routing: { send: { type: 'body', property: 'to', preSend: [normaliseRecipient] } },
		},
	];
}

/** Quoting an earlier message: `context.message_id`, allowed on every message but a reaction. */
export const replyToMessageOption: INodeProperties = {
	displayName: 'Reply To Message ID',
	name: 'replyToMessageId',
	type: 'string',
	default: '',
	placeholder: 'e.g. wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
	description:
		'ID (wamid) of a message in the chat to quote, so this message appears as a reply to it',
	routing: {
		send: {
			type: 'body',
			property: 'context',
			value: '={{ $value ? { message_id: $value } : undefined }}',
		},
	},
};

/** The Options collection of a send operation; reply context always, plus the type's own. */
export function messageOptionsField(
	operation: string,
	extraOptions: INodeProperties[] = [],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		description: 'Optional parts of the message, and the message this one replies to',
		displayOptions: showFor('message', [operation]),
		options: [...extraOptions, replyToMessageOption].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

/** The wamid of a message in the chat that an operation acts on (mark as read, react to). */
export function messageIdField(
	operation: string,
	bodyProperty: string,
	description: string,
	hintWhenEmpty: string,
): INodeProperties {
	return {
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
		description,
		displayOptions: showFor('message', [operation]),
		routing: {
			send: {
				type: 'body',
				property: bodyProperty,
				value: TRIMMED_VALUE,
				preSend: [requireParameter('messageId', 'Message ID', hintWhenEmpty)],
			},
		},
	};
}
