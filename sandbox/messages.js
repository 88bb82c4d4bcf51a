'use strict';
/**
 * `POST /{phone-number-id}/messages`: checks a body the way Graph does for the common mistakes
 * and says what to answer. Limits are WhatsApp's (docs/whatsapp-rules.md, with their sources);
 * error codes and messages are Graph's where known.
 */
const crypto = require('node:crypto');

const {
	GraphError,
	invalidParameter,
	invalidValue,
	missingParameter,
	notOneOf,
	requiredMissing,
} = require('./errors');
const { checkFlowAction } = require('./flows');

const MESSAGE_TYPES = [
	'audio',
	'contacts',
	'document',
	'image',
	'interactive',
	'location',
	'reaction',
	'sticker',
	'template',
	'text',
	'video',
];
const MEDIA_TYPES = new Set(['audio', 'document', 'image', 'sticker', 'video']);
const CAPTIONED = new Set(['document', 'image', 'video']);
const INTERACTIVE_TYPES = [
	'button',
	'carousel',
	'catalog_message',
	'cta_url',
	'flow',
	'list',
	'location_request_message',
	'product',
	'product_list',
];

/** Length in characters (code points), as a user counts them. */
const length = (text) => [...text].length;

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A string property that must be there and not blank, with a maximum length. */
function requiredText(value, parameter, max) {
	if (typeof value !== 'string' || value.trim() === '') throw missingParameter(parameter);
	if (max !== undefined && length(value) > max) {
		throw invalidParameter(`Param ${parameter} must be at most ${max} characters long.`);
	}
	return value;
}

/** An optional string property with a maximum length. */
function optionalText(value, parameter, max) {
	if (value === undefined || value === null) return;
	if (typeof value !== 'string') throw invalidParameter(`Param ${parameter} must be a string.`);
	if (length(value) > max) throw invalidParameter(`Param ${parameter} must be at most ${max} characters long.`);
}

function isHttpUrl(value) {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

/**
 * `to` as Graph reads it: spaces, dashes, dots, brackets and a leading `+` are ignored; what is
 * left must be 7 to 15 digits not starting with 0. Returns the wa_id (digits).
 */
function recipientWaId(to) {
	if (to === undefined || to === null || to === '') throw missingParameter('to');
	const text = String(to).trim();
	const digits = text.replace(/[\s\-.()]/g, '').replace(/^\+/, '');
	if (!/^\d+$/.test(digits) || digits.startsWith('0') || digits.length < 7 || digits.length > 15) {
		throw invalidValue(
			`Recipient phone number "${text}" is not valid: use the number in international format, country code first, 7 to 15 digits without a leading 00`,
		);
	}
	return digits;
}

/** `{ id }` or `{ link }`, exactly one; an id must be one the sandbox knows. */
function checkMediaObject(media, parameter, context) {
	if (!isObject(media)) throw missingParameter(parameter);
	const hasId = media.id !== undefined && media.id !== null && String(media.id).trim() !== '';
	const hasLink = media.link !== undefined && media.link !== null && String(media.link).trim() !== '';
	if (hasId && hasLink) {
		throw invalidParameter(`Param ${parameter} must have either id or link, not both.`);
	}
	if (!hasId && !hasLink) {
		throw requiredMissing(`${parameter}['id'] or ${parameter}['link'] is required`);
	}
	if (hasLink && !isHttpUrl(String(media.link))) {
		throw invalidValue(`${parameter}['link'] "${String(media.link)}" is not a valid http(s) URL`);
	}
	if (hasId && !context.mediaExists(String(media.id))) {
		throw invalidParameter(
			`${parameter}['id'] "${String(media.id)}" is not a media id of this business (upload the file with POST /{phone-number-id}/media first)`,
		);
	}
}

function checkText(text) {
	if (!isObject(text)) throw missingParameter("text['body']");
	requiredText(text.body, "text['body']", 4096);
	if (text.preview_url !== undefined && typeof text.preview_url !== 'boolean') {
		throw invalidParameter("Param text['preview_url'] must be a boolean.");
	}
}

function checkMedia(type, media, context) {
	checkMediaObject(media, type, context);
	if (media.caption !== undefined) {
		if (!CAPTIONED.has(type)) throw invalidParameter(`Param ${type}['caption'] is not allowed for ${type} messages.`);
		optionalText(media.caption, `${type}['caption']`, 1024);
	}
	if (media.filename !== undefined) {
		if (type !== 'document') throw invalidParameter(`Param ${type}['filename'] is not allowed for ${type} messages.`);
		optionalText(media.filename, "document['filename']", 240);
	}
	// A voice note: audio only, and a boolean.
	if (media.voice !== undefined) {
		if (type !== 'audio') throw invalidParameter(`Param ${type}['voice'] is not allowed for ${type} messages.`);
		if (typeof media.voice !== 'boolean') throw invalidParameter("Param audio['voice'] must be a boolean.");
	}
}

function coordinate(value, parameter, limit) {
	if (value === undefined || value === null || value === '') throw missingParameter(parameter);
	const number = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(number) || Math.abs(number) > limit) {
		throw invalidValue(`${parameter} must be a number between -${limit} and ${limit}, got ${JSON.stringify(value)}`);
	}
}

