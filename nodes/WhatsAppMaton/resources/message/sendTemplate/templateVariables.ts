import type { IDataObject } from 'n8n-workflow';

import { COUPON_CODE_MAX, TEMPLATE_BODY_PARAMETER_MAX_WITH_OTHER_COMPONENTS } from '../../../shared/limits';
import { characterCount } from '../../../shared/checks/text';

/** A template as Graph's message_templates edge describes it (the fields this node asks for). */
export interface TemplateDefinition {
	id?: string;
	name: string;
	language: string;
	status?: string;
	category?: string;
	parameter_format?: string;
	components?: TemplateDefinitionComponent[];
}

export interface TemplateDefinitionComponent {
	type: string;
	format?: string;
	text?: string;
	example?: IDataObject;
	buttons?: Array<{ type: string; text?: string; url?: string; example?: unknown }>;
	/** A carousel template's cards, each with its own header, body and buttons. */
	cards?: Array<{ components?: TemplateDefinitionComponent[] }>;
}

export type TemplateVariableKind =
	| 'text'
	| 'image'
	| 'video'
	| 'document'
	| 'location'
	| 'url'
	| 'coupon_code'
	| 'payload';

/**
 * One value a template message needs (or, for a quick-reply payload, may take). `id` is the key
 * the node's template variables mapping stores it under: `header_1`, `body_customer_name`,
 * `header_image`, `button_0_url`, `button_1_coupon_code`, `button_2_payload`; a carousel card's
 * with the card in front: `card_0_header_image`, `card_1_body_1`, `card_1_button_0_payload`.
 */
