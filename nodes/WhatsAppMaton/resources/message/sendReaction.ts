import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { showFor } from '../../shared/fields/fields';
import {
	checkMessageId,
	messageIdField,
	moveIntoObject,
	senderAndRecipientFields,
	sendMessageOperation,
} from './common/messageFields';
import { inputError } from '../../shared/errors';

/**
 * Message ID, one definition with Mark as Read, puts its value in `message_id`; a reaction has it
 * as `reaction.message_id`, first.
 */
async function placeReactionMessageId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	requestOptions.body = moveIntoObject(requestOptions.body as IDataObject, 'message_id', 'reaction', 'message_id');
	return requestOptions;
}

/** The build hook of Send Reaction: the message reacted to, then the emoji. */
async function buildReaction(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	checkMessageId(this, requestOptions.body as IDataObject);
	await placeReactionMessageId.call(this, requestOptions);
	return await checkReactionEmoji.call(this, requestOptions);
}

export const sendReactionOperation = sendMessageOperation(
	{
		name: 'Send Reaction',
		value: 'sendReaction',
		action: 'React to a message',
		description:
			'React to a message in the chat with one emoji, or remove your earlier reaction by leaving the emoji empty',
	},
	'reaction',
	buildReaction,
);

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
			},
		},
	},
];

const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** What a reader sees as characters: `👍🏽`, `🇫🇷` and `👨‍👩‍👧` are one each. */
export function graphemes(text: string): string[] {
	return [...graphemeSegmenter.segment(text)].map((part) => part.segment);
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const FLAG = /^\p{Regional_Indicator}{2}$/u;
const KEYCAP = /^[0-9#*]\uFE0F?\u20E3$/u;

/** Whether one grapheme is an emoji: a pictograph (with its modifiers), a flag or a keycap. */
export function isEmoji(grapheme: string): boolean {
	return PICTOGRAPHIC.test(grapheme) || FLAG.test(grapheme) || KEYCAP.test(grapheme);
}

const EMOJI_HINT = 'Give one emoji such as 👍, or leave Emoji empty to remove your reaction.';

/**
 * preSend for Send Reaction: `reaction.emoji` is one emoji, or `""`, which removes the reaction
 * and must be sent as such (WhatsApp reads a missing emoji as an error, not as a removal).
 */
async function checkReactionEmoji(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	const reaction = (body.reaction ?? {}) as IDataObject;
	const raw = reaction.emoji;
	const emoji = raw === undefined || raw === null ? '' : String(raw).trim();
	if (emoji !== '') {
		const parts = graphemes(emoji);
		if (!parts.some(isEmoji)) throw inputError(this, `Emoji "${emoji}" is not an emoji`, EMOJI_HINT);
		if (parts.length > 1) {
			throw inputError(
				this,
				`Emoji "${emoji}" is ${parts.length} characters; WhatsApp takes exactly one emoji`,
				EMOJI_HINT,
			);
		}
	}
	reaction.emoji = emoji;
	body.reaction = reaction;
	return requestOptions;
}
