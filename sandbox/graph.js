'use strict';
/**
 * The Graph API behind the gateway: `{gateway}/whatsapp-business/{version}/{graph path}`.
 * Each handler gets the request (path segments after the version, query, parsed body) and
 * returns `{ status, body }` or throws a GraphError.
 */
const crypto = require('node:crypto');

const {
	GraphError,
	invalidParameter,
	missingParameter,
	notOneOf,
	unknownField,
	unknownObject,
	unknownPath,
} = require('./errors');
const { answerAnalytics } = require('./analytics');
const { handleBlockUsers } = require('./blockUsers');
const { handleMessage, placeholdersOf } = require('./messages');
const { checkFlowTemplateButtons } = require('./flows');
const { handleQrCodes } = require('./qrCodes');
const { CATALOG_PRODUCTS, MAGIC_RECIPIENTS, SEED_IDS } = require('./seed');

const DEFAULT_VERSION = 'v25.0';
const DEFAULT_PAGE_SIZE = 25;

const TEMPLATE_STATUSES = ['APPROVED', 'DELETED', 'DISABLED', 'IN_APPEAL', 'LIMIT_EXCEEDED', 'PAUSED', 'PENDING', 'PENDING_DELETION', 'REJECTED'];
const TEMPLATE_CATEGORIES = ['AUTHENTICATION', 'MARKETING', 'UTILITY'];
const TEMPLATE_DEFAULT_FIELDS = ['name', 'parameter_format', 'components', 'language', 'status', 'category', 'id'];
const TEMPLATE_FIELDS = new Set([
	...TEMPLATE_DEFAULT_FIELDS,
	'rejected_reason',
	'quality_score',
	'sub_category',
	'previous_category',
	'correct_category',
	'library_template_name',
	'message_send_ttl_seconds',
	'cta_url_link_tracking_opted_out',
]);

const PHONE_DEFAULT_FIELDS = ['verified_name', 'code_verification_status', 'display_phone_number', 'quality_rating', 'platform_type', 'throughput', 'id'];
const PHONE_FIELDS = new Set([
	...PHONE_DEFAULT_FIELDS,
	'name_status',
	'new_name_status',
	'account_mode',
	'messaging_limit_tier',
	'status',
	'is_official_business_account',
	'last_onboarded_time',
	'is_pin_enabled',
	'health_status',
	'webhook_configuration',
	'search_visibility',
	'certificate',
]);

const WABA_DEFAULT_FIELDS = ['id', 'name', 'currency', 'timezone_id', 'message_template_namespace'];

const PROFILE_FIELDS = ['about', 'address', 'description', 'email', 'profile_picture_url', 'websites', 'vertical'];
const VERTICALS = ['UNDEFINED', 'OTHER', 'AUTO', 'BEAUTY', 'APPAREL', 'EDU', 'ENTERTAIN', 'EVENT_PLAN', 'FINANCE', 'GROCERY', 'GOVT', 'HOTEL', 'HEALTH', 'NONPROFIT', 'PROF_SERVICES', 'RETAIL', 'TRAVEL', 'RESTAURANT', 'NOT_A_BIZ'];
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Accepted upload MIME types and sizes, by kind (WhatsApp's media table). */
const MEDIA_RULES = {
	audio: { mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'], maxBytes: 16 * 1024 * 1024 },
	document: {
		mimeTypes: [
			'text/plain',
			'application/pdf',
			'application/msword',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'application/vnd.ms-excel',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'application/vnd.ms-powerpoint',
			'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		],
		maxBytes: 100 * 1024 * 1024,
	},
	image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * 1024 * 1024 },
	sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * 1024 },
	video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * 1024 * 1024 },
};

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const charLength = (text) => [...text].length;

/** `name,components{type,text}` → ['name', 'components'] (sub-field selections are ignored). */
function parseFields(value) {
	if (value === undefined || value === '') return undefined;
	const fields = [];
	let depth = 0;
	let current = '';
	for (const char of String(value)) {
		if (char === '{') depth++;
		if (char === '}') depth--;
		if (char === ',' && depth === 0) {
			fields.push(current);
			current = '';
		} else if (depth === 0 && char !== '}') {
			current += char;
		}
	}
	fields.push(current);
	return fields.map((field) => field.trim()).filter((field) => field !== '');
}

