import {
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';
import { send } from '../inputs';
import type { INodeParameters } from 'n8n-workflow';
import { message } from '../inputs';
import { sentBody } from './sentBody';

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const contacts = {
	resource: 'message',
	operation: 'sendContacts',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
};

/** The seed's contact card, in WhatsApp's own format. */
const seedContact = {
	name: { formatted_name: 'John Doe', first_name: 'John', last_name: 'Doe' },
	phones: [{ phone: '+1234567890', type: 'MOBILE' }],
};

describe('Message › Send Contacts', () => {
	it('posts a card from the fields to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...contacts,
			specifyContacts: 'fields',
			contacts: {
				contact: [
					{
						formattedName: 'John Doe',
						firstName: 'John',
						lastName: 'Doe',
						phones: { phone: [{ phone: '+1234567890', type: 'CELL' }] },
					},
				],
			},
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
		expectAuthorised(request);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'contacts',
			contacts: [
				{
					name: { formatted_name: 'John Doe', first_name: 'John', last_name: 'Doe' },
					phones: [{ phone: '+1234567890', type: 'CELL' }],
				},
			],
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('sends every field of the editor: phones, emails and URLs with their types, organization, birthday', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...contacts,
			contacts: {
				contact: [
					{
						formattedName: 'Jane Doe',
						firstName: 'Jane',
						lastName: 'Doe',
						organization: 'Acme Inc.',
						birthday: '1990-04-23',
						phones: {
							phone: [
								{ phone: '+1 555 123 4567', type: 'WORK' },
								{ phone: '+1 555 765 4321', type: '' },
							],
						},
						emails: { email: [{ email: 'jane@example.com', type: 'WORK' }] },
						urls: { url: [{ url: 'https://example.com', type: 'HOME' }] },
					},
					{
						formattedName: 'Dr. Sam Q. Lee Jr.',
						namePrefix: 'Dr.',
						middleName: 'Q.',
						nameSuffix: 'Jr.',
						phones: { phone: [{ phone: '+15550001111', type: 'MAIN' }] },
					},
				],
			},
			options: { replyToMessageId: 'wamid.quoted' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'contacts',
			contacts: [
				{
					name: { formatted_name: 'Jane Doe', first_name: 'Jane', last_name: 'Doe' },
					org: { company: 'Acme Inc.' },
					birthday: '1990-04-23',
					phones: [{ phone: '+1 555 123 4567', type: 'WORK' }, { phone: '+1 555 765 4321' }],
					emails: [{ email: 'jane@example.com', type: 'WORK' }],
					urls: [{ url: 'https://example.com', type: 'HOME' }],
				},
				{
					name: { formatted_name: 'Dr. Sam Q. Lee Jr.', prefix: 'Dr.', middle_name: 'Q.', suffix: 'Jr.' },
					phones: [{ phone: '+15550001111', type: 'MAIN' }],
				},
			],
			context: { message_id: 'wamid.quoted' },
		});
	});

	it('sends the seed body from Contacts (JSON) as they are', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...contacts,
			specifyContacts: 'json',
			contactsJson: JSON.stringify([seedContact], null, 2),
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'contacts',
			contacts: [seedContact],
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('takes Contacts (JSON) as an array from an expression, addresses included', async () => {
		const card = {
			...seedContact,
			addresses: [{ street: '1 Hacker Way', city: 'Menlo Park', country_code: 'US', type: 'WORK' }],
			birthday: '1985-12-01',
		};
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp(
			{ ...contacts, specifyContacts: 'json', contactsJson: '={{ $json.cards }}' },
			{ input: [{ json: { cards: [card] } }] },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'contacts',
			contacts: [card],
		});
	});

	it('refuses a contact without a formatted name', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		// Left out altogether, the required field stops the run before the node starts.
		await expect(
			runWhatsApp({
				...contacts,
				contacts: { contact: [{ firstName: 'John', phones: { phone: [{ phone: '+1234567890' }] } }] },
			}),
		).rejects.toThrow(/Formatted Name/);
		expect(gateway.requests).toEqual([]);
		// From an expression that finds nothing, the node itself refuses it.
		await expectRefusedBeforeSending({
			parameters: {
				...contacts,
				contacts: {
					contact: [
						{ formattedName: 'Jane Doe', firstName: 'Jane' },
						{ formattedName: '={{ $json.name ?? "" }}', firstName: 'John' },
					],
				},
			},
			message: /^Contacts › Contact 2 › Formatted Name is empty/,
			field: 'Contacts › Contact 2 › Formatted Name',
		});
	});

	it('refuses a contact in JSON without a formatted name', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...contacts,
				specifyContacts: 'json',
				contactsJson: JSON.stringify([seedContact, { name: { first_name: 'Jane' } }]),
			},
			message: /^Contact 2 has no Formatted Name/,
			field: 'Contact 2',
		});
	});

	it('refuses a birthday that is not YYYY-MM-DD', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...contacts, contacts: { contact: [{ formattedName: 'John Doe', firstName: 'John', birthday: '23/04/1990' }] } },
			message: /^Contact 1 Birthday "23\/04\/1990" must be a date written YYYY-MM-DD/,
			field: 'Contact 1 Birthday',
		});
	});

	it('refuses a birthday in the right shape that is no date', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...contacts, contacts: { contact: [{ formattedName: 'John Doe', firstName: 'John', birthday: '1990-02-30' }] } },
			message: /^Contact 1 Birthday "1990-02-30" must be a date written YYYY-MM-DD/,
			field: 'Contact 1 Birthday',
		});
	});

	it('refuses no contacts at all', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...contacts, contacts: {} },
			message: /^Contacts is empty/,
			field: 'Contacts',
		});
	});

	it('refuses Contacts (JSON) that is not valid JSON', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...contacts, specifyContacts: 'json', contactsJson: '[{ "name": { "formatted_name": "John" } ' },
			message: /^Contacts \(JSON\) is not valid JSON/,
			field: 'Contacts (JSON)',
		});
	});

	it('refuses a recipient with 16 digits', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...contacts,
				recipientPhoneNumber: '+44 7700 900123 4567',
				contacts: { contact: [{ formattedName: 'John Doe', firstName: 'John' }] },
			},
			message: /^Recipient Phone Number "\+44 7700 900123 4567" has 16 digits/,
			field: 'Recipient Phone Number',
		});
	});
});

