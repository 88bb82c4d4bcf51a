import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requireSegment } from '../../../shared/checks/urlSegments';
import { inputError } from '../../../shared/errors';
import { readJsonArrayParameter, type SpecifyMode } from '../../../shared/checks/json';
import {
	CAROUSEL_CARDS_MAX,
	CAROUSEL_CARDS_MIN,
	COUPON_CODE_MAX,
	TEMPLATE_BODY_PARAMETER_MAX_WITH_OTHER_COMPONENTS,
	TEMPLATE_BUTTON_INDEX_MAX,
	TEMPLATE_HEADER_PARAMETER_MAX,
} from '../../../shared/limits';
import { lookUpTemplateForExecution } from './templateLookup';
import {
	componentsFromVariables,
	hasComponentsBesidesBody,
	templateVariables,
	variableProblems,
} from './templateVariables';
import { characterCount, checkLength } from '../../../shared/checks/text';

/** One parameter as the editor's fixed collection holds it. */
export interface TemplateParameterFields {
	type?: string;
	value?: string | number;
	parameterName?: string;
	currencyCode?: string;
	amount1000?: number;
}

/** One component as the editor's fixed collection holds it. */
export interface TemplateComponentFields {
	type?: 'header' | 'body' | 'button';
	subType?: 'quick_reply' | 'url' | 'copy_code';
	index?: number;
	parameters?: { parameter?: TemplateParameterFields[] };
}

/** A button's parameter type follows from its sub-type, so the editor does not ask for it. */
const BUTTON_PARAMETER_TYPE = {
	quick_reply: 'payload',
	url: 'text',
	copy_code: 'coupon_code',
} as const;

const MEDIA_PARAMETER_TYPES = new Set(['image', 'video', 'document']);

/** The parameters that fill a `{{1}}` or `{{name}}` placeholder in the text. */
const TEXT_PARAMETER_TYPES = new Set(['text', 'currency', 'date_time']);

/** A media parameter's value is a public link when it looks like one, else an uploaded media ID. */
function mediaReference(value: string): IDataObject {
	return /^https?:\/\//i.test(value) ? { link: value } : { id: value };
}

/** Editor fields to one Graph send parameter, e.g. `{ type: 'text', text: 'John' }`. */
export function templateParameterFromFields(
	fields: TemplateParameterFields,
	forcedType?: string,
): IDataObject {
	const type = forcedType ?? fields.type ?? 'text';
	const value = fields.value === undefined ? '' : String(fields.value);
	const named = fields.parameterName?.trim() ? { parameter_name: fields.parameterName.trim() } : {};
	if (type === 'currency') {
		return {
			type,
			...named,
			currency: {
				fallback_value: value,
				code: (fields.currencyCode ?? '').trim().toUpperCase(),
				amount_1000: Number(fields.amount1000 ?? 0),
			},
		};
	}
	if (type === 'date_time') return { type, ...named, date_time: { fallback_value: value } };
	if (MEDIA_PARAMETER_TYPES.has(type)) return { type, ...named, [type]: mediaReference(value) };
	return { type, ...named, [type]: value };
}

/** Editor fields to the Graph `components` array of a template message. */
export function templateComponentsFromFields(
	context: IExecuteSingleFunctions,
	components: TemplateComponentFields[],
): IDataObject[] {
	return components.map((component, position) => {
		const type = component.type ?? 'body';
		const parameters = component.parameters?.parameter ?? [];
		if (type !== 'button') {
			return { type, parameters: parameters.map((parameter) => templateParameterFromFields(parameter)) };
		}
		const subType = component.subType ?? 'url';
		const index = Number(component.index ?? 0);
		if (!Number.isInteger(index) || index < 0 || index > TEMPLATE_BUTTON_INDEX_MAX) {
			throw inputError(
				context,
				`Component ${position + 1} Button Index is ${String(component.index)}; it must be 0 to ${TEMPLATE_BUTTON_INDEX_MAX}`,
			);
		}
		return {
			type: 'button',
			sub_type: subType,
			index: String(index),
			parameters: parameters.map((parameter) =>
				templateParameterFromFields(parameter, BUTTON_PARAMETER_TYPE[subType]),
			),
		};
	});
}

