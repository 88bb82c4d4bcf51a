'use strict';
/** A small multipart/form-data parser (RFC 7578) on Node built-ins, enough for media uploads. */

/** The boundary of a `multipart/form-data; boundary=…` content type, or undefined. */
function boundaryOf(contentType) {
	if (!/^multipart\/form-data\b/i.test(contentType ?? '')) return undefined;
	const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return match ? match[1] ?? match[2] : undefined;
}

/** `name="x"; filename="y"` of a Content-Disposition header (filename* in UTF-8 wins). */
function dispositionParameters(header) {
	/** @type {Record<string, string>} */
	const parameters = {};
	const pattern = /;\s*([A-Za-z0-9_*-]+)=(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
	let match;
	while ((match = pattern.exec(header)) !== null) {
		const key = match[1].toLowerCase();
		const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3].trim();
		if (key === 'filename*') {
			const encoded = /^[^']*'[^']*'(.*)$/.exec(value);
			try {
				parameters.filename = decodeURIComponent(encoded ? encoded[1] : value);
			} catch {
				parameters.filename = value;
			}
		} else if (!(key === 'filename' && parameters.filename !== undefined)) {
			parameters[key] = value;
		}
	}
	return parameters;
}

/**
 * Splits a multipart body into its parts.
 * @param {Buffer} body
 * @param {string} boundary
 * @returns {{ fields: Record<string, string>, files: Array<{ field: string, filename: string, contentType: string, data: Buffer }> } | undefined}
 *   undefined when the body is not well-formed multipart
 */
function parseMultipart(body, boundary) {
	const delimiter = Buffer.from(`--${boundary}`);
	/** @type {Record<string, string>} */
	const fields = {};
	const files = [];
	let position = body.indexOf(delimiter);
	if (position === -1) return undefined;
	for (;;) {
		position += delimiter.length;
		// `--` after a delimiter closes the body.
		if (body[position] === 0x2d && body[position + 1] === 0x2d) break;
		// Skip the CRLF (or LF) after the delimiter.
		if (body[position] === 0x0d) position++;
		if (body[position] === 0x0a) position++;
		const next = body.indexOf(delimiter, position);
		if (next === -1) return undefined;
		// The part ends with the CRLF before the next delimiter.
		let end = next;
		if (body[end - 1] === 0x0a) end--;
		if (body[end - 1] === 0x0d) end--;
		const part = body.subarray(position, end);
		let headerEnd = part.indexOf('\r\n\r\n');
		let separator = 4;
		if (headerEnd === -1) {
			headerEnd = part.indexOf('\n\n');
			separator = 2;
		}
		if (headerEnd === -1) return undefined;
		/** @type {Record<string, string>} */
		const headers = {};
		for (const line of part.subarray(0, headerEnd).toString('utf8').split(/\r?\n/)) {
			const colon = line.indexOf(':');
			if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		const data = part.subarray(headerEnd + separator);
		const disposition = dispositionParameters(headers['content-disposition'] ?? '');
		if (disposition.name !== undefined) {
			if (disposition.filename !== undefined) {
				files.push({
					field: disposition.name,
					filename: disposition.filename,
					contentType: headers['content-type'] ?? 'application/octet-stream',
					data: Buffer.from(data),
				});
			} else {
				fields[disposition.name] = data.toString('utf8');
			}
		}
		position = next;
	}
	return { fields, files };
}

module.exports = { boundaryOf, parseMultipart };
