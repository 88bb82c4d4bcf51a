import type { IDataObject } from 'n8n-workflow';

/**
 * Response Type › Custom Form: the fields (n8n's Form names: fieldLabel, fieldType, placeholder,
 * fieldOptions, requiredField, a subset of its element types), the page that shows them, and the
 * answers read back from the posted form, keyed by field label as n8n's send-and-wait forms are.
 */

export const FORM_FIELD_TYPES = ['date', 'dropdown', 'email', 'number', 'text', 'textarea'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export interface FormField {
	fieldLabel?: string;
	fieldType?: string;
	placeholder?: string;
	fieldOptions?: { values?: Array<{ option?: string }> };
	requiredField?: boolean;
}

export const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const optionsOf = (field: FormField) => (field.fieldOptions?.values ?? []).map((entry) => String(entry.option ?? '').trim());

/** Why the fields cannot make a form (`Form Fields › Field 2 …`), or undefined. */
export function formFieldsProblem(fields: FormField[]): string | undefined {
	if (fields.length === 0) return 'Form Fields has no field; add at least one';
	const labels = new Set<string>();
	for (const [index, field] of fields.entries()) {
		const where = `Form Fields › Field ${index + 1}`;
		const label = String(field.fieldLabel ?? '').trim();
		if (label === '') return `${where} has no Field Label`;
		if (labels.has(label)) return `${where}: the label "${label}" is used twice (the answers are keyed by label)`;
		labels.add(label);
		const type = field.fieldType ?? 'text';
		if (!(FORM_FIELD_TYPES as readonly string[]).includes(type)) {
			return `${where}: Element Type must be one of ${FORM_FIELD_TYPES.join(', ')}, not "${type}"`;
		}
		if (type === 'dropdown') {
			const options = optionsOf(field);
			if (options.length === 0 || options.some((option) => option === '')) return `${where}: a dropdown list needs its options, none of them empty`;
		}
	}
	return undefined;
}

function input(field: FormField, index: number): string {
	const name = `field-${index}`;
	const required = field.requiredField === true ? ' required' : '';
	const placeholder = field.placeholder ? ` placeholder="${escapeHtml(field.placeholder)}"` : '';
	const label = `<label for="${name}">${escapeHtml(String(field.fieldLabel ?? ''))}${required ? ' *' : ''}</label>`;
	switch (field.fieldType ?? 'text') {
		case 'textarea':
			return `${label}<textarea id="${name}" name="${name}"${placeholder}${required}></textarea>`;
		case 'dropdown':
			return `${label}<select id="${name}" name="${name}"${required}><option value=""></option>${optionsOf(field)
				.map((option) => `<option>${escapeHtml(option)}</option>`)
				.join('')}</select>`;
		default:
			return `${label}<input id="${name}" name="${name}" type="${field.fieldType ?? 'text'}"${placeholder}${required}>`;
	}
}

/** The form's inner HTML (the page around it is the webhook's). */
export function formHtml(fields: FormField[]): string {
	return `${fields.map((field, index) => `<p>${input(field, index)}</p>`).join('')}<button type="submit">Send</button>`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The answers of a posted form by label, or why they are refused. */
export function formAnswers(fields: FormField[], body: IDataObject): { ok: true; data: IDataObject } | { ok: false; reason: string } {
	const data: IDataObject = {};
	for (const [index, field] of fields.entries()) {
		const label = String(field.fieldLabel ?? '').trim();
		const raw = body[`field-${index}`];
		const value = typeof raw === 'string' ? raw.trim() : '';
		if (value === '') {
			if (field.requiredField === true) return { ok: false, reason: `${label} is required` };
			data[label] = null;
			continue;
		}
		const type = field.fieldType ?? 'text';
		if (type === 'number') {
			const number = Number(value);
			if (!Number.isFinite(number)) return { ok: false, reason: `${label} must be a number` };
			data[label] = number;
			continue;
		}
		if (type === 'email' && !EMAIL.test(value)) return { ok: false, reason: `${label} must be an email address` };
		if (type === 'date' && !DATE.test(value)) return { ok: false, reason: `${label} must be a date (YYYY-MM-DD)` };
		if (type === 'dropdown' && !optionsOf(field).includes(value)) return { ok: false, reason: `${label} must be one of its options` };
		data[label] = value;
	}
	return { ok: true, data };
}