/**
 * The rules Graph holds a template message's components to, from the fields or the JSON: a header
 * takes one parameter, its text at most 60 characters; a media parameter's link is public https;
 * a currency parameter has its code, fallback and amount, a date-time its fallback; a button has
 * an index "0" to "9" and the parameter its sub-type takes (a URL suffix or coupon code not
 * empty, a coupon code at most 15 characters); a body text parameter is at most 1,024 characters
 * when the template has a header, footer or buttons; and a template's placeholders are all named
 * or all numbered, so either every text, currency and date-time parameter has a `parameter_name`
 * or none has. Whether the template has other components is known from its definition
 * (`templateHasOtherComponents`); without one, a header or button among the components given
 * says so (a footer never takes parameters, so it cannot be seen there).
 */
export function checkTemplateComponents(
	context: IExecuteSingleFunctions,
	components: IDataObject[],
	templateHasOtherComponents?: boolean,
	/** "Card 2 " for a carousel card's own components. */
	within = '',
): void {
	const hasOtherComponents =
		templateHasOtherComponents ??
		components.some((component) =>
			['header', 'button'].includes(String(component.type ?? '').toLowerCase()),
		);
	const placeholders: Array<{ label: string; named: boolean }> = [];
	components.forEach((component, position) => {
		const type = String(component.type ?? '').toLowerCase();
		if (type === 'button') {
			checkTemplateButton(context, component, `${within}Component ${position + 1} (button)`);
			return;
		}
		if (type === 'carousel') {
			checkCarouselCards(context, component, `${within}Component ${position + 1} (carousel)`);
			return;
		}
		if (type !== 'header' && type !== 'body') return;
		const where = `${within}Component ${position + 1} (${type})`;
		const parameters: unknown[] = Array.isArray(component.parameters) ? component.parameters : [];
		if (type === 'header' && parameters.length > 1) {
			throw inputError(
				context,
				`${where} has ${parameters.length} parameters; a template header takes one`,
			);
		}
		parameters.forEach((entry, index) => {
			const label = `${where} parameter ${index + 1}`;
			if (typeof entry !== 'object' || entry === null) {
				throw inputError(context, `${label} is not an object`);
			}
			const parameter = entry as IDataObject;
			const parameterType = String(parameter.type ?? '');
			if (type === 'header' && parameterType === 'text') {
				checkLength(context, `${label} text`, String(parameter.text ?? ''), {
					max: TEMPLATE_HEADER_PARAMETER_MAX,
				});
			}
			if (type === 'body' && parameterType === 'text' && hasOtherComponents) {
				const length = characterCount(String(parameter.text ?? ''));
				if (length > TEMPLATE_BODY_PARAMETER_MAX_WITH_OTHER_COMPONENTS) {
					throw inputError(context, bodyParameterTooLong(`${label} text`, length));
				}
			}
			const media = MEDIA_PARAMETER_TYPES.has(parameterType)
				? (parameter[parameterType] as IDataObject | undefined)
				: undefined;
			if (typeof media?.link === 'string' && !/^https:\/\/[^\s/]+/i.test(media.link.trim())) {
				throw inputError(
					context,
					`${label} ${parameterType} link must be a public https:// link; got "${media.link}"`,
					'WhatsApp downloads the file from this address, and accepts only https.',
				);
			}
			if (parameterType === 'currency') checkCurrencyParameter(context, label, parameter);
			if (parameterType === 'date_time') checkDateTimeParameter(context, label, parameter);
			// Header media and locations fill no placeholder, so they carry no name either way.
			if (!TEXT_PARAMETER_TYPES.has(parameterType)) return;
			const name = parameter.parameter_name;
			placeholders.push({ label, named: typeof name === 'string' && name.trim() !== '' });
		});
	});
	if (placeholders.some((placeholder) => placeholder.named)) {
		const numbered = placeholders.find((placeholder) => !placeholder.named);
		if (numbered) {
			throw inputError(
				context,
				`${numbered.label} has no Parameter Name while others have one; ` +
					"a template's placeholders are all named or all numbered",
				'Give every text, currency and date-time parameter the name of its placeholder, or none of them.',
			);
		}
	}
}

/**
 * A carousel template's cards: 2 to 10, `card_index` 0, 1, … in order, each with the components
 * of its own header, body and buttons, held to the same rules as the template's.
 */
