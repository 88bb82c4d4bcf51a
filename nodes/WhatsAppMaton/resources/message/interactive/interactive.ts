import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { applyInteractiveHeaderMedia } from './header';
import { readJsonArrayParameter, type SpecifyMode } from '../../../shared/checks/json';
import {
	INTERACTIVE_BODY_MAX,
	INTERACTIVE_FOOTER_TEXT_MAX,
	INTERACTIVE_HEADER_TEXT_MAX,
	LIST_BODY_MAX,
	LIST_BUTTON_TEXT_MAX,
	LIST_ROW_DESCRIPTION_MAX,
	LIST_ROW_ID_MAX,
	LIST_ROW_TITLE_MAX,
	LIST_ROWS_MAX,
	LIST_SECTION_TITLE_MAX,
	LIST_SECTIONS_MAX,
	REPLY_BUTTON_ID_MAX,
	REPLY_BUTTON_TITLE_MAX,
	REPLY_BUTTONS_MAX,
} from '../../../shared/limits';
import { asText, checkLength } from '../../../shared/checks/text';

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
	if (header?.type === 'text') {
		checkLength(context, 'Header Text', asText(header.text), { max: INTERACTIVE_HEADER_TEXT_MAX });
	}
	const footer = interactive.footer as IDataObject | undefined;
	if (footer) {
		checkLength(context, 'Footer Text', asText(footer.text), { max: INTERACTIVE_FOOTER_TEXT_MAX });
	}
}

/**
 * An ID that WhatsApp sends back unchanged in the reply webhook (a reply button's or a list row's):
 * it is sent exactly as given, so one with leading or trailing spaces is refused rather than
 * trimmed, which would make the reply carry an ID the workflow does not expect.
 */
export function checkEchoedId(context: IExecuteSingleFunctions, label: string, id: string, max: number): void {
	if (id.trim() === '') throw inputError(context, `${label} is empty; WhatsApp requires it`);
	if (id !== id.trim()) {
		throw inputError(
			context,
			`${label} ${JSON.stringify(id)} has leading or trailing spaces; WhatsApp returns the ID unchanged in the reply, so the node does not trim it`,
			'Remove the spaces from the ID, or trim the value in its expression.',
		);
	}
	checkLength(context, label, id, { min: 1, max });
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
		// The ID is kept as given (see checkEchoedId); the title is only shown, so it is trimmed.
		return { id: asText(source.id), title: asText(source.title).trim() };
	});
}

/** preSend for Send Reply Buttons: builds `interactive.action.buttons` and checks every limit. */
export async function buildReplyButtonsAction(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const interactive = (requestOptions.body as IDataObject).interactive as IDataObject;
	checkInteractiveTexts(this, interactive, INTERACTIVE_BODY_MAX);
	const buttons = readReplyButtons(this);
	if (buttons.length < 1 || buttons.length > REPLY_BUTTONS_MAX) {
		throw inputError(
			this,
			`Buttons has ${buttons.length} buttons; WhatsApp allows 1 to ${REPLY_BUTTONS_MAX}`,
		);
	}
	buttons.forEach((button, index) => {
		checkEchoedId(this, `Button ${index + 1} ID`, button.id, REPLY_BUTTON_ID_MAX);
		checkLength(this, `Button ${index + 1} title`, button.title, {
			min: 1,
			max: REPLY_BUTTON_TITLE_MAX,
		});
	});
	checkUnique(this, 'Button ID', buttons.map((button) => button.id));
	checkUnique(this, 'Button title', buttons.map((button) => button.title));
	interactive.action = {
		buttons: buttons.map((reply) => ({ type: 'reply', reply })),
	};
	// Last: a header file is uploaded only once everything else has passed.
	await applyInteractiveHeaderMedia(this, requestOptions);
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
				// Kept as given, like a button ID (see checkEchoedId).
				id: asText(row.id),
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
	checkInteractiveTexts(this, interactive, LIST_BODY_MAX);
	const button = asText((interactive.action as IDataObject | undefined)?.button).trim();
	checkLength(this, 'List Button Text', button, { min: 1, max: LIST_BUTTON_TEXT_MAX });
	const sections = readListSections(this);
	if (sections.length < 1 || sections.length > LIST_SECTIONS_MAX) {
		throw inputError(
			this,
			`Sections has ${sections.length} sections; WhatsApp allows 1 to ${LIST_SECTIONS_MAX}`,
		);
	}
	const rowCount = sections.reduce((total, section) => total + section.rows.length, 0);
	if (rowCount > LIST_ROWS_MAX) {
		throw inputError(this, `Sections have ${rowCount} rows in all; WhatsApp allows ${LIST_ROWS_MAX}`);
	}
	sections.forEach((section, sectionIndex) => {
		const where = `Section ${sectionIndex + 1}`;
		const titleMin = sections.length > 1 ? 1 : 0;
		checkLength(this, `${where} title`, section.title, { min: titleMin, max: LIST_SECTION_TITLE_MAX });
		if (section.rows.length === 0) throw inputError(this, `${where} has no rows; add at least one`);
		section.rows.forEach((row, rowIndex) => {
			const label = `${where} row ${rowIndex + 1}`;
			checkEchoedId(this, `${label} ID`, row.id, LIST_ROW_ID_MAX);
			checkLength(this, `${label} title`, row.title, { min: 1, max: LIST_ROW_TITLE_MAX });
			checkLength(this, `${label} description`, row.description, { max: LIST_ROW_DESCRIPTION_MAX });
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
