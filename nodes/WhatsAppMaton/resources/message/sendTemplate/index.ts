import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { businessAccountIdField, showFor } from '../../../shared/fields/fields';
import { specifyModeOptions } from '../../../shared/checks/json';
import {
	messageOptionsField,
	senderAndRecipientFields,
	sendMessageOperation,
} from '../common/messageFields';
import { checkTemplateName, buildTemplateComponents } from './templateMessage';
import { languageCodeField } from '../../../shared/fields/templateOptions';

/**
 * Language Code, one definition with Template › Create, puts its value in `language`; a template
 * message has it under `template.language.code`, after the template's name.
 */
async function placeTemplateLanguage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	if (!('language' in body)) return requestOptions;
	const { language, ...rest } = body;
	const template = (rest.template ?? {}) as IDataObject;
	const { name, ...more } = template;
	rest.template = { ...('name' in template ? { name } : {}), language: { code: language }, ...more };
	requestOptions.body = rest;
	return requestOptions;
}

/**
 * The build hook of Send Template: the language in place, the template's name checked, then the
 * components, last, since mapped variables read the template's definition first.
 */
async function buildTemplateMessage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await placeTemplateLanguage.call(this, requestOptions);
	await checkTemplateName.call(this, requestOptions);
	return await buildTemplateComponents.call(this, requestOptions);
}

export const sendTemplateOperation = sendMessageOperation(
	{
		name: 'Send Template',
		value: 'sendTemplate',
		action: 'Send a template message',
		description:
			'Send an approved message template with its parameters; the only way to start a conversation or write after 24 hours',
	},
	'template',
	buildTemplateMessage,
);

const show = showFor('message', ['sendTemplate']);
const showForComponentTypes = (types: string[]) => ({ show: { type: types } });

export const sendTemplateFields: INodeProperties[] = [
	...senderAndRecipientFields('sendTemplate'),
	// Before the template it owns (its picker reads it), and so before Language Code, as on
	// Template › Create: the one definition of each keeps a single order (description/defineOnce.ts).
	businessAccountIdField('message', ['sendTemplate']),
	{
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The approved template to send, picked from your business account or given by name',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a template…',
				typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. order_confirmation',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^[a-z0-9_]+$',
							errorMessage: 'Template names have only lowercase letters, digits and underscores',
						},
					},
				],
			},
		],
		displayOptions: show,
		routing: { send: { type: 'body', property: 'template.name' } },
	},
	languageCodeField('message', 'sendTemplate'),
	{
		displayName: 'Specify Parameters',
		name: 'specifyComponents',
		type: 'options',
		default: 'mapper',
		description: "How to give values for the template's placeholders",
		options: [
			{
				name: 'Map Template Variables',
				value: 'mapper',
				description:
					"One field per placeholder, read from the template's definition; every one is checked before sending",
			},
			...specifyModeOptions('components and their parameters'),
		],
		displayOptions: show,
	},
	{
		displayName: 'Template Variables',
		name: 'templateVariables',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		description:
			"Values for the template's placeholders: header, body, button URL suffixes, coupon codes and quick-reply payloads",
		typeOptions: {
			loadOptionsDependsOn: ['template.value', 'languageCode.value', 'businessAccountId.value'],
			resourceMapper: {
				resourceMapperMethod: 'getTemplateVariables',
				mode: 'add',
				fieldWords: { singular: 'variable', plural: 'variables' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
		displayOptions: { show: { ...show.show, specifyComponents: ['mapper'] } },
	},
	{
		displayName: 'Components',
		name: 'components',
		type: 'fixedCollection',
		placeholder: 'Add Component',
		default: {},
		typeOptions: { multipleValues: true },
		description:
			"Values for the template's placeholders, by part: header, body, and buttons. Leave empty for a template without placeholders.",
		displayOptions: { show: { ...show.show, specifyComponents: ['fields'] } },
		options: [
			{
				displayName: 'Component',
				name: 'component',
				values: [
					{
						displayName: 'Component Type',
						name: 'type',
						type: 'options',
						default: 'body',
						description: 'Which part of the template these parameters fill',
						options: [
							{ name: 'Body', value: 'body', description: 'Placeholders in the main text' },
							{ name: 'Button', value: 'button', description: 'A URL suffix, quick-reply payload or coupon code' },
							{ name: 'Header', value: 'header', description: 'The header text placeholder or header media' },
						],
					},
					{
						displayName: 'Button Type',
						name: 'subType',
						type: 'options',
						default: 'url',
						description: 'Kind of template button; it decides what the parameter means',
						options: [
							{ name: 'Copy Code', value: 'copy_code', description: 'Parameter is the coupon code to copy' },
							{ name: 'Quick Reply', value: 'quick_reply', description: 'Parameter is the payload returned on tap' },
							{ name: 'URL', value: 'url', description: "Parameter is the suffix appended to the button's URL" },
						],
						displayOptions: showForComponentTypes(['button']),
					},
					{
						displayName: 'Button Index',
						name: 'index',
						type: 'number',
						default: 0,
						typeOptions: { minValue: 0, maxValue: 9 },
						description: "Position of the button in the template, starting at 0",
						displayOptions: showForComponentTypes(['button']),
					},
					{
						displayName: 'Parameters',
						name: 'parameters',
						type: 'fixedCollection',
						placeholder: 'Add Parameter',
						default: {},
						typeOptions: { multipleValues: true, sortable: true },
						description: 'Values in placeholder order: the first fills {{1}}, the second {{2}}, and so on',
						options: [
							{
								displayName: 'Parameter',
								name: 'parameter',
								values: [
									{
										displayName: 'Amount × 1000',
										name: 'amount1000',
										type: 'number',
										default: 0,
										description: 'For currency: the amount multiplied by 1000, e.g. 12990 for 12.99',
									},
									{
										displayName: 'Currency Code',
										name: 'currencyCode',
										type: 'string',
										default: '',
										placeholder: 'e.g. USD',
										description: 'For currency: the ISO 4217 code',
									},
									{
										displayName: 'Parameter Name',
										name: 'parameterName',
										type: 'string',
										default: '',
										placeholder: 'e.g. customer_name',
										description:
											'For templates with named placeholders ({{customer_name}}): the placeholder this value fills. Leave empty for numbered ones.',
									},
									{
										displayName: 'Type',
										name: 'type',
										type: 'options',
										default: 'text',
										description:
											"Kind of value. Ignored for buttons, whose type follows from the button's type.",
										options: [
											{ name: 'Currency', value: 'currency' },
											{ name: 'Date Time', value: 'date_time' },
											{ name: 'Document', value: 'document' },
											{ name: 'Image', value: 'image' },
											{ name: 'Text', value: 'text' },
											{ name: 'Video', value: 'video' },
										],
									},
									{
										displayName: 'Value',
										name: 'value',
										type: 'string',
										default: '',
										placeholder: 'e.g. John',
										description:
											'The text; for currency and date-time the text shown as fallback; for media a public https link or an uploaded media ID; for buttons the URL suffix, payload or coupon code',
									},
								],
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Components (JSON)',
		name: 'componentsJson',
		type: 'json',
		default: '[\n  {\n    "type": "body",\n    "parameters": [ { "type": "text", "text": "John" } ]\n  }\n]',
		description: "The template's `components` array in WhatsApp's own format",
		displayOptions: { show: { ...show.show, specifyComponents: ['json'] } },
	},
	messageOptionsField('sendTemplate'),
];
