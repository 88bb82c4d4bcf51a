'use strict';
/**
 * QR codes and short links of a phone number, as Graph answers them (docs/whatsapp-rules.md
 * § QR codes), hooked into graph.js before its two-segment rule:
 * - `POST /{phone}/message_qrdls` `{ prefilled_message, generate_qr_image? }` creates; with
 *   `code` it updates that code's message;
 * - `GET /{phone}/message_qrdls` lists (newest first, paged; `code=` filters,
 *   `generate_qr_image=` adds image URLs), `GET /{phone}/message_qrdls/{code}` reads one as
 *   `{ data: [ … ] }`;
 * - `DELETE /{phone}/message_qrdls/{code}` → `{ success: true }`.
 * The image URL points at the sandbox (`/__sandbox/qr/{code}.png|.svg`, served by qrImage), which
 * stands for Meta's CDN: http on 127.0.0.1, so the node downloads it only when a test allows that
 * origin (`extraQrImageOrigins` in resources/qrCode/create.ts).
 */
const crypto = require('node:crypto');

const { GraphError, invalidParameter, missingParameter, notOneOf } = require('./errors');

const EDGE = 'message_qrdls';
const MESSAGE_MAX = 140;
const PER_PHONE_MAX = 2000;
const FORMATS = ['PNG', 'SVG'];
const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The phone number's codes, newest first (created on first use; reset with the state). */
function codesOf(state, phoneId) {
	state.qrCodes ??= new Map();
	if (!state.qrCodes.has(phoneId)) state.qrCodes.set(phoneId, []);
	return state.qrCodes.get(phoneId);
}

/** 14 capital letters and digits, ending in 1, like Meta's (`4O4YGZEG3RIVE1`). */
function newCode(state) {
	const taken = new Set([...(state.qrCodes?.values() ?? [])].flat().map((entry) => entry.code));
	let code;
	do {
		code = Array.from({ length: 13 }, () => CODE_ALPHABET[crypto.randomInt(0, CODE_ALPHABET.length)]).join('') + '1';
	} while (taken.has(code));
	return code;
}

function checkMessage(value) {
	if (value === undefined || value === null) throw missingParameter('prefilled_message');
	if (typeof value !== 'string') throw invalidParameter('Param prefilled_message must be a string.');
	if ([...value].length > MESSAGE_MAX) {
		throw invalidParameter(`Param prefilled_message must be at most ${MESSAGE_MAX} characters long.`);
	}
}

function checkFormat(value) {
	if (value === undefined || value === '') return undefined;
	const format = String(value).toUpperCase();
	if (!FORMATS.includes(format)) throw notOneOf('generate_qr_image', FORMATS, value);
	return format;
}

const noSuchCode = (code) =>
	new GraphError(100, '(#100) Invalid parameter', { details: `No QR code with code ${code} on this phone number` });

function render(entry, request, format) {
	const out = { code: entry.code, prefilled_message: entry.prefilled_message, deep_link_url: `https://wa.me/message/${entry.code}` };
	if (format) out.qr_image_url = `${request.baseUrl}/__sandbox/qr/${entry.code}.${format.toLowerCase()}`;
	return out;
}

/**
 * The QR code routes of a phone number, or undefined when the request is not one of them.
 * @param {object} state
 * @param {{ method: string, segments: string[], query: object, body: unknown, baseUrl: string }} request
 * @param {object | undefined} phone the phone number of `segments[0]`, if there is one
 * @param {{ page: Function }} graph graph.js's paging
 */
function handleQrCodes(state, request, phone, graph) {
	const { method, segments } = request;
	if (!phone || segments[1] !== EDGE || segments.length > 3) return undefined;
	const codes = codesOf(state, phone.id);
	const code = segments[2];

	if (code !== undefined) {
		const index = codes.findIndex((entry) => entry.code === code);
		if (method === 'GET') {
			if (index === -1) throw noSuchCode(code);
			return { status: 200, body: { data: [render(codes[index], request, checkFormat(request.query.generate_qr_image))] } };
		}
		if (method === 'DELETE') {
			if (index === -1) throw noSuchCode(code);
			codes.splice(index, 1);
			return { status: 200, body: { success: true } };
		}
		return undefined;
	}

	if (method === 'GET') {
		const format = checkFormat(request.query.generate_qr_image);
		const wanted = request.query.code ? String(request.query.code) : undefined;
		const items = codes.filter((entry) => !wanted || entry.code === wanted).map((entry) => ({ id: entry.code, entry }));
		return { status: 200, body: graph.page(items, request, `${phone.id}/${EDGE}`, (item) => render(item.entry, request, format)) };
	}
	if (method !== 'POST') return undefined;
	const body = request.body;
	if (!isObject(body)) throw invalidParameter('The request body must be a JSON object.');
	checkMessage(body.prefilled_message);
	if (body.code !== undefined) {
		const entry = codes.find((candidate) => candidate.code === String(body.code));
		if (!entry) throw noSuchCode(String(body.code));
		entry.prefilled_message = body.prefilled_message;
		return { status: 200, body: render(entry, request) };
	}
	const format = checkFormat(body.generate_qr_image);
	if (codes.length >= PER_PHONE_MAX) {
		throw invalidParameter(`A phone number can have at most ${PER_PHONE_MAX} QR codes and short links; delete some first.`);
	}
	const entry = { code: newCode(state), prefilled_message: body.prefilled_message };
	codes.unshift(entry);
	return { status: 200, body: render(entry, request, format) };
}

/** A 1×1 PNG: enough to stand for the QR code's bitmap. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64',
);

/**
 * `GET /__sandbox/qr/{code}.png|.svg`: the QR code's image (no key needed, as on Meta's CDN), or
 * undefined for an unknown code or extension.
 */
function qrImage(state, file) {
	const match = /^([A-Za-z0-9]+)\.(png|svg)$/.exec(String(file ?? ''));
	if (!match) return undefined;
	const [, code, extension] = match;
	const known = [...(state.qrCodes?.values() ?? [])].flat().some((entry) => entry.code === code);
	if (!known) return undefined;
	if (extension === 'png') return { contentType: 'image/png', body: PNG };
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21"><title>wa.me/message/${code}</title><rect width="7" height="7"/></svg>`;
	return { contentType: 'image/svg+xml', body: Buffer.from(svg) };
}

module.exports = { handleQrCodes, qrImage, QR_MESSAGE_MAX: MESSAGE_MAX, QR_CODES_PER_PHONE_MAX: PER_PHONE_MAX };