function checkLocation(location) {
	if (!isObject(location)) throw missingParameter("location['latitude']");
	coordinate(location.latitude, "location['latitude']", 90);
	coordinate(location.longitude, "location['longitude']", 180);
	optionalText(location.name, "location['name']", 1000);
	optionalText(location.address, "location['address']", 1000);
}

function checkContacts(contacts) {
	if (!Array.isArray(contacts) || contacts.length === 0) throw missingParameter('contacts');
	contacts.forEach((contact, index) => {
		const formatted = isObject(contact) && isObject(contact.name) ? contact.name.formatted_name : undefined;
		requiredText(formatted, `contacts[${index}]['name']['formatted_name']`);
		const parts = ['first_name', 'last_name', 'middle_name', 'prefix', 'suffix'];
		if (!parts.some((part) => typeof contact.name[part] === 'string' && contact.name[part].trim() !== '')) {
			throw requiredMissing(`contacts[${index}]['name'] needs one of ${parts.join(', ')} besides formatted_name`);
		}
		if (contact.birthday !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(contact.birthday))) {
			throw invalidValue(`contacts[${index}]['birthday'] must be YYYY-MM-DD, got "${String(contact.birthday)}"`);
		}
		for (const list of ['addresses', 'emails', 'phones', 'urls']) {
			if (contact[list] !== undefined && !Array.isArray(contact[list])) {
				throw invalidParameter(`Param contacts[${index}]['${list}'] must be an array.`);
			}
		}
	});
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function checkReaction(reaction, body) {
	if (body.context !== undefined) throw invalidParameter('Param context is not allowed for reaction messages.');
	if (!isObject(reaction)) throw missingParameter("reaction['message_id']");
	requiredText(reaction.message_id, "reaction['message_id']");
	if (typeof reaction.emoji !== 'string') throw missingParameter("reaction['emoji']");
	// An empty emoji removes the reaction; otherwise exactly one emoji.
	if (reaction.emoji !== '') {
		const graphemes = [...segmenter.segment(reaction.emoji)];
		if (graphemes.length !== 1 || !/\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u.test(reaction.emoji)) {
			throw invalidValue(`reaction['emoji'] must be a single emoji, got "${reaction.emoji}"`);
		}
	}
}

function checkHeader(header, allowMedia, context) {
	if (header === undefined) return;
	if (!isObject(header)) throw invalidParameter("Param interactive['header'] must be an object.");
	const kinds = allowMedia ? ['document', 'image', 'text', 'video'] : ['text'];
	if (!kinds.includes(header.type)) throw notOneOf("interactive['header']['type']", kinds, header.type);
	if (header.type === 'text') requiredText(header.text, "interactive['header']['text']", 60);
	else checkMediaObject(header[header.type], `interactive['header']['${header.type}']`, context);
}

function checkBodyAndFooter(interactive, maxBody) {
	if (!isObject(interactive.body)) throw missingParameter("interactive['body']['text']");
	requiredText(interactive.body.text, "interactive['body']['text']", maxBody);
	if (interactive.footer !== undefined) {
		if (!isObject(interactive.footer)) throw invalidParameter("Param interactive['footer'] must be an object.");
		requiredText(interactive.footer.text, "interactive['footer']['text']", 60);
	}
}

/** An ID echoed back in the reply: Graph refuses leading or trailing spaces. */
function echoedId(value, parameter, max) {
	requiredText(value, parameter, max);
	if (value !== value.trim()) throw invalidParameter(`Param ${parameter} cannot have leading or trailing spaces.`);
}

