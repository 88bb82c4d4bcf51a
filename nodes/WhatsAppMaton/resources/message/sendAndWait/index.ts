import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { showFor } from '../../../shared/fields/fields';
import { messageOptionsField, senderAndRecipientFields } from '../common/messageFields';

export const SEND_AND_WAIT = 'sendAndWait';

/**
 * Message › Send and Wait for Response. Not routed: it is a custom operation
 * (resources/message/sendAndWait/execute.ts) that sends one message, then puts the execution to wait until
 * the customer answers (resumed through the node's own waiting webhook) or the wait limit ends.
 */
export const sendAndWaitOperation: INodePropertyOptions = {
	name: 'Send and Wait for Response',
	value: SEND_AND_WAIT,
	action: 'Send message and wait for response',
	description:
		"Send a question and pause the workflow until the customer taps a reply button or answers it (through the WhatsApp (Maton) Trigger), or opens its link; then continue with the answer",
};

const show = showFor('message', [SEND_AND_WAIT]);

/** Names and values as in n8n's own send-and-wait nodes, so the nodes after it read the same. */
export const sendAndWaitFields: INodeProperties[] = [
	...senderAndRecipientFields(SEND_AND_WAIT),
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'e.g. Your order #1042 is ready. Shall we ship it today?',
		description:
			'The question, up to 1024 characters with reply buttons or a link button, 4096 for a free-text question answered through the trigger',
		displayOptions: show,
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		default: 'approval',
		description: 'What the customer answers with',
		options: [
			{
				name: 'Approval',
				value: 'approval',
				description: 'One or two reply buttons (Approve, and Decline if you want); the output says approved: true or false',
			},
			{
				name: 'Free Text',
				value: 'freeText',
				description: 'The customer writes the answer; the output carries its text',
			},
			{
				name: 'Custom Form',
				value: 'customForm',
				description: 'A link button opens a form of this n8n with your fields; the output carries the answers by field label',
			},
		],
		displayOptions: show,
	},
	{
		displayName: 'Approval Options',
		name: 'approvalOptions',
		type: 'fixedCollection',
		placeholder: 'Add option',
		default: {},
		description: 'The buttons of an approval: their number and labels',
		displayOptions: { show: { ...show.show, responseType: ['approval'] } },
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [
					{
						displayName: 'Type of Approval',
						name: 'approvalType',
						type: 'options',
						default: 'single',
						description: 'One button, or two',
						options: [
							{ name: 'Approve Only', value: 'single' },
							{ name: 'Approve and Disapprove', value: 'double' },
						],
					},
					{
						displayName: 'Approve Button Label',
						name: 'approveLabel',
						type: 'string',
						default: 'Approve',
						placeholder: 'e.g. Yes, ship it',
						description: 'Text of the button that approves, up to 20 characters',
					},
					{
						displayName: 'Disapprove Button Label',
						name: 'disapproveLabel',
						type: 'string',
						default: 'Decline',
						placeholder: 'e.g. Not yet',
						description: 'Text of the button that declines, up to 20 characters',
						displayOptions: { show: { approvalType: ['double'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Form Fields',
		name: 'formFields',
		type: 'fixedCollection',
		placeholder: 'Add Form Field',
		default: {},
		typeOptions: { multipleValues: true, sortable: true },
		description: 'The fields of the form the link button opens (its page is served by this n8n, so it must be reachable over https)',
		displayOptions: { show: { ...show.show, responseType: ['customForm'] } },
		options: [
			{
				displayName: 'Values',
				name: 'values',
				values: [
					{
						displayName: 'Element Type',
						name: 'fieldType',
						type: 'options',
						default: 'text',
						description: 'The kind of input',
						options: [
							{ name: 'Date', value: 'date' },
							{ name: 'Dropdown List', value: 'dropdown' },
							{ name: 'Email', value: 'email' },
							{ name: 'Number', value: 'number' },
							{ name: 'Text', value: 'text' },
							{ name: 'Textarea', value: 'textarea' },
						],
					},
					{
						displayName: 'Field Label',
						name: 'fieldLabel',
						type: 'string',
						default: '',
						placeholder: 'e.g. Delivery date',
						description: 'Shown above the field, and the key of its answer in the output',
					},
					{
						displayName: 'Field Options',
						name: 'fieldOptions',
						type: 'fixedCollection',
						placeholder: 'Add Field Option',
						default: { values: [{ option: '' }] },
						typeOptions: { multipleValues: true, sortable: true },
						description: 'The choices of a dropdown list',
						displayOptions: { show: { fieldType: ['dropdown'] } },
						options: [
							{
								displayName: 'Values',
								name: 'values',
								values: [
									{
										displayName: 'Option',
										name: 'option',
										type: 'string',
										default: '',
										placeholder: 'e.g. Morning',
										description: 'One choice',
									},
								],
							},
						],
					},
					{
						displayName: 'Placeholder',
						name: 'placeholder',
						type: 'string',
						default: '',
						placeholder: 'e.g. 2026-12-24',
						description: 'Sample text shown in the empty field',
						displayOptions: { hide: { fieldType: ['dropdown', 'date'] } },
					},
					{
						displayName: 'Required Field',
						name: 'requiredField',
						type: 'boolean',
						default: false,
						description: 'Whether the form can only be sent with this field filled in',
					},
				],
			},
		],
	},
	messageOptionsField(SEND_AND_WAIT, [
		{
			displayName: 'Answer Through',
			name: 'answerThrough',
			type: 'options',
			default: 'auto',
			description:
				'How the answer comes back. Trigger: reply buttons or a reply in the chat, passed on by an active WhatsApp (Maton) Trigger on this number. Link: a link button that opens a page of this n8n. Auto: the trigger when one of this n8n is registered for the number, else the link.',
			options: [
				{
					name: 'Auto',
					value: 'auto',
					description: "The trigger if the number's webhooks go to a WhatsApp (Maton) Trigger of this n8n, else a link (one more request to read that)",
				},
				{
					name: 'WhatsApp (Maton) Trigger',
					value: 'trigger',
					description: 'Native reply buttons or a reply; needs an active trigger for this number',
				},
				{
					name: 'Link',
					value: 'link',
					description: "A link button to a page of this n8n (the customer's browser must reach it)",
				},
			],
		},
		{
			displayName: 'Limit Wait Time',
			name: 'limitWaitTime',
			type: 'fixedCollection',
			default: { values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' } },
			description:
				'Whether the workflow continues by itself, without an answer, after a time or at a date (without it: the answer is waited for up to 30 days)',
			options: [
				{
					displayName: 'Values',
					name: 'values',
					values: [
						{
							displayName: 'Limit Type',
							name: 'limitType',
							type: 'options',
							default: 'afterTimeInterval',
							description: 'Wait for a time, or until a date and time',
							options: [
								{ name: 'After Time Interval', value: 'afterTimeInterval', description: 'Waits for a certain amount of time' },
								{ name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Waits until the set date and time to continue' },
							],
						},
						{
							displayName: 'Amount',
							name: 'resumeAmount',
							type: 'number',
							default: 1,
							typeOptions: { minValue: 0, numberPrecision: 2 },
							description: 'The time to wait',
							displayOptions: { show: { limitType: ['afterTimeInterval'] } },
						},
						{
							displayName: 'Unit',
							name: 'resumeUnit',
							type: 'options',
							default: 'hours',
							description: 'Unit of the interval value',
							options: [
								{ name: 'Minutes', value: 'minutes' },
								{ name: 'Hours', value: 'hours' },
								{ name: 'Days', value: 'days' },
							],
							displayOptions: { show: { limitType: ['afterTimeInterval'] } },
						},
						{
							displayName: 'Max Date and Time',
							name: 'maxDateAndTime',
							type: 'dateTime',
							default: '',
							placeholder: 'e.g. 2026-12-24T18:00:00',
							description: 'Continue execution after the specified date and time',
							displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
						},
					],
				},
			],
		},
		{
			displayName: 'Message Button Label',
			name: 'messageButtonLabel',
			type: 'string',
			default: 'Respond',
			placeholder: 'e.g. Answer',
			description: 'Text of the link button of a custom form, or of a free-text question answered by link, up to 20 characters',
		},
	]),
];