/** The object with only the asked fields (always with its id), in Graph's way. */
function selectFields(object, requested, defaults, allowed, nodeType) {
	const fields = requested ?? defaults;
	for (const field of fields) if (!allowed.has(field)) throw unknownField(field, nodeType);
	const out = {};
	for (const field of fields) if (object[field] !== undefined) out[field] = structuredClone(object[field]);
	if (object.id !== undefined) out.id = object.id;
	return out;
}

const encodeCursor = (id, position) => Buffer.from(`${id}:${position}`).toString('base64url');

function decodeCursor(cursor) {
	const text = Buffer.from(String(cursor), 'base64url').toString('utf8');
	const match = /^([^:]+):(\d+)$/.exec(text);
	if (!match) throw invalidParameter(`Cursor "${String(cursor)}" is not valid`);
	return { id: match[1], position: Number(match[2]) };
}

function parseLimit(value) {
	if (value === undefined || value === '') return DEFAULT_PAGE_SIZE;
	const limit = Number(value);
	if (!Number.isInteger(limit) || limit < 1) throw invalidParameter(`Param limit must be a positive integer, got "${String(value)}"`);
	return limit;
}

/**
 * Cursor paging as Graph does it: `limit`, `after` / `before` cursors, and `paging.next` /
 * `paging.previous` as absolute graph.facebook.com URLs (which a Maton key cannot open: page
 * through the gateway with `after`).
 */
function page(items, request, path, render) {
	const { query } = request;
	const limit = parseLimit(query.limit);
	const indexOf = (cursor) => {
		const { id, position } = decodeCursor(cursor);
		const found = items.findIndex((item) => item.id === id);
		return found === -1 ? Math.min(position, items.length) : found;
	};
	let start = 0;
	let end;
	if (query.after !== undefined && query.after !== '') {
		start = indexOf(query.after) + 1;
		end = Math.min(start + limit, items.length);
	} else if (query.before !== undefined && query.before !== '') {
		end = indexOf(query.before);
		start = Math.max(0, end - limit);
	} else {
		end = Math.min(limit, items.length);
	}
	const slice = items.slice(start, end);
	const body = { data: slice.map(render) };
	if (slice.length > 0) {
		const link = (cursorName, cursor) => {
			const params = new URLSearchParams();
			for (const [key, value] of Object.entries(query)) {
				if (key !== 'after' && key !== 'before' && key !== 'access_token') params.set(key, String(value));
			}
			params.set('access_token', 'EAASandboxTokenHeldByMaton');
			params.set('limit', String(limit));
			params.set(cursorName, cursor);
			return `https://graph.facebook.com/${request.version ?? DEFAULT_VERSION}/${path}?${params}`;
		};
		const before = encodeCursor(slice[0].id, start);
		const after = encodeCursor(slice[slice.length - 1].id, end - 1);
		body.paging = { cursors: { before, after } };
		if (end < items.length) body.paging.next = link('after', after);
		if (start > 0) body.paging.previous = link('before', before);
	}
	if (String(query.summary ?? '').split(',').includes('total_count')) body.summary = { total_count: items.length };
	return body;
}

/** A comma-separated enum filter (`status=APPROVED,PAUSED`), upper-cased and checked. */
function enumFilter(value, parameter, allowed) {
	if (value === undefined || value === '') return undefined;
	const values = String(value)
		.split(',')
		.map((entry) => entry.trim().toUpperCase())
		.filter((entry) => entry !== '');
	for (const entry of values) if (!allowed.includes(entry)) throw notOneOf(parameter, allowed, entry);
	return new Set(values);
}

/**
 * A `fields` value with sub-selections as a tree: `id,businesses{id,name}` → Map { id → null,
 * businesses → Map { id → null, name → null } }. Modifiers such as `.limit(10)` are dropped.
 */
function parseFieldTree(value) {
	if (value === undefined || value === '') return undefined;
	const text = String(value).replace(/\.\w+\([^)]*\)/g, '');
	let position = 0;
	const level = () => {
		const fields = new Map();
		let name = '';
		const flush = (children = null) => {
			if (name.trim() !== '') fields.set(name.trim(), children);
			name = '';
		};
		while (position < text.length) {
			const char = text[position++];
			if (char === '{') flush(level());
			else if (char === '}') break;
			else if (char === ',') flush();
			else name += char;
		}
		flush();
		return fields;
	};
	return level();
}

// ---------------------------------------------------------------------------------------------
// The token's user and its businesses (account discovery)

