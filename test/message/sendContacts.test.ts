import {
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { expectRejected } from './expectRejected';

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
		await expectRejected(
			{
				...contacts,
				contacts: {
					contact: [
						{ formattedName: 'Jane Doe', firstName: 'Jane' },
						{ formattedName: '={{ $json.name ?? "" }}', firstName: 'John' },
					],
				},
			},
			/^Contacts › Contact 2 › Formatted Name is empty/,
		);
	});

	it('refuses a contact in JSON without a formatted name', async () => {
		await expectRejected(
			{
				...contacts,
				specifyContacts: 'json',
				contactsJson: JSON.stringify([seedContact, { name: { first_name: 'Jane' } }]),
			},
			/^Contact 2 has no Formatted Name/,
		);
	});

	it('refuses a birthday that is not YYYY-MM-DD', async () => {
		await expectRejected(
			{ ...contacts, contacts: { contact: [{ formattedName: 'John Doe', firstName: 'John', birthday: '23/04/1990' }] } },
			/^Contact 1 Birthday "23\/04\/1990" must be a date written YYYY-MM-DD/,
		);
	});

	it('refuses a birthday in the right shape that is no date', async () => {
		await expectRejected(
			{ ...contacts, contacts: { contact: [{ formattedName: 'John Doe', firstName: 'John', birthday: '1990-02-30' }] } },
			/^Contact 1 Birthday "1990-02-30" must be a date written YYYY-MM-DD/,
		);
	});

	it('refuses no contacts at all', async () => {
		await expectRejected({ ...contacts, contacts: {} }, /^Contacts is empty/);
	});

	it('refuses Contacts (JSON) that is not valid JSON', async () => {
		await expectRejected(
			{ ...contacts, specifyContacts: 'json', contactsJson: '[{ "name": { "formatted_name": "John" } ' },
			/^Contacts \(JSON\) is not valid JSON/,
		);
	});

	it('refuses a recipient with 16 digits', async () => {
		await expectRejected(
			{
				...contacts,
				recipientPhoneNumber: '+44 7700 900123 4567',
				contacts: { contact: [{ formattedName: 'John Doe', firstName: 'John' }] },
			},
			/^Recipient Phone Number "\+44 7700 900123 4567" has 16 digits/,
		);
	});
});
