import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { lookUpTemplate } from '../resources/message/sendTemplate/templateLookup';
import { templateVariables } from '../resources/message/sendTemplate/templateVariables';

/** Send Template's variables, one field per placeholder of the picked template's definition. */
export async function getTemplateVariables(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const name = String(this.getCurrentNodeParameter('template', { extractValue: true }) ?? '').trim();
	const language = String(this.getCurrentNodeParameter('languageCode', { extractValue: true }) ?? '').trim();
	if (name === '' || name.startsWith('=') || language === '' || language.startsWith('=')) {
		return {
			fields: [],
			emptyFieldsNotice:
				'Pick a template and its language to see its variables. With a template chosen by expression, use "Using Fields Below" or "Using JSON".',
		};
	}
	const lookup = await lookUpTemplate(this, name, language);
	if (!lookup.found) return { fields: [], emptyFieldsNotice: lookup.reason };
	const variables = templateVariables(lookup.definition);
	if (variables.length === 0) {
		return { fields: [], emptyFieldsNotice: `Template "${name}" has no variables: it is sent as it is` };
	}
	return {
		fields: variables.map((variable) => ({
			id: variable.id,
			displayName: variable.label,
			required: variable.required,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			type: variable.kind === 'location' ? 'object' : 'string',
		})),
	};
}