const ME_FIELDS = new Set(['id', 'name', 'businesses']);
const BUSINESS_FIELDS = new Set(['id', 'name', 'owned_whatsapp_business_accounts', 'client_whatsapp_business_accounts']);
const WABA_FIELDS = new Set(WABA_DEFAULT_FIELDS);

/** A nested edge as Graph renders it: `{ data, paging: { cursors } }` (no `next`: one page). */
function nestedEdge(items) {
	if (items.length === 0) return { data: [] };
	return {
		data: items,
		paging: { cursors: { before: encodeCursor(items[0].id, 0), after: encodeCursor(items[items.length - 1].id, items.length - 1) } },
	};
}

function selectTree(tree, defaults, allowed, nodeType) {
	const fields = tree ? [...tree.keys()] : defaults;
	for (const field of fields) if (!allowed.has(field)) throw unknownField(field, nodeType);
	return fields;
}

/**
 * `GET /me?fields=businesses{id,name,owned_whatsapp_business_accounts{id,name},
 * client_whatsapp_business_accounts{id,name}}`: the businesses of the token's user and the
 * WhatsApp Business Accounts each owns or manages for clients. Without `business_management`
 * (state.discoveryAccess 'denied') Graph refuses the `businesses` field with error 200.
 */
function getMe(state, request) {
	const tree = parseFieldTree(request.query.fields);
	const fields = selectTree(tree, ['name', 'id'], ME_FIELDS, 'User');
	const body = {};
	if (fields.includes('name')) body.name = state.tokenUser.name;
	if (fields.includes('businesses')) {
		if (state.discoveryAccess === 'denied') {
			throw new GraphError(200, '(#200) Requires business_management permission to manage the object', { type: 'OAuthException' });
		}
		const businessTree = tree.get('businesses');
		const businessFields = selectTree(businessTree, ['id', 'name'], BUSINESS_FIELDS, 'Business');
		body.businesses = nestedEdge(
			state.businesses.map((business) => {
				const out = { id: business.id };
				if (businessFields.includes('name')) out.name = business.name;
				for (const [edge, ids] of [
					['owned_whatsapp_business_accounts', business.ownedBusinessAccountIds],
					['client_whatsapp_business_accounts', business.clientBusinessAccountIds],
				]) {
					if (!businessFields.includes(edge)) continue;
					const wabaFields = selectTree(businessTree.get(edge), WABA_DEFAULT_FIELDS, WABA_FIELDS, 'WhatsAppBusinessAccount');
					const accounts = ids.map((id) => state.businessAccounts.get(id)).filter(Boolean);
					out[edge] = nestedEdge(accounts.map((waba) => selectFields(waba, wabaFields, WABA_DEFAULT_FIELDS, WABA_FIELDS, 'WhatsAppBusinessAccount')));
				}
				return out;
			}),
		);
	}
	body.id = state.tokenUser.id;
	return { status: 200, body };
}

// ---------------------------------------------------------------------------------------------
// Templates

function listTemplates(state, request, waba) {
	const { query } = request;
	const statuses = enumFilter(query.status, 'status', TEMPLATE_STATUSES);
	const categories = enumFilter(query.category, 'category', TEMPLATE_CATEGORIES);
	const language = query.language ? String(query.language) : undefined;
	const name = query.name ? String(query.name).toLowerCase() : undefined;
	const fields = parseFields(query.fields);
	const items = state.templates
		.filter((entry) => entry.businessAccountId === waba.id)
		.map((entry) => entry.data)
		.filter(
			(template) =>
				(!statuses || statuses.has(template.status)) &&
				(!categories || categories.has(template.category)) &&
				(!language || template.language === language) &&
				(!name || template.name.toLowerCase().includes(name)),
		);
	const body = page(items, request, `${waba.id}/message_templates`, (template) =>
		selectFields(template, fields, TEMPLATE_DEFAULT_FIELDS, TEMPLATE_FIELDS, 'WhatsAppMessageTemplate'),
	);
	return { status: 200, body };
}

const templateError = (title, details, subcode) =>
	new GraphError(100, '(#100) Invalid parameter', {
		details,
		subcode,
		userTitle: title,
		userMsg: details,
	});

