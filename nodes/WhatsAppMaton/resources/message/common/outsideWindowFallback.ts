import { jsonParse } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { requireSegment } from '../../../shared/checks/urlSegments';
import { inputError } from '../../../shared/errors';
import { OUTSIDE_WINDOW_CODE, TEMPLATE_LANGUAGE_CODE_PATTERN } from '../../../shared/limits';
import type { DeliveryFallback } from '../../../transport/delivery';
import { failureOfError } from '../../../transport/graphErrors';
import { checkTemplateComponents } from '../sendTemplate/templateMessage';

/**
 * "If Outside the 24-Hour Window, Send Template": an option of every free-form send. WhatsApp
 * refuses a free-form message when the customer last wrote more than 24 hours ago (Graph error
 * 131047, docs/whatsapp-rules.md § The 24-hour window); only a template may be sent then. With
 * this option the node sends the given template to the same recipient instead and marks the item.
 */
export const outsideWindowTemplateOption: INodeProperties = {
	displayName: 'If Outside the 24-Hour Window, Send Template',
	name: 'outsideWindowTemplate',
	type: 'fixedCollection',
	placeholder: 'Add template',
	default: {},
	description:
		'When WhatsApp refuses this message because the customer last wrote more than 24 hours ago (error 131047), send this approved template to the same recipient instead. The output then has sentAs: "template"; with the option set, a message sent as it is has sentAs set to its own type.',
	options: [
		{
			displayName: 'Template',
			name: 'template',
			values: [
				{
					displayName: 'Template Name',
					name: 'templateName',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. appointment_reminder',
					description:
						'Name of an approved template of the business account: lowercase letters, digits and underscores',
				},
				{
					displayName: 'Language Code',
					name: 'languageCode',
					type: 'string',
					required: true,
					default: 'en_US',
					placeholder: 'e.g. en_US',
					description: 'Language (locale) of the template translation, such as en_US, pt_BR or de',
				},
				{
					displayName: 'Parameters (JSON)',
					name: 'parameters',
					type: 'json',
					default: '[]',
					placeholder: 'e.g. ["Ana", "3 pm"]',
					description:
						'The template\'s variables: an array for numbered ones (["Ana", "3 pm"] fills {{1}} and {{2}} of the body), an object for named ones ({"first_name": "Ana"}), or the whole components array as Send Template takes it ([{"type": "body", "parameters": […]}]). [] for a template without variables.',
				},
			],
		},
	],
};

const TEMPLATE_PARAMETER = 'options.outsideWindowTemplate.template';

/** The template of the option, as it goes under `template` in the message; undefined when unset. */
export function outsideWindowTemplateOf(context: IExecuteSingleFunctions): IDataObject | undefined {
	const given = context.getNodeParameter(TEMPLATE_PARAMETER, null) as IDataObject | null;
	if (given === null || typeof given !== 'object') return undefined;
	const label = 'If Outside the 24-Hour Window, Send Template';
	const name = requireSegment(context, 'templateName', `${label} › Template Name`, given.templateName, {
		hint: "The name of an approved template, as Template › List shows it (e.g. appointment_reminder).",
	});
	const language = typeof given.languageCode === 'string' ? given.languageCode.trim() : '';
	if (!TEMPLATE_LANGUAGE_CODE_PATTERN.test(language)) {
		throw inputError(
			context,
			`${label} › Language Code ${language === '' ? 'is empty' : `"${String(given.languageCode)}" is not a language code`}`,
			'Give the locale of the template translation, such as en_US, pt_BR or de.',
		);
	}
	const components = componentsOfParameters(context, `${label} › Parameters (JSON)`, given.parameters);
	checkTemplateComponents(context, components);
	return { name, language: { code: language }, ...(components.length ? { components } : {}) };
}

const isTextParameter = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** `["Ana"]`, `{"first_name": "Ana"}` or a components array, to a template's components. */
function componentsOfParameters(context: IExecuteSingleFunctions, label: string, raw: unknown): IDataObject[] {
	let value = raw ?? [];
	if (typeof value === 'string') {
		try {
			value = value.trim() === '' ? [] : jsonParse(value);
		} catch {
			throw inputError(context, `${label} is not valid JSON`, 'Check quotes, commas and brackets.');
		}
	}
	const textParameter = (text: unknown, name?: string): IDataObject => ({
		type: 'text',
		...(name === undefined ? {} : { parameter_name: name }),
		text: String(text),
	});
	if (Array.isArray(value)) {
		if (value.length === 0) return [];
		if (value.every(isTextParameter)) return [{ type: 'body', parameters: value.map((text) => textParameter(text)) }];
		if (value.every((entry) => typeof entry === 'object' && entry !== null && !Array.isArray(entry) && 'type' in entry)) {
			return value as IDataObject[];
		}
	} else if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value as IDataObject);
		const notText = entries.find(([, entry]) => !isTextParameter(entry));
		if (!notText) {
			return entries.length ? [{ type: 'body', parameters: entries.map(([key, text]) => textParameter(text, key)) }] : [];
		}
		throw inputError(context, `${label}: the value of "${notText[0]}" is not text or a number`);
	}
	throw inputError(
		context,
		`${label} must be an array of values, an object of named values, or an array of components`,
		'For example ["Ana", "3 pm"], {"first_name": "Ana"} or [{"type": "body", "parameters": [{"type": "text", "text": "Ana"}]}].',
	);
}

/**
 * For the delivery loop: a free-form message refused with 131047 is sent again as the option's
 * template. The first request was answered with a permanent refusal, so WhatsApp delivered
 * nothing: the template is a different message, not a resend.
 */
export const outsideWindowFallback: DeliveryFallback = {
	appliesTo(context, error) {
		if (!(error instanceof Error) || failureOfError.get(error)?.failure.code !== OUTSIDE_WINDOW_CODE) return false;
		return outsideWindowTemplateOf(context) !== undefined;
	},
	instead(context, body) {
		const template = outsideWindowTemplateOf(context) as IDataObject;
		return {
			messaging_product: body.messaging_product,
			recipient_type: body.recipient_type,
			to: body.to,
			...(body.context ? { context: body.context } : {}),
			type: 'template',
			template,
		};
	},
	marked(context, body, sentInstead) {
		// Only where the option is set: other sends keep their output as it always was.
		if (!sentInstead && context.getNodeParameter(TEMPLATE_PARAMETER, null) === null) return undefined;
		return { sentAs: sentInstead ? 'template' : String(body.type) };
	},
	failedNote:
		'WhatsApp refused the message itself because the customer last wrote more than 24 hours ago (error 131047), so the template of "If Outside the 24-Hour Window, Send Template" was sent instead, and that failed.',
};
