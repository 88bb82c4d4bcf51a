import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { inputError } from '../errors';

/** A parameter's value as text: undefined and null are empty, anything else `String(value)`. */
export const asText = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** Length as WhatsApp counts it: in characters (code points), so an emoji is one. */
export function characterCount(text: string): number {
	return [...text].length;
}

/** Throws when `text` is longer than `max` characters (or empty while `min` is 1). */
export function checkLength(
	context: IExecuteSingleFunctions,
	label: string,
	text: string,
	{ min = 0, max }: { min?: number; max: number },
): void {
	const length = characterCount(text);
	if (length < min) throw inputError(context, `${label} is empty; WhatsApp requires it`);
	if (length > max) {
		throw inputError(context, `${label} is ${length} characters; WhatsApp allows ${max}`);
	}
}
