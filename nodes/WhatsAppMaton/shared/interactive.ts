import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from './errors';
import { readJsonArrayParameter, type SpecifyMode } from './json';
import { checkLength } from './text';

interface ButtonInput {
	id?: unknown;
	title?: unknown;
	reply?: IDataObject;
}

interface RowInput {
	id?: unknown;
	title?: unknown;
	description?: unknown;
}

interface SectionInput {
	title?: unknown;
	rows?: RowInput[] | { row?: RowInput[] };
}

export const asText = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** The body (1..`bodyMax`), header and footer (≤ 60) texts that routing put in `interactive`. */
export function checkInteractiveTexts(
	context: IExecuteSingleFunctions,
	interactive: IDataObject,
	bodyMax: number,
): void {
	const body = asText((interactive.body as IDataObject | undefined)?.text);
	if (body.trim() === '') throw inputError(context, 'Body Text is empty; WhatsApp requires it');
	checkLength(context, 'Body Text', body, { min: 1, max: bodyMax });
	const header = interactive.header as IDataObject | undefined;
	if (header?.type === 'text') checkLength(context, 'Header Text', asText(header.text), { max: 60 });
	const footer = interactive.footer as IDataObject | undefined;
	if (footer) checkLength(context, 'Footer Text', asText(footer.text), { max: 60 });
}

/** A repeated id or title makes WhatsApp refuse the message; name the first repeat. */
function checkUnique(context: IExecuteSingleFunctions, label: string, values: string[]): void {
	const seen = new Set<string>();
	for (const value of values) {
		if (seen.has(value)) throw inputError(context, `${label} "${value}" is used twice; each must be unique`);
		seen.add(value);
	}
}

/** The reply buttons, from the editor's fixed collection or from JSON. */
export function readReplyButtons(context: IExecuteSingleFunctions): Array<{ id: string; title: string }> {
	const mode = context.getNodeParameter('specifyButtons', 'fields') as SpecifyMode;
	const entries: ButtonInput[] =
		mode === 'json'
			? readJsonArrayParameter(context, 'buttonsJson', 'Buttons (JSON)')
			: ((context.getNodeParameter('buttons.button', []) as ButtonInput[]) ?? []);
	// JSON may be written in Graph's own shape, `{ type: 'reply', reply: { id, title } }`.
	return entries.map((entry) => {
		const source = entry.reply ?? entry;
		return { id: asText(source.id).trim(), title: asText(source.title).trim() };
	});
}

/** preSend for Send Reply Buttons: builds `interactive.action.buttons` and checks every limit. */
export async function buildReplyButtonsAction(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const interactive = (requestOptions.body as IDataObject).interactive as IDataObject;
	checkInteractiveTexts(this, interactive, 1024);
	const buttons = readReplyButtons(this);
	if (buttons.length < 1 || buttons.length > 3) {
		throw inputError(this, `Buttons has ${buttons.length} buttons; WhatsApp allows 1 to 3`);
	}
	buttons.forEach((button, index) => {
		checkLength(this, `Button ${index + 1} ID`, button.id, { min: 1, max: 256 });
		checkLength(this, `Button ${index + 1} title`, button.title, { min: 1, max: 20 });
	});
	checkUnique(this, 'Button ID', buttons.map((button) => button.id));
	checkUnique(this, 'Button title', buttons.map((button) => button.title));
	interactive.action = {
		buttons: buttons.map((reply) => ({ type: 'reply', reply })),
	};
	return requestOptions;
}

/** The list sections, from the editor's nested fixed collections or from JSON. */
export function readListSections(
	context: IExecuteSingleFunctions,
): Array<{ title: string; rows: Array<{ id: string; title: string; description: string }> }> {
	const mode = context.getNodeParameter('specifySections', 'fields') as SpecifyMode;
	const entries: SectionInput[] =
		mode === 'json'
			? (readJsonArrayParameter(context, 'sectionsJson', 'Sections (JSON)') as SectionInput[])
			: ((context.getNodeParameter('sections.section', []) as SectionInput[]) ?? []);
	return entries.map((section) => {
		const rows = Array.isArray(section.rows) ? section.rows : (section.rows?.row ?? []);
		return {
			title: asText(section.title).trim(),
			rows: rows.map((row) => ({
				id: asText(row.id).trim(),
				title: asText(row.title).trim(),
				description: asText(row.description).trim(),
			})),
		};
	});
}

/** preSend for Send List: builds `interactive.action.sections` and checks every limit. */
export async function buildListAction(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const interactive = (requestOptions.body as IDataObject).interactive as IDataObject;
	checkInteractiveTexts(this, interactive, 4096);
	const button = asText((interactive.action as IDataObject | undefined)?.button).trim();
	checkLength(this, 'List Button Text', button, { min: 1, max: 20 });
	const sections = readListSections(this);
	if (sections.length < 1 || sections.length > 10) {
		throw inputError(this, `Sections has ${sections.length} sections; WhatsApp allows 1 to 10`);
	}
	const rowCount = sections.reduce((total, section) => total + section.rows.length, 0);
	if (rowCount > 10) throw inputError(this, `Sections have ${rowCount} rows in all; WhatsApp allows 10`);
	sections.forEach((section, sectionIndex) => {
		const where = `Section ${sectionIndex + 1}`;
		if (sections.length > 1) checkLength(this, `${where} title`, section.title, { min: 1, max: 24 });
		else checkLength(this, `${where} title`, section.title, { max: 24 });
		if (section.rows.length === 0) throw inputError(this, `${where} has no rows; add at least one`);
		section.rows.forEach((row, rowIndex) => {
			checkLength(this, `${where} row ${rowIndex + 1} ID`, row.id, { min: 1, max: 200 });
			checkLength(this, `${where} row ${rowIndex + 1} title`, row.title, { min: 1, max: 24 });
			checkLength(this, `${where} row ${rowIndex + 1} description`, row.description, { max: 72 });
		});
	});
	checkUnique(
		this,
		'Row ID',
		sections.flatMap((section) => section.rows.map((row) => row.id)),
	);
	interactive.action = {
		button,
		sections: sections.map((section) => ({
			...(section.title ? { title: section.title } : {}),
			rows: section.rows.map((row) => ({
				id: row.id,
				title: row.title,
				...(row.description ? { description: row.description } : {}),
			})),
		})),
	};
	return requestOptions;
}
