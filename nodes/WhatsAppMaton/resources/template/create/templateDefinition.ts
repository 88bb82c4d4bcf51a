import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { requireSegment, SEGMENT_RULES } from '../../../shared/checks/urlSegments';
import { inputError } from '../../../shared/errors';
import { readJsonArrayParameter, type SpecifyMode } from '../../../shared/checks/json';
import { asText } from '../../../shared/checks/text';
import { templateButtonsComponent, type TemplateButtonFields } from './templateButtons';
import { checkOptionValue, TEMPLATE_CATEGORY_OPTIONS } from '../../../shared/fields/templateOptions';
import { checkLength } from '../../../shared/checks/text';
import { TEMPLATE_BODY_TEXT_MAX, TEMPLATE_FOOTER_TEXT_MAX, TEMPLATE_HEADER_TEXT_MAX } from '../../../shared/limits';


const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The placeholders of a template text in order of appearance: `['1', '2']` or `['name']`. */
export function placeholdersOf(text: string): string[] {
	return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);
}

const isNumbered = (placeholder: string) => /^\d+$/.test(placeholder);

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * Whether a template uses named placeholders. Numbered `{{1}}` and named `{{name}}` never mix in
 * one template: Meta reads the whole template as one or the other (`parameter_format`). The
 * message names the field (or fields) the two kinds are in.
 */
function usesNamedPlaceholders(
	context: IExecuteSingleFunctions,
	texts: Array<{ label: string; text: string }>,
): boolean {
	const placeholders = texts.flatMap(({ label, text }) =>
		placeholdersOf(text).map((placeholder) => ({ label, placeholder })),
	);
	const named = placeholders.filter(({ placeholder }) => !isNumbered(placeholder));
	const numbered = placeholders.filter(({ placeholder }) => isNumbered(placeholder));
	if (named.length > 0 && numbered.length > 0) {
		const labels = [numbered[0].label, named[0].label];
		const where =
			labels[0] === labels[1] ? `${labels[0]} mixes` : `${labels[0]} and ${labels[1]} mix`;
		throw inputError(
			context,
			`${where} numbered and named placeholders ({{${numbered[0].placeholder}}} and {{${named[0].placeholder}}})`,
			'Use numbered placeholders {{1}}, {{2}}, … or named ones such as {{customer_name}} throughout the template, not both.',
		);
	}
	return named.length > 0;
}

interface ExampleFields {
	parameterName?: string;
	value?: string;
}

/**
 * The `example` object for one text component. Numbered placeholders take examples in order;
 * named ones take the example whose Parameter Name matches.
 */
function exampleFor(
	context: IExecuteSingleFunctions,
	label: string,
	component: 'header' | 'body',
	text: string,
	examples: ExampleFields[],
): IDataObject | undefined {
	const placeholders = placeholdersOf(text);
	if (placeholders.length === 0) return undefined;
	const named = placeholders.some((placeholder) => !isNumbered(placeholder));
	if (named) {
		const params = placeholders.map((placeholder) => {
			const example = examples.find((entry) => entry.parameterName?.trim() === placeholder);
			if (!example?.value) {
				throw inputError(context, `${label} has {{${placeholder}}} but no example for it`, 'Add an example whose Parameter Name is ' + placeholder + '.');
			}
			return { param_name: placeholder, example: example.value };
		});
		return { [`${component}_text_named_params`]: params };
	}
	const values = examples.map((entry) => entry.value ?? '');
	if (values.length !== placeholders.length || values.some((value) => value === '')) {
		throw inputError(
			context,
			`${label} has ${plural(placeholders.length, 'placeholder')} but ${plural(values.filter(Boolean).length, 'example')}`,
			'WhatsApp reviews templates with one example per placeholder, in order.',
		);
	}
	return component === 'header' ? { header_text: values } : { body_text: [values] };
}

/**
 * Checks components given as JSON the way Meta reviews them: a header or body text with
 * placeholders needs its `example`, and placeholders are all numbered or all named. Returns
 * whether they are named, since JSON mode gives only `components` and the node sets
 * `parameter_format`.
 */