function checkCarouselCards(context: IExecuteSingleFunctions, component: IDataObject, where: string): void {
	const cards: unknown[] = Array.isArray(component.cards) ? component.cards : [];
	if (cards.length < CAROUSEL_CARDS_MIN || cards.length > CAROUSEL_CARDS_MAX) {
		throw inputError(context, `${where} has ${cards.length} cards; WhatsApp allows ${CAROUSEL_CARDS_MIN} to ${CAROUSEL_CARDS_MAX}`);
	}
	cards.forEach((entry, index) => {
		const card = (typeof entry === 'object' && entry !== null ? entry : {}) as IDataObject;
		if (Number(card.card_index) !== index || card.card_index === undefined || card.card_index === null) {
			throw inputError(context, `${where} card ${index + 1} card_index is ${JSON.stringify(card.card_index)}; it must be ${index}`);
		}
		const parts: unknown[] = Array.isArray(card.components) ? card.components : [];
		if (parts.some((part) => typeof part !== 'object' || part === null)) {
			throw inputError(context, `${where} card ${index + 1} components must be an array of objects`);
		}
		checkTemplateComponents(context, parts as IDataObject[], true, `${where} card ${index + 1} `);
	});
}

const isBlank = (value: unknown) =>
	value === undefined || value === null || String(value).trim() === '';

/** The 1,024-character rule for a body parameter of a template with other components. */
function bodyParameterTooLong(label: string, length: number): string {
	return `${label} is ${length} characters; WhatsApp allows ${TEMPLATE_BODY_PARAMETER_MAX_WITH_OTHER_COMPONENTS} for a body parameter when the template has a header, footer or buttons`;
}

/** `currency: { fallback_value, code (ISO 4217), amount_1000 (a whole number) }`. */
function checkCurrencyParameter(
	context: IExecuteSingleFunctions,
	label: string,
	parameter: IDataObject,
): void {
	const currency = parameter.currency;
	if (typeof currency !== 'object' || currency === null || Array.isArray(currency)) {
		throw inputError(
			context,
			`${label} has no currency object; a currency parameter needs currency code, fallback_value and amount_1000`,
			'Give "currency": { "fallback_value": "$12.99", "code": "USD", "amount_1000": 12990 }.',
		);
	}
	const { code, fallback_value: fallbackValue, amount_1000: amount } = currency as IDataObject;
	if (isBlank(code)) {
		throw inputError(
			context,
			`${label} currency code is empty; WhatsApp requires an ISO 4217 code such as USD`,
		);
	}
	if (!/^[A-Za-z]{3}$/.test(String(code).trim())) {
		throw inputError(
			context,
			`${label} currency code "${String(code)}" is not a three-letter ISO 4217 code such as USD`,
		);
	}
	if (isBlank(fallbackValue)) {
		throw inputError(
			context,
			`${label} currency fallback_value is empty; WhatsApp requires the amount as text, such as $12.99`,
		);
	}
	if (isBlank(amount) || !Number.isInteger(Number(amount))) {
		throw inputError(
			context,
			`${label} currency amount_1000 is ${isBlank(amount) ? 'empty' : `"${String(amount)}"`}; it must be a whole number, the amount times 1000 (12990 for 12.99)`,
		);
	}
}

/** `date_time: { fallback_value }`: the text WhatsApp shows. */
function checkDateTimeParameter(
	context: IExecuteSingleFunctions,
	label: string,
	parameter: IDataObject,
): void {
	const dateTime = parameter.date_time as IDataObject | undefined;
	if (typeof dateTime !== 'object' || dateTime === null || isBlank(dateTime.fallback_value)) {
		throw inputError(
			context,
			`${label} date_time fallback_value is empty; WhatsApp requires the date as text`,
			'Give "date_time": { "fallback_value": "May 5, 2026" }.',
		);
	}
}

/**
 * A button component: `index` "0" to "9" (its position in the template), and for the sub-types
 * this node knows, parameters of the one type each takes (quick_reply → payload, url → text,
 * copy_code → coupon_code).
 */
