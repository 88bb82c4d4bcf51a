import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import {
	COUPON_CODE_MAX,
	TEMPLATE_BUTTON_TEXT_MAX,
	TEMPLATE_BUTTONS_MAX,
	TEMPLATE_BUTTONS_OF_KIND_MAX,
} from '../../../shared/limits';
import { checkLength } from '../../../shared/checks/text';

/** One button of Template › Create as the editor's fixed collection holds it. */
export interface TemplateButtonFields {
	type?: 'copy_code' | 'phone_number' | 'quick_reply' | 'url';
	text?: string;
	url?: string;
	urlExample?: string;
	phoneNumber?: string;
	example?: string;
}

/** Meta's limits on a template's buttons, by kind (10 in all). */
const MAX_BUTTONS = TEMPLATE_BUTTONS_MAX;
const MAX_OF_KIND = TEMPLATE_BUTTONS_OF_KIND_MAX;
const HAS_PLACEHOLDER = /\{\{\s*1\s*\}\}/;

/** The BUTTONS component of a new template, checked the way Meta's review would refuse it. */
export function templateButtonsComponent(
	context: IExecuteSingleFunctions,
	buttons: TemplateButtonFields[],
): IDataObject | undefined {
	if (buttons.length === 0) return undefined;
	if (buttons.length > MAX_BUTTONS) {
		throw inputError(context, `Buttons has ${buttons.length} buttons; a template takes at most ${MAX_BUTTONS}`);
	}
	const counts: Record<string, number> = {};
	const built = buttons.map((button, position) => {
		const label = `Button ${position + 1}`;
		const type = button.type ?? 'quick_reply';
		counts[type] = (counts[type] ?? 0) + 1;
		if (counts[type] > MAX_OF_KIND[type]) {
			throw inputError(context, `${label}: a template takes at most ${MAX_OF_KIND[type]} ${type.replace('_', ' ')} button${MAX_OF_KIND[type] > 1 ? 's' : ''}`);
		}
		if (type === 'copy_code') {
			const example = (button.example ?? '').trim();
			checkLength(context, `${label} example code`, example, { min: 1, max: COUPON_CODE_MAX });
			return { type: 'COPY_CODE', example };
		}
		const text = (button.text ?? '').trim();
		checkLength(context, `${label} text`, text, { min: 1, max: TEMPLATE_BUTTON_TEXT_MAX });
		if (type === 'quick_reply') return { type: 'QUICK_REPLY', text };
		if (type === 'phone_number') {
			const phone = (button.phoneNumber ?? '').trim();
			if (!/^\+?[0-9][0-9\s\-().]{5,19}$/.test(phone)) {
				throw inputError(context, `${label} phone number "${phone}" is not a phone number with country code`);
			}
			return { type: 'PHONE_NUMBER', text, phone_number: phone };
		}
		const url = (button.url ?? '').trim();
		if (!/^https?:\/\/\S+$/i.test(url)) {
			throw inputError(context, `${label} URL "${url}" must start with http:// or https://`);
		}
		if (!HAS_PLACEHOLDER.test(url)) return { type: 'URL', text, url };
		if (!/\{\{\s*1\s*\}\}$/.test(url)) {
			throw inputError(context, `${label} URL may have one placeholder, {{1}}, and only at its end`);
		}
		const example = (button.urlExample ?? '').trim();
		if (!/^https?:\/\/\S+$/i.test(example)) {
			throw inputError(
				context,
				`${label} URL has {{1}} but no full example URL`,
				'Meta reviews dynamic URL buttons with an example, such as https://example.com/track/1234.',
			);
		}
		return { type: 'URL', text, url, example: [example] };
	});
	return { type: 'BUTTONS', buttons: built };
}
