'use strict';
/**
 * Error bodies of the two APIs the sandbox stands in for:
 * - Graph (everything under the gateway): `{ error: { message, type, code, error_subcode?,
 *   error_user_title?, error_user_msg?, error_data: { messaging_product, details }, fbtrace_id } }`;
 * - Maton itself (key, connection, control API): its own shape is not documented, so the sandbox
 *   answers `{ error: { status, code, message } }` — a guess: clients must only rely on `message`.
 */
const crypto = require('node:crypto');

/** A trace id shaped like Graph's (27 URL-safe characters). */
function fbtraceId() {
	return 'A' + crypto.randomBytes(20).toString('base64url').slice(0, 26);
}

/** A Graph API error, thrown by handlers and turned into Graph's JSON body by the server. */
class GraphError extends Error {
	/**
	 * @param {number} code Graph error code (100, 131009, 132000, …)
	 * @param {string} message the full `error.message`, e.g. "(#100) Invalid parameter"
	 * @param {object} [options]
	 * @param {string} [options.details] `error.error_data.details`
	 * @param {number} [options.subcode] `error.error_subcode`
	 * @param {number} [options.status] HTTP status (400)
	 * @param {string} [options.type] `error.type` ("OAuthException")
	 * @param {string} [options.userTitle] `error.error_user_title`
	 * @param {string} [options.userMsg] `error.error_user_msg`
	 * @param {Record<string,string>} [options.headers] extra response headers
	 */
	constructor(code, message, options = {}) {
		super(message);
		this.name = 'GraphError';
		this.code = code;
		this.status = options.status ?? 400;
		this.details = options.details ?? message.replace(/^\(#\d+\)\s*/, '');
		this.subcode = options.subcode;
		this.type = options.type ?? 'OAuthException';
		this.userTitle = options.userTitle;
		this.userMsg = options.userMsg;
		this.headers = options.headers ?? {};
	}

	toBody() {
		/** @type {Record<string, unknown>} */
		const error = { message: this.message, type: this.type, code: this.code };
		if (this.subcode !== undefined) error.error_subcode = this.subcode;
		if (this.userTitle !== undefined) error.error_user_title = this.userTitle;
		if (this.userMsg !== undefined) error.error_user_msg = this.userMsg;
		error.error_data = { messaging_product: 'whatsapp', details: this.details };
		error.fbtrace_id = fbtraceId();
		return { error };
	}
}

/** A Maton error (bad key, no connection, unknown connection…), not Graph's. */
class MatonError extends Error {
	/**
	 * @param {number} status HTTP status
	 * @param {string} code short machine name, e.g. "INVALID_API_KEY"
	 * @param {string} message
	 */
	constructor(status, code, message) {
		super(message);
		this.name = 'MatonError';
		this.status = status;
		this.code = code;
		this.headers = {};
	}

	toBody() {
		return { error: { status: this.status, code: this.code, message: this.message } };
	}
}

/** `(#100) The parameter x is required.` */
const missingParameter = (parameter) =>
	new GraphError(100, `(#100) The parameter ${parameter} is required.`);

/** `(#100) Invalid parameter` with what is wrong in the details. */
const invalidParameter = (details, extra = {}) =>
	new GraphError(100, '(#100) Invalid parameter', { details, ...extra });

/** `(#100) Param x must be one of {A, B} - got "y".` */
const notOneOf = (parameter, allowed, got) =>
	new GraphError(
		100,
		`(#100) Param ${parameter} must be one of {${allowed.map((value) => value.toUpperCase()).join(', ')}} - got "${String(got)}".`,
	);

/** `(#131009) Parameter value is not valid` with the reason in the details. */
const invalidValue = (details) => new GraphError(131009, '(#131009) Parameter value is not valid', { details });

/** `(#131008) Required parameter is missing`. */
const requiredMissing = (details) => new GraphError(131008, '(#131008) Required parameter is missing', { details });

/** Graph's answer for an object id it does not know (code 100, subcode 33). */
const unknownObject = (method, id) =>
	new GraphError(
		100,
		`Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
		{ subcode: 33, details: `Object with ID '${id}' does not exist` },
	);

/** Graph's answer for a path it does not serve. */
const unknownPath = (path) =>
	new GraphError(2500, `Unknown path components: ${path}`, { details: `Unknown path components: ${path}` });

/** `(#100) Tried accessing nonexisting field (x) on node type (Y)`. */
const unknownField = (field, nodeType) =>
	new GraphError(100, `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`);

module.exports = {
	GraphError,
	MatonError,
	fbtraceId,
	missingParameter,
	invalidParameter,
	notOneOf,
	invalidValue,
	requiredMissing,
	unknownObject,
	unknownPath,
	unknownField,
};