/** Placeholders of a text, checked for the template's parameter format; returns them. */
function checkPlaceholders(text, where, named) {
	const placeholders = placeholdersOf(text);
	if (placeholders.length === 0) return placeholders;
	const numeric = placeholders.every((placeholder) => /^\d+$/.test(placeholder));
	if (named && numeric) {
		throw templateError('Invalid parameter format', `${where}: parameter_format is NAMED but the text uses numbered placeholders such as {{1}}`);
	}
	if (!named && !numeric) {
		throw templateError('Invalid parameter format', `${where}: named placeholders such as {{${placeholders.find((p) => !/^\d+$/.test(p))}}} need parameter_format NAMED`);
	}
	if (named) {
		const bad = placeholders.find((placeholder) => !/^[a-z0-9_]+$/.test(placeholder));
		if (bad) throw templateError('Invalid parameter name', `${where}: placeholder {{${bad}}} may only use lowercase letters, digits and underscores`);
	} else {
		const numbers = placeholders.map(Number).sort((a, b) => a - b);
		if (numbers.some((value, index) => value !== index + 1)) {
			throw templateError('Invalid parameters', `${where}: numbered placeholders must be {{1}} to {{${numbers.length}}} with none skipped`);
		}
	}
	return placeholders;
}

function requireText(value, where, max) {
	if (typeof value !== 'string' || value.trim() === '') throw missingParameter(where);
	if (charLength(value) > max) throw templateError('Text too long', `${where} must be at most ${max} characters long`);
}

function checkExamples(component, where, placeholders, named, isHeader) {
	if (placeholders.length === 0) return;
	const example = isObject(component.example) ? component.example : {};
	if (named) {
		const key = isHeader ? 'header_text_named_params' : 'body_text_named_params';
		const given = Array.isArray(example[key]) ? example[key] : [];
		const missing = placeholders.filter((placeholder) => !given.some((entry) => isObject(entry) && entry.param_name === placeholder && typeof entry.example === 'string' && entry.example !== ''));
		if (missing.length) {
			throw templateError('Message template "components" param is missing expected field(s)', `${where}: example.${key} needs an example for ${missing.map((p) => `{{${p}}}`).join(', ')}`);
		}
		return;
	}
	const values = isHeader ? example.header_text : Array.isArray(example.body_text) ? example.body_text[0] : undefined;
	if (!Array.isArray(values) || values.length !== placeholders.length || values.some((value) => typeof value !== 'string' || value === '')) {
		throw templateError(
			'Message template "components" param is missing expected field(s)',
			`${where}: example.${isHeader ? 'header_text' : 'body_text[0]'} needs ${placeholders.length} example value(s), one per placeholder`,
		);
	}
}

const BUTTON_TYPES = ['CATALOG', 'COPY_CODE', 'FLOW', 'MPM', 'OTP', 'PHONE_NUMBER', 'QUICK_REPLY', 'URL'];

function checkTemplateButtons(component) {
	const buttons = component.buttons;
	if (!Array.isArray(buttons) || buttons.length === 0) throw missingParameter("components['BUTTONS']['buttons']");
	if (buttons.length > 10) throw templateError('Too many buttons', `A template has at most 10 buttons, got ${buttons.length}`);
	buttons.forEach((button, index) => {
		const where = `BUTTONS button ${index}`;
		const type = isObject(button) ? String(button.type ?? '').toUpperCase() : '';
		if (!BUTTON_TYPES.includes(type)) throw notOneOf(`${where} type`, BUTTON_TYPES, button?.type);
		button.type = type;
		if (['QUICK_REPLY', 'URL', 'PHONE_NUMBER'].includes(type)) requireText(button.text, `${where} text`, 25);
		if (type === 'URL') {
			requireText(button.url, `${where} url`, 2000);
			if (!/^https?:\/\/\S+$/i.test(button.url)) throw templateError('Invalid URL', `${where}: url "${button.url}" must start with http:// or https://`);
			const placeholders = placeholdersOf(button.url);
			if (placeholders.length > 1 || (placeholders.length === 1 && !/\{\{\s*1\s*\}\}$/.test(button.url))) {
				throw templateError('Invalid URL', `${where}: a URL button takes at most one placeholder, {{1}}, at the end of the URL`);
			}
			if (placeholders.length === 1 && !(Array.isArray(button.example) ? button.example[0] : button.example)) {
				throw templateError('Message template "components" param is missing expected field(s)', `${where}: a dynamic URL needs an example`);
			}
		}
		if (type === 'PHONE_NUMBER') requireText(button.phone_number, `${where} phone_number`, 20);
		if (type === 'COPY_CODE') requireText(Array.isArray(button.example) ? button.example[0] : button.example, `${where} example`, 15);
	});
	checkFlowTemplateButtons(buttons);
}

