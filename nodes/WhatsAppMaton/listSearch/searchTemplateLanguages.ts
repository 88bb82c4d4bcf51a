import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { checkSegment } from '../shared/checks/urlSegments';
import { businessAccountPage } from './matonContext';

/** The node's current value of a parameter, '' when unset or an expression the editor cannot resolve. */
function current(context: ILoadOptionsFunctions, name: string): string {
	try {
		const value = context.getCurrentNodeParameter(name, { extractValue: true });
		const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
		return text.startsWith('=') ? '' : text;
	} catch {
		return '';
	}
}

/**
 * Language Code › From List. Send Template: the translations of the picked template, with their
 * status. Template › Create: the languages the business account's templates already use (any
 * code can still be given By Code).
 */
export async function searchTemplateLanguages(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').toLowerCase();
	const keep = (code: string) => !needle || code.toLowerCase().includes(needle);
	if (current(this, 'operation') === 'sendTemplate') {
		const name = checkSegment('templateName', current(this, 'template'));
		// No template yet, or one given by expression: nothing to offer (By Code still works).
		if (!name.ok) return { results: [] };
		const { records } = await businessAccountPage(this, 'message_templates', {
			name: name.value,
			fields: 'name,language,status',
			limit: 100,
		});
		const translations = records.filter((template) => template.name === name.value);
		return {
			results: translations
				.map((template: IDataObject) => ({
					name: String(template.language ?? ''),
					value: String(template.language ?? ''),
					description: `${name.value} · ${String(template.status ?? 'UNKNOWN')}`,
				}))
				.filter((result) => result.value !== '' && keep(result.value))
				.sort((a, b) => a.value.localeCompare(b.value)),
		};
	}
	const { records } = await businessAccountPage(this, 'message_templates', { fields: 'language', limit: 100 });
	const languages = [...new Set(records.map((template) => String(template.language ?? '')).filter((code) => code !== ''))];
	return {
		results: languages
			.filter(keep)
			.sort()
			.map((code) => ({ name: code, value: code, description: 'Used by your templates' })),
	};
}
