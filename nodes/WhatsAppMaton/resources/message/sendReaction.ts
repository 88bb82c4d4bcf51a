import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/fields';
import { messageIdField, senderAndRecipientFields, sendMessageOperation } from '../../shared/message';
import { checkReactionEmoji } from '../../shared/reaction';
import { TRIMMED_VALUE } from '../../shared/required';

export const sendReactionOperation = sendMessageOperation(
	{
		name: 'Send Reaction',
		value: 'sendReaction',
		action: 'React to a message',
		description:
			'React to a message in the chat with one emoji, or remove your earlier reaction by leaving the emoji empty',
	},
	'reaction',
);

const show = showFor('message', ['sendReaction']);

// No Options: WhatsApp takes no reply context on a reaction.
export const sendReactionFields: INodeProperties[] = [
	...senderAndRecipientFields('sendReaction'),
	messageIdField('sendReaction', 'reaction.message_id', 'ID (wamid) of the message to react to, sent or received in this chat: from the incoming message webhook or the answer of a send operation', 'Give the wamid of the message to react to, from the incoming message webhook or the answer of a send operation.'),
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
