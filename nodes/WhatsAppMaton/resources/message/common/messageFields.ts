import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { OPTIONS_DESCRIPTION, phoneNumberIdField, showFor } from '../../../shared/fields/fields';
import { requirePhoneNumberId } from '../../../shared/fields/phoneNumberId';
import { inputError } from '../../../shared/errors';
import { gatewayOperation } from '../../../transport/operation';
import { normaliseRecipient } from './recipient';
import {
	outsideWindowFallback,
	outsideWindowTemplateOf,
	outsideWindowTemplateOption,
} from './outsideWindowFallback';

/**
 * Free-form messages: WhatsApp sends them only within 24 hours of the customer's last message,
 * so they take the option of a template instead. A template is the answer itself; a reaction has
 * no template to stand for it; Send and Wait for Response sends programmatically.
 */
const WITHOUT_WINDOW_FALLBACK = new Set(['sendTemplate', 'sendReaction', 'sendAndWait']);

/**
 * Every message goes to `POST /{phone-number-id}/messages` with these fixed body fields (and the
 * message type's own, `body`). The
 * operation's hook gets the request with the sender's ID in front of the path and the recipient
 * checked and normalised in `to`, then checks and completes the message itself. A free-form
 * message's option "If Outside the 24-Hour Window, Send Template" is checked here too, before
 * anything is sent, and its template goes out if WhatsApp refuses the message with 131047.
 */
export function sendMessageOperation(
	operation: Omit<INodePropertyOptions, 'routing'>,
	messageType: string,
	buildMessage: PreSendAction,
	{ body = {}, output }: { body?: IDataObject; output?: PostReceiveAction[] } = {},
): INodePropertyOptions {
	const freeForm = !WITHOUT_WINDOW_FALLBACK.has(String(operation.value));
	return gatewayOperation(operation, {
		...(freeForm && { fallback: outsideWindowFallback }),
		request: {
			method: 'POST',
			url: '/messages',
			body: { messaging_product: 'whatsapp', recipient_type: 'individual', type: messageType, ...body },
		},
		output,
		build: async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
			await requirePhoneNumberId.call(this, requestOptions);
			await normaliseRecipient.call(this, requestOptions);
			const built = await buildMessage.call(this, requestOptions);
			if (freeForm) outsideWindowTemplateOf(this);
			return built;
		},
	});
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
			routing: { send: { type: 'body', property: 'to' } },
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
		description: OPTIONS_DESCRIPTION,
		displayOptions: showFor('message', [operation]),
		options: [
			...extraOptions,
			replyToMessageOption,
			...(WITHOUT_WINDOW_FALLBACK.has(operation) ? [] : [outsideWindowTemplateOption]),
		].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

/**
 * Where a shared definition's routing put a value at the top of the body (`from`), moves it
 * into the object the message wants it in (`into`), at `from`'s place in the key order: as its
 * `entry` if given, else merged (an object). Graph reads the JSON, but tests and logs read it in
 * the order the message is built.
 */
export function moveIntoObject(body: IDataObject, from: string, into: string, entry?: string): IDataObject {
	if (!(from in body)) return body;
	const moved: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (key === from) {
			const part = entry === undefined ? (value as IDataObject) : { [entry]: value };
			moved[into] = { ...part, ...(body[into] as IDataObject | undefined) };
		} else if (key !== into) {
			moved[key] = value;
		}
	}
	return moved;
}

/**
 * The Message ID that routing put in `message_id`, trimmed, or the item stops: an expression that
 * found nothing would otherwise mark or react to no message at all.
 */
export function checkMessageId(context: IExecuteSingleFunctions, body: IDataObject): void {
	const messageId = String(body.message_id ?? '').trim();
	if (messageId === '' || messageId === 'undefined') {
		throw inputError(
			context,
			'Message ID is empty',
			'Give the wamid of the message, from the incoming message webhook or the answer of a send operation.',
		);
	}
	body.message_id = messageId;
}

/**
 * The wamid of a message in the chat that an operation acts on: Mark as Read sends it as
 * `message_id`; Send Reaction's operation moves it under `reaction`.
 */
export function messageIdField(operation: string): INodeProperties {
	return {
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
		description:
			'ID (wamid) of the message: the received message to mark as read, from the incoming message webhook, or the message to react to, sent or received in this chat',
		displayOptions: showFor('message', [operation]),
		routing: { send: { type: 'body', property: 'message_id' } },
	};
}