export interface TemplateVariable {
	id: string;
	label: string;
	component: 'header' | 'body' | 'button';
	kind: TemplateVariableKind;
	/** The placeholder's name or number, for header and body text. */
	placeholder?: string;
	buttonIndex?: number;
	/** The card of a carousel template the value belongs to (`card_0_…`), from 0. */
	card?: number;
	required: boolean;
	example?: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const HAS_PLACEHOLDER = /\{\{\s*[A-Za-z0-9_]+\s*\}\}/;

/** The placeholders of a text in the order Graph fills them: by number, or by first appearance. */
export function orderedPlaceholders(text: string): string[] {
	const unique = [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
	return unique.every((placeholder) => /^\d+$/.test(placeholder))
		? unique.sort((a, b) => Number(a) - Number(b))
		: unique;
}

/** Whether the template uses `{{name}}` placeholders rather than `{{1}}`. */
export function isNamedTemplate(definition: TemplateDefinition): boolean {
	if (String(definition.parameter_format ?? '').toUpperCase() === 'NAMED') return true;
	return (definition.components ?? []).some((component) =>
		orderedPlaceholders(component.text ?? '').some((placeholder) => !/^\d+$/.test(placeholder)),
	);
}

/** The example Meta keeps for a placeholder, to show beside the field. */
function exampleOf(component: TemplateDefinitionComponent, placeholder: string, position: number): string | undefined {
	const example = component.example ?? {};
	const named = (example.body_text_named_params ?? example.header_text_named_params) as
		| Array<{ param_name?: string; example?: string }>
		| undefined;
	if (named) return named.find((entry) => entry.param_name === placeholder)?.example;
	if (component.type.toUpperCase() === 'HEADER') {
		return (example.header_text as string[] | undefined)?.[position];
	}
	return (example.body_text as string[][] | undefined)?.[0]?.[position];
}

const MEDIA_HEADER_FORMATS: Record<string, TemplateVariableKind> = {
	IMAGE: 'image',
	VIDEO: 'video',
	DOCUMENT: 'document',
	LOCATION: 'location',
};

/** Every value the template's definition calls for, in the order of the message. */
export function templateVariables(definition: TemplateDefinition): TemplateVariable[] {
	const variables = variablesOf(definition.components ?? []);
	for (const component of definition.components ?? []) {
		if (component.type.toUpperCase() !== 'CAROUSEL') continue;
		(component.cards ?? []).forEach((card, index) => variables.push(...variablesOf(card.components ?? [], index)));
	}
	return variables;
}

/**
 * The values of one set of components: the template's own, or one carousel card's (`card`),
 * whose IDs and labels then start with the card.
 */
function variablesOf(components: TemplateDefinitionComponent[], card?: number): TemplateVariable[] {
	const variables: TemplateVariable[] = [];
	for (const component of components) {
		const type = component.type.toUpperCase();
		if (type === 'HEADER' || type === 'BODY') {
			const part = type === 'HEADER' ? 'header' : 'body';
			const mediaKind = type === 'HEADER' ? MEDIA_HEADER_FORMATS[String(component.format ?? '').toUpperCase()] : undefined;
			if (mediaKind) {
				variables.push({
					id: `header_${mediaKind}`,
					label:
						mediaKind === 'location'
							? 'Header location ({ latitude, longitude, name, address })'
							: `Header ${mediaKind} (public https link or uploaded media ID)`,
					component: 'header',
					kind: mediaKind,
					required: true,
				});
				continue;
			}
			orderedPlaceholders(component.text ?? '').forEach((placeholder, position) => {
				const example = exampleOf(component, placeholder, position);
				variables.push({
					id: `${part}_${placeholder}`,
					label: `${part === 'header' ? 'Header' : 'Body'} {{${placeholder}}}${example ? ` (e.g. ${example})` : ''}`,
					component: part,
					kind: 'text',
					placeholder,
					required: true,
					example,
				});
			});
		}
		if (type === 'BUTTONS') {
			(component.buttons ?? []).forEach((button, index) => {
				const buttonType = button.type.toUpperCase();
				const title = button.text ? ` "${button.text}"` : '';
				if (buttonType === 'URL' && HAS_PLACEHOLDER.test(button.url ?? '')) {
					variables.push({
						id: `button_${index}_url`,
						label: `Button ${index + 1}${title} URL suffix for ${button.url}`,
						component: 'button',
						kind: 'url',
						buttonIndex: index,
						required: true,
					});
				} else if (buttonType === 'COPY_CODE') {
					variables.push({
						id: `button_${index}_coupon_code`,
						label: `Button ${index + 1}${title} coupon code`,
						component: 'button',
						kind: 'coupon_code',
						buttonIndex: index,
						required: true,
					});
				} else if (buttonType === 'QUICK_REPLY') {
					variables.push({
						id: `button_${index}_payload`,
						label: `Button ${index + 1}${title} payload (optional, returned when tapped)`,
						component: 'button',
						kind: 'payload',
						buttonIndex: index,
						required: false,
					});
				}
			});
		}
	}
	if (card === undefined) return variables;
	return variables.map((variable) => ({
		...variable,
		card,
		id: `card_${card}_${variable.id}`,
		label: `Card ${card + 1} ${variable.label.charAt(0).toLowerCase()}${variable.label.slice(1)}`,
	}));
}

/** Whether the template has a header, footer or buttons: its body parameters are then shorter. */
export function hasComponentsBesidesBody(definition: TemplateDefinition): boolean {
	return (definition.components ?? []).some((component) => component.type.toUpperCase() !== 'BODY');
}

const isBlank = (value: unknown): boolean =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** What is wrong between the template's variables and the given values, or nothing. */
export function variableProblems(
	definition: TemplateDefinition,
	variables: TemplateVariable[],
	values: IDataObject,
): string | undefined {
	const missing = variables.filter((variable) => variable.required && isBlank(values[variable.id]));
	if (missing.length) {
		return `Template "${definition.name}" (${definition.language}) needs a value for ${missing
			.map((variable) => variable.label.replace(/ \(.*$/, ''))
			.join(', ')}`;
	}
	const known = new Set(variables.map((variable) => variable.id));
	const extra = Object.keys(values).filter((key) => !known.has(key) && !isBlank(values[key]));
	if (extra.length) {
		return `Template "${definition.name}" (${definition.language}) has no placeholder for ${extra.join(', ')}`;
	}
	const shortBody = hasComponentsBesidesBody(definition);
	for (const variable of variables) {
		const value = values[variable.id];
		if (typeof value !== 'string' && typeof value !== 'number') continue;
		const length = characterCount(String(value));
		const name = `Template "${definition.name}" (${definition.language}) ${variable.label.replace(/ \(.*$/, '')}`;
		if (
			shortBody &&
			variable.component === 'body' &&
			length > TEMPLATE_BODY_PARAMETER_MAX_WITH_OTHER_COMPONENTS
		) {
			return `${name} is ${length} characters; WhatsApp allows ${TEMPLATE_BODY_PARAMETER_MAX_WITH_OTHER_COMPONENTS} for a body parameter when the template has a header, footer or buttons`;
		}
		if (variable.kind === 'coupon_code' && length > COUPON_CODE_MAX) {
			return `${name} is ${length} characters; WhatsApp allows ${COUPON_CODE_MAX}`;
		}
	}
	return undefined;
}

function mediaObject(value: unknown): IDataObject {
	if (typeof value === 'object' && value !== null) return value as IDataObject;
	const text = String(value).trim();
	return /^https?:\/\//i.test(text) ? { link: text } : { id: text };
}

function locationObject(value: unknown): IDataObject {
	if (typeof value === 'object' && value !== null) return value as IDataObject;
	return JSON.parse(String(value)) as IDataObject;
}

/**
 * A text placeholder's parameter. A plain value is text; an object from an expression can make it
 * currency (`{ currency: { fallback_value, code, amount_1000 } }`), a date-time
 * (`{ date_time: { fallback_value } }`) or any whole Graph parameter (`{ type, … }`).
 */
function textParameter(value: unknown, parameterName: string | undefined): IDataObject {
	const named = parameterName ? { parameter_name: parameterName } : {};
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
		const object = value as IDataObject;
		if (typeof object.type === 'string') return { ...named, ...object };
		if (object.currency) return { type: 'currency', ...named, currency: object.currency };
		if (object.date_time) return { type: 'date_time', ...named, date_time: object.date_time };
	}
	return { type: 'text', ...named, text: String(value) };
}

/** The Graph `components` of a template message, from the definition and the mapped values. */
export function componentsFromVariables(
	definition: TemplateDefinition,
	variables: TemplateVariable[],
	values: IDataObject,
): IDataObject[] {
	const named = isNamedTemplate(definition);
	const components = componentsOf(named, variables.filter((variable) => variable.card === undefined), values);
	const carousel = (definition.components ?? []).find((component) => component.type.toUpperCase() === 'CAROUSEL');
	if (carousel) {
		components.push({
			type: 'carousel',
			cards: (carousel.cards ?? []).map((_, index) => ({
				card_index: index,
				components: componentsOf(named, variables.filter((variable) => variable.card === index), values),
			})),
		});
	}
	return components;
}

/** The header, body and button components of one set of variables (the template's or a card's). */
function componentsOf(named: boolean, variables: TemplateVariable[], values: IDataObject): IDataObject[] {
	const components: IDataObject[] = [];
	for (const part of ['header', 'body'] as const) {
		const parameters = variables
			.filter((variable) => variable.component === part)
			.map((variable) => {
				const value = values[variable.id];
				if (variable.kind === 'text') return textParameter(value, named ? variable.placeholder : undefined);
				if (variable.kind === 'location') return { type: 'location', location: locationObject(value) };
				return { type: variable.kind, [variable.kind]: mediaObject(value) };
			});
		if (parameters.length) components.push({ type: part, parameters });
	}
	for (const variable of variables.filter((entry) => entry.component === 'button')) {
		const value = values[variable.id];
		if (isBlank(value)) continue;
		const subType = variable.kind === 'payload' ? 'quick_reply' : variable.kind === 'url' ? 'url' : 'copy_code';
		const parameter =
			variable.kind === 'url'
				? { type: 'text', text: String(value) }
				: { type: variable.kind, [variable.kind]: String(value) };
		components.push({
			type: 'button',
			sub_type: subType,
			index: String(variable.buttonIndex),
			parameters: [parameter],
		});
	}
	return components;
}