function checkTemplateButton(
	context: IExecuteSingleFunctions,
	component: IDataObject,
	where: string,
): void {
	const index = component.index;
	const indexText = isBlank(index) ? '' : String(index).trim();
	if (!/^[0-9]$/.test(indexText)) {
		throw inputError(
			context,
			`${where} Index is ${indexText === '' ? 'empty' : JSON.stringify(index)}; it must be 0 to 9`,
			"The button's position in the template, starting at 0, as text: \"index\": \"0\".",
		);
	}
	component.index = indexText;
	const subType = String(component.sub_type ?? '').toLowerCase();
	if (!(subType in BUTTON_PARAMETER_TYPE)) return;
	const expected = BUTTON_PARAMETER_TYPE[subType as keyof typeof BUTTON_PARAMETER_TYPE];
	const parameters: unknown[] = Array.isArray(component.parameters) ? component.parameters : [];
	// A URL suffix or a coupon code is what the button is sent for: it cannot be left out.
	if (parameters.length === 0 && subType !== 'quick_reply') {
		throw inputError(
			context,
			`${where} has no parameter; a ${subType} button takes its ${subType === 'url' ? 'URL suffix' : 'coupon code'}`,
			`Give { "type": "${expected}", "${expected}": "…" }.`,
		);
	}
	parameters.forEach((entry, position) => {
		const label = `${where} parameter ${position + 1}`;
		const parameter = (typeof entry === 'object' && entry !== null ? entry : {}) as IDataObject;
		const type = String(parameter.type ?? '');
		if (type !== expected) {
			throw inputError(
				context,
				`${label} is of type "${type}"; a ${subType} button takes a ${expected} parameter`,
				`Give { "type": "${expected}", "${expected}": "…" }.`,
			);
		}
		if (subType === 'quick_reply') return;
		const value = parameter[expected];
		if (isBlank(value)) {
			throw inputError(
				context,
				`${label} ${expected} is empty; a ${subType} button's ${subType === 'url' ? 'URL suffix' : 'coupon code'} must not be empty`,
			);
		}
		if (subType === 'copy_code' && characterCount(String(value)) > COUPON_CODE_MAX) {
			throw inputError(
				context,
				`${label} coupon_code is ${characterCount(String(value))} characters; WhatsApp allows ${COUPON_CODE_MAX}`,
			);
		}
	});
}

/** How Send Template gets its parameters: from the template's own definition, fields, or JSON. */
export type TemplateParametersMode = 'mapper' | SpecifyMode;

/**
 * The components for "Map Template Variables": the template's definition, read through the
 * gateway, says which placeholders there are; every one must have a value and no value may be
 * left over, which is what Graph would otherwise refuse with error 132000.
 */
async function componentsFromTemplateDefinition(
	context: IExecuteSingleFunctions,
	template: IDataObject,
): Promise<IDataObject[]> {
	const name = String(template.name).trim();
	const language = String((template.language as IDataObject | undefined)?.code ?? '').trim();
	const lookup = await lookUpTemplateForExecution(context, name, language);
	if (!lookup.found) {
		throw inputError(context, lookup.reason, 'Check the template name and Language Code, or pick the template from the list.');
	}
	const { definition } = lookup;
	if (definition.status && definition.status.toUpperCase() !== 'APPROVED') {
		throw inputError(
			context,
			`Template "${name}" (${language}) is ${definition.status}; only approved templates can be sent`,
		);
	}
	const values = (context.getNodeParameter('templateVariables.value', {}) ?? {}) as IDataObject;
	const variables = templateVariables(definition);
	const problem = variableProblems(definition, variables, values);
	if (problem) {
		throw inputError(
			context,
			problem,
			'Fill every variable the template shows under Template Variables (open the template again in the editor if it changed).',
		);
	}
	const components = componentsFromVariables(definition, variables, values);
	checkTemplateComponents(context, components, hasComponentsBesidesBody(definition));
	return components;
}

/**
 * preSend for Send Template's Template field: the name goes into the message and into the
 * `name=` query that reads the template's definition, so it must be a template name by Meta's
 * rule, whether picked from the list or given by an expression.
 */
export async function checkTemplateName(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const template = ((requestOptions.body as IDataObject).template ?? {}) as IDataObject;
	template.name = requireSegment(this, 'templateName', 'Template', template.name, {
		whenEmpty: 'is empty; pick a template or give its name',
	});
	return requestOptions;
}

/** preSend for Send Template: adds `template.components` from the definition, the fields or the JSON. */
export async function buildTemplateComponents(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const template = (requestOptions.body as IDataObject).template as IDataObject;
	if (typeof template.name !== 'string' || template.name.trim() === '') {
		throw inputError(this, 'Template is empty; pick a template or give its name');
	}
	const mode = this.getNodeParameter('specifyComponents', 'mapper') as TemplateParametersMode;
	let components: IDataObject[];
	if (mode === 'mapper') {
		// Checked there, against the template's definition.
		components = await componentsFromTemplateDefinition(this, template);
	} else {
		components =
			mode === 'json'
				? readJsonArrayParameter(this, 'componentsJson', 'Components (JSON)')
				: templateComponentsFromFields(
						this,
						(this.getNodeParameter('components.component', []) as TemplateComponentFields[]) ??
							[],
					);
		checkTemplateComponents(this, components);
	}
	if (components.length) template.components = components;
	return requestOptions;
}
