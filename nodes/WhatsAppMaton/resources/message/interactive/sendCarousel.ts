import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/fields/fields';
import { asText, checkLength } from '../../../shared/checks/text';
import { inputError } from '../../../shared/errors';
import {
	CAROUSEL_CARD_BODY_LINE_BREAKS_MAX,
	CAROUSEL_CARD_BODY_MAX,
	CAROUSEL_CARDS_MAX,
	CAROUSEL_CARDS_MIN,
	CTA_BUTTON_TEXT_MAX,
	INTERACTIVE_BODY_MAX,
	REPLY_BUTTON_ID_MAX,
	REPLY_BUTTON_TITLE_MAX,
} from '../../../shared/limits';
import { messageOptionsField, senderAndRecipientFields } from '../common/messageFields';
import { interactiveBodyField, interactiveMessageOperation } from './fields';
import { HTTPS_URL } from './actions';
import { checkEchoedId, checkInteractiveTexts } from './interactive';
import { readJsonArrayParameter } from '../../../shared/checks/json';

export const sendCarouselOperation = interactiveMessageOperation(
	{
		name: 'Send Carousel',
		value: 'sendCarousel',
		action: 'Send a media carousel message',
		description:
			'Send 2 to 10 horizontally scrolling cards, each with an image or video, optional text and a link button or quick-reply buttons',
	},
	'carousel',
	buildCarouselMessage,
);

const EXAMPLE_CARDS = [
	{
		header: { type: 'image', image: { link: 'https://example.com/blue-echeveria.jpg' } },
		body: { text: '*Blue Echeveria* — a rosette succulent, $12' },
		action: { name: 'cta_url', parameters: { display_text: 'Buy now', url: 'https://shop.example.com/p/echeveria' } },
	},
	{
		header: { type: 'image', image: { link: 'https://example.com/jade-plant.jpg' } },
		body: { text: '*Jade Plant* — easy care, $18' },
		action: { name: 'cta_url', parameters: { display_text: 'Buy now', url: 'https://shop.example.com/p/jade' } },
	},
];

export const sendCarouselFields: INodeProperties[] = [
	...senderAndRecipientFields('sendCarousel'),
	interactiveBodyField('sendCarousel'),
	{
		displayName: 'Cards (JSON)',
		name: 'carouselCardsJson',
		type: 'json',
		required: true,
		default: JSON.stringify(EXAMPLE_CARDS, null, 2),
		description:
			'2 to 10 cards as WhatsApp takes them: each a header (image or video link, the same type on every card), optional body text (up to 160 characters) and either one link button ("action": {"name": "cta_url", …}) or quick-reply buttons ("action": {"buttons": […]}), the same kind and number on every card. card_index is added in order when left out.',
		hint: 'See the example; an expression can give the array itself',
		displayOptions: showFor('message', ['sendCarousel']),
	},
	messageOptionsField('sendCarousel'),
];

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One card's header: `{ type: image | video, [type]: { link: https… } }`; returns its type. */
function checkCardHeader(context: IExecuteSingleFunctions, label: string, card: IDataObject): string {
	const header = card.header;
	const type = isObject(header) ? asText(header.type) : '';
	if (type !== 'image' && type !== 'video') {
		throw inputError(context, `${label} header type is ${type === '' ? 'missing' : `"${type}"`}; a carousel card has an image or a video header`);
	}
	const media = (header as IDataObject)[type];
	const link = isObject(media) ? asText(media.link).trim() : '';
	if (!HTTPS_URL.test(link)) {
		throw inputError(
			context,
			`${label} header ${type} link ${link === '' ? 'is empty' : `"${link}" is not an https:// link`}`,
			'WhatsApp downloads each card\'s media from a public https address.',
		);
	}
	(media as IDataObject).link = link;
	return type;
}