/** Unique values (ids, titles), as Graph wants for buttons and rows. */
function checkUnique(values, what) {
	const seen = new Set();
	for (const value of values) {
		if (seen.has(value)) throw invalidValue(`${what} must be unique; "${value}" appears more than once`);
		seen.add(value);
	}
}

function checkButtons(interactive, context) {
	checkHeader(interactive.header, true, context);
	checkBodyAndFooter(interactive, 1024);
	const buttons = isObject(interactive.action) ? interactive.action.buttons : undefined;
	if (!Array.isArray(buttons) || buttons.length === 0) throw missingParameter("interactive['action']['buttons']");
	if (buttons.length > 3) {
		throw invalidValue(`Number of buttons (${buttons.length}) exceeds the maximum of 3`);
	}
	buttons.forEach((button, index) => {
		const where = `interactive['action']['buttons'][${index}]`;
		if (!isObject(button) || button.type !== 'reply') throw notOneOf(`${where}['type']`, ['reply'], button?.type);
		if (!isObject(button.reply)) throw missingParameter(`${where}['reply']['id']`);
		echoedId(button.reply.id, `${where}['reply']['id']`, 256);
		requiredText(button.reply.title, `${where}['reply']['title']`, 20);
	});
	checkUnique(buttons.map((button) => button.reply.id), 'Button ids');
	checkUnique(buttons.map((button) => button.reply.title), 'Button titles');
}

function checkList(interactive, context) {
	checkHeader(interactive.header, false, context);
	checkBodyAndFooter(interactive, 4096);
	const action = interactive.action;
	if (!isObject(action)) throw missingParameter("interactive['action']['button']");
	requiredText(action.button, "interactive['action']['button']", 20);
	const sections = action.sections;
	if (!Array.isArray(sections) || sections.length === 0) throw missingParameter("interactive['action']['sections']");
	if (sections.length > 10) throw invalidValue(`Number of sections (${sections.length}) exceeds the maximum of 10`);
	let rowCount = 0;
	const rowIds = [];
	sections.forEach((section, sectionIndex) => {
		const where = `interactive['action']['sections'][${sectionIndex}]`;
		if (!isObject(section)) throw invalidParameter(`Param ${where} must be an object.`);
		if (sections.length > 1) requiredText(section.title, `${where}['title']`, 24);
		else optionalText(section.title, `${where}['title']`, 24);
		if (!Array.isArray(section.rows) || section.rows.length === 0) throw missingParameter(`${where}['rows']`);
		rowCount += section.rows.length;
		section.rows.forEach((row, rowIndex) => {
			const rowWhere = `${where}['rows'][${rowIndex}]`;
			if (!isObject(row)) throw invalidParameter(`Param ${rowWhere} must be an object.`);
			echoedId(row.id, `${rowWhere}['id']`, 200);
			requiredText(row.title, `${rowWhere}['title']`, 24);
			optionalText(row.description, `${rowWhere}['description']`, 72);
			rowIds.push(row.id);
		});
	});
	if (rowCount > 10) throw invalidValue(`Total row count exceed max allowed count: 10 (got ${rowCount})`);
	checkUnique(rowIds, 'Row ids');
}

function checkCtaUrl(interactive, context) {
	checkHeader(interactive.header, true, context);
	checkBodyAndFooter(interactive, 1024);
	const action = interactive.action;
	if (!isObject(action) || action.name !== 'cta_url') throw notOneOf("interactive['action']['name']", ['cta_url'], action?.name);
	const parameters = action.parameters;
	if (!isObject(parameters)) throw missingParameter("interactive['action']['parameters']['display_text']");
	requiredText(parameters.display_text, "interactive['action']['parameters']['display_text']", 20);
	requiredText(parameters.url, "interactive['action']['parameters']['url']");
	if (!isHttpUrl(parameters.url)) throw invalidValue(`interactive['action']['parameters']['url'] "${parameters.url}" is not a valid URL`);
}

function checkLocationRequest(interactive) {
	if (interactive.header !== undefined) throw invalidParameter("Param interactive['header'] is not allowed for location_request_message.");
	checkBodyAndFooter(interactive, 1024);
	const action = interactive.action;
	if (!isObject(action) || action.name !== 'send_location') {
		throw notOneOf("interactive['action']['name']", ['send_location'], action?.name);
	}
}

/** A catalog connected to the account, else Graph's refusal; its products' retailer IDs. */
function catalogOf(action, context) {
	requiredText(action?.catalog_id, "interactive['action']['catalog_id']");
	const products = context.catalogProducts?.(String(action.catalog_id));
	if (!products) throw invalidValue(`Catalog ${action.catalog_id} is not connected to this WhatsApp Business Account`);
	return products;
}

