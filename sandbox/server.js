'use strict';
/**
 * A local stand-in for Maton: the gateway (`/whatsapp-business/{version}/{graph path}`) and the
 * control API (`/connections…`) on one 127.0.0.1 port, with state in memory, a request log,
 * a per-key rate limit and fault injection. A development tool only: it is not part of the
 * published package (package.json `files` is ["dist"]) and uses nothing but Node built-ins.
 *
 * @example
 * const { startSandbox } = require('./sandbox/server');
 * const sandbox = await startSandbox({ port: 0 });
 * await fetch(`${sandbox.url}/whatsapp-business/v25.0/${sandbox.ids.phoneNumberId}/messages`, {
 *   method: 'POST',
 *   headers: { Authorization: `Bearer ${sandbox.apiKey}`, 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ messaging_product: 'whatsapp', to: '15551234567', type: 'text', text: { body: 'Hi' } }),
 * });
 * await sandbox.close();
 */
const crypto = require('node:crypto');
const http = require('node:http');
const { performance } = require('node:perf_hooks');

const { GraphError, MatonError } = require('./errors');
const { handleGraph, DEFAULT_VERSION } = require('./graph');
const { qrImage } = require('./qrCodes');
const { boundaryOf, parseMultipart } = require('./multipart');
const { SEED_IDS, MAGIC_RECIPIENTS, CATALOG_PRODUCTS, createState, resetState } = require('./seed');
const { configureWebhooks, createWebhookState, customerSends, handleWebhookGraph, scheduleStatuses, webhookSnapshot } = require('./webhooks');

const DEFAULT_API_KEY = 'sandbox-key';
const DEFAULT_PORT = 8787;
const DEFAULT_RATE_LIMIT = 10;
const MATON_APP = 'whatsapp-business';
/** Bodies above this are refused (the largest WhatsApp upload is 100 MB). */
const MAX_BODY_BYTES = 110 * 1024 * 1024;
const MAX_LOGGED_REQUESTS = 10_000;
const CONNECTION_STATUSES = ['ACTIVE', 'PENDING', 'FAILED'];

// ---------------------------------------------------------------------------------------------
// Small helpers

/** A query string as an object; a repeated key keeps its last value. */
const queryObject = (searchParams) => Object.fromEntries(searchParams.entries());

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(Object.assign(new Error('body too large'), { tooLarge: true }));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/**
 * The body as the handlers want it: JSON, form fields (JSON-looking values parsed, as Graph
 * does), multipart parts, or text.
 */
function parseBody(contentType, raw) {
	if (raw.length === 0) return { body: undefined };
	const type = String(contentType ?? '').toLowerCase();
	const boundary = boundaryOf(contentType);
	if (boundary) {
		const multipart = parseMultipart(raw, boundary);
		return multipart ? { body: multipart.fields, multipart } : { body: raw.toString('utf8'), invalid: 'multipart' };
	}
	const text = raw.toString('utf8');
	if (type.startsWith('application/x-www-form-urlencoded')) {
		const form = {};
		for (const [key, value] of new URLSearchParams(text)) {
			form[key] = value;
			if (/^\s*[[{]/.test(value)) {
				try {
					form[key] = JSON.parse(value);
				} catch {
					// keep the text
				}
			}
		}
		return { body: form };
	}
	try {
		return { body: JSON.parse(text) };
	} catch {
		return { body: text, invalid: type.includes('json') ? 'json' : undefined };
	}
}

/** What the log keeps of a body: JSON as is, files as name, type, size and hash only. */
function loggedBody(parsed) {
	if (parsed.multipart) {
		return {
			fields: { ...parsed.multipart.fields },
			files: parsed.multipart.files.map((file) => ({
				field: file.field,
				filename: file.filename,
				contentType: file.contentType,
				size: file.data.length,
				sha256: crypto.createHash('sha256').update(file.data).digest('hex'),
			})),
		};
	}
	return parsed.body === undefined ? undefined : structuredClone(parsed.body);
}

/** Request headers with the Authorization value masked. */
function maskedHeaders(headers) {
	const copy = { ...headers };
	if (copy.authorization !== undefined) {
		copy.authorization = /^bearer\s/i.test(String(copy.authorization)) ? 'Bearer ***' : '***';
	}
	return copy;
}

function sendJson(res, status, body, headers = {}) {
	if (res.headersSent || res.destroyed) return;
	const payload = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=UTF-8',
		'content-length': Buffer.byteLength(payload),
		'cache-control': 'no-store',
		...headers,
	});
	res.end(payload);
}