/** A card's button: one URL button, or quick replies; returns the kind and count to compare. */
function checkCardAction(context: IExecuteSingleFunctions, label: string, card: IDataObject): string {
	const action = card.action;
	if (!isObject(action)) throw inputError(context, `${label} has no action; give one link button or quick-reply buttons`);
	if (action.name === 'cta_url') {
		const parameters = isObject(action.parameters) ? action.parameters : {};
		const text = asText(parameters.display_text);
		if (text.trim() === '') throw inputError(context, `${label} button display_text is empty; WhatsApp requires it`);
		checkLength(context, `${label} button display_text`, text, { max: CTA_BUTTON_TEXT_MAX });
		const url = asText(parameters.url).trim();
		if (!HTTPS_URL.test(url)) {
			throw inputError(context, `${label} button url ${url === '' ? 'is empty' : `"${url}" is not an https:// link`}`);
		}
		parameters.url = url;
		if (card.type !== undefined && card.type !== 'cta_url') {
			throw inputError(context, `${label} type is "${String(card.type)}"; a card with a link button has type "cta_url"`);
		}
		card.type = 'cta_url';
		return 'a link button';
	}
	const buttons = action.buttons;
	if (!Array.isArray(buttons) || buttons.length === 0) {
		throw inputError(context, `${label} action has neither "name": "cta_url" nor quick-reply "buttons"`);
	}
	if (card.type !== undefined) {
		throw inputError(context, `${label} type is "${String(card.type)}"; a card with quick-reply buttons has no type`);
	}
	const ids = new Set<string>();
	buttons.forEach((entry, position) => {
		const where = `${label} button ${position + 1}`;
		const button = isObject(entry) ? entry : {};
		const reply = isObject(button.quick_reply) ? button.quick_reply : undefined;
		if (button.type !== 'quick_reply' || !reply) {
			throw inputError(context, `${where} is not { "type": "quick_reply", "quick_reply": { "id", "title" } }`);
		}
		const id = asText(reply.id);
		checkEchoedId(context, `${where} id`, id, REPLY_BUTTON_ID_MAX);
		if (ids.has(id)) throw inputError(context, `${where} id "${id}" is used twice on the card; button IDs must differ`);
		ids.add(id);
		const title = asText(reply.title);
		if (title.trim() === '') throw inputError(context, `${where} title is empty; WhatsApp requires it`);
		checkLength(context, `${where} title`, title, { max: REPLY_BUTTON_TITLE_MAX });
	});
	return `${buttons.length} quick-reply button${buttons.length === 1 ? '' : 's'}`;
}

/**
 * The build hook of Send Carousel: the message body (required, up to 1,024; the carousel has no
 * header or footer); 2 to 10 cards in order (`card_index` 0…); each with an image or video by
 * https link, the same type on every card; an optional body of up to 160 characters and two line
 * breaks; and one link button or quick-reply buttons, the same kind and number on every card.
 */
async function buildCarouselMessage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const interactive = (requestOptions.body as IDataObject).interactive as IDataObject;
	checkInteractiveTexts(this, interactive, INTERACTIVE_BODY_MAX);
	const cards = readJsonArrayParameter(this, 'carouselCardsJson', 'Cards (JSON)');
	if (cards.length < CAROUSEL_CARDS_MIN || cards.length > CAROUSEL_CARDS_MAX) {
		throw inputError(this, `Cards (JSON) has ${cards.length} card${cards.length === 1 ? '' : 's'}; WhatsApp allows ${CAROUSEL_CARDS_MIN} to ${CAROUSEL_CARDS_MAX}`);
	}
	let first: { header: string; buttons: string } | undefined;
	interactive.action = {
		cards: cards.map((entry, index) => {
			const label = `Cards (JSON) card ${index + 1}`;
			if (!isObject(entry)) throw inputError(this, `${label} is not an object`);
			const card = { ...entry };
			if (card.card_index !== undefined && Number(card.card_index) !== index) {
				throw inputError(this, `${label} card_index is ${JSON.stringify(card.card_index)}; cards are shown in order, so it must be ${index}`);
			}
			const header = checkCardHeader(this, label, card);
			const body = card.body;
			if (body !== undefined) {
				const text = isObject(body) ? asText(body.text) : '';
				checkLength(this, `${label} body text`, text, { min: 1, max: CAROUSEL_CARD_BODY_MAX });
				const breaks = (text.match(/\n/g) ?? []).length;
				if (breaks > CAROUSEL_CARD_BODY_LINE_BREAKS_MAX) {
					throw inputError(this, `${label} body text has ${breaks} line breaks; WhatsApp allows ${CAROUSEL_CARD_BODY_LINE_BREAKS_MAX}`);
				}
			}
			const buttons = checkCardAction(this, label, card);
			first ??= { header, buttons };
			if (header !== first.header) {
				throw inputError(this, `${label} header is ${header}, card 1's is ${first.header}; every card of a carousel has the same header type`);
			}
			if (buttons !== first.buttons) {
				throw inputError(this, `${label} has ${buttons}, card 1 has ${first.buttons}; every card of a carousel has the same kind and number of buttons`);
			}
			const { type, header: cardHeader, body: cardBody, action } = card;
			return { card_index: index, ...(type ? { type } : {}), header: cardHeader, ...(cardBody ? { body: cardBody } : {}), action };
		}),
	};
	return requestOptions;
}
