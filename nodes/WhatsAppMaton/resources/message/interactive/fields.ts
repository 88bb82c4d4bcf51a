import type {
	IDataObject,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { showFor } from '../../../shared/fields/fields';
import { specifyModeOptions } from '../../../shared/checks/json';
import { INTERACTIVE_BODY_MAX, LIST_BODY_MAX } from '../../../shared/limits';
import { sendMessageOperation } from '../common/messageFields';

/** `interactive.type` of Message › Send Location Request. */
export const LOCATION_REQUEST = 'location_request_message';

/**
 * An interactive message: `type: interactive` with its own `interactive.type`, and the fixed part
 * of its action where it has one (`{ name: 'cta_url' }`); fields fill in the rest. `output`: the
 * operation's own output hooks (the uploaded header file's ID).
 */
export function interactiveMessageOperation(
	operation: Omit<INodePropertyOptions, 'routing'>,
	interactiveType: string,
	buildMessage: PreSendAction,
	{ fixedAction, output }: { fixedAction?: IDataObject; output?: PostReceiveAction[] } = {},
): INodePropertyOptions {
	return sendMessageOperation(operation, 'interactive', buildMessage, {
		body: { interactive: { type: interactiveType, ...(fixedAction ? { action: fixedAction } : {}) } },
		output,
	});
}

/** The main text of an interactive message, one definition for the four of them. */
export function interactiveBodyField(operation: string): INodeProperties {
	return {
		displayName: 'Body Text',
		name: 'bodyText',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 3 },
		placeholder: 'e.g. Would you like to confirm your appointment?',
		description: `The message text shown above the button or the choices, up to ${INTERACTIVE_BODY_MAX} characters (${LIST_BODY_MAX} for a list). For a location request, say why you need the location.`,
		displayOptions: showFor('message', [operation]),
		routing: { send: { type: 'body', property: 'interactive.body.text' } },
	};
}

export const interactiveHeaderTextOption: INodeProperties = {
	displayName: 'Header Text',
	name: 'headerText',
	type: 'string',
	default: '',
	placeholder: 'e.g. Appointment reminder',
	description: 'Bold title above the body, up to 60 characters',
	routing: {
		send: {
			type: 'body',
			property: 'interactive.header',
			value: '={{ $value ? { type: "text", text: $value } : undefined }}',
		},
	},
};

export const interactiveFooterTextOption: INodeProperties = {
	displayName: 'Footer Text',
	name: 'footerText',
	type: 'string',
	default: '',
	placeholder: 'e.g. Reply STOP to opt out',
	description: 'Small grey text under the body, up to 60 characters',
	routing: {
		send: {
			type: 'body',
			property: 'interactive.footer',
			value: '={{ $value ? { text: $value } : undefined }}',
		},
	},
};

/** Sections in the editor or as JSON: Send List's rows, Send Product List's products. */
export function specifySectionsField(operation: string): INodeProperties {
	return {
		displayName: 'Specify Sections',
		name: 'specifySections',
		type: 'options',
		default: 'fields',
		description: 'How to give the sections and what each holds',
		options: specifyModeOptions('sections'),
		displayOptions: showFor('message', [operation]),
	};
}

/** A section's title, in Send List's and Send Product List's sections. */
export const sectionTitleValue: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
	placeholder: 'e.g. Pizzas',
	description: 'Heading of the section, up to 24 characters; required when there are two or more sections',
};
