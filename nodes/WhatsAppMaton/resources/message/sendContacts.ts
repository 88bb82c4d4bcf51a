import type { INodeProperties } from 'n8n-workflow';

import { buildContacts } from '../../shared/contacts';
import { showFor } from '../../shared/fields';
import { specifyModeOptions } from '../../shared/json';
import {
	messageOptionsField,
	senderAndRecipientFields,
	sendMessageOperation,
} from '../../shared/message';

export const sendContactsOperation = sendMessageOperation(
	{
		name: 'Send Contacts',
		value: 'sendContacts',
		action: 'Send contact cards',
		description: 'Send one or more contact cards (name, phone numbers, emails, websites)',
	},
	'contacts',
);

const show = showFor('message', ['sendContacts']);

const typedEntry = (
	displayName: string,
	name: string,
	placeholder: string,
	types: string[],
): INodeProperties => ({
	displayName: `${displayName}s`,
	name: `${name}s`,
	type: 'fixedCollection',
	placeholder: `Add ${displayName}`,
	default: {},
	typeOptions: { multipleValues: true },
	description: `The contact's ${displayName.toLowerCase()}s`,
	options: [
		{
			displayName,
			name,
			values: [
				{
					displayName,
					name,
					type: 'string',
					default: '',
					placeholder,
					description: `The ${displayName.toLowerCase()} itself`,
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: '',
					description: `What kind of ${displayName.toLowerCase()} it is`,
					options: [
						{ name: 'Unspecified', value: '' },
						...types.map((type) => ({ name: type.charAt(0) + type.slice(1).toLowerCase(), value: type })),
					],
				},
			],
		},
	],
});

export const sendContactsFields: INodeProperties[] = [
	...senderAndRecipientFields('sendContacts'),
	{
		displayName: 'Specify Contacts',
		name: 'specifyContacts',
		type: 'options',
		default: 'fields',
		description: 'How to give the contact cards',
		options: specifyModeOptions('contacts'),
		displayOptions: show,
		routing: { send: { preSend: [buildContacts] } },
	},
	{
		displayName: 'Contacts',
		name: 'contacts',
		type: 'fixedCollection',
		placeholder: 'Add Contact',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'The contact cards to send',
		displayOptions: { show: { ...show.show, specifyContacts: ['fields'] } },
		options: [
			{
				displayName: 'Contact',
				name: 'contact',
				values: [
					{
						displayName: 'Birthday',
						name: 'birthday',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1990-04-23',
						description: 'Birthday as YYYY-MM-DD',
					},
					typedEntry('Email', 'email', 'e.g. jane@example.com', ['HOME', 'WORK']),
					{
						displayName: 'First Name',
						name: 'firstName',
						type: 'string',
						default: '',
						placeholder: 'e.g. Jane',
						description: 'Given name',
					},
					{
						displayName: 'Formatted Name',
						name: 'formattedName',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. Jane Doe',
						description:
							'The full name as shown on the card (required by WhatsApp, together with at least one of First Name, Last Name, Middle Name, Name Prefix or Name Suffix)',
					},
					{
						displayName: 'Last Name',
						name: 'lastName',
						type: 'string',
						default: '',
						placeholder: 'e.g. Doe',
						description: 'Family name',
					},
					{
						displayName: 'Middle Name',
						name: 'middleName',
						type: 'string',
						default: '',
						placeholder: 'e.g. Ann',
						description: 'The contact\'s middle name',
					},
					{
						displayName: 'Name Prefix',
						name: 'namePrefix',
						type: 'string',
						default: '',
						placeholder: 'e.g. Dr.',
						description: 'Title before the name',
					},
					{
						displayName: 'Name Suffix',
						name: 'nameSuffix',
						type: 'string',
						default: '',
						placeholder: 'e.g. Jr.',
						description: 'Suffix after the name',
					},
					{
						displayName: 'Organization',
						name: 'organization',
						type: 'string',
						default: '',
						placeholder: 'e.g. Acme Inc.',
						description: 'Company the contact works for',
					},
					typedEntry('Phone', 'phone', 'e.g. +1 555 123 4567', ['CELL', 'HOME', 'IPHONE', 'MAIN', 'WORK']),
					typedEntry('URL', 'url', 'e.g. https://example.com', ['HOME', 'WORK']),
				],
			},
		],
	},
	{
		displayName: 'Contacts (JSON)',
		name: 'contactsJson',
		type: 'json',
		default:
			'[\n  {\n    "name": { "formatted_name": "Jane Doe", "first_name": "Jane", "last_name": "Doe" },\n    "phones": [ { "phone": "+15551234567", "type": "CELL" } ]\n  }\n]',
		description:
			"A JSON array of contact objects in WhatsApp's format; each needs `name.formatted_name` and one of first_name, last_name, middle_name, prefix or suffix. Addresses go here too.",
		displayOptions: { show: { ...show.show, specifyContacts: ['json'] } },
	},
	messageOptionsField('sendContacts'),
];
