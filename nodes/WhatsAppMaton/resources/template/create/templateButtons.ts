import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import {
	COUPON_CODE_MAX,
	TEMPLATE_BUTTON_TEXT_MAX,
	TEMPLATE_BUTTONS_MAX,
	TEMPLATE_BUTTONS_OF_KIND_MAX,
} from '../../../shared/limits';
import { checkLength } from '../../../shared/checks/text';
import { checkScreenId, flowReference, type FlowIdentifyBy } from '../../../shared/checks/flow';

/** One button of Template › Create as the editor's fixed collection holds it. */
export interface TemplateButtonFields {
	type?: 'copy_code' | 'flow' | 'phone_number' | 'quick_reply' | 'url';
	text?: string;
	/** A FLOW button: the flow by ID or by name, what it does, and the screen it opens on. */
	flowGivenBy?: FlowIdentifyBy;
	flowId?: string;
	flowName?: string;
	flowAction?: string;
	navigateScreen?: string;
	url?: string;
	urlExample?: string;
	phoneNumber?: string;
	example?: string;
}

/** Meta's limits on a template's buttons, by kind (10 in all). */
const MAX_BUTTONS = TEMPLATE_BUTTONS_MAX;
const MAX_OF_KIND = TEMPLATE_BUTTONS_OF_KIND_MAX;
const HAS_PLACEHOLDER = /\{\{\s*1\s*\}\}/;

const FLOW_ACTIONS = ['navigate', 'data_exchange'];

/**
 * A FLOW button: `{ type: 'FLOW', text, flow_id | flow_name, flow_action, navigate_screen? }`, the
 * screen only (and then required) for navigate (docs/whatsapp-rules.md § Template management).
 */
function flowButton(
	context: IExecuteSingleFunctions,
	label: string,
	text: string,
	button: TemplateButtonFields,
): IDataObject {
	const by = button.flowGivenBy ?? 'id';
	const reference = flowReference(context, `${label} flow`, by, by === 'name' ? button.flowName : button.flowId);
	const flowAction = String(button.flowAction ?? 'navigate');
	if (!FLOW_ACTIONS.includes(flowAction)) {
		throw inputError(context, `${label} flow action "${flowAction}" is not one of ${FLOW_ACTIONS.join(', ')}`);
	}
	const built: IDataObject = { type: 'FLOW', text, ...reference, flow_action: flowAction };
	if (flowAction === 'navigate') {
		built.navigate_screen = checkScreenId(context, `${label} first screen ID`, button.navigateScreen);
	}
	return built;
}

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
		if (type === 'flow') return flowButton(context, label, text, button);
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
