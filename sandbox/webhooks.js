'use strict';
/**
 * The sandbox's side of WhatsApp webhooks: Meta's webhook overrides as the gateway passes them
 * through (whether the real Maton gateway does is unverified), Meta's GET verification of a new
 * override URL, a simulated customer whose messages are POSTed to the registered URL in Meta's
 * exact payload shape, and the sent / delivered / read statuses that follow every message the node
 * sends. Deliveries are signed (X-Hub-Signature-256) when an app secret is configured, as Meta
 * signs with the app's secret.
 *
 * State (in `state.webhooks`, reset with the rest):
 *   businessAccountOverrides / phoneNumberOverrides: Map id → { url, verifyToken, since }
 *   appSecret: string | null, verification: 'sync' | 'async', statusEvents: boolean,
 *   statusDelayMs: number, inbound: customer messages sent, deliveries: every POST made.
 */
const crypto = require('node:crypto');

const { GraphError } = require('./errors');

const MAX_LOGGED_DELIVERIES = 2000;
const DELIVERY_TIMEOUT_MS = 10_000;

const CUSTOMER = Object.freeze({ waId: '16315551181', name: 'Kerry Fisher' });

function createWebhookState() {
	return {
		businessAccountOverrides: new Map(),
		phoneNumberOverrides: new Map(),
		appSecret: null,
		// Meta verifies the URL before it answers the override call; 'async' answers first.
		verification: 'sync',
		statusEvents: true,
		statusDelayMs: 50,
		inbound: [],
		deliveries: [],
		verifications: [],
	};
}

/** A wamid like Graph's: "wamid." and base64 of random bytes. */
const newWamid = () => `wamid.${crypto.randomBytes(27).toString('base64').replace(/=+$/, '')}`;

const unixNow = () => String(Math.floor(Date.now() / 1000));

const digitsOf = (display) => String(display ?? '').replace(/\D/g, '');

/** The business number as Meta writes it in a reply's `context.from`. */
const displayNumberOf = (state, phoneNumberId) => digitsOf(state.phoneNumbers.get(phoneNumberId)?.display_phone_number);

/** The URL Meta would send a phone number's message webhooks to: number, then account override. */
function resolveUrl(state, phoneNumberId) {
	const phone = state.phoneNumbers.get(phoneNumberId);
	if (!phone) return null;
	const own = state.webhooks.phoneNumberOverrides.get(phoneNumberId);
	if (own) return own.url;
	const account = state.webhooks.businessAccountOverrides.get(phone.businessAccountId);
	return account ? account.url : null;
}

/** Meta's webhook envelope around one change value for a phone number. */
function envelope(state, phoneNumberId, value) {
	const phone = state.phoneNumbers.get(phoneNumberId);
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: phone.businessAccountId,
				changes: [
					{
						value: {
							messaging_product: 'whatsapp',
							metadata: { display_phone_number: digitsOf(phone.display_phone_number), phone_number_id: phoneNumberId },
							...value,
						},
						field: 'messages',
					},
				],
			},
		],
	};
}

