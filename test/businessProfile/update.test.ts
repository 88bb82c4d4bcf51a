import type { INodeParameters } from 'n8n-workflow';

import {
	CONNECTION_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	matonCredentials,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { repeated } from '../inputs';
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';

const PROFILE = `${GRAPH}/${PHONE_NUMBER_ID}/whatsapp_business_profile`;

const update = (updateFields: INodeParameters, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'businessProfile',
	operation: 'update',
	phoneNumberId: phoneNumberById(),
	updateFields,
	...extra,
});

describe('Business Profile › Update', () => {
	it("posts the seed's body and outputs the answer", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { success: true });
		const { items, error } = await runWhatsApp(
			update({
				about: 'Your trusted partner',
				address: '123 Business St',
				description: 'We provide excellent services',
				email: 'contact@example.com',
				websites: ['https://example.com'],
				vertical: 'RETAIL',
			}),
		);
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(PROFILE);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({
			messaging_product: 'whatsapp',
			about: 'Your trusted partner',
			address: '123 Business St',
			description: 'We provide excellent services',
			email: 'contact@example.com',
			websites: ['https://example.com'],
			vertical: 'RETAIL',
		});
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
	});

	it('sends only the fields given, websites always as an array', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { success: true }).reply(200, { success: true });
		await runWhatsApp(update({ websites: ['https://example.com', 'http://shop.example.com/en'] }));
		// From an expression, a single website may arrive as plain text.
		await runWhatsApp(update({ about: 'Open 9 to 5', websites: '={{ "https://example.com" }}' }));
		expect(gateway.requests.map((request) => request.body)).toEqual([
			{ messaging_product: 'whatsapp', websites: ['https://example.com', 'http://shop.example.com/en'] },
			{ messaging_product: 'whatsapp', about: 'Open 9 to 5', websites: ['https://example.com'] },
		]);
	});

	it('sets the profile picture from a Resumable Upload handle', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { success: true });
		const { error } = await runWhatsApp(update({ profilePictureHandle: '4::aW1hZ2UvanBlZw==:ARZabc' }));
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			profile_picture_handle: '4::aW1hZ2UvanBlZw==:ARZabc',
		});
	});

	it('sends the Maton-Connection header from the node, over the credential default', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { success: true }).reply(200, { success: true });
		const credentials = matonCredentials({ connectionId: 'credential-default' });
		await runWhatsApp(
			update({ about: 'Hi' }, { matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID } }),
			{ credentials },
		);
		await runWhatsApp(update({ about: 'Hi' }), { credentials });
		expect(gateway.requests.map((request) => request.headers['maton-connection'])).toEqual([
			CONNECTION_ID,
			'credential-default',
		]);
	});

	describe('refuses, without a request,', () => {
		it('an About of 140 characters', async () => {
			await expectRefusedBeforeSending({
				parameters: update({ about: 'a'.repeat(140) }),
				message: /^About is 140 characters; WhatsApp allows 139/,
				field: 'About',
			});
		});

		it('an empty About', async () => {
			await expectRefusedBeforeSending({
				parameters: update({ about: '' }),
				message: /^About is empty/,
				field: 'About',
			});
		});

		it('three websites', async () => {
			await expectRefusedBeforeSending({
				parameters: update({ websites: ['https://a.example', 'https://b.example', 'https://c.example'] }),
				message: /^Websites has 3 entries; WhatsApp allows 2/,
				field: 'Websites',
			});
		});

		it('a website without http:// or https://', async () => {
			await expectRefusedBeforeSending({
				parameters: update({ websites: ['example.com'] }),
				message: /^Website 1 "example\.com" must start with http:\/\/ or https:\/\//,
				field: 'Website 1',
			});
		});

		it('an email address that is not one', async () => {
			await expectRefusedBeforeSending({
				parameters: update({ email: 'contact.example.com' }),
				message: /^Email "contact\.example\.com" is not an email address/,
				field: 'Email',
			});
		});

		it('an address over 256 or a description over 512 characters', async () => {
			await expectRefusedBeforeSending({
				parameters: update({ address: 'x'.repeat(257) }),
				message: /^Address is 257 characters; WhatsApp allows 256/,
				field: 'Address',
			});
			await expectRefusedBeforeSending({
				parameters: update({ description: 'x'.repeat(513) }),
				message: /^Description is 513 characters; WhatsApp allows 512/,
				field: 'Description',
			});
		});

		it('an industry WhatsApp does not know, given by expression', async () => {
			await expectRefusedBeforeSending({
				parameters: update({ vertical: '={{ "SPACE_TRAVEL" }}' }),
				message: /Industry "SPACE_TRAVEL" is not one of APPAREL, AUTO, /,
				field: 'Industry',
				description: /RETAIL/,
			});
		});

		it('no field at all', async () => {
			await expectRefusedBeforeSending({
				parameters: update({}),
				message: /^Update Fields is empty/,
				field: 'Update Fields',
			});
		});
	});
});

