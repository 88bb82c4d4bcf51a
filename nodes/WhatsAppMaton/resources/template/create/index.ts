import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { requireBusinessAccountId } from '../../../shared/fields/businessAccount';
import { businessAccountIdField, showFor } from '../../../shared/fields/fields';
import { specifyModeOptions } from '../../../shared/checks/json';
import { gatewayOperation } from '../../../transport/operation';
import { buildTemplateDefinition } from './templateDefinition';
import { languageCodeField, TEMPLATE_CATEGORY_OPTIONS } from '../../../shared/fields/templateOptions';
import { TEMPLATE_BUTTONS_MAX } from '../../../shared/limits';

/** The build hook of Template › Create: the definition checked and built, then the account's path. */
async function buildTemplateCreation(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await buildTemplateDefinition.call(this, requestOptions);
	return await requireBusinessAccountId.call(this, requestOptions);
}

export const createOperation = gatewayOperation(
	{
		name: 'Create',
		value: 'create',
		action: 'Create a message template',
		description:
			'Submit a new message template (header, body with examples, footer, buttons) for review by Meta',
	},
	{ request: { method: 'POST', url: '/message_templates' }, build: buildTemplateCreation },
);

const show = showFor('template', ['create']);

export const createFields: INodeProperties[] = [
	businessAccountIdField('template', ['create']),
	{
		displayName: 'Template Name',
		name: 'templateName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. order_confirmation',
		description: 'Name of the new template: lowercase letters, digits and underscores only',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'name' } },
	},
	languageCodeField('template', 'create'),
	{
		displayName: 'Category',
		name: 'category',
		type: 'options',
		required: true,
		default: 'UTILITY',
		description: 'What the template is for; Meta may re-categorise it during review',
		options: TEMPLATE_CATEGORY_OPTIONS,
		displayOptions: show,
		routing: { send: { type: 'body', property: 'category' } },
	},
	{
		displayName: 'Specify Components',
		name: 'specifyDefinition',
		type: 'options',
		default: 'fields',
		description: "How to give the template's header, body and footer",
		options: specifyModeOptions('components'),
		displayOptions: show,
	},
	{
		displayName: 'Body Text',
		name: 'bodyText',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'e.g. Hi {{1}}, your order #{{2}} has been confirmed!',
		description:
			'The main text, up to 1024 characters. Placeholders are numbered {{1}}, {{2}}, … or named {{customer_name}} (not both).',
		displayOptions: { show: { ...show.show, specifyDefinition: ['fields'] } },
	},
	{
		displayName: 'Body Examples',
		name: 'bodyExamples',
		type: 'fixedCollection',
		placeholder: 'Add Example',
		default: {},
		typeOptions: { multipleValues: true, sortable: true },
		description:
			'One sample value per placeholder, which Meta needs for review: in order for numbered placeholders, by name for named ones',
		displayOptions: { show: { ...show.show, specifyDefinition: ['fields'] } },
		options: [
			{
				displayName: 'Example',
				name: 'example',
				values: [
					{
						displayName: 'Parameter Name',
						name: 'parameterName',
						type: 'string',
						default: '',
						placeholder: 'e.g. customer_name',
						description: 'For a named placeholder: its name. Leave empty for numbered placeholders.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. Jane',
						description: 'A realistic sample value',
					},
				],
			},
		],
	},
	{
		displayName: 'Buttons',
		name: 'templateButtons',
		type: 'fixedCollection',
		placeholder: 'Add Button',
		default: {},
		typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: TEMPLATE_BUTTONS_MAX },
		description:
			'Up to 10 buttons: quick replies, up to 2 URL buttons, 1 phone number button, 1 copy-code button and 1 flow button',
		displayOptions: { show: { ...show.show, specifyDefinition: ['fields'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Example Code',
						name: 'example',
						type: 'string',
						default: '',
						placeholder: 'e.g. SAVE20',
						description: 'For a copy-code button: a sample code, up to 15 characters (the real one is given when sending)',
						displayOptions: { show: { type: ['copy_code'] } },
					},
					{
						displayName: 'First Screen ID',
						name: 'navigateScreen',
						type: 'string',
						default: '',
						placeholder: 'e.g. WELCOME_SCREEN',
						description:
							"For a flow button that navigates: ID of the screen the flow opens on, as in the flow's JSON",
						displayOptions: { show: { type: ['flow'], flowAction: ['navigate'] } },
					},
					{
						displayName: 'Flow Action',
						name: 'flowAction',
						type: 'options',
						default: 'navigate',
						description: 'For a flow button: what tapping it does',
						options: [
							{ name: 'Navigate', value: 'navigate', description: 'Open the flow on the screen given' },
							{
								name: 'Data Exchange',
								value: 'data_exchange',
								description: "Ask the flow's endpoint for the first screen",
							},
						],
						displayOptions: { show: { type: ['flow'] } },
					},
					{
						displayName: 'Flow Given By',
						name: 'flowGivenBy',
						type: 'options',
						default: 'id',
						description: 'For a flow button: whether the flow is named by its ID or by its name',
						options: [
							{ name: 'ID', value: 'id', description: 'The numeric flow ID from WhatsApp Manager › Flows' },
							{ name: 'Name', value: 'name', description: "The flow's name" },
						],
						displayOptions: { show: { type: ['flow'] } },
					},
					{
						displayName: 'Flow ID',
						name: 'flowId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1197715005513101',
						description: 'For a flow button: the ID of a published flow (digits)',
						displayOptions: { show: { type: ['flow'], flowGivenBy: ['id'] } },
					},
					{
						displayName: 'Flow Name',
						name: 'flowName',
						type: 'string',
						default: '',
						placeholder: 'e.g. appointment_booking',
						description: 'For a flow button: the name of a published flow',
						displayOptions: { show: { type: ['flow'], flowGivenBy: ['name'] } },
					},
					{
						displayName: 'Phone Number',
						name: 'phoneNumber',
						type: 'string',
						default: '',
						placeholder: 'e.g. +15551234567',
						description: 'For a phone number button: the number to call, with country code',
						displayOptions: { show: { type: ['phone_number'] } },
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						placeholder: 'e.g. Track order',
						description: 'Label on the button, up to 25 characters',
						displayOptions: { show: { type: ['flow', 'phone_number', 'quick_reply', 'url'] } },
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 'quick_reply',
						description: 'What the button does',
						options: [
							{ name: 'Copy Code', value: 'copy_code', description: 'Copies a coupon code given when sending' },
							{ name: 'Flow', value: 'flow', description: 'Opens one of your WhatsApp Flows' },
							{ name: 'Phone Number', value: 'phone_number', description: 'Calls a phone number' },
							{ name: 'Quick Reply', value: 'quick_reply', description: 'Sends a reply with an optional payload' },
							{ name: 'URL', value: 'url', description: 'Opens a web page; may end in {{1}}, filled when sending' },
						],
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://shop.example.com/track/{{1}}',
						description: 'For a URL button: the address, optionally ending in {{1}} for a suffix given when sending',
						displayOptions: { show: { type: ['url'] } },
					},
					{
						displayName: 'URL Example',
						name: 'urlExample',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://shop.example.com/track/1234',
						description: 'For a URL ending in {{1}}: a full sample address, which Meta needs for review',
						displayOptions: { show: { type: ['url'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'templateOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { ...show.show, specifyDefinition: ['fields'] } },
		options: [
			{
				displayName: 'Footer Text',
				name: 'footerText',
				type: 'string',
				default: '',
				placeholder: 'e.g. Thank you for your purchase',
				description: 'Small grey text at the bottom, up to 60 characters, without placeholders',
			},
			{
				displayName: 'Header Example',
				name: 'headerExample',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12345',
				description: 'Sample value for the placeholder in the header text, if it has one',
			},
			{
				displayName: 'Header Text',
				name: 'headerText',
				type: 'string',
				default: '',
				placeholder: 'e.g. Order Confirmation',
				description: 'Bold text header, up to 60 characters, with at most one placeholder',
			},
		],
	},
	{
		displayName: 'Components (JSON)',
		name: 'definitionJson',
		type: 'json',
		default:
			'[\n  { "type": "HEADER", "format": "TEXT", "text": "Order Confirmation" },\n  { "type": "BODY", "text": "Hi {{1}}, your order #{{2}} has been confirmed!", "example": { "body_text": [["Jane", "1234"]] } },\n  { "type": "FOOTER", "text": "Thank you for your purchase" }\n]',
		description: "The template's `components` array in WhatsApp's own format",
		displayOptions: { show: { ...show.show, specifyDefinition: ['json'] } },
	},
];