describe('bad inputs', () => {
	// Message limits › contacts (one or more, each with name.formatted_name, birthday YYYY-MM-DD)
	itRefusesEach([
		{
			name: 'no contact in the fields',
			parameters: send('sendContacts', { contacts: {} }),
			message: /^Contacts is empty; add at least one contact/,
			field: 'Contacts',
		},
		{
			name: 'an empty JSON array',
			parameters: send('sendContacts', { specifyContacts: 'json', contactsJson: '[]' }),
			message: /^Contacts is empty; add at least one contact/,
			field: 'Contacts',
		},
		{
			name: 'a JSON contact without name.formatted_name',
			parameters: send('sendContacts', {
				specifyContacts: 'json',
				contactsJson: JSON.stringify([{ name: { first_name: 'Jane' }, phones: [{ phone: '+15551234567' }] }]),
			}),
			message: /^Contact 1 has no Formatted Name; WhatsApp requires one/,
			field: 'Contact 1',
		},
		{
			name: 'a second contact whose Formatted Name an expression left blank',
			parameters: send('sendContacts', {
				contacts: {
					contact: [
						{ formattedName: 'Jane Doe', firstName: 'Jane' },
						{ formattedName: '={{ $json.name }}', firstName: 'Bo' },
					],
				},
			}),
			message: /^Contacts › Contact 2 › Formatted Name is empty/,
			field: 'Contact 2',
		},
		{
			name: 'a birthday written DD/MM/YYYY',
			parameters: send('sendContacts', { contacts: { contact: [{ formattedName: 'Jane Doe', firstName: 'Jane', birthday: '23/04/1990' }] } }),
			message: /^Contact 1 Birthday "23\/04\/1990" must be a date written YYYY-MM-DD/,
			field: 'Contact 1 Birthday',
		},
		{
			name: 'a birthday that is no calendar day (JSON)',
			parameters: send('sendContacts', {
				specifyContacts: 'json',
				contactsJson: JSON.stringify([
					{ name: { formatted_name: 'Jane Doe', first_name: 'Jane' }, birthday: '1990-02-30' },
				]),
			}),
			message: /^Contact 1 Birthday "1990-02-30" must be a date written YYYY-MM-DD/,
			field: 'Contact 1 Birthday',
		},
		{
			name: 'JSON that is one object, not an array',
			parameters: send('sendContacts', {
				specifyContacts: 'json',
				contactsJson: JSON.stringify({ name: { formatted_name: 'Jane Doe' } }),
			}),
			message: /^Contacts \(JSON\) must be a JSON array of objects/,
			field: 'Contacts (JSON)',
		},
	]);
});