function sendRaw(res, status, payload, headers) {
	if (res.headersSent || res.destroyed) return;
	const buffer = Buffer.isBuffer(payload) ? payload : Buffer.from(String(payload));
	res.writeHead(status, { 'content-length': buffer.length, ...headers });
	res.end(buffer);
}

const escapeHtml = (text) =>
	String(text).replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]);

function htmlPage(title, message) {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1f2937}
h1{font-size:1.5rem}.ok{color:#15803d}.bad{color:#b91c1c}code{background:#f3f4f6;padding:.1rem .3rem;border-radius:.2rem}</style>
</head><body>${message}</body></html>`;
}

/** Maton's timestamps have microseconds: 2025-12-08T07:20:53.488460Z. */
const matonTime = () => new Date().toISOString().replace('Z', '000Z');

/** Lower-cased header names (a fault's headers may use any case). */
const lowerCaseKeys = (object) => Object.fromEntries(Object.entries(object ?? {}).map(([key, value]) => [key.toLowerCase(), String(value)]));

// ---------------------------------------------------------------------------------------------
// Faults

/**
 * @typedef {object} Fault
 * @property {number} [status] answer with this HTTP status (and `body`, `headers`) instead of handling
 * @property {unknown} [body] the answer's body: an object is sent as JSON, a string as it is
 * @property {Record<string,string>} [headers] extra answer headers
 * @property {boolean} [reset] destroy the socket without answering (after the delay, if any)
 * @property {number} [delayMs] wait this long first; without status or reset, then answer normally
 * @property {{ api?: 'gateway'|'control'|'any', method?: string, path?: string }} [match]
 *   which requests it applies to (default: the next gateway request); `path` is a substring of the
 *   request path
 */

function validateFault(fault, index) {
	const where = `fault ${index}`;
	if (typeof fault !== 'object' || fault === null || Array.isArray(fault)) return `${where} must be an object`;
	if (fault.status === undefined && !fault.reset && fault.delayMs === undefined) return `${where} needs status, reset or delayMs`;
	if (fault.status !== undefined && (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599)) return `${where}: status must be an HTTP status 200-599`;
	if (fault.delayMs !== undefined && (typeof fault.delayMs !== 'number' || fault.delayMs < 0 || fault.delayMs > 600_000)) return `${where}: delayMs must be 0 to 600000`;
	if (fault.headers !== undefined && (typeof fault.headers !== 'object' || fault.headers === null)) return `${where}: headers must be an object`;
	if (fault.match !== undefined) {
		if (typeof fault.match !== 'object' || fault.match === null) return `${where}: match must be an object`;
		if (fault.match.api !== undefined && !['gateway', 'control', 'any'].includes(fault.match.api)) return `${where}: match.api must be gateway, control or any`;
	}
	return undefined;
}

function faultMatches(fault, api, method, path) {
	const match = fault.match ?? {};
	const wantedApi = match.api ?? 'gateway';
	if (wantedApi !== 'any' && wantedApi !== api) return false;
	if (match.method && String(match.method).toUpperCase() !== method) return false;
	if (match.path && !path.includes(String(match.path))) return false;
	return true;
}

/** The default answer of a fault that gives only a status. */
function defaultFaultAnswer(status, api) {
	if (status === 429) {
		return {
			body: new GraphError(80007, '(#80007) There have been too many calls to this WhatsApp Business account. Wait a bit and try again.', { status }).toBody(),
			headers: { 'retry-after': '1' },
		};
	}
	if (status === 401) return { body: new MatonError(401, 'INVALID_API_KEY', 'Invalid API key').toBody(), headers: {} };
	if (status === 503) return { body: new GraphError(2, '(#2) Service temporarily unavailable', { status }).toBody(), headers: {} };
	if (status >= 500 || api === 'control') {
		return { body: new MatonError(status, 'SANDBOX_FAULT', status >= 500 ? 'Internal server error' : `Injected error ${status}`).toBody(), headers: {} };
	}
	return { body: new GraphError(1, '(#1) An unknown error occurred', { status }).toBody(), headers: {} };
}

// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} SandboxOptions
 * @property {number} [port] port to listen on; 0 (the default here) picks a free one
 * @property {string} [host] address to bind, '127.0.0.1' by default
 * @property {string[]|string} [apiKeys] accepted Maton API keys ('sandbox-key' by default)
 * @property {number} [rateLimitPerSecond] requests per second per key before 429; 0 = no limit (default 10)
 * @property {number} [latencyMs] simulated network latency: every gateway and control answer waits this long after the request was read and counted (default 0)
 * @property {number} [extraTemplates] generated templates besides the named ones (default 120)
 * @property {(entry: object) => void} [onRequest] called with each logged request once answered
 */

/**
 * @typedef {object} SandboxHandle
 * @property {string} url e.g. http://127.0.0.1:8787 — both the gateway and the control base URL
 * @property {number} port
 * @property {string} apiKey the first accepted key
 * @property {typeof SEED_IDS} ids the seeded ids (phone number, WABA, connection, media)
 * @property {object} state the live in-memory state (connections, templates, media, messages, requests, faults, config)
 * @property {(overrides?: object) => object} credentials n8n Maton API credential data pointing at the sandbox
 * @property {() => void} reset puts the seed back (like POST /__sandbox/reset)
 * @property {(faults: Fault|Fault[]) => void} injectFaults queues faults (like POST /__sandbox/faults)
 * @property {() => Promise<void>} close stops the server, dropping open connections
 */

/**
 * Starts a sandbox.
 * @param {SandboxOptions} [options]
 * @returns {Promise<SandboxHandle>}
 */
async function startSandbox(options = {}) {
	const host = options.host ?? '127.0.0.1';
	const apiKeys = (Array.isArray(options.apiKeys) ? options.apiKeys : String(options.apiKeys ?? DEFAULT_API_KEY).split(','))
		.map((key) => String(key).trim())
		.filter((key) => key !== '');
	if (apiKeys.length === 0) throw new Error('startSandbox: apiKeys is empty');
	const rateLimitPerSecond = Number(options.rateLimitPerSecond ?? DEFAULT_RATE_LIMIT);
	if (!Number.isInteger(rateLimitPerSecond) || rateLimitPerSecond < 0) throw new Error('startSandbox: rateLimitPerSecond must be an integer >= 0');

	const latencyMs = Number(options.latencyMs ?? 0);
	if (!Number.isFinite(latencyMs) || latencyMs < 0 || latencyMs > 60_000) throw new Error('startSandbox: latencyMs must be 0 to 60000');

	const state = createState({ apiKeys, rateLimitPerSecond, extraTemplates: options.extraTemplates });
	state.webhooks = createWebhookState();
	/** Timers of pending status deliveries, so that close() and reset drop them. */
	const statusTimers = new Set();
	const resetAll = () => {
		resetState(state);
		for (const timer of statusTimers) clearTimeout(timer);
		statusTimers.clear();
		state.webhooks = createWebhookState();
	};
	let baseUrl = '';
	/** Timers of delayed answers, so that close() does not wait for them. */
	const delays = new Set();

	const delay = (ms) =>
		new Promise((resolve) => {
			const entry = {
				resolve,
				timer: setTimeout(() => {
					delays.delete(entry);
					resolve(true);
				}, ms),
			};
			delays.add(entry);
		});

	function queueFaults(input) {
		const list = Array.isArray(input) ? input : Array.isArray(input?.faults) ? input.faults : [input];
		const problem = list.map(validateFault).find(Boolean);
		if (problem) throw new Error(problem);
		state.faults.push(...list.map((fault) => structuredClone(fault)));
		return list.length;
	}

	// ----- control API -----------------------------------------------------------------------

	function newConnection(app) {
		const id = crypto.randomUUID();
		const now = matonTime();
		const connection = {
			connection_id: id,
			status: 'PENDING',
			creation_time: now,
			last_updated_time: now,
			url: `${baseUrl}/connect/${id}`,
			app,
			method: 'OAUTH2',
			metadata: {},
		};
		state.connections.set(id, connection);
		return connection;
	}

	function handleControl(method, segments, query, body) {
		if (segments.length === 1) {
			if (method === 'GET') {
				const statuses = query.status ? String(query.status).toUpperCase().split(',') : undefined;
				const connections = [...state.connections.values()]
					.filter((connection) => (!query.app || connection.app === query.app) && (!statuses || statuses.includes(connection.status)))
					.sort((a, b) => a.creation_time.localeCompare(b.creation_time));
				return { status: 200, body: { connections: structuredClone(connections) } };
			}
			if (method === 'POST') {
				const app = body && typeof body === 'object' ? body.app : undefined;
				if (typeof app !== 'string' || app.trim() === '') throw new MatonError(400, 'INVALID_REQUEST', 'app is required, e.g. {"app": "whatsapp-business"}');
				return { status: 200, body: { connection: structuredClone(newConnection(app.trim())) } };
			}
			throw new MatonError(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on /connections`);
		}
		if (segments.length === 2) {
			const connection = state.connections.get(segments[1]);
			if (!connection) throw new MatonError(404, 'NOT_FOUND', `Connection ${segments[1]} not found`);
			if (method === 'GET') return { status: 200, body: { connection: structuredClone(connection) } };
			if (method === 'DELETE') {
				state.connections.delete(segments[1]);
				return { status: 200, body: {} };
			}
			throw new MatonError(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on /connections/{id}`);
		}
		throw new MatonError(404, 'NOT_FOUND', 'Not found');
	}

	/** The connection a gateway call runs on: Maton-Connection, else the oldest ACTIVE one. */
	function gatewayConnection(headers) {
		const wanted = String(headers['maton-connection'] ?? '').trim();
		if (wanted) {
			const connection = state.connections.get(wanted);
			if (!connection || connection.app !== MATON_APP) {
				throw new MatonError(400, 'CONNECTION_NOT_FOUND', `No ${MATON_APP} connection with id ${wanted}`);
			}
			if (connection.status !== 'ACTIVE') {
				throw new MatonError(400, 'CONNECTION_NOT_ACTIVE', `Connection ${wanted} is ${connection.status}, not ACTIVE: open its url to authorise it`);
			}
			return connection;
		}
		const oldest = [...state.connections.values()]
			.filter((connection) => connection.app === MATON_APP && connection.status === 'ACTIVE')
			.sort((a, b) => a.creation_time.localeCompare(b.creation_time))[0];
		if (!oldest) throw new MatonError(400, 'NO_CONNECTION', `No active connection found for app ${MATON_APP}. Create one with POST /connections and open its url.`);
		return oldest;
	}

	function connectPage(id, query) {
		const connection = state.connections.get(id);
		if (!connection) {
			return { status: 404, html: htmlPage('Connection not found', `<h1 class="bad">Connection not found</h1><p>No connection <code>${escapeHtml(id)}</code> in this sandbox.</p>`) };
		}
		const fail = String(query.result ?? query.status ?? '').toLowerCase() === 'failed';
		if (connection.status !== 'ACTIVE' || fail) {
			connection.status = fail ? 'FAILED' : 'ACTIVE';
			connection.last_updated_time = matonTime();
		}
		if (connection.status === 'FAILED') {
			return { status: 200, html: htmlPage('Connection failed', `<h1 class="bad">Connection failed</h1><p>Connection <code>${escapeHtml(id)}</code> is now FAILED (sandbox).</p>`) };
		}
		return {
			status: 200,
			html: htmlPage(
				'Connected',
				`<h1 class="ok">Connected</h1><p>Your ${escapeHtml(connection.app)} connection <code>${escapeHtml(id)}</code> is ACTIVE. You can close this page.</p><p><small>Maton sandbox — no real account was connected.</small></p>`,
			),
		};
	}

	// ----- admin (/__sandbox) ----------------------------------------------------------------

	function info() {
		return {
			name: 'Maton sandbox',
			url: baseUrl,
			gateway: `${baseUrl}/${MATON_APP}/${DEFAULT_VERSION}`,
			control: `${baseUrl}/connections`,
			apiKeys: state.config.apiKeys,
			rateLimitPerSecond: state.config.rateLimitPerSecond,
			ids: SEED_IDS,
			magicRecipients: MAGIC_RECIPIENTS,
			catalogProducts: CATALOG_PRODUCTS,
		};
	}

	function handleAdmin(method, segments, query, parsed, res) {
		const [, what, id] = segments;
		const body = parsed.body;
		if (what === undefined && method === 'GET') return sendJson(res, 200, info());
		if (what === 'requests') {
			if (method === 'GET') {
				const requests = state.requests.filter(
					(entry) =>
						(!query.api || entry.api === query.api) &&
						(!query.method || entry.method === String(query.method).toUpperCase()) &&
						(!query.path || entry.path.includes(query.path)),
				);
				return sendJson(res, 200, { requests });
			}
			if (method === 'DELETE') {
				state.requests.length = 0;
				return sendJson(res, 200, { success: true });
			}
		}
		if (what === 'reset' && method === 'POST') {
			resetAll();
			return sendJson(res, 200, { success: true, ids: SEED_IDS });
		}
		if (what === 'faults') {
			if (method === 'GET') return sendJson(res, 200, { faults: state.faults });
			if (method === 'DELETE') {
				state.faults.length = 0;
				return sendJson(res, 200, { success: true });
			}
			if (method === 'POST') {
				try {
					const queued = queueFaults(body);
					return sendJson(res, 200, { queued, pending: state.faults.length });
				} catch (error) {
					return sendJson(res, 400, { error: { message: error.message } });
				}
			}
		}
		if (what === 'webhooks') {
			if (method === 'GET' && id === undefined) return sendJson(res, 200, webhookSnapshot(state));
			if (method === 'DELETE' && id === undefined) {
				state.webhooks.deliveries.length = 0;
				state.webhooks.inbound.length = 0;
				state.webhooks.verifications.length = 0;
				return sendJson(res, 200, { success: true });
			}
			if (method === 'POST' && id === 'config') {
				try {
					return sendJson(res, 200, configureWebhooks(state, body ?? {}));
				} catch (error) {
					return sendJson(res, 400, { error: { message: error.message } });
				}
			}
		}
		if (what === 'customer' && method === 'POST') {
			// The simulated customer: { kind, text?, id?, title?, ... } posted to the registered URL.
			const input = body && typeof body === 'object' ? body : {};
			return customerSends(state, String(input.kind ?? id ?? 'text'), input, SEED_IDS.phoneNumberId).then(
				(result) => sendJson(res, 200, result),
				(error) => sendJson(res, 400, { error: { message: error.message } }),
			);
		}
		if (what === 'messages') {
			if (method === 'GET') return sendJson(res, 200, { messages: state.messages });
			if (method === 'DELETE') {
				state.messages.length = 0;
				return sendJson(res, 200, { success: true });
			}
		}
		if (what === 'media' && id && method === 'GET') {
			const media = state.media.get(id);
			if (!media) return sendJson(res, 404, { error: { message: `No media ${id}` } });
			return sendRaw(res, 200, media.buffer, {
				'content-type': media.mime_type,
				'content-disposition': `attachment; filename="${String(media.fileName ?? media.id).replace(/["\\\r\n]/g, '_')}"`,
			});
		}
		if (what === 'qr' && id && method === 'GET') {
			// A QR code's image, standing for Meta's CDN (sandbox/qrCodes.js).
			const image = qrImage(state, id);
			if (!image) return sendJson(res, 404, { error: { message: `No QR code image ${id}` } });
			return sendRaw(res, 200, image.body, { 'content-type': image.contentType });
		}
		if (what === 'templates' && id && method === 'POST') {
			const template = state.templates.find((entry) => entry.data.id === id);
			if (!template) return sendJson(res, 404, { error: { message: `No template ${id}` } });
			const status = String(body?.status ?? '').toUpperCase();
			if (!['APPROVED', 'DISABLED', 'IN_APPEAL', 'PAUSED', 'PENDING', 'REJECTED'].includes(status)) {
				return sendJson(res, 400, { error: { message: 'status must be APPROVED, DISABLED, IN_APPEAL, PAUSED, PENDING or REJECTED' } });
			}
			template.data.status = status;
			return sendJson(res, 200, { template: template.data });
		}
		if (what === 'connections' && id && method === 'POST') {
			const connection = state.connections.get(id);
			if (!connection) return sendJson(res, 404, { error: { message: `No connection ${id}` } });
			const status = String(body?.status ?? '').toUpperCase();
			if (!CONNECTION_STATUSES.includes(status)) return sendJson(res, 400, { error: { message: 'status must be ACTIVE, PENDING or FAILED' } });
			connection.status = status;
			connection.last_updated_time = matonTime();
			return sendJson(res, 200, { connection });
		}
		if (what === 'discovery') {
			if (method === 'POST') {
				const access = String(body?.access ?? '');
				if (access !== 'granted' && access !== 'denied') return sendJson(res, 400, { error: { message: 'access must be granted or denied' } });
				state.discoveryAccess = access;
			}
			if (method === 'GET' || method === 'POST') return sendJson(res, 200, { access: state.discoveryAccess, businesses: state.businesses });
		}
		if (what === 'config') {
			if (method === 'POST') {
				if (body?.rateLimitPerSecond !== undefined) {
					const limit = Number(body.rateLimitPerSecond);
					if (!Number.isInteger(limit) || limit < 0) return sendJson(res, 400, { error: { message: 'rateLimitPerSecond must be an integer >= 0' } });
					state.config.rateLimitPerSecond = limit;
					state.rateWindows.clear();
				}
				if (body?.apiKeys !== undefined) {
					const keys = (Array.isArray(body.apiKeys) ? body.apiKeys : [body.apiKeys]).map(String).filter((key) => key !== '');
					if (keys.length === 0) return sendJson(res, 400, { error: { message: 'apiKeys must not be empty' } });
					state.config.apiKeys = keys;
				}
			}
			if (method === 'GET' || method === 'POST') return sendJson(res, 200, { rateLimitPerSecond: state.config.rateLimitPerSecond, apiKeys: state.config.apiKeys });
		}
		return sendJson(res, 404, { error: { message: `No sandbox endpoint ${method} /${segments.join('/')}` } });
	}

	// ----- the request handler ---------------------------------------------------------------

	/** null, or the 429 error when this key went over the limit in the last second. */
	function overRateLimit(key, api) {
		const limit = state.config.rateLimitPerSecond;
		if (!limit) return null;
		const now = performance.now();
		let window = state.rateWindows.get(key);
		if (!window) {
			window = [];
			state.rateWindows.set(key, window);
		}
		while (window.length > 0 && window[0] <= now - 1000) window.shift();
		if (window.length >= limit) {
			const headers = { 'retry-after': '1' };
			if (api === 'gateway') {
				return new GraphError(80007, '(#80007) There have been too many calls to this WhatsApp Business account. Wait a bit and try again.', {
					status: 429,
					details: `More than ${limit} requests in one second with this API key (Maton allows ${limit} per second)`,
					headers,
				});
			}
			return Object.assign(new MatonError(429, 'RATE_LIMITED', `Too many requests: at most ${limit} per second per API key`), { headers });
		}
		window.push(now);
		return null;
	}

	async function handleRequest(req, res) {
		const started = performance.now();
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const path = url.pathname;
		const method = String(req.method ?? 'GET').toUpperCase();
		const query = queryObject(url.searchParams);
		let segments;
		try {
			segments = path.split('/').filter((segment) => segment !== '').map(decodeURIComponent);
		} catch {
			segments = path.split('/').filter((segment) => segment !== '');
		}

		let raw;
		try {
			raw = await readBody(req);
		} catch (error) {
			if (error.tooLarge) sendJson(res, 413, new MatonError(413, 'PAYLOAD_TOO_LARGE', 'Request body too large').toBody(), { connection: 'close' });
			return;
		}
		const parsed = parseBody(req.headers['content-type'], raw);

		if (segments[0] === '__sandbox') return handleAdmin(method, segments, query, parsed, res);
		// Simulated latency: the request has arrived (the rate limit counts it below, at the same
		// moment for every request), the answer takes this long to come back.
		const answerLatency = latencyMs > 0 ? delay(latencyMs) : undefined;

		const api =
			segments[0] === MATON_APP ? 'gateway' : segments[0] === 'connections' ? 'control' : segments[0] === 'connect' ? 'connect' : 'other';
		/** @type {Record<string, unknown>} */
		const entry = {
			seq: ++state.requestCounter,
			time: new Date().toISOString(),
			api,
			method,
			path,
			query,
			headers: maskedHeaders(req.headers),
			body: loggedBody(parsed),
		};
		let version;
		let graphSegments = [];
		if (api === 'gateway') {
			const rest = segments.slice(1);
			if (rest.length > 0 && /^v\d+\.\d+$/.test(rest[0])) version = rest.shift();
			graphSegments = rest;
			entry.version = version;
			entry.graphPath = '/' + rest.join('/');
		}
		if (answerLatency) {
			// Hold every answer of this request (whatever path writes it) until the latency has passed.
			const end = res.end.bind(res);
			res.end = (...args) => {
				answerLatency.then((completed) => (completed ? end(...args) : req.socket.destroy()));
				return res;
			};
		}
		state.requests.push(entry);
		if (state.requests.length > MAX_LOGGED_REQUESTS) state.requests.splice(0, state.requests.length - MAX_LOGGED_REQUESTS);
		res.on('finish', () => {
			entry.status = res.statusCode;
			entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
			options.onRequest?.(entry);
		});
		res.on('close', () => {
			if (!res.writableFinished) {
				entry.status = null;
				entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
				options.onRequest?.(entry);
			}
		});

		const fail = (error) => {
			if (error instanceof GraphError || error instanceof MatonError) {
				return sendJson(res, error.status, error.toBody(), {
					...error.headers,
					...(error instanceof GraphError && version ? { 'facebook-api-version': version } : {}),
				});
			}
			return sendJson(res, 500, new MatonError(500, 'SANDBOX_ERROR', `Sandbox bug: ${error?.stack ?? error}`).toBody());
		};

		try {
			// Injected faults come first: they stand for whatever happens on the way.
			if (api === 'gateway' || api === 'control') {
				const index = state.faults.findIndex((fault) => faultMatches(fault, api, method, path));
				if (index !== -1) {
					const [fault] = state.faults.splice(index, 1);
					entry.fault = fault;
					if (fault.delayMs) {
						const completed = await delay(fault.delayMs);
						if (!completed) {
							req.socket.destroy();
							return;
						}
					}
					if (fault.reset) {
						req.socket.destroy();
						return;
					}
					if (fault.status !== undefined) {
						const answer = fault.body === undefined ? defaultFaultAnswer(fault.status, api) : { body: fault.body, headers: {} };
						const headers = { ...answer.headers, ...lowerCaseKeys(fault.headers) };
						if (typeof answer.body === 'string') {
							return sendRaw(res, fault.status, answer.body, { 'content-type': 'text/plain; charset=UTF-8', ...headers });
						}
						return sendJson(res, fault.status, answer.body, headers);
					}
				}
			}

			if (api === 'connect') {
				if (method !== 'GET' || segments.length !== 2) return sendRaw(res, 404, htmlPage('Not found', '<h1>Not found</h1>'), { 'content-type': 'text/html; charset=UTF-8' });
				const page = connectPage(segments[1], query);
				return sendRaw(res, page.status, page.html, { 'content-type': 'text/html; charset=UTF-8' });
			}
			if (api === 'other') {
				if (method === 'GET' && segments.length === 0) return sendJson(res, 200, info());
				throw new MatonError(404, 'NOT_FOUND', `Nothing at ${path}: the gateway is under /${MATON_APP}/{version}/…, the control API under /connections`);
			}

			const match = /^Bearer\s+(\S.*)$/i.exec(String(req.headers.authorization ?? ''));
			const key = match ? match[1].trim() : undefined;
			if (!key || !state.config.apiKeys.includes(key)) {
				throw Object.assign(
					new MatonError(401, 'INVALID_API_KEY', key ? 'Invalid API key' : 'Missing API key: send Authorization: Bearer <Maton API key>'),
					{ headers: { 'www-authenticate': 'Bearer' } },
				);
			}
			const limited = overRateLimit(key, api);
			if (limited) throw limited;

			if (api === 'control') {
				if (parsed.invalid === 'json') throw new MatonError(400, 'INVALID_REQUEST', 'The body is not valid JSON');
				const answer = handleControl(method, segments, query, parsed.body);
				return sendJson(res, answer.status, answer.body);
			}

			const connection = gatewayConnection(req.headers);
			entry.connectionId = connection.connection_id;
			if (parsed.invalid === 'json') throw new GraphError(100, '(#100) Invalid JSON in the request body');
			if (parsed.invalid === 'multipart') throw new GraphError(100, '(#100) Invalid multipart body');
			const webhookAnswer = await handleWebhookGraph(state, { method, segments: graphSegments, query, body: parsed.body });
			if (webhookAnswer) return sendJson(res, webhookAnswer.status, webhookAnswer.body, version ? { 'facebook-api-version': version } : {});
			const sentBefore = state.messages.length;
			const answer = handleGraph(state, {
				method,
				segments: graphSegments,
				query,
				body: parsed.body,
				multipart: parsed.multipart,
				version,
				baseUrl,
				connectionId: connection.connection_id,
			});
			sendJson(res, answer.status, answer.body, version ? { 'facebook-api-version': version } : {});
			// Meta follows each business message with sent, delivered and read statuses.
			if (state.messages.length > sentBefore) scheduleStatuses(state, state.messages[state.messages.length - 1], statusTimers);
			return undefined;
		} catch (error) {
			return fail(error);
		}
	}

	const server = http.createServer((req, res) => {
		handleRequest(req, res).catch((error) => {
			sendJson(res, 500, new MatonError(500, 'SANDBOX_ERROR', `Sandbox bug: ${error?.stack ?? error}`).toBody());
		});
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : Number(options.port);
	baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

	let closing;
	return {
		url: baseUrl,
		port,
		apiKey: apiKeys[0],
		ids: SEED_IDS,
		state,
		credentials: (overrides = {}) => ({
			apiKey: apiKeys[0],
			connectionId: '',
			businessAccountId: SEED_IDS.businessAccountId,
			graphApiVersion: DEFAULT_VERSION,
			gatewayBaseUrl: baseUrl,
			controlBaseUrl: baseUrl,
			...overrides,
		}),
		reset: () => {
			resetAll();
		},
		injectFaults: (faults) => {
			queueFaults(faults);
		},
		close: () => {
			closing ??= new Promise((resolve) => {
				for (const entry of delays) {
					clearTimeout(entry.timer);
					entry.resolve(false);
				}
				delays.clear();
				for (const timer of statusTimers) clearTimeout(timer);
				statusTimers.clear();
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};
}

module.exports = {
	startSandbox,
	SEED_IDS,
	MAGIC_RECIPIENTS,
	CATALOG_PRODUCTS,
	DEFAULT_API_KEY,
	DEFAULT_PORT,
	DEFAULT_RATE_LIMIT,
	DEFAULT_VERSION,
};
