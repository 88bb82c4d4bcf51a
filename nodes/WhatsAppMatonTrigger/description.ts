import type { INodeProperties } from 'n8n-workflow';

import { businessAccountModes } from '../WhatsAppMaton/shared/account/businessAccountModes';
import { MESSAGE_KINDS } from './events';

const KIND_NAMES: Record<(typeof MESSAGE_KINDS)[number], { name: string; description: string }> = {
	text: { name: 'Text', description: 'A plain text message' },
	image: { name: 'Image', description: 'A photo, with its caption if any' },
	audio: { name: 'Audio', description: 'An audio file' },
	voice: { name: 'Voice Note', description: 'A voice message recorded in WhatsApp' },
	video: { name: 'Video', description: 'A video, with its caption if any' },
	document: { name: 'Document', description: 'A file such as a PDF' },
	sticker: { name: 'Sticker', description: 'A sticker (WebP image)' },
	location: { name: 'Location', description: 'A shared location' },
	contacts: { name: 'Contacts', description: 'One or more shared contact cards' },
	buttonReply: { name: 'Reply Button Tap', description: 'A tap on one of your reply buttons' },
	listReply: { name: 'List Pick', description: 'A row picked from one of your list messages' },
	templateButton: { name: 'Template Quick Reply', description: "A tap on a template's quick-reply button" },
	flowReply: { name: 'Flow Reply', description: 'The answer to a WhatsApp Flow' },
	reaction: { name: 'Reaction', description: 'An emoji reaction to a message (empty when removed)' },
	order: { name: 'Order', description: 'An order from your catalog' },
	system: { name: 'System', description: 'A system notice, such as the customer changing number' },
	unsupported: { name: 'Unsupported', description: 'A message type the Cloud API does not deliver (polls, view-once, ...)' },
};

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Setup',
		name: 'setup',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Through Maton',
				value: 'maton',
				description:
					"On activation, the trigger points the Meta webhook of your Maton connection's number (or business account) at itself. Nothing to set up in Meta.",
			},
			{
				name: 'Own Meta App',
				value: 'ownApp',
				description:
					"You point your own Meta app's WhatsApp webhook at this trigger's production URL; every delivery is checked against your app secret",
			},
		],
		default: 'maton',
		description: 'How incoming WhatsApp webhooks reach this trigger',
	},
	{
		displayName:
			"Through Maton, deliveries are signed with Maton's Meta app secret, which you do not have, so their signatures cannot be checked. The trigger relies on its unguessable production URL and refuses bodies for any other phone number or business account. Use \"Own Meta App\" if you need signed deliveries. Whether Maton's gateway passes Meta's webhook override calls through is not yet confirmed.",
		name: 'matonNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { setup: ['maton'] } },
	},
	{
		displayName:
			"In your Meta app: WhatsApp › Configuration › Webhook, set the Callback URL to this trigger's production URL (above, under Webhook URLs) and the Verify token to the one in the credential, then subscribe to the \"messages\" field",
		name: 'ownAppNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { setup: ['ownApp'] } },
	},
	{
		displayName: 'Register For',
		name: 'registerFor',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One Phone Number',
				value: 'phoneNumber',
				description: 'Only messages to this business phone number come here',
			},
			{
				name: 'Whole Business Account',
				value: 'businessAccount',
				description: 'Messages to every number of the business account come here (unless a number has its own override)',
			},
		],
		default: 'phoneNumber',
		description: "Where Meta's webhook override is set",
		displayOptions: { show: { setup: ['maton'] } },
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumberId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The business phone number whose incoming messages start this workflow',
		displayOptions: { show: { setup: ['maton'], registerFor: ['phoneNumber'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a phone number...',
				typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 106540352242922',
				hint: 'The phone number ID from WhatsApp Manager, not the phone number itself',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\d{1,30}$', errorMessage: 'A phone number ID has digits only' },
					},
				],
			},
		],
	},
	{
		displayName: 'WhatsApp Business Account',
		name: 'businessAccountId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description:
			"The business account (WABA) whose messages come here. Leave empty to use the credential's Default WhatsApp Business Account ID.",
		modes: businessAccountModes,
		displayOptions: { show: { setup: ['maton'], registerFor: ['businessAccount'] } },
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: 'Incoming Messages', value: 'message', description: 'What customers send you' },
			{
				name: 'Message Statuses',
				value: 'status',
				description:
					'Sent, delivered, read and failed updates for the messages you send: about three per message, so each starts its own run',
			},
			{ name: 'Errors', value: 'error', description: 'Errors Meta reports for the number or account' },
		],
		default: ['message'],
		description: 'Which events start a run (one run item per message or status)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		description: 'Narrower filters, and how the override is set',
		options: [
			{
				displayName: 'Maton Connection ID',
				name: 'connectionId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 21fd90f9-5935-43cd-b6c8-bde9d915ca80',
				description:
					"The Maton connection whose Meta app sets the override. Leave empty for the credential's Default Connection ID, else Maton's oldest active connection.",
				displayOptions: { show: { '/setup': ['maton'] } },
			},
			{
				displayName: 'Message Kinds',
				name: 'messageKinds',
				type: 'multiOptions',
				options: MESSAGE_KINDS.map((kind) => ({ value: kind, ...KIND_NAMES[kind] })),
				default: [],
				description: 'Only these kinds of incoming message start a run. Leave empty for every kind.',
			},
			{
				displayName: 'Only Business Phone Number IDs',
				name: 'phoneNumberIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. 106540352242922, 106540352242923',
				description:
					'Comma-separated phone number IDs: events for any other business number are accepted (200) but start no run. Leave empty for all.',
			},
			{
				displayName: 'Replace Existing Override',
				name: 'replaceExisting',
				type: 'boolean',
				default: false,
				description:
					'Whether to take over when the number or account already sends its webhooks to another URL. That URL is not restored on deactivation (its verify token is unknown).',
				displayOptions: { show: { '/setup': ['maton'] } },
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: [
					{ name: 'Sent', value: 'sent' },
					{ name: 'Delivered', value: 'delivered' },
					{ name: 'Read', value: 'read' },
					{ name: 'Failed', value: 'failed' },
				],
				default: [],
				description: 'With "Message Statuses" on: only these statuses start a run. Leave empty for all four.',
			},
			{
				displayName: 'Unmatched Answers',
				name: 'unmatchedAnswers',
				type: 'options',
				default: 'ignore',
				description:
					'What to do with a tap on a Send and Wait for Response button, or a reply to its question, that no waiting execution takes (expired, already answered, forged, from someone else)',
				options: [
					{ name: 'Ignore', value: 'ignore', description: 'Resume nothing and start nothing' },
					{ name: 'Start Workflow', value: 'startWorkflow', description: "Start this trigger's workflow with it, like any other message" },
				],
				displayOptions: { show: { '/setup': ['maton'] } },
			},
		],
	},
];
