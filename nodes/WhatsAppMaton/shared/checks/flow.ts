import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { inputError } from '../errors';
import { asText } from './text';

/**
 * What a WhatsApp Flow is named by, in a flow message (Message › Send Flow) and in a template's
 * FLOW button (Template › Create): its ID (digits, from WhatsApp Manager or the Flows API) or its
 * name, and the screen it opens on (docs/whatsapp-rules.md § Flow messages).
 */
export type FlowIdentifyBy = 'id' | 'name';

const FLOW_ID = /^[0-9]{1,64}$/;
/** A screen ID of Flow JSON: letters, digits and underscores (`WELCOME_SCREEN`). */
const SCREEN_ID = /^[A-Za-z0-9_]{1,128}$/;
/** Emoji, flags and keycaps: WhatsApp refuses them on a flow message's button. */
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/**
 * The flow's reference for the request: `{ flow_id }` (digits) or `{ flow_name }` (not empty),
 * trimmed. `label` is the field the message names.
 */
export function flowReference(
	context: IExecuteSingleFunctions,
	label: string,
	by: unknown,
	value: unknown,
): { flow_id: string } | { flow_name: string } {
	const text = asText(value).trim();
	if (by === 'name') {
		if (text === '' || text === 'undefined') {
			throw inputError(context, `${label} (flow name) is empty`, 'Give the name of the flow as WhatsApp Manager shows it.');
		}
		return { flow_name: text };
	}
	if (by !== 'id') throw inputError(context, `${label} is given by "${asText(by)}"; use id or name`);
	if (text === '' || text === 'undefined') {
		throw inputError(context, `${label} (flow ID) is empty`, 'Give the numeric flow ID from WhatsApp Manager › Flows.');
	}
	if (!FLOW_ID.test(text)) {
		throw inputError(
			context,
			`${label} "${text}" is not a flow ID: it has only digits`,
			'Give the numeric flow ID from WhatsApp Manager › Flows, or give the flow by its name.',
		);
	}
	return { flow_id: text };
}

/** The ID of the screen a flow opens on, trimmed: required, letters, digits and underscores. */
export function checkScreenId(context: IExecuteSingleFunctions, label: string, value: unknown): string {
	const screen = asText(value).trim();
	if (screen === '' || screen === 'undefined') {
		throw inputError(context, `${label} is empty; a flow that navigates needs the screen it opens on`, 'Give the screen ID from the Flow JSON, e.g. WELCOME_SCREEN.');
	}
	if (!SCREEN_ID.test(screen)) {
		throw inputError(
			context,
			`${label} "${screen}" is not a screen ID: it has only letters, digits and underscores`,
			'Give the screen ID from the Flow JSON, e.g. WELCOME_SCREEN.',
		);
	}
	return screen;
}

/** Refuses emoji in a label WhatsApp shows without them (a flow message's button). */
export function checkNoEmoji(context: IExecuteSingleFunctions, label: string, text: string): void {
	const found = EMOJI.exec(text);
	if (found) {
		throw inputError(context, `${label} has an emoji ("${found[0]}"); WhatsApp takes none on a flow button`);
	}
}