function checkProductId(products, value, parameter) {
	requiredText(value, parameter, 100);
	if (!products.includes(value)) throw invalidValue(`Product ${value} is not in the catalog`);
}

function checkProduct(interactive, context) {
	if (interactive.header !== undefined) throw invalidParameter("Param interactive['header'] is not allowed for product.");
	if (interactive.body !== undefined) checkBodyAndFooter(interactive, 1024);
	else if (interactive.footer !== undefined) requiredText(interactive.footer?.text, "interactive['footer']['text']", 60);
	const products = catalogOf(interactive.action, context);
	checkProductId(products, interactive.action.product_retailer_id, "interactive['action']['product_retailer_id']");
}

function checkProductList(interactive, context) {
	if (!isObject(interactive.header)) throw missingParameter("interactive['header']");
	checkHeader(interactive.header, false, context);
	checkBodyAndFooter(interactive, 1024);
	const products = catalogOf(interactive.action, context);
	const sections = interactive.action.sections;
	if (!Array.isArray(sections) || sections.length === 0) throw missingParameter("interactive['action']['sections']");
	if (sections.length > 10) throw invalidValue(`Number of sections (${sections.length}) exceeds the maximum of 10`);
	let count = 0;
	sections.forEach((section, sectionIndex) => {
		const where = `interactive['action']['sections'][${sectionIndex}]`;
		if (!isObject(section)) throw invalidParameter(`Param ${where} must be an object.`);
		if (sections.length > 1) requiredText(section.title, `${where}['title']`, 24);
		else optionalText(section.title, `${where}['title']`, 24);
		if (!Array.isArray(section.product_items) || section.product_items.length === 0) throw missingParameter(`${where}['product_items']`);
		section.product_items.forEach((item, itemIndex) => {
			checkProductId(products, item?.product_retailer_id, `${where}['product_items'][${itemIndex}]['product_retailer_id']`);
		});
		count += section.product_items.length;
	});
	if (count > 30) throw invalidValue(`Total product count exceeds the maximum of 30 (got ${count})`);
}

function checkCatalogMessage(interactive, context) {
	if (interactive.header !== undefined) throw invalidParameter("Param interactive['header'] is not allowed for catalog_message.");
	checkBodyAndFooter(interactive, 1024);
	const action = interactive.action;
	if (!isObject(action) || action.name !== 'catalog_message') throw notOneOf("interactive['action']['name']", ['catalog_message'], action?.name);
	const thumbnail = action.parameters?.thumbnail_product_retailer_id;
	// The account's one connected catalog is the one shown.
	if (thumbnail !== undefined) checkProductId(catalogOf({ catalog_id: context.connectedCatalogId }, context), thumbnail, "interactive['action']['parameters']['thumbnail_product_retailer_id']");
}

/** The interactive media carousel: 2 to 10 cards, alike in header type and buttons. */
function checkCarousel(interactive) {
	if (interactive.header !== undefined || interactive.footer !== undefined) {
		throw invalidParameter('Param interactive header and footer are not allowed for carousel.');
	}
	checkBodyAndFooter(interactive, 1024);
	const cards = isObject(interactive.action) ? interactive.action.cards : undefined;
	if (!Array.isArray(cards) || cards.length < 2 || cards.length > 10) {
		throw invalidValue(`A carousel has 2 to 10 cards (got ${Array.isArray(cards) ? cards.length : 0})`);
	}
	const shapes = cards.map((card, index) => {
		const where = `interactive['action']['cards'][${index}]`;
		if (!isObject(card) || card.card_index !== index) throw invalidValue(`${where}['card_index'] must be ${index}`);
		const type = card.header?.type;
		if (type !== 'image' && type !== 'video') throw notOneOf(`${where}['header']['type']`, ['image', 'video'], type);
		if (!isHttpUrl(card.header[type]?.link)) throw invalidValue(`${where}['header']['${type}']['link'] is not a valid URL`);
		if (card.body !== undefined) requiredText(card.body?.text, `${where}['body']['text']`, 160);
		const action = card.action;
		if (action?.name === 'cta_url') {
			if (card.type !== 'cta_url') throw notOneOf(`${where}['type']`, ['cta_url'], card.type);
			requiredText(action.parameters?.display_text, `${where}['action']['parameters']['display_text']`, 20);
			if (!isHttpUrl(action.parameters?.url)) throw invalidValue(`${where}['action']['parameters']['url'] is not a valid URL`);
			return `${type} cta_url`;
		}
		if (!Array.isArray(action?.buttons) || action.buttons.length === 0) throw missingParameter(`${where}['action']`);
		action.buttons.forEach((button, position) => {
			echoedId(button?.quick_reply?.id, `${where}['action']['buttons'][${position}]['quick_reply']['id']`, 256);
			requiredText(button.quick_reply.title, `${where}['action']['buttons'][${position}]['quick_reply']['title']`, 20);
		});
		return `${type} quick_reply ${action.buttons.length}`;
	});
	if (new Set(shapes).size > 1) throw invalidValue('All cards of a carousel must have the same header type and the same buttons');
}

