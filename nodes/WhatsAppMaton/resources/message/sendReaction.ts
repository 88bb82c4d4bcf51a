import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { showFor } from '../../shared/fields';
import { messageIdField, senderAndRecipientFields, sendMessageOperation } from '../../shared/message';
import { checkReactionEmoji } from '../../shared/reaction';
import { TRIMMED_VALUE } from '../../shared/required';

/**
 * preSend of the operation, before the fields' hooks: Message ID, one definition with Mark as
 * Read, puts its value in `message_id`; a reaction has it as `reaction.message_id`, first.
 */
async function placeReactionMessageId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	if (!('message_id' in body)) return requestOptions;
	const placed: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (key === 'message_id') {
			placed.reaction = { message_id: value, ...(body.reaction as IDataObject | undefined) };
		} else if (key !== 'reaction') {
			placed[key] = value;
		}
	}
	requestOptions.body = placed;
	return requestOptions;
}

const reactionOperation = sendMessageOperation(
	{
		name: 'Send Reaction',
		value: 'sendReaction',
		action: 'React to a message',
		description:
			'React to a message in the chat with one emoji, or remove your earlier reaction by leaving the emoji empty',
	},
	'reaction',
);

export const sendReactionOperation: INodePropertyOptions = {
	...reactionOperation,
	routing: { ...reactionOperation.routing, send: { preSend: [placeReactionMessageId] } },
};

const show = showFor('message', ['sendReaction']);

// No Options: WhatsApp takes no reply context on a reaction.
export const sendReactionFields: INodeProperties[] = [
	...senderAndRecipientFields('sendReaction'),
	messageIdField('sendReaction'),
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		default: '',
		placeholder: 'e.g. 👍',
		description:
			'The one emoji to react with, such as 👍, ❤️ or 🇫🇷 (skin tones allowed). Leave empty to remove your reaction from the message.',
		displayOptions: show,
		routing: {
			send: {
				type: 'body',
				property: 'reaction.emoji',
				value: TRIMMED_VALUE,
				preSend: [checkReactionEmoji],
			},
		},
	},
];