describe("A contact's name: formatted_name plus at least one other part", () => {
	const contacts = (extra: INodeParameters) => message('sendContacts', extra);

	it.each([
		['First Name', { firstName: 'Jane' }, { first_name: 'Jane' }],
		['Last Name', { lastName: 'Doe' }, { last_name: 'Doe' }],
		['Middle Name', { middleName: 'Ann' }, { middle_name: 'Ann' }],
		['Name Prefix', { namePrefix: 'Dr.' }, { prefix: 'Dr.' }],
		['Name Suffix', { nameSuffix: 'Jr.' }, { suffix: 'Jr.' }],
	])('sends a card whose only other name part is the %s', async (_part, fields, name) => {
		const body = await sentBody(
			contacts({ contacts: { contact: [{ formattedName: 'Jane Doe', ...fields }] } }),
		);
		expect(body.contacts).toEqual([{ name: { formatted_name: 'Jane Doe', ...name } }]);
	});

	it('sends a JSON card with formatted_name and a suffix as it is', async () => {
		const card = { name: { formatted_name: 'Acme Support', suffix: 'Team' }, phones: [{ phone: '+15550001111' }] };
		const body = await sentBody(contacts({ specifyContacts: 'json', contactsJson: JSON.stringify([card]) }));
		expect(body.contacts).toEqual([card]);
	});

	itRefusesEach([
		{
			name: 'a card with only a Formatted Name',
			parameters: contacts({ contacts: { contact: [{ formattedName: 'Front Desk' }] } }),
			message: /^Contact 1 has a Formatted Name but no other name part; WhatsApp also needs a First Name, Last Name, Middle Name, Name Prefix or Name Suffix/,
			field: 'Contact 1',
		},
		{
			name: 'a second card whose First Name an expression left blank',
			parameters: contacts({
				contacts: {
					contact: [
						{ formattedName: 'Jane Doe', lastName: 'Doe' },
						{ formattedName: 'Bo', firstName: '={{ $json.missing }}' },
					],
				},
			}),
			message: /^Contact 2 has a Formatted Name but no other name part/,
			field: 'Contact 2',
		},
		{
			name: 'a JSON card with only formatted_name, and blank parts',
			parameters: contacts({
				specifyContacts: 'json',
				contactsJson: JSON.stringify([{ name: { formatted_name: 'Jane Doe', first_name: ' ', last_name: '' } }]),
			}),
			message: /^Contact 1 name has only formatted_name; WhatsApp also needs one of first_name, last_name, middle_name, prefix, suffix/,
			field: 'Contact 1',
		},
	]);
});