function checkInteractive(interactive, context) {
	if (!isObject(interactive)) throw missingParameter("interactive['type']");
	if (!INTERACTIVE_TYPES.includes(interactive.type)) throw notOneOf("interactive['type']", INTERACTIVE_TYPES, interactive.type);
	if (interactive.type === 'button') checkButtons(interactive, context);
	else if (interactive.type === 'list') checkList(interactive, context);
	else if (interactive.type === 'cta_url') checkCtaUrl(interactive, context);
	else if (interactive.type === 'location_request_message') checkLocationRequest(interactive);
	else if (interactive.type === 'product') checkProduct(interactive, context);
	else if (interactive.type === 'product_list') checkProductList(interactive, context);
	else if (interactive.type === 'catalog_message') checkCatalogMessage(interactive, context);
	else if (interactive.type === 'carousel') checkCarousel(interactive);
	else if (interactive.type === 'flow') {
		checkHeader(interactive.header, false, context);
		checkBodyAndFooter(interactive, 1024);
		checkFlowAction(interactive.action);
	}
}

// ---------------------------------------------------------------------------------------------
// Templates

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The distinct placeholders of a text, in first-appearance order. */
const placeholdersOf = (text) => [...new Set([...(text ?? '').matchAll(PLACEHOLDER)].map((match) => match[1]))];

const MEDIA_HEADER_FORMATS = new Set(['DOCUMENT', 'IMAGE', 'LOCATION', 'VIDEO']);

const parameterCountError = (part, got, expected) =>
	new GraphError(132000, '(#132000) Number of parameters does not match the expected number of params', {
		details: `${part}: number of localizable_params (${got}) does not match the expected number of params (${expected})`,
	});

const formatMismatch = (details) =>
	new GraphError(132012, '(#132012) Parameter format does not match format in the created template', { details });

/** The buttons of a template that take a parameter when sending, by index. */
function buttonSlots(definition) {
	const buttons = (definition.components ?? []).find((component) => component.type === 'BUTTONS')?.buttons ?? [];
	return buttons.map((button, index) => {
		const type = String(button.type).toUpperCase();
		if (type === 'URL') return { index, type, subType: 'url', parameterType: 'text', needed: placeholdersOf(button.url).length > 0 };
		if (type === 'COPY_CODE') return { index, type, subType: 'copy_code', parameterType: 'coupon_code', needed: true };
		if (type === 'OTP') return { index, type, subType: 'url', parameterType: 'text', needed: true };
		if (type === 'QUICK_REPLY') return { index, type, subType: 'quick_reply', parameterType: 'payload', needed: false, optional: true };
		if (type === 'FLOW') return { index, type, subType: 'flow', parameterType: 'action', needed: false, optional: true };
		return { index, type, subType: type.toLowerCase(), parameterType: undefined, needed: false };
	});
}

/**
 * Header or body text parameters against the definition's placeholders. `maxText` is the most
 * characters of one body text parameter (1,024 when the template has other components).
 */
