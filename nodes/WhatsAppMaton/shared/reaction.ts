import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from './errors';

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
export async function checkReactionEmoji(
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
