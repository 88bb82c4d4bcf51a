'use strict';
/**
 * The analytics fields of a WhatsApp Business Account, read with Graph's field expansion:
 * `GET /{waba-id}?fields=analytics.start(…).end(…).granularity(DAY)…`, `pricing_analytics…` and
 * `template_analytics…` (Meta's *Analytics* page; docs/whatsapp-rules.md § Analytics).
 *
 * The numbers are made up but deterministic: each data point's counts follow from its period (and
 * phone number, country, category, template), so a test can compute what it should see. Bad
 * parameters are refused with Graph-shaped errors (code 100, the parameter in the details).
 * Whether a period that reaches into the future is refused by Meta is not documented: the sandbox
 * accepts it and stops the data points at the present.
 */
const { GraphError, invalidParameter, notOneOf } = require('./errors');

const DAY = 24 * 60 * 60;
const HALF_HOUR = 30 * 60;

const LOOKBACK_DAYS = { analytics: 365, pricing_analytics: 365, template_analytics: 90 };

const GRANULARITIES = {
	analytics: ['HALF_HOUR', 'DAY', 'MONTH'],
	pricing_analytics: ['HALF_HOUR', 'DAILY', 'MONTHLY'],
	template_analytics: ['DAILY'],
};

/** The modifiers each field takes (anything else is refused, as Graph does). */
const MODIFIERS = {
	analytics: ['start', 'end', 'granularity', 'phone_numbers', 'country_codes', 'product_types'],
	pricing_analytics: ['start', 'end', 'granularity', 'phone_numbers', 'country_codes', 'metric_types', 'pricing_types', 'pricing_categories', 'dimensions'],
	template_analytics: ['start', 'end', 'granularity', 'template_ids', 'metric_types', 'product_type', 'use_waba_timezone'],
};

const PRODUCT_TYPES = ['0', '2', '100'];
const PRICING_DIMENSIONS = ['COUNTRY', 'PHONE', 'PRICING_CATEGORY', 'PRICING_TYPE', 'TIER'];
const PRICING_CATEGORIES = ['AUTHENTICATION', 'AUTHENTICATION_INTERNATIONAL', 'MARKETING', 'MARKETING_LITE', 'REFERRAL_CONVERSION', 'SERVICE', 'UTILITY'];
const PRICING_TYPES = ['FREE_CUSTOMER_SERVICE', 'FREE_ENTRY_POINT', 'REGULAR'];
const PRICING_METRICS = ['COST', 'VOLUME'];
const TEMPLATE_METRICS = ['CLICKED', 'COST', 'DELIVERED', 'READ', 'SENT'];
const TEMPLATE_IDS_MAX = 10;

/** Countries the sandbox's customers are in, when no country filter narrows them. */
const COUNTRIES = ['US', 'BR'];
/** Categories and types a data point is broken down into, when no filter narrows them. */
const CATEGORIES = ['MARKETING', 'UTILITY', 'SERVICE'];
const TYPES = ['REGULAR', 'FREE_CUSTOMER_SERVICE'];
/** Price per delivered message, by category (USD). */
const RATES = { AUTHENTICATION: 0.0135, AUTHENTICATION_INTERNATIONAL: 0.0285, MARKETING: 0.025, MARKETING_LITE: 0.025, UTILITY: 0.004, SERVICE: 0, REFERRAL_CONVERSION: 0 };

/** A small number from a text, the same every time (FNV-1a). */
function hash(text) {
	let value = 2166136261;
	for (const char of text) {
		value ^= char.codePointAt(0);
		value = Math.imul(value, 16777619) >>> 0;
	}
	return value;
}

const countFor = (...keys) => 3 + (hash(keys.join('|')) % 97);
const round4 = (number) => Math.round(number * 10000) / 10000;

/**
 * `analytics.start(1).end(2).phone_numbers(["1"])` → { field: 'analytics', modifiers: Map }.
 * Undefined when `fields` is not one analytics field (then the account's own fields answer).
 */