function checkTextParameters(part, parameters, placeholders, named, maxText) {
	if (parameters.length !== placeholders.length) throw parameterCountError(part, parameters.length, placeholders.length);
	const names = new Set();
	parameters.forEach((parameter, index) => {
		if (!isObject(parameter)) throw invalidParameter(`${part}: parameter ${index} must be an object`);
		const type = parameter.type;
		if (!['currency', 'date_time', 'text'].includes(type)) {
			throw formatMismatch(`${part}: parameter ${index} has type "${String(type)}"; a text placeholder takes text, currency or date_time`);
		}
		const hasName = parameter.parameter_name !== undefined;
		if (named && !hasName) {
			throw formatMismatch(`${part}: this template uses named parameters; parameter ${index} has no parameter_name`);
		}
		if (!named && hasName) {
			throw formatMismatch(`${part}: this template uses positional parameters; parameter ${index} has a parameter_name`);
		}
		if (named) {
			if (!placeholders.includes(parameter.parameter_name)) {
				throw invalidParameter(`${part}: parameter_name "${String(parameter.parameter_name)}" is not a placeholder of this template (it has ${placeholders.join(', ')})`);
			}
			if (names.has(parameter.parameter_name)) {
				throw invalidParameter(`${part}: parameter_name "${parameter.parameter_name}" is given twice`);
			}
			names.add(parameter.parameter_name);
		}
		if (type === 'text') {
			if (typeof parameter.text !== 'string' || parameter.text === '') {
				throw requiredMissing(`${part}: parameter ${index} needs a non-empty text`);
			}
			// Graph refuses new lines, tabs and more than 4 spaces in a row in a body variable.
			if (part === 'body' && /[\n\t]| {5,}/.test(parameter.text)) {
				throw new GraphError(132018, '(#132018) There was an issue with the parameters in your template.', {
					details: 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces',
				});
			}
			if (maxText !== undefined && length(parameter.text) > maxText) {
				throw new GraphError(132005, '(#132005) Translated text too long', {
					details: `body: parameter ${index} is longer than ${maxText} characters, the most for a template with a header, footer or buttons`,
				});
			}
			if (part === 'header' && length(parameter.text) > 60) {
				throw new GraphError(132005, '(#132005) Translated text too long', {
					details: 'header: the text parameter makes the header longer than 60 characters',
				});
			}
		} else if (type === 'currency') {
			const currency = parameter.currency;
			if (!isObject(currency) || typeof currency.fallback_value !== 'string' || !/^[A-Z]{3}$/.test(String(currency.code)) || !Number.isInteger(currency.amount_1000)) {
				throw invalidParameter(`${part}: parameter ${index} currency needs fallback_value, a 3-letter code and an integer amount_1000`);
			}
		} else if (!isObject(parameter.date_time) || typeof parameter.date_time.fallback_value !== 'string') {
			throw invalidParameter(`${part}: parameter ${index} date_time needs fallback_value`);
		}
	});
}

/** A template message against the template's definition (placeholders, header format, buttons). */
/**
 * A carousel template's cards as sent: one card per card of the definition, `card_index` in order,
 * each with its header media (the card parameters themselves are not matched one by one).
 */
function checkCarouselTemplateCards(definition, sent) {
	const defined = (definition.components ?? []).find((component) => component.type === 'CAROUSEL');
	if (!defined && sent.length === 0) return;
	if (!defined) throw invalidValue(`Template ${definition.name} has no carousel`);
	const cards = sent[0]?.cards;
	const expected = (defined.cards ?? []).length;
	if (sent.length !== 1 || !Array.isArray(cards) || cards.length !== expected) {
		throw new GraphError(132000, '(#132000) Number of parameters does not match the expected number of params', {
			details: `Template ${definition.name} has ${expected} carousel cards`,
		});
	}
	cards.forEach((card, index) => {
		if (!isObject(card) || card.card_index !== index) throw invalidValue(`carousel card ${index} must have card_index ${index}`);
		const header = (card.components ?? []).find((component) => component?.type === 'header');
		const media = header?.parameters?.[0];
		if (!media || !['image', 'video'].includes(media.type)) throw missingParameter(`carousel card ${index} header image or video`);
	});
}

