import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { inputError } from '../errors';
import { showFor } from './fields';

export const TEMPLATE_CATEGORY_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Authentication', value: 'AUTHENTICATION', description: 'One-time passcodes' },
	{ name: 'Marketing', value: 'MARKETING', description: 'Promotions, offers, news' },
	{ name: 'Utility', value: 'UTILITY', description: 'Updates about an order, account or booking' },
];

const statuses: Array<[string, string]> = [
	['APPROVED', 'Approved'],
	['DELETED', 'Deleted'],
	['DISABLED', 'Disabled'],
	['IN_APPEAL', 'In Appeal'],
	['LIMIT_EXCEEDED', 'Limit Exceeded'],
	['PAUSED', 'Paused'],
	['PENDING', 'Pending'],
	['PENDING_DELETION', 'Pending Deletion'],
	['REJECTED', 'Rejected'],
];

export const TEMPLATE_STATUS_OPTIONS: INodePropertyOptions[] = statuses.map(([value, name]) => ({
	name,
	value,
}));

/**
 * An options field given by an expression can hold any value; WhatsApp knows only the listed
 * ones. Returns the value trimmed and in capitals (how the options are written), or throws
 * naming the field and the values allowed.
 */
export function checkOptionValue(
	context: IExecuteSingleFunctions,
	label: string,
	value: unknown,
	options: INodePropertyOptions[],
): string {
	const allowed = options.map((option) => String(option.value));
	const given = value === undefined || value === null ? '' : String(value);
	const normalised = given.trim().toUpperCase();
	if (!allowed.includes(normalised)) {
		throw inputError(
			context,
			`${label} "${given}" is not one of ${allowed.join(', ')}`,
			`Pick one of the options, or give an expression that returns one of ${allowed.join(', ')}.`,
		);
	}
	return normalised;
}

/** preSend for a list filter sent in the query string: its value must be one of `options`. */
function queryOptionCheck(property: string, label: string, options: INodePropertyOptions[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const qs = (requestOptions.qs ??= {});
		qs[property] = checkOptionValue(this, label, qs[property], options);
		return requestOptions;
	};
}

/** Template › List: the Status and Category filters. */
export const checkTemplateStatusFilter = queryOptionCheck('status', 'Status', TEMPLATE_STATUS_OPTIONS);
export const checkTemplateCategoryFilter = queryOptionCheck('category', 'Category', TEMPLATE_CATEGORY_OPTIONS);

/**
 * The language of a template: sent as `language` by Template › Create, and under
 * `template.language.code` by Message › Send Template, whose operation moves it there
 * (one definition for both, description/defineOnce.ts). From List offers the picked template's
 * translations (Send Template) or the languages the account's templates use (Create); By Code
 * takes any code, and an expression overrides either. Saved workflows from before the picker
 * hold the code as plain text, which is read the same way.
 */
export function languageCodeField(resource: string, operation: string): INodeProperties {
	return {
		displayName: 'Language Code',
		name: 'languageCode',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'code', value: 'en_US' },
		description:
			"Language (locale) of the template translation, such as en_US, pt_BR or de. From List shows the picked template's translations.",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a translation…',
				typeOptions: { searchListMethod: 'searchTemplateLanguages', searchable: true },
			},
			{
				displayName: 'By Code',
				name: 'code',
				type: 'string',
				placeholder: 'e.g. en_US',
			},
		],
		displayOptions: showFor(resource, [operation]),
		routing: { send: { type: 'body', property: 'language' } },
	};
}