describe('bad inputs', () => {
	const updateProfile = (updateFields: INodeParameters, extra: INodeParameters = {}): INodeParameters => ({
		resource: 'businessProfile',
		operation: 'update',
		phoneNumberId: phoneNumberById(),
		updateFields,
		...extra,
	});
	// Business profile › Update (about 1..139, address ≤ 256, description ≤ 512, email ≤ 128 and valid, websites ≤ 2 each ≤ 256 http(s), vertical)
	itRefusesEach([
		{
			name: 'an About of 140 characters',
			parameters: updateProfile({ about: repeated('a', 140) }),
			message: /^About is 140 characters; WhatsApp allows 139/,
			field: 'About',
		},
		{
			name: 'an empty About',
			parameters: updateProfile({ about: '' }),
			message: /^About is empty/,
			field: 'About',
		},
		{
			name: 'an address of 257 characters',
			parameters: updateProfile({ address: repeated('x', 257) }),
			message: /^Address is 257 characters; WhatsApp allows 256/,
			field: 'Address',
		},
		{
			name: 'a description of 513 characters',
			parameters: updateProfile({ description: repeated('d', 513) }),
			message: /^Description is 513 characters; WhatsApp allows 512/,
			field: 'Description',
		},
		{
			name: 'an email of 129 characters',
			parameters: updateProfile({ email: `={{ "e".repeat(117) + "@example.com" }}` }),
			message: /^Email is 129 characters; WhatsApp allows 128/,
			field: 'Email',
		},
		{
			name: 'an email without @',
			parameters: updateProfile({ email: 'contact.example.com' }),
			message: /^Email "contact\.example\.com" is not an email address/,
			field: 'Email',
		},
		{
			name: 'an email without a domain',
			parameters: updateProfile({ email: 'contact@localhost' }),
			message: /^Email "contact@localhost" is not an email address/,
			field: 'Email',
		},
		{
			name: 'three websites',
			parameters: updateProfile({ websites: ['https://a.example', 'https://b.example', 'https://c.example'] }),
			message: /^Websites has 3 entries; WhatsApp allows 2/,
			field: 'Websites',
		},
		{
			name: 'a website without http:// or https://',
			parameters: updateProfile({ websites: ['https://a.example', 'www.example.com'] }),
			message: /^Website 2 "www\.example\.com" must start with http:\/\/ or https:\/\//,
			field: 'Website 2',
		},
		{
			name: 'an ftp:// website',
			parameters: updateProfile({ websites: ['ftp://files.example.com'] }),
			message: /^Website 1 "ftp:\/\/files\.example\.com" must start with http:\/\/ or https:\/\//,
			field: 'Website 1',
		},
		{
			name: 'a website of 257 characters',
			parameters: updateProfile({ websites: `={{ "https://example.com/" + "p".repeat(237) }}` }),
			message: /^Website 1 is 257 characters; WhatsApp allows 256/,
			field: 'Website 1',
		},
		{
			name: 'an industry WhatsApp does not know',
			parameters: updateProfile({ vertical: '={{ "SPACE_TRAVEL" }}' }),
			message: /^Industry "SPACE_TRAVEL" is not one of APPAREL, AUTO, /,
			field: 'Industry',
		},
		{
			name: 'no field to update',
			parameters: updateProfile({}),
			message: /^Update Fields is empty/,
			field: 'Update Fields',
		},
		{
			name: 'a phone number ID left blank by its expression',
			parameters: updateProfile({ about: 'Open 9 to 5' }, { phoneNumberId: phoneNumberById('={{ $json.id }}') }),
			message: /^Business Phone Number is empty/,
			field: 'Business Phone Number',
		},
	]);
});