function checkJsonComponents(context: IExecuteSingleFunctions, components: IDataObject[]): boolean {
	const texts: string[] = [];
	for (const component of components) {
		const type = String(component.type ?? '').toUpperCase();
		if ((type !== 'HEADER' && type !== 'BODY') || typeof component.text !== 'string') continue;
		texts.push(component.text);
		if (placeholdersOf(component.text).length === 0) continue;
		const example = component.example as IDataObject | undefined;
		const key = type === 'HEADER' ? 'header_text' : 'body_text';
		if (!example || (example[key] === undefined && example[`${key}_named_params`] === undefined)) {
			throw inputError(
				context,
				`Components (JSON): the ${type} text has placeholders but no example`,
				`Add "example": { "${key}": ${type === 'HEADER' ? '["…"]' : '[["…", "…"]]'} } with one sample value per placeholder, or "${key}_named_params" for named placeholders.`,
			);
		}
	}
	return usesNamedPlaceholders(context, texts.map((text) => ({ label: 'Components (JSON)', text })));
}

/** preSend for Template › Create: checks the name and category, builds `components` and `parameter_format`. */
export async function buildTemplateDefinition(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	// Checked as it is, not trimmed: the name is sent as given.
	const name = body.name;
	if (typeof name === 'string' && name.trim() !== name) {
		throw inputError(this, `Template Name ${SEGMENT_RULES.templateName.refused(`"${name}"`)}`);
	}
	body.name = requireSegment(this, 'templateName', 'Template Name', name);
	body.category = checkOptionValue(this, 'Category', body.category, TEMPLATE_CATEGORY_OPTIONS);
	const mode = this.getNodeParameter('specifyDefinition', 'fields') as SpecifyMode;
	if (mode === 'json') {
		const components = readJsonArrayParameter(this, 'definitionJson', 'Components (JSON)');
		body.components = components;
		if (checkJsonComponents(this, components)) body.parameter_format = 'NAMED';
		return requestOptions;
	}
	// An expression may give undefined, or a number.
	const bodyText = asText(this.getNodeParameter('bodyText', ''));
	const examples = (this.getNodeParameter('bodyExamples.example', []) as ExampleFields[]) ?? [];
	const options = this.getNodeParameter('templateOptions', {}) as IDataObject;
	const extra = {
		headerText: asText(options.headerText),
		headerExample: asText(options.headerExample),
		footerText: asText(options.footerText),
	};
	if (bodyText.trim() === '') throw inputError(this, 'Body Text is empty; WhatsApp requires it');
	checkLength(this, 'Body Text', bodyText, { min: 1, max: TEMPLATE_BODY_TEXT_MAX });
	const named = usesNamedPlaceholders(this, [
		{ label: 'Header Text', text: extra.headerText },
		{ label: 'Body Text', text: bodyText },
	]);
	const components: IDataObject[] = [];
	if (extra.headerText) {
		checkLength(this, 'Header Text', extra.headerText, { max: TEMPLATE_HEADER_TEXT_MAX });
		const headerPlaceholders = placeholdersOf(extra.headerText);
		const headerExamples = extra.headerExample
			? [{ value: extra.headerExample, parameterName: headerPlaceholders[0] }]
			: [];
		const example = exampleFor(this, 'Header Text', 'header', extra.headerText, headerExamples);
		components.push({ type: 'HEADER', format: 'TEXT', text: extra.headerText, ...(example ? { example } : {}) });
	}
	const bodyExample = exampleFor(this, 'Body Text', 'body', bodyText, examples);
	components.push({ type: 'BODY', text: bodyText, ...(bodyExample ? { example: bodyExample } : {}) });
	if (extra.footerText) {
		checkLength(this, 'Footer Text', extra.footerText, { max: TEMPLATE_FOOTER_TEXT_MAX });
		components.push({ type: 'FOOTER', text: extra.footerText });
	}
	const buttons = templateButtonsComponent(
		this,
		(this.getNodeParameter('templateButtons.button', []) as TemplateButtonFields[]) ?? [],
	);
	if (buttons) components.push(buttons);
	body.components = components;
	if (named) body.parameter_format = 'NAMED';
	return requestOptions;
}
