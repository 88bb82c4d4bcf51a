import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { inputError } from './errors';

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
