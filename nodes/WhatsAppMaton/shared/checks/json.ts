import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { inputError } from '../errors';

/**
 * Reads a JSON field that must hold an array of objects. Accepts text or, from an expression,
 * the array itself, so `{{ $json.buttons }}` works as well as pasted JSON.
 */
export function readJsonArrayParameter(
	context: IExecuteSingleFunctions,
	parameterName: string,
	label: string,
): IDataObject[] {
	const raw = context.getNodeParameter(parameterName, '[]') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		try {
			value = jsonParse(raw.trim() === '' ? '[]' : raw);
		} catch {
			throw inputError(context, `${label} is not valid JSON`, 'Check quotes, commas and brackets.');
		}
	}
	if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'object' || entry === null)) {
		throw inputError(context, `${label} must be a JSON array of objects`);
	}
	return value as IDataObject[];
}

/** The `specify…` selector shared by fields that can be filled in the editor or as JSON. */
export type SpecifyMode = 'fields' | 'json';

export function specifyModeOptions(what: string) {
	return [
		{ name: 'Using Fields Below', value: 'fields', description: `Fill in the ${what} one by one` },
		{
			name: 'Using JSON',
			value: 'json',
			description: `Give the ${what} as a JSON array, for example from an expression`,
		},
	];
}