/** `POST /{waba}/message_templates`: Graph's rules for a new template. */
function createTemplate(state, request, waba) {
	const body = request.body;
	if (!isObject(body)) throw invalidParameter('The request body must be a JSON object.');
	if (body.name === undefined || body.name === '') throw missingParameter('name');
	const name = String(body.name);
	if (!/^[a-z0-9_]+$/.test(name) || name.length > 512) {
		throw templateError('Invalid template name', `Template name "${name}" may only have lowercase letters, digits and underscores, at most 512 characters`);
	}
	if (body.language === undefined || body.language === '') throw missingParameter('language');
	const language = String(body.language);
	if (!/^[a-z]{2,3}(_[A-Z]{2,4})?$/.test(language)) throw invalidParameter(`Language "${language}" is not a language code such as en_US`);
	if (body.category === undefined || body.category === '') throw missingParameter('category');
	const category = String(body.category).toUpperCase();
	if (!TEMPLATE_CATEGORIES.includes(category)) throw notOneOf('category', TEMPLATE_CATEGORIES, body.category);
	const parameterFormat = String(body.parameter_format ?? 'POSITIONAL').toUpperCase();
	if (!['NAMED', 'POSITIONAL'].includes(parameterFormat)) throw notOneOf('parameter_format', ['NAMED', 'POSITIONAL'], body.parameter_format);
	const named = parameterFormat === 'NAMED';
	const components = body.components;
	if (!Array.isArray(components) || components.length === 0) throw missingParameter('components');

	const seen = new Set();
	const normalised = components.map((component, index) => {
		if (!isObject(component)) throw invalidParameter(`components[${index}] must be an object`);
		const type = String(component.type ?? '').toUpperCase();
		if (!['BODY', 'BUTTONS', 'FOOTER', 'HEADER'].includes(type)) throw notOneOf(`components[${index}]['type']`, ['BODY', 'BUTTONS', 'FOOTER', 'HEADER'], component.type);
		if (seen.has(type)) throw templateError('Invalid components', `A template has at most one ${type} component`);
		seen.add(type);
		const copy = { ...structuredClone(component), type };
		if (type === 'BODY') {
			requireText(copy.text, 'BODY text', 1024);
			const placeholders = checkPlaceholders(copy.text, 'BODY', named);
			if (placeholders.length && (/^\s*\{\{[^}]+\}\}/.test(copy.text) || /\{\{[^}]+\}\}\s*$/.test(copy.text))) {
				throw templateError("Variables can't be at the start or end of the template", 'BODY: the text may not start or end with a placeholder', 2388299);
			}
			checkExamples(copy, 'BODY', placeholders, named, false);
		} else if (type === 'HEADER') {
			const format = String(copy.format ?? '').toUpperCase();
			if (!['DOCUMENT', 'IMAGE', 'LOCATION', 'TEXT', 'VIDEO'].includes(format)) throw notOneOf('HEADER format', ['DOCUMENT', 'IMAGE', 'LOCATION', 'TEXT', 'VIDEO'], copy.format);
			copy.format = format;
			if (format === 'TEXT') {
				requireText(copy.text, 'HEADER text', 60);
				const placeholders = checkPlaceholders(copy.text, 'HEADER', named);
				if (placeholders.length > 1) throw templateError('Too many parameters', 'HEADER: a text header takes at most one placeholder');
				checkExamples(copy, 'HEADER', placeholders, named, true);
			} else if (format !== 'LOCATION') {
				const handles = isObject(copy.example) ? copy.example.header_handle : undefined;
				if (!Array.isArray(handles) || handles.length === 0) {
					throw templateError('Message template "components" param is missing expected field(s)', `HEADER: a ${format} header needs example.header_handle (an uploaded sample)`);
				}
			}
		} else if (type === 'FOOTER') {
			requireText(copy.text, 'FOOTER text', 60);
			if (placeholdersOf(copy.text).length) throw templateError('Invalid footer', 'FOOTER: a footer cannot have placeholders');
		} else {
			checkTemplateButtons(copy);
		}
		return copy;
	});
	if (!seen.has('BODY')) throw missingParameter("components['BODY']");
	const duplicate = state.templates.some(
		(entry) => entry.businessAccountId === waba.id && entry.data.name === name && entry.data.language === language,
	);
	if (duplicate) {
		throw templateError('Content in this language already exists', `Template "${name}" already exists in ${language}`, 2388024);
	}
	const id = String(1407680676729000 + state.nextTemplateIndex++);
	const template = { id, name, language, status: 'PENDING', category, parameter_format: parameterFormat, components: normalised };
	state.templates.unshift({ businessAccountId: waba.id, data: template });
	return { status: 200, body: { id, status: 'PENDING', category } };
}

