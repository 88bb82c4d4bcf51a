import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from './errors';
import { readJsonArrayParameter, type SpecifyMode } from './json';
import { checkLength } from './text';

/** Template names: lowercase letters, digits and underscores, at most 512 characters. */
export const TEMPLATE_NAME_PATTERN = /^[a-z0-9_]{1,512}$/;

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The placeholders of a template text in order of appearance: `['1', '2']` or `['name']`. */
export function placeholdersOf(text: string): string[] {
	return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]);
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
	const named = placeholders.some((placeholder) => !/^\d+$/.test(placeholder));
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
			`${label} has ${placeholders.length} placeholders but ${values.filter(Boolean).length} examples`,
			'WhatsApp reviews templates with one example per placeholder, in order.',
		);
	}
	return component === 'header' ? { header_text: values } : { body_text: [values] };
}

/** preSend for Template › Create: checks the name and builds `components` and `parameter_format`. */
export async function buildTemplateDefinition(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	const name = String(body.name ?? '');
	if (!TEMPLATE_NAME_PATTERN.test(name)) {
		throw inputError(
			this,
			`Template Name "${name}" is not allowed: use only lowercase letters, digits and underscores, up to 512 characters`,
		);
	}
	const mode = this.getNodeParameter('specifyDefinition', 'fields') as SpecifyMode;
	if (mode === 'json') {
		body.components = readJsonArrayParameter(this, 'definitionJson', 'Components (JSON)');
		return requestOptions;
	}
	const bodyText = this.getNodeParameter('bodyText', '') as string;
	const examples = (this.getNodeParameter('bodyExamples.example', []) as ExampleFields[]) ?? [];
	const extra = this.getNodeParameter('templateOptions', {}) as {
		headerText?: string;
		headerExample?: string;
		footerText?: string;
	};
	checkLength(this, 'Body Text', bodyText, { min: 1, max: 1024 });
	const components: IDataObject[] = [];
	let named = false;
	if (extra.headerText) {
		checkLength(this, 'Header Text', extra.headerText, { max: 60 });
		const headerPlaceholders = placeholdersOf(extra.headerText);
		named ||= headerPlaceholders.some((placeholder) => !/^\d+$/.test(placeholder));
		const headerExamples = extra.headerExample
			? [{ value: extra.headerExample, parameterName: headerPlaceholders[0] }]
			: [];
		const example = exampleFor(this, 'Header Text', 'header', extra.headerText, headerExamples);
		components.push({ type: 'HEADER', format: 'TEXT', text: extra.headerText, ...(example ? { example } : {}) });
	}
	const bodyExample = exampleFor(this, 'Body Text', 'body', bodyText, examples);
	named ||= placeholdersOf(bodyText).some((placeholder) => !/^\d+$/.test(placeholder));
	components.push({ type: 'BODY', text: bodyText, ...(bodyExample ? { example: bodyExample } : {}) });
	if (extra.footerText) {
		checkLength(this, 'Footer Text', extra.footerText, { max: 60 });
		components.push({ type: 'FOOTER', text: extra.footerText });
	}
	body.components = components;
	if (named) body.parameter_format = 'NAMED';
	return requestOptions;
}
