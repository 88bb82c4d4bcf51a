import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { showFor } from '../../shared/fields/fields';
import {
	readJsonArrayParameter,
	type SpecifyMode,
	specifyModeOptions,
} from '../../shared/checks/json';
import {
	messageOptionsField,
	senderAndRecipientFields,
	sendMessageOperation,
} from './common/messageFields';
import { inputError } from '../../shared/errors';
import { CONTACT_NAME_PARTS } from '../../shared/limits';

export const sendContactsOperation = sendMessageOperation(
	{
		name: 'Send Contacts',
		value: 'sendContacts',
		action: 'Send contact cards',
		description: 'Send one or more contact cards (name, phone numbers, emails, websites)',
	},
	'contacts',
	buildContacts,
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

/** One contact card as the editor's fixed collection holds it. */
interface ContactFields {
	formattedName?: string;
	firstName?: string;
	lastName?: string;
	middleName?: string;
	namePrefix?: string;
	nameSuffix?: string;
	organization?: string;
	birthday?: string;
	phones?: { phone?: Array<{ phone?: string; type?: string }> };
	emails?: { email?: Array<{ email?: string; type?: string }> };
	urls?: { url?: Array<{ url?: string; type?: string }> };
}

const present = (value: string | undefined): value is string =>
	typeof value === 'string' && value.trim() !== '';

/** Editor fields to Graph's contact object; empty fields are left out, not sent blank. */
export function contactFromFields(fields: ContactFields): IDataObject {
	const contact: IDataObject = {
		name: {
			formatted_name: (fields.formattedName ?? '').trim(),
			...(present(fields.firstName) ? { first_name: fields.firstName.trim() } : {}),
			...(present(fields.lastName) ? { last_name: fields.lastName.trim() } : {}),
			...(present(fields.middleName) ? { middle_name: fields.middleName.trim() } : {}),
			...(present(fields.namePrefix) ? { prefix: fields.namePrefix.trim() } : {}),
			...(present(fields.nameSuffix) ? { suffix: fields.nameSuffix.trim() } : {}),
		},
	};
	if (present(fields.organization)) contact.org = { company: fields.organization.trim() };
	if (present(fields.birthday)) contact.birthday = fields.birthday.trim();
	const phones = (fields.phones?.phone ?? []).filter((entry) => present(entry.phone));
	if (phones.length) {
		contact.phones = phones.map((entry) => ({ phone: entry.phone, ...(entry.type ? { type: entry.type } : {}) }));
	}
	const emails = (fields.emails?.email ?? []).filter((entry) => present(entry.email));
	if (emails.length) {
		contact.emails = emails.map((entry) => ({ email: entry.email, ...(entry.type ? { type: entry.type } : {}) }));
	}
	const urls = (fields.urls?.url ?? []).filter((entry) => present(entry.url));
	if (urls.length) {
		contact.urls = urls.map((entry) => ({ url: entry.url, ...(entry.type ? { type: entry.type } : {}) }));
	}
	return contact;
}

/** `YYYY-MM-DD` naming a day that exists: `1990-02-30` has the shape but is no date. */
function isCalendarDate(text: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

/** preSend for Send Contacts: puts the `contacts` array in the body after checking each card. */
export async function buildContacts(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const mode = this.getNodeParameter('specifyContacts', 'fields') as SpecifyMode;
	const fromJson = mode === 'json';
	const contacts =
		fromJson
			? readJsonArrayParameter(this, 'contactsJson', 'Contacts (JSON)')
			: ((this.getNodeParameter('contacts.contact', []) as ContactFields[]) ?? []).map(contactFromFields);
	if (contacts.length === 0) throw inputError(this, 'Contacts is empty; add at least one contact');
	contacts.forEach((contact, index) => {
		const name = (contact.name ?? {}) as IDataObject;
		if (typeof name.formatted_name !== 'string' || name.formatted_name.trim() === '') {
			throw inputError(this, `Contact ${index + 1} has no Formatted Name; WhatsApp requires one`);
		}
		// WhatsApp wants a name part beside the formatted name (docs/whatsapp-rules.md § Contacts).
		const parts = CONTACT_NAME_PARTS.filter(
			(part) => typeof name[part] === 'string' && (name[part] as string).trim() !== '',
		);
		if (parts.length === 0) {
			throw inputError(
				this,
				fromJson
					? `Contact ${index + 1} name has only formatted_name; WhatsApp also needs one of ${CONTACT_NAME_PARTS.join(', ')}`
					: `Contact ${index + 1} has a Formatted Name but no other name part; WhatsApp also needs a First Name, Last Name, Middle Name, Name Prefix or Name Suffix`,
				'Add the first or last name, for example, besides the name shown on the card.',
			);
		}
		const birthday = contact.birthday;
		if (birthday !== undefined && !isCalendarDate(String(birthday))) {
			throw inputError(
				this,
				`Contact ${index + 1} Birthday "${String(birthday)}" must be a date written YYYY-MM-DD`,
			);
		}
	});
	(requestOptions.body as IDataObject).contacts = contacts;
	return requestOptions;
}