/** `DELETE /{waba}/message_templates?name=X[&hsm_id=Y]`. */
function deleteTemplate(state, request, waba) {
	const name = request.query.name;
	if (name === undefined || name === '') throw missingParameter('name');
	const hsmId = request.query.hsm_id;
	const matches = (entry) =>
		entry.businessAccountId === waba.id && entry.data.name === name && (hsmId === undefined || hsmId === '' || entry.data.id === String(hsmId));
	if (!state.templates.some(matches)) {
		throw templateError(
			'Message template not found',
			hsmId ? `Message template "${name}" with hsm_id ${hsmId} can't be deleted since it doesn't exist` : `Message template "${name}" can't be deleted since it doesn't exist`,
		);
	}
	state.templates = state.templates.filter((entry) => !matches(entry));
	return { status: 200, body: { success: true } };
}

// ---------------------------------------------------------------------------------------------
// Phone numbers, business account, business profile

const publicPhone = (phone) => {
	const copy = { ...phone };
	delete copy.businessAccountId;
	return copy;
};

function listPhoneNumbers(state, request, waba) {
	const fields = parseFields(request.query.fields);
	const items = [...state.phoneNumbers.values()].filter((phone) => phone.businessAccountId === waba.id);
	const body = page(items, request, `${waba.id}/phone_numbers`, (phone) =>
		selectFields(publicPhone(phone), fields, PHONE_DEFAULT_FIELDS, PHONE_FIELDS, 'WhatsAppBusinessPhoneNumber'),
	);
	return { status: 200, body };
}

function getProfile(state, request, phone) {
	const fields = parseFields(request.query.fields) ?? PROFILE_FIELDS;
	for (const field of fields) if (!PROFILE_FIELDS.includes(field)) throw unknownField(field, 'WhatsAppBusinessProfile');
	const profile = state.profiles.get(phone.id) ?? {};
	const data = {};
	for (const field of fields) {
		const value = profile[field];
		if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)) data[field] = structuredClone(value);
	}
	data.messaging_product = 'whatsapp';
	return { status: 200, body: { data: [data] } };
}

function profileLength(value, field, min, max) {
	if (typeof value !== 'string') throw invalidParameter(`Param ${field} must be a string.`);
	const size = charLength(value);
	if (size < min || size > max) {
		throw invalidParameter(min > 0 ? `Param ${field} must be between ${min} and ${max} characters long.` : `Param ${field} must be at most ${max} characters long.`);
	}
}

function updateProfile(state, request, phone) {
	const body = request.body;
	if (!isObject(body)) throw invalidParameter('The request body must be a JSON object.');
	if (body.messaging_product === undefined || body.messaging_product === '') throw missingParameter('messaging_product');
	if (String(body.messaging_product).toLowerCase() !== 'whatsapp') throw notOneOf('messaging_product', ['whatsapp'], body.messaging_product);
	const allowed = new Set(['messaging_product', 'about', 'address', 'description', 'email', 'websites', 'vertical', 'profile_picture_handle']);
	for (const key of Object.keys(body)) if (!allowed.has(key)) throw invalidParameter(`Param ${key} is not a field of the business profile.`);
	const changes = {};
	if (body.about !== undefined) {
		profileLength(body.about, 'about', 1, 139);
		changes.about = body.about;
	}
	if (body.address !== undefined) {
		profileLength(body.address, 'address', 0, 256);
		changes.address = body.address;
	}
	if (body.description !== undefined) {
		profileLength(body.description, 'description', 0, 512);
		changes.description = body.description;
	}
	if (body.email !== undefined) {
		profileLength(body.email, 'email', 0, 128);
		if (body.email !== '' && !EMAIL_SHAPE.test(body.email)) throw invalidParameter(`Param email "${body.email}" is not a valid email address.`);
		changes.email = body.email;
	}
	if (body.websites !== undefined) {
		const websites = Array.isArray(body.websites) ? body.websites : [body.websites];
		if (websites.length > 2) throw invalidParameter(`Param websites has ${websites.length} entries; at most 2 are allowed.`);
		websites.forEach((website, index) => {
			profileLength(website, `websites[${index}]`, 1, 256);
			if (!/^https?:\/\/\S+$/i.test(website)) throw invalidParameter(`Param websites[${index}] "${website}" must start with http:// or https://.`);
		});
		changes.websites = websites;
	}
	if (body.vertical !== undefined) {
		if (!VERTICALS.includes(body.vertical)) throw notOneOf('vertical', VERTICALS, body.vertical);
		changes.vertical = body.vertical;
	}
	if (body.profile_picture_handle !== undefined) {
		if (typeof body.profile_picture_handle !== 'string' || body.profile_picture_handle.trim() === '') throw invalidParameter('Param profile_picture_handle must be a non-empty upload handle.');
		changes.profile_picture_url = `https://pps.whatsapp.net/v/sandbox/${phone.id}-${crypto.createHash('sha256').update(body.profile_picture_handle).digest('hex').slice(0, 12)}.jpg`;
	}
	state.profiles.set(phone.id, { ...(state.profiles.get(phone.id) ?? {}), ...changes });
	return { status: 200, body: { success: true } };
}

