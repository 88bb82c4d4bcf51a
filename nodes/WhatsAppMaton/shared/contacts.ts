import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { inputError } from './errors';
import { readJsonArrayParameter, type SpecifyMode } from './json';
import { CONTACT_NAME_PARTS } from './limits';

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
