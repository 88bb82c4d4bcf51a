import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from './errors';
import { readJsonArrayParameter, type SpecifyMode } from './json';

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
		if (!Number.isInteger(index) || index < 0 || index > 9) {
			throw inputError(
				context,
				`Component ${position + 1} Button Index is ${String(component.index)}; it must be 0 to 9`,
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

/** preSend for Send Template: adds `template.components` from the fields or the JSON. */
export async function buildTemplateComponents(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const template = (requestOptions.body as IDataObject).template as IDataObject;
	const mode = this.getNodeParameter('specifyComponents', 'fields') as SpecifyMode;
	const components =
		mode === 'json'
			? readJsonArrayParameter(this, 'componentsJson', 'Components (JSON)')
			: templateComponentsFromFields(
					this,
					(this.getNodeParameter('components.component', []) as TemplateComponentFields[]) ?? [],
				);
	if (components.length) template.components = components;
	if (typeof template.name !== 'string' || template.name.trim() === '') {
		throw inputError(this, 'Template is empty; pick a template or give its name');
	}
	return requestOptions;
}