// ---------------------------------------------------------------------------------------------
// Media

const baseMimeType = (value) => String(value ?? '').split(';')[0].trim().toLowerCase();

function uploadMedia(state, request, phone) {
	const multipart = request.multipart;
	if (!multipart) throw missingParameter('file');
	const { fields, files } = multipart;
	if (fields.messaging_product === undefined || fields.messaging_product === '') throw missingParameter('messaging_product');
	if (fields.messaging_product.toLowerCase() !== 'whatsapp') throw notOneOf('messaging_product', ['whatsapp'], fields.messaging_product);
	const file = files.find((entry) => entry.field === 'file');
	if (!file) throw missingParameter('file');
	if (fields.type === undefined || fields.type === '') throw missingParameter('type');
	const mimeType = baseMimeType(fields.type);
	const kind = Object.keys(MEDIA_RULES).find((key) => MEDIA_RULES[key].mimeTypes.includes(mimeType));
	if (!kind) {
		throw new GraphError(131053, '(#131053) Media upload error', {
			details: `Param file must be a file with one of the following types: ${Object.values(MEDIA_RULES).flatMap((rule) => rule.mimeTypes).join(', ')}. Received file of type '${mimeType}'.`,
		});
	}
	// image/webp is a sticker; its limit is the animated one (500 KB).
	if (file.data.length > MEDIA_RULES[kind].maxBytes) {
		throw new GraphError(131053, '(#131053) Media upload error', {
			details: `File of ${file.data.length} bytes is bigger than the ${MEDIA_RULES[kind].maxBytes} bytes allowed for ${kind}`,
		});
	}
	if (file.data.length === 0) throw new GraphError(131053, '(#131053) Media upload error', { details: 'The uploaded file is empty' });
	let id;
	do id = String(1_000_000_000_000_000 + crypto.randomInt(0, 2 ** 47)).slice(0, 16);
	while (state.media.has(id));
	state.media.set(id, {
		id,
		mime_type: mimeType,
		sha256: crypto.createHash('sha256').update(file.data).digest('hex'),
		file_size: file.data.length,
		fileName: file.filename,
		phoneNumberId: phone.id,
		buffer: file.data,
		created: Date.now(),
	});
	return { status: 200, body: { id } };
}

function checkMediaPhone(media, request) {
	const asked = request.query.phone_number_id;
	if (asked !== undefined && asked !== '' && String(asked) !== media.phoneNumberId) {
		throw invalidParameter(`Media ${media.id} was not uploaded by phone number ${String(asked)}`);
	}
}

function getMedia(request, media) {
	checkMediaPhone(media, request);
	const url = `${request.baseUrl}/__sandbox/media/${media.id}?mid=${media.id}&ext=${Math.floor(Date.now() / 1000)}&hash=${media.sha256.slice(0, 16)}`;
	return {
		status: 200,
		body: { messaging_product: 'whatsapp', url, mime_type: media.mime_type, sha256: media.sha256, file_size: media.file_size, id: media.id },
	};
}

// ---------------------------------------------------------------------------------------------