function checkTemplateMessage(template, context) {
	if (!isObject(template)) throw missingParameter("template['name']");
	const name = requiredText(template.name, "template['name']");
	const language = isObject(template.language) ? template.language.code : undefined;
	requiredText(language, "template['language']['code']");
	const candidates = context.templatesNamed(name);
	const definition = candidates.find((candidate) => candidate.language === language);
	if (!definition || !['APPROVED', 'PAUSED', 'DISABLED'].includes(definition.status)) {
		throw new GraphError(132001, '(#132001) Template name does not exist in the translation', {
			details: `template name (${name}) does not exist in ${language}`,
		});
	}
	if (definition.status === 'PAUSED') {
		throw new GraphError(132015, '(#132015) Template is paused', {
			details: `Template ${name} is paused because of low quality; it cannot be sent until it is unpaused`,
		});
	}
	if (definition.status === 'DISABLED') {
		throw new GraphError(132016, '(#132016) Template is disabled', {
			details: `Template ${name} has been paused too many times and is permanently disabled`,
		});
	}
	const sent = template.components ?? [];
	if (!Array.isArray(sent)) throw invalidParameter("Param template['components'] must be an array.");
	const named = String(definition.parameter_format ?? '').toUpperCase() === 'NAMED';
	const byType = { header: [], body: [], button: [], carousel: [] };
	sent.forEach((component, index) => {
		const type = isObject(component) ? String(component.type ?? '').toLowerCase() : '';
		if (!(type in byType)) throw notOneOf(`template['components'][${index}]['type']`, ['body', 'button', 'carousel', 'header'], component?.type);
		byType[type].push(component);
	});
	checkCarouselTemplateCards(definition, byType.carousel);
	for (const part of ['header', 'body']) {
		if (byType[part].length > 1) throw invalidParameter(`template['components'] has ${byType[part].length} ${part} components; at most one is allowed`);
	}
	const parametersOf = (component) => (component && Array.isArray(component.parameters) ? component.parameters : []);

	// Header: text placeholders, or one media / location parameter.
	const headerDefinition = (definition.components ?? []).find((component) => component.type === 'HEADER');
	const headerParameters = parametersOf(byType.header[0]);
	const format = String(headerDefinition?.format ?? 'TEXT').toUpperCase();
	if (headerDefinition && MEDIA_HEADER_FORMATS.has(format)) {
		if (headerParameters.length !== 1) throw parameterCountError('header', headerParameters.length, 1);
		const parameter = headerParameters[0];
		const kind = format.toLowerCase();
		if (!isObject(parameter) || parameter.type !== kind) {
			throw formatMismatch(`header: Format mismatch, expected ${format}, received ${String(parameter?.type ?? 'UNKNOWN').toUpperCase()}`);
		}
		if (kind === 'location') checkLocation(parameter.location);
		else checkMediaObject(parameter[kind], `header ${kind}`, context);
	} else {
		checkTextParameters('header', headerParameters, placeholdersOf(headerDefinition?.text), named);
	}

	const bodyDefinition = (definition.components ?? []).find((component) => component.type === 'BODY');
	const othersThanBody = (definition.components ?? []).some((component) => component.type !== 'BODY');
	checkTextParameters('body', parametersOf(byType.body[0]), placeholdersOf(bodyDefinition?.text), named, othersThanBody ? 1024 : undefined);

	// Buttons: one component per button that takes a parameter, matched by index.
	const slots = buttonSlots(definition);
	const given = new Map();
	for (const component of byType.button) {
		const index = Number(component.index);
		if (!Number.isInteger(index) || index < 0 || index > 9) {
			throw invalidParameter(`button component index "${String(component.index)}" must be "0" to "9"`);
		}
		if (given.has(index)) throw invalidParameter(`button index ${index} is given twice`);
		given.set(index, component);
	}
	for (const [index, component] of given) {
		const slot = slots[index];
		const parameters = parametersOf(component);
		if (!slot || (!slot.needed && !slot.optional)) {
			throw parameterCountError(`button at index ${index}`, parameters.length, 0);
		}
		if (String(component.sub_type ?? '').toLowerCase() !== slot.subType) {
			throw formatMismatch(`button at index ${index} is a ${slot.type} button: sub_type must be ${slot.subType}, got "${String(component.sub_type)}"`);
		}
		if (parameters.length !== 1) throw parameterCountError(`button at index ${index}`, parameters.length, 1);
		const parameter = parameters[0];
		if (!isObject(parameter) || parameter.type !== slot.parameterType) {
			throw formatMismatch(`button at index ${index}: parameter type must be ${slot.parameterType}, got "${String(parameter?.type)}"`);
		}
		if (slot.parameterType !== 'action') requiredText(parameter[slot.parameterType], `button at index ${index} ${slot.parameterType}`);
		if (slot.parameterType === 'coupon_code' && length(parameter.coupon_code) > 15) {
			throw invalidParameter(`button at index ${index}: coupon_code must be at most 15 characters long`);
		}
	}
	for (const slot of slots) {
		if (slot.needed && !given.has(slot.index)) throw parameterCountError(`button at index ${slot.index} (${slot.type})`, 0, 1);
	}
}

// ---------------------------------------------------------------------------------------------

