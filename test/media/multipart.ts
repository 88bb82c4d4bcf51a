/**
 * What the tests of file uploads share (Media › Upload, and media messages sent from a binary
 * input): input items holding a file, and the multipart/form-data body a request sent, parsed.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import type { RecordedRequest } from '../fixture';

/** One input item whose binary property `property` holds `bytes`. */
export function itemWithFile(
	bytes: Buffer,
	file: { mimeType: string; fileName?: string },
	property = 'data',
): INodeExecutionData[] {
	return [{ json: {}, binary: { [property]: { data: bytes.toString('base64'), ...file } } }];
}

interface Part {
	headers: Record<string, string>;
	name?: string;
	filename?: string;
	content: string;
}

/** The parts of a multipart/form-data request, as the server receives them. */
function multipartParts(request: RecordedRequest): Part[] {
	const contentType = String(request.headers['content-type']);
	expect(contentType).toMatch(/^multipart\/form-data; *boundary=/);
	const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/.exec(contentType);
	const delimiter = `--${boundary?.[1] ?? boundary?.[2]}`;
	const body = String(request.body);
	const sections = body.split(delimiter);
	// Before the first delimiter: nothing; after the last one: `--` and the final line break.
	expect(sections[0]).toBe('');
	expect(sections[sections.length - 1]).toMatch(/^--\r?\n?$/);
	return sections.slice(1, -1).map((section) => {
		expect(section.startsWith('\r\n')).toBe(true);
		expect(section.endsWith('\r\n')).toBe(true);
		const inner = section.slice(2, -2);
		const split = inner.indexOf('\r\n\r\n');
		const headers: Record<string, string> = {};
		for (const line of inner.slice(0, split).split('\r\n')) {
			const colon = line.indexOf(':');
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		const disposition = headers['content-disposition'] ?? '';
		return {
			headers,
			name: /;\s*name="([^"]*)"/.exec(disposition)?.[1],
			filename: /;\s*filename="([^"]*)"/.exec(disposition)?.[1],
			content: inner.slice(split + 4),
		};
	});
}

/** The parts by name: plain fields as their text, the file with its name, type and bytes. */
export function formOf(request: RecordedRequest): Record<string, unknown> {
	const parts = multipartParts(request);
	const form: Record<string, unknown> = {};
	for (const part of parts) {
		expect(part.name).toBeDefined();
		expect(form).not.toHaveProperty(part.name as string);
		form[part.name as string] =
			part.filename === undefined
				? part.content
				: { filename: part.filename, contentType: part.headers['content-type'], content: part.content };
	}
	return form;
}