/**
 * Routes a gateway request (Graph path after the version).
 * @param {object} state the sandbox state
 * @param {{ method: string, segments: string[], query: Record<string,string>, body: unknown,
 *   multipart?: object, version?: string, baseUrl: string, connectionId: string }} request
 * @returns {{ status: number, body: unknown }}
 */
function handleGraph(state, request) {
	const { method, segments } = request;
	if (segments.length === 0) throw unknownPath('/');
	const [id, edge, ...rest] = segments;
	// QR codes (sandbox/qrCodes.js): the one edge with a third segment, `/message_qrdls/{code}`.
	const qrAnswer = handleQrCodes(state, request, state.phoneNumbers.get(id), { page });
	if (qrAnswer) return qrAnswer;
	if (rest.length > 0) throw unknownPath(`/${segments.join('/')}`);
	if (id === 'me') {
		if (edge === undefined && method === 'GET') return getMe(state, request);
		throw unknownPath(`/${segments.join('/')}`);
	}
	const phone = state.phoneNumbers.get(id);
	const waba = state.businessAccounts.get(id);
	const media = state.media.get(id);
	const template = state.templates.find((entry) => entry.data.id === id);

	if (edge === undefined) {
		if (method === 'GET') {
			const fields = parseFields(request.query.fields);
			if (phone) return { status: 200, body: selectFields(publicPhone(phone), fields, PHONE_DEFAULT_FIELDS, PHONE_FIELDS, 'WhatsAppBusinessPhoneNumber') };
			if (media) return getMedia(request, media);
			if (template) return { status: 200, body: selectFields(template.data, fields, TEMPLATE_DEFAULT_FIELDS, TEMPLATE_FIELDS, 'WhatsAppMessageTemplate') };
			if (waba) {
				// `fields=analytics.start(…)…`, `pricing_analytics…`, `template_analytics…` (sandbox/analytics.js).
				const analytics = answerAnalytics(state, waba, request.query.fields);
				if (analytics) return analytics;
				return { status: 200, body: selectFields(waba, fields, WABA_DEFAULT_FIELDS, new Set(WABA_DEFAULT_FIELDS), 'WhatsAppBusinessAccount') };
			}
		}
		if (method === 'DELETE' && media) {
			checkMediaPhone(media, request);
			state.media.delete(id);
			return { status: 200, body: { success: true } };
		}
		throw unknownObject(method, id);
	}

	if (phone) {
		if (edge === 'messages' && method === 'POST') {
			const result = handleMessage(request.body, {
				mediaExists: (mediaId) => state.media.has(mediaId),
				catalogProducts: (catalogId) => (catalogId === SEED_IDS.catalogId ? CATALOG_PRODUCTS : undefined),
				connectedCatalogId: SEED_IDS.catalogId,
				templatesNamed: (name) =>
					state.templates.filter((entry) => entry.businessAccountId === phone.businessAccountId && entry.data.name === name).map((entry) => entry.data),
				magicRecipients: MAGIC_RECIPIENTS,
			});
			state.messages.push({
				id: result.kind === 'message' ? result.answer.messages[0].id : undefined,
				kind: result.kind,
				type: result.kind === 'message' ? result.type : 'read',
				phoneNumberId: phone.id,
				to: result.kind === 'message' ? result.waId : undefined,
				connectionId: request.connectionId,
				body: request.body,
				time: new Date().toISOString(),
			});
			return { status: 200, body: result.answer };
		}
		if (edge === 'media' && method === 'POST') return uploadMedia(state, request, phone);
		if (edge === 'whatsapp_business_profile' && method === 'GET') return getProfile(state, request, phone);
		if (edge === 'whatsapp_business_profile' && method === 'POST') return updateProfile(state, request, phone);
		if (edge === 'block_users') return handleBlockUsers(state, request, phone, { page, magicRecipients: MAGIC_RECIPIENTS });
	}
	if (waba) {
		if (edge === 'message_templates' && method === 'GET') return listTemplates(state, request, waba);
		if (edge === 'message_templates' && method === 'POST') return createTemplate(state, request, waba);
		if (edge === 'message_templates' && method === 'DELETE') return deleteTemplate(state, request, waba);
		if (edge === 'phone_numbers' && method === 'GET') return listPhoneNumbers(state, request, waba);
	}
	if (!phone && !waba && !media && !template) throw unknownObject(method, id);
	throw unknownPath(`/${segments.join('/')}`);
}

module.exports = { handleGraph, MEDIA_RULES, DEFAULT_VERSION };