/** A wamid: "wamid." and base64, like Graph's. */
function newMessageId(waId) {
	const payload = Buffer.concat([Buffer.from(`\u0015\u0018\u000b${waId}\u0015\u0002\u0000\u0012\u0018\u0014`), crypto.randomBytes(16)]);
	return `wamid.${payload.toString('base64').replace(/=+$/, '')}`;
}

/**
 * Checks a messages-edge body. Throws a GraphError for what Graph would refuse.
 * @param {unknown} body
 * @param {{ mediaExists(id: string): boolean, templatesNamed(name: string): Array<Record<string, any>>, magicRecipients: Record<string, number>, catalogProducts(id: string): readonly string[] | undefined, connectedCatalogId: string }} context
 * @returns {{ kind: 'status', answer: object } | { kind: 'message', type: string, waId: string, answer: object }}
 */
function handleMessage(body, context) {
	if (!isObject(body)) throw invalidParameter('The request body must be a JSON object.');
	if (body.messaging_product === undefined || body.messaging_product === '') throw missingParameter('messaging_product');
	if (String(body.messaging_product).toLowerCase() !== 'whatsapp') throw notOneOf('messaging_product', ['whatsapp'], body.messaging_product);

	// Mark as read, optionally with a typing indicator.
	if (body.status !== undefined) {
		if (body.status !== 'read') throw notOneOf('status', ['read'], body.status);
		requiredText(body.message_id, 'message_id');
		if (body.typing_indicator !== undefined && (!isObject(body.typing_indicator) || body.typing_indicator.type !== 'text')) {
			throw notOneOf("typing_indicator['type']", ['text'], body.typing_indicator?.type);
		}
		return { kind: 'status', answer: { success: true } };
	}

	const waId = recipientWaId(body.to);
	if (body.recipient_type !== undefined && body.recipient_type !== 'individual') {
		throw notOneOf('recipient_type', ['individual'], body.recipient_type);
	}
	const type = body.type === undefined ? 'text' : body.type;
	if (!MESSAGE_TYPES.includes(type)) {
		throw new GraphError(131051, '(#131051) Unsupported message type', {
			details: `Message type "${String(type)}" is not supported; use one of ${MESSAGE_TYPES.join(', ')}`,
		});
	}
	if (body.context !== undefined && type !== 'reaction') {
		if (!isObject(body.context)) throw invalidParameter('Param context must be an object.');
		requiredText(body.context.message_id, "context['message_id']");
	}
	// Echoed in the message's status webhooks (sent, delivered, read), never shown to the customer.
	if (body.biz_opaque_callback_data !== undefined) {
		if (typeof body.biz_opaque_callback_data !== 'string') throw invalidParameter('Param biz_opaque_callback_data must be a string.');
		if (body.biz_opaque_callback_data.length > 512) {
			throw invalidParameter('Param biz_opaque_callback_data must be at most 512 characters long.');
		}
	}
	const content = body[type];
	if (type === 'text') checkText(content);
	else if (MEDIA_TYPES.has(type)) checkMedia(type, content, context);
	else if (type === 'location') checkLocation(content);
	else if (type === 'contacts') checkContacts(content);
	else if (type === 'reaction') checkReaction(content, body);
	else if (type === 'interactive') checkInteractive(content, context);
	else if (type === 'template') checkTemplateMessage(content, context);

	const magic = context.magicRecipients[waId];
	if (magic !== undefined && !(magic === 131047 && type === 'template')) throw magicRecipientError(magic);

	const id = newMessageId(waId);
	return {
		kind: 'message',
		type,
		waId,
		answer: {
			messaging_product: 'whatsapp',
			contacts: [{ input: String(body.to), wa_id: waId }],
			messages: [type === 'template' ? { id, message_status: 'accepted' } : { id }],
		},
	};
}

function magicRecipientError(code) {
	switch (code) {
		case 131026:
			return new GraphError(131026, '(#131026) Message undeliverable', {
				details: 'Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number; the recipient has not accepted the new Terms of Service; the recipient is using an old WhatsApp version.',
			});
		case 131030:
			return new GraphError(131030, '(#131030) Recipient phone number not in allowed list', {
				details: 'Recipient phone number not in allowed list: Add recipient phone number to recipient list and try again.',
			});
		case 131047:
			return new GraphError(131047, '(#131047) Re-engagement message', {
				details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
			});
		default:
			return new GraphError(131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit', {
				details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
			});
	}
}

module.exports = { handleMessage, placeholdersOf, recipientWaId, MESSAGE_TYPES };