/** POSTs a body to a URL as Meta does: JSON, signed when there is an app secret. */
async function deliver(state, url, body, what) {
	const raw = Buffer.from(JSON.stringify(body), 'utf8');
	const headers = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
	if (state.webhooks.appSecret) {
		headers['x-hub-signature-256'] = `sha256=${crypto.createHmac('sha256', state.webhooks.appSecret).update(raw).digest('hex')}`;
	}
	const entry = { time: new Date().toISOString(), url, what, body, status: null, error: undefined };
	state.webhooks.deliveries.push(entry);
	if (state.webhooks.deliveries.length > MAX_LOGGED_DELIVERIES) state.webhooks.deliveries.shift();
	try {
		const response = await fetch(url, { method: 'POST', headers, body: raw, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
		entry.status = response.status;
		await response.text();
	} catch (error) {
		entry.error = String(error?.cause?.code ?? error?.message ?? error);
	}
	return entry;
}

/** Meta's GET check of a callback URL: 200 with the challenge echoed, else the override fails. */
async function verifyUrl(state, url, verifyToken) {
	const challenge = String(crypto.randomInt(1_000_000_000, 2_000_000_000));
	const target = new URL(url);
	target.searchParams.set('hub.mode', 'subscribe');
	target.searchParams.set('hub.challenge', challenge);
	target.searchParams.set('hub.verify_token', verifyToken);
	const record = { time: new Date().toISOString(), url, status: null, ok: false };
	state.webhooks.verifications.push(record);
	try {
		const response = await fetch(target, { signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
		record.status = response.status;
		record.ok = response.status === 200 && (await response.text()).trim() === challenge;
	} catch (error) {
		record.error = String(error?.cause?.code ?? error?.message ?? error);
	}
	return record;
}

function checkOverrideBody(url, verifyToken) {
	if (typeof url !== 'string' || url === '') throw new GraphError(100, '(#100) The parameter override_callback_uri is required');
	if (url.length > 200) throw new GraphError(100, '(#100) Param override_callback_uri must be at most 200 characters long');
	let parsed;
	try {
		parsed = new URL(url);
	} catch {
		throw new GraphError(100, '(#100) Param override_callback_uri must be a valid URL');
	}
	// Meta calls https only; the sandbox also takes http on loopback, where n8n runs beside it.
	const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
	if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
		throw new GraphError(100, '(#100) Param override_callback_uri must be an https URL');
	}
	if (typeof verifyToken !== 'string' || verifyToken === '') throw new GraphError(100, '(#100) The parameter verify_token is required');
}

/**
 * Sets an override after Meta's verification. 'sync' verifies before answering (the call fails
 * with Graph's error when the URL does not answer the challenge); 'async' answers at once and
 * drops the override if the later verification fails.
 */
async function setOverride(state, map, id, url, verifyToken) {
	checkOverrideBody(url, verifyToken);
	const apply = () => map.set(id, { url, verifyToken, since: new Date().toISOString() });
	if (state.webhooks.verification === 'async') {
		setTimeout(() => {
			verifyUrl(state, url, verifyToken).then((record) => {
				if (record.ok) apply();
			});
		}, 0);
		return { status: 200, body: { success: true } };
	}
	const record = await verifyUrl(state, url, verifyToken);
	if (!record.ok) {
		throw new GraphError(2200, '(#2200) Callback verification failed with the following errors: ' +
			(record.error ? `curl_errno = ${record.error}` : `HTTP Status Code = ${record.status}; HTTP Message = the challenge was not echoed`), { status: 400 });
	}
	apply();
	return { status: 200, body: { success: true } };
}

/** The subscribed app Maton's connection stands for, as GET /{waba_id}/subscribed_apps lists it. */
const MATON_APP = { id: '670843887433847', link: 'https://www.facebook.com/games/?app_id=670843887433847', name: 'Maton (sandbox)' };

/**
 * Graph calls this module answers, or undefined for the rest of the gateway:
 * GET/POST /{waba_id}/subscribed_apps, GET /{phone_number_id}?fields=...webhook_configuration...,
 * POST /{phone_number_id} with webhook_configuration.
 */
async function handleWebhookGraph(state, request) {
	const { method, segments, query, body } = request;
	const [id, edge, ...rest] = segments;
	if (rest.length > 0 || id === undefined) return undefined;
	const waba = state.businessAccounts.get(id);
	const phone = state.phoneNumbers.get(id);
	if (waba && edge === 'subscribed_apps') {
		if (method === 'GET') {
			const override = state.webhooks.businessAccountOverrides.get(id);
			return { status: 200, body: { data: [{ whatsapp_business_api_data: MATON_APP, ...(override ? { override_callback_uri: override.url } : {}) }] } };
		}
		if (method === 'POST') {
			const url = body?.override_callback_uri;
			if (url === undefined || url === null || url === '') {
				// Subscribing again without an override puts the app's own URL back.
				state.webhooks.businessAccountOverrides.delete(id);
				return { status: 200, body: { success: true } };
			}
			return setOverride(state, state.webhooks.businessAccountOverrides, id, url, body?.verify_token);
		}
	}
	if (phone && edge === undefined) {
		const fields = String(query.fields ?? '').split(',').map((field) => field.trim());
		if (method === 'GET' && fields.includes('webhook_configuration')) {
			const own = state.webhooks.phoneNumberOverrides.get(id);
			const account = state.webhooks.businessAccountOverrides.get(phone.businessAccountId);
			const configuration = {
				...(own ? { phone_number: own.url } : {}),
				...(account ? { whatsapp_business_account: account.url } : {}),
				application: 'https://meta-app.maton.invalid/webhooks/whatsapp',
			};
			return { status: 200, body: { webhook_configuration: configuration, id } };
		}
		if (method === 'POST' && body && typeof body === 'object' && 'webhook_configuration' in body) {
			const configuration = body.webhook_configuration ?? {};
			if (configuration.override_callback_uri === '' || configuration.override_callback_uri === null) {
				state.webhooks.phoneNumberOverrides.delete(id);
				return { status: 200, body: { success: true } };
			}
			return setOverride(state, state.webhooks.phoneNumberOverrides, id, configuration.override_callback_uri, configuration.verify_token);
		}
	}
	return undefined;
}

const CUSTOMER_KINDS = ['text', 'button', 'list', 'image', 'location', 'reaction', 'quick-reply', 'tap', 'reply'];

/** The message the business sent to this customer that a tap or reply refers to. */
function sentMessageFor(state, input, customer, wanted) {
	const sent = state.messages.filter((message) => message.kind === 'message' && message.to === customer);
	const found = input.contextMessageId ? sent.find((message) => message.id === input.contextMessageId) : sent.filter(wanted).at(-1);
	if (!found) {
		throw new Error(input.contextMessageId ? `no message ${input.contextMessageId} was sent to ${customer}` : `no ${wanted === isReplyButtons ? 'reply-button message' : 'message'} was sent to ${customer} yet`);
	}
	return found;
}

const isReplyButtons = (message) => message.type === 'interactive' && message.body?.interactive?.type === 'button';

/** A tap on button `input.button` (its number from 1, or its title; default the first). */
function tapOn(state, input, customer) {
	const message = sentMessageFor(state, input, customer, isReplyButtons);
	if (!isReplyButtons(message)) throw new Error(`message ${message.id} has no reply buttons`);
	const buttons = message.body.interactive.action.buttons.map((button) => button.reply);
	const choice = input.button === undefined ? '1' : String(input.button);
	const button = /^\d+$/.test(choice) ? buttons[Number(choice) - 1] : buttons.find((entry) => entry.title === choice);
	if (!button) throw new Error(`message ${message.id} has no button ${choice} (it has ${buttons.map((entry) => `"${entry.title}"`).join(', ')})`);
	return { message, button };
}

/** The message object a customer's action becomes in Meta's payload. */
function customerMessage(state, kind, input) {
	const base = { from: input.from ?? CUSTOMER.waId, id: newWamid(), timestamp: unixNow() };
	const context = input.contextMessageId ? { context: { from: input.contextFrom ?? '', id: input.contextMessageId } } : {};
	switch (kind) {
		case 'text':
			return { ...base, ...context, type: 'text', text: { body: String(input.text ?? 'hi') } };
		case 'reply': {
			// A text in reply (swipe to reply) to the latest message sent to this customer.
			const message = sentMessageFor(state, input, base.from, () => true);
			return { ...base, context: { from: displayNumberOf(state, message.phoneNumberId), id: message.id }, type: 'text', text: { body: String(input.text ?? 'hi') } };
		}
		case 'tap': {
			const { message, button } = tapOn(state, input, base.from);
			return {
				...base,
				context: { from: displayNumberOf(state, message.phoneNumberId), id: message.id },
				type: 'interactive',
				interactive: { type: 'button_reply', button_reply: { id: button.id, title: button.title } },
			};
		}
		case 'button':
			return {
				...base,
				...context,
				type: 'interactive',
				interactive: { type: 'button_reply', button_reply: { id: String(input.id ?? 'button-1'), title: String(input.title ?? 'Yes') } },
			};
		case 'list': {
			const reply = { id: String(input.id ?? 'row-1'), title: String(input.title ?? 'Option 1') };
			if (input.description !== undefined) reply.description = String(input.description);
			return { ...base, ...context, type: 'interactive', interactive: { type: 'list_reply', list_reply: reply } };
		}
		case 'quick-reply':
			return { ...base, ...context, type: 'button', button: { text: String(input.title ?? 'Yes'), payload: String(input.id ?? 'Yes-Payload') } };
		case 'image': {
			const image = { mime_type: 'image/jpeg', sha256: crypto.randomBytes(32).toString('base64'), id: String(input.mediaId ?? crypto.randomInt(1e15, 9e15)) };
			if (input.caption !== undefined) image.caption = String(input.caption);
			return { ...base, ...context, type: 'image', image };
		}
		case 'location': {
			const location = { latitude: Number(input.latitude ?? 37.4852), longitude: Number(input.longitude ?? -122.1484) };
			if (input.name !== undefined) location.name = String(input.name);
			if (input.address !== undefined) location.address = String(input.address);
			return { ...base, type: 'location', location };
		}
		case 'reaction': {
			const messageId = input.messageId ?? state.messages.filter((message) => message.kind === 'message').at(-1)?.id;
			if (!messageId) throw new Error('reaction needs messageId (no message was sent yet to react to)');
			return { ...base, type: 'reaction', reaction: { message_id: String(messageId), emoji: String(input.emoji ?? '\u{1F44D}') } };
		}
		default:
			throw new Error(`kind must be one of ${CUSTOMER_KINDS.join(', ')}`);
	}
}

/**
 * The simulated customer writes: the message goes to whatever URL Meta would use for the phone
 * number. Resolves with the message and the delivery (null when no override is registered).
 */
async function customerSends(state, kind, input = {}, defaultPhoneNumberId) {
	const phoneNumberId = String(input.phoneNumberId ?? defaultPhoneNumberId);
	if (!state.phoneNumbers.has(phoneNumberId)) throw new Error(`no phone number ${phoneNumberId} in the sandbox`);
	const message = customerMessage(state, kind, input);
	const contact = { profile: { name: String(input.profileName ?? CUSTOMER.name) }, wa_id: message.from };
	const body = envelope(state, phoneNumberId, { contacts: [contact], messages: [message] });
	state.webhooks.inbound.push({ time: new Date().toISOString(), phoneNumberId, kind, message });
	const url = resolveUrl(state, phoneNumberId);
	const delivery = url ? await deliver(state, url, body, `customer ${kind}`) : null;
	return { message, payload: body, delivery };
}

/** The three statuses Meta sends after a business message: sent, delivered, read. */
function scheduleStatuses(state, sent, timers) {
	if (!state.webhooks.statusEvents || sent.kind !== 'message' || !sent.id) return;
	const url = resolveUrl(state, sent.phoneNumberId);
	if (!url) return;
	const conversation = { id: crypto.randomBytes(16).toString('hex'), origin: { type: 'service' } };
	const statuses = ['sent', 'delivered', 'read'];
	let chain = Promise.resolve();
	statuses.forEach((status, index) => {
		const timer = setTimeout(() => {
			timers.delete(timer);
			const value = {
				statuses: [
					{
						id: sent.id,
						status,
						timestamp: unixNow(),
						recipient_id: sent.to,
						...(typeof sent.body?.biz_opaque_callback_data === 'string' ? { biz_opaque_callback_data: sent.body.biz_opaque_callback_data } : {}),
						...(status === 'read' ? {} : { conversation, pricing: { billable: false, pricing_model: 'PMP', category: 'service' } }),
					},
				],
			};
			// In order, as Meta mostly sends them (one at a time per URL here).
			chain = chain.then(() => deliver(state, url, envelope(state, sent.phoneNumberId, value), `status ${status}`));
		}, state.webhooks.statusDelayMs * (index + 1));
		timers.add(timer);
	});
}

/** What GET /__sandbox/webhooks shows. */
function webhookSnapshot(state) {
	const overrides = (map) => Object.fromEntries([...map.entries()].map(([id, entry]) => [id, { url: entry.url, since: entry.since }]));
	return {
		overrides: {
			businessAccounts: overrides(state.webhooks.businessAccountOverrides),
			phoneNumbers: overrides(state.webhooks.phoneNumberOverrides),
		},
		signed: state.webhooks.appSecret !== null,
		verification: state.webhooks.verification,
		statusEvents: state.webhooks.statusEvents,
		statusDelayMs: state.webhooks.statusDelayMs,
		verifications: state.webhooks.verifications,
		inbound: state.webhooks.inbound,
		deliveries: state.webhooks.deliveries,
	};
}

/** POST /__sandbox/webhooks/config: { appSecret?, verification?, statusEvents?, statusDelayMs? }. */
function configureWebhooks(state, body = {}) {
	if (body.appSecret !== undefined) {
		if (body.appSecret !== null && (typeof body.appSecret !== 'string' || body.appSecret === '')) throw new Error('appSecret must be a non-empty string or null');
		state.webhooks.appSecret = body.appSecret;
	}
	if (body.verification !== undefined) {
		if (!['sync', 'async'].includes(body.verification)) throw new Error('verification must be sync or async');
		state.webhooks.verification = body.verification;
	}
	if (body.statusEvents !== undefined) state.webhooks.statusEvents = Boolean(body.statusEvents);
	if (body.statusDelayMs !== undefined) {
		const delay = Number(body.statusDelayMs);
		if (!Number.isInteger(delay) || delay < 0 || delay > 60_000) throw new Error('statusDelayMs must be 0 to 60000');
		state.webhooks.statusDelayMs = delay;
	}
	return webhookSnapshot(state);
}

module.exports = {
	CUSTOMER,
	CUSTOMER_KINDS,
	createWebhookState,
	handleWebhookGraph,
	customerSends,
	scheduleStatuses,
	webhookSnapshot,
	configureWebhooks,
	resolveUrl,
};