function parseAnalyticsField(fields) {
	if (typeof fields !== 'string') return undefined;
	const match = /^\s*(analytics|pricing_analytics|template_analytics)((?:\.[a-z_]+\([^()]*\))*)\s*$/.exec(fields);
	if (!match) return undefined;
	const modifiers = new Map();
	for (const [, name, argument] of match[2].matchAll(/\.([a-z_]+)\(([^()]*)\)/g)) {
		if (modifiers.has(name)) throw invalidParameter(`Modifier ${name} is given twice`);
		modifiers.set(name, argument.trim());
	}
	return { field: match[1], modifiers };
}

/** A list argument: `["US","BR"]`, `[0,2]`, `[]`, or bare `US,BR` as Meta's examples write it. */
function listOf(argument, name) {
	if (argument === undefined || argument === '') return [];
	const text = argument.trim();
	if (text.startsWith('[')) {
		let parsed;
		try {
			parsed = JSON.parse(text);
		} catch {
			const inner = text.replace(/^\[|\]$/g, '');
			parsed = inner === '' ? [] : inner.split(',').map((entry) => entry.trim().replace(/^["']|["']$/g, ''));
		}
		if (!Array.isArray(parsed)) throw invalidParameter(`Param ${name} must be an array`);
		return parsed.map((entry) => String(entry));
	}
	return text.split(',').map((entry) => entry.trim().replace(/^["']|["']$/g, '')).filter((entry) => entry !== '');
}

function timestampOf(modifiers, name) {
	const value = modifiers.get(name);
	if (value === undefined || value === '') throw new GraphError(100, `(#100) The parameter ${name} is required.`);
	if (!/^\d+$/.test(value)) throw invalidParameter(`Param ${name} must be a UNIX timestamp, got "${value}"`);
	return Number(value);
}

function enumList(modifiers, name, allowed) {
	const values = listOf(modifiers.get(name), name).map((value) => value.toUpperCase());
	for (const value of values) if (!allowed.includes(value)) throw notOneOf(name, allowed, value);
	return values;
}

/** The buckets of a period: half hours, days or calendar months (UTC), up to now. */
function buckets(start, end, granularity, now) {
	const last = Math.min(end, now);
	const out = [];
	if (granularity === 'MONTH' || granularity === 'MONTHLY') {
		const first = new Date(start * 1000);
		let cursor = Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1) / 1000;
		while (cursor < last) {
			const date = new Date(cursor * 1000);
			const next = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / 1000;
			out.push([cursor, next]);
			cursor = next;
		}
		return out;
	}
	const step = granularity === 'HALF_HOUR' ? HALF_HOUR : DAY;
	for (let cursor = Math.floor(start / step) * step; cursor < last; cursor += step) out.push([cursor, cursor + step]);
	return out;
}

const digitsOf = (phone) => String(phone.display_phone_number).replace(/\D/g, '');

/** The account's phone numbers the request names (digits), or all of them. */
function phoneNumbersFor(state, waba, modifiers) {
	const own = [...state.phoneNumbers.values()].filter((phone) => phone.businessAccountId === waba.id).map(digitsOf);
	const asked = listOf(modifiers.get('phone_numbers'), 'phone_numbers');
	for (const number of asked) if (!/^\d{7,15}$/.test(number)) throw invalidParameter(`Param phone_numbers has "${number}", which is not a phone number`);
	return asked.length ? asked.filter((number) => own.includes(number)) : own;
}

function countryCodesFor(modifiers) {
	const asked = listOf(modifiers.get('country_codes'), 'country_codes');
	for (const code of asked) if (!/^[A-Z]{2}$/.test(code)) throw invalidParameter(`Param country_codes has "${code}", which is not a two-letter country code`);
	return asked;
}

/** Start, end and granularity, checked the way every analytics field needs them. */
function periodOf(field, modifiers, now) {
	const start = timestampOf(modifiers, 'start');
	const end = timestampOf(modifiers, 'end');
	if (end <= start) throw invalidParameter(`Param end (${end}) must be after start (${start})`);
	const lookback = LOOKBACK_DAYS[field];
	if (start < now - lookback * DAY - DAY) throw invalidParameter(`Param start is more than ${lookback} days ago: ${field} reach back ${lookback} days`);
	const granularity = (modifiers.get('granularity') ?? '').toUpperCase();
	if (granularity === '') throw new GraphError(100, '(#100) The parameter granularity is required.');
	if (!GRANULARITIES[field].includes(granularity)) throw notOneOf('granularity', GRANULARITIES[field], granularity);
	return { start, end, granularity };
}

function messagingAnalytics(state, waba, modifiers, now) {
	const { start, end, granularity } = periodOf('analytics', modifiers, now);
	const phones = phoneNumbersFor(state, waba, modifiers);
	const countries = countryCodesFor(modifiers);
	const types = enumList(modifiers, 'product_types', PRODUCT_TYPES);
	const key = [...phones, '/', ...countries, '/', ...types].join(',');
	const dataPoints = buckets(start, end, granularity, now).map(([from, to]) => {
		const sent = phones.length ? countFor('sent', from, key) : 0;
		return { start: from, end: to, sent, delivered: sent - (sent % 7) };
	});
	const answer = { phone_numbers: phones, granularity, data_points: dataPoints };
	if (countries.length) answer.country_codes = countries;
	return { analytics: answer, id: waba.id };
}

function pricingAnalytics(state, waba, modifiers, now) {
	const { start, end, granularity } = periodOf('pricing_analytics', modifiers, now);
	const phones = phoneNumbersFor(state, waba, modifiers);
	const countries = countryCodesFor(modifiers);
	const metrics = enumList(modifiers, 'metric_types', PRICING_METRICS);
	const categories = enumList(modifiers, 'pricing_categories', PRICING_CATEGORIES);
	const types = enumList(modifiers, 'pricing_types', PRICING_TYPES);
	const dimensions = enumList(modifiers, 'dimensions', PRICING_DIMENSIONS);
	const by = (dimension, values, fallback) => (dimensions.includes(dimension) ? (values.length ? values : fallback) : [undefined]);
	const dataPoints = [];
	for (const [from, to] of buckets(start, end, granularity, now)) {
		for (const phone of by('PHONE', [], phones)) {
			for (const country of by('COUNTRY', countries, COUNTRIES)) {
				for (const category of by('PRICING_CATEGORY', categories, CATEGORIES)) {
					for (const type of by('PRICING_TYPE', types, TYPES)) {
						const free = category === 'SERVICE' || (type !== undefined && type !== 'REGULAR');
						const volume = phones.length ? countFor('volume', from, phone, country, category, type, categories.join(), types.join()) : 0;
						const cost = free ? 0 : round4(volume * (RATES[category ?? 'MARKETING'] ?? 0.01));
						const point = { start: from, end: to };
						if (phone !== undefined) point.phone_number = phone;
						if (country !== undefined) point.country = country;
						if (dimensions.includes('TIER') && !free) point.tier = category === 'MARKETING' || category === undefined ? '0:MAX' : '0:750000';
						if (type !== undefined) point.pricing_type = type;
						if (category !== undefined) point.pricing_category = category;
						if (!metrics.length || metrics.includes('VOLUME')) point.volume = volume;
						if (!metrics.length || metrics.includes('COST')) point.cost = cost;
						dataPoints.push(point);
					}
				}
			}
		}
	}
	return { pricing_analytics: { data: [{ data_points: dataPoints }] }, id: waba.id };
}

function templateAnalytics(state, waba, modifiers, now) {
	if (waba.is_enabled_for_insights === false) {
		// Meta's exact answer for an account that never confirmed template analytics is not
		// documented; the sandbox's is a guess of its shape.
		throw new GraphError(100, '(#100) Template analytics are not enabled for this WhatsApp Business Account', {
			details: 'Confirm template analytics in WhatsApp Manager, or with is_enabled_for_insights=true, before reading template_analytics',
		});
	}
	const period = periodOf('template_analytics', modifiers, now);
	const ids = listOf(modifiers.get('template_ids'), 'template_ids');
	if (ids.length === 0) throw new GraphError(100, '(#100) The parameter template_ids is required.');
	if (ids.length > TEMPLATE_IDS_MAX) throw invalidParameter(`Param template_ids has ${ids.length} IDs; at most ${TEMPLATE_IDS_MAX} are allowed`);
	const metrics = enumList(modifiers, 'metric_types', TEMPLATE_METRICS);
	const wants = (metric) => !metrics.length || metrics.includes(metric);
	const templates = ids.map((id) => {
		if (!/^\d+$/.test(id)) throw invalidParameter(`Param template_ids has "${id}", which is not a template ID`);
		const found = state.templates.find((entry) => entry.businessAccountId === waba.id && entry.data.id === id);
		if (!found) throw invalidParameter(`Template ${id} does not belong to WhatsApp Business Account ${waba.id}`);
		return found.data;
	});
	// Meta moves a start that is not 00:00 UTC back to that day's 00:00 UTC.
	const days = buckets(Math.floor(period.start / DAY) * DAY, period.end, 'DAILY', now);
	const dataPoints = [];
	for (const template of templates) {
		const buttons = (template.components ?? []).find((component) => component.type === 'BUTTONS')?.buttons ?? [];
		const clickable = ['MARKETING', 'UTILITY'].includes(template.category);
		const urlButtons = buttons.filter((button) => button.type === 'URL');
		for (const [from, to] of days) {
			const sent = countFor('template', template.id, from);
			const delivered = sent - (sent % 5);
			const read = delivered - (delivered % 3);
			const point = { template_id: template.id, start: from, end: to };
			if (wants('SENT')) point.sent = sent;
			if (wants('DELIVERED')) point.delivered = delivered;
			if (wants('READ')) point.read = read;
			const clicked = clickable
				? buttons
						.filter((button) => button.type === 'URL' || button.type === 'QUICK_REPLY')
						.map((button) => ({
							type: button.type === 'URL' ? 'unique_url_button' : 'quick_reply_button',
							button_content: button.text,
							count: countFor('click', template.id, button.text, from) % Math.max(read, 1),
						}))
				: [];
			if (wants('CLICKED') && clicked.length) point.clicked = clicked;
			if (wants('COST')) {
				const spent = round4(delivered * (RATES[template.category] ?? 0.01));
				point.cost = [
					{ type: 'amount_spent', value: spent },
					{ type: 'cost_per_delivered', value: delivered ? round4(spent / delivered) : 0 },
				];
				const urlClicks = clicked.filter((entry) => entry.type === 'unique_url_button').reduce((sum, entry) => sum + entry.count, 0);
				if (urlButtons.length) point.cost.push({ type: 'cost_per_url_button_click', value: urlClicks ? round4(spent / urlClicks) : 0 });
			}
			dataPoints.push(point);
		}
	}
	return {
		template_analytics: {
			data: [{ granularity: 'DAILY', data_points: dataPoints }],
			paging: { cursors: { before: 'MAZDZD', after: 'MjQZD' } },
		},
		id: waba.id,
	};
}

const HANDLERS = { analytics: messagingAnalytics, pricing_analytics: pricingAnalytics, template_analytics: templateAnalytics };

/**
 * The answer to `GET /{waba-id}?fields=<analytics field>`, or undefined when `fields` asks for
 * something else (the account's own fields). `now` in UNIX seconds, for tests.
 */
function answerAnalytics(state, waba, fields, now = Math.floor(Date.now() / 1000)) {
	const parsed = parseAnalyticsField(fields);
	if (!parsed) return undefined;
	for (const name of parsed.modifiers.keys()) {
		if (!MODIFIERS[parsed.field].includes(name)) throw invalidParameter(`Unknown modifier ${name} of field ${parsed.field}`);
	}
	return { status: 200, body: HANDLERS[parsed.field](state, waba, parsed.modifiers, now) };
}

module.exports = { answerAnalytics, parseAnalyticsField };
