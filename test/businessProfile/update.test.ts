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
import { expectInputError } from '../assertions';

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
		const refused = async (updateFields: INodeParameters) => {
			const gateway = fakeApi(GATEWAY_ORIGIN);
			const result = await runWhatsApp(update(updateFields));
			expect(gateway.requests).toHaveLength(0);
			expect(result.items).toEqual([]);
			return result.error;
		};

		it('an About of 140 characters', async () => {
			expectInputError(await refused({ about: 'a'.repeat(140) }), /^About is 140 characters; WhatsApp allows 139/);
		});

		it('an empty About', async () => {
			expectInputError(await refused({ about: '' }), /^About is empty/);
		});

		it('three websites', async () => {
			expectInputError(
				await refused({ websites: ['https://a.example', 'https://b.example', 'https://c.example'] }),
				/^Websites has 3 entries; WhatsApp allows 2/,
			);
		});

		it('a website without http:// or https://', async () => {
			expectInputError(
				await refused({ websites: ['example.com'] }),
				/^Website 1 "example\.com" must start with http:\/\/ or https:\/\//,
			);
		});

		it('an email address that is not one', async () => {
			expectInputError(await refused({ email: 'contact.example.com' }), /^Email "contact\.example\.com" is not an email address/);
		});

		it('an address over 256 or a description over 512 characters', async () => {
			expectInputError(await refused({ address: 'x'.repeat(257) }), /^Address is 257 characters; WhatsApp allows 256/);
			expectInputError(
				await refused({ description: 'x'.repeat(513) }),
				/^Description is 513 characters; WhatsApp allows 512/,
			);
		});

		it('an industry WhatsApp does not know, given by expression', async () => {
			expectInputError(
				await refused({ vertical: '={{ "SPACE_TRAVEL" }}' }),
				/Industry "SPACE_TRAVEL" is not one of APPAREL, AUTO, /,
				/RETAIL/,
			);
		});

		it('no field at all', async () => {
			expectInputError(await refused({}), /^Update Fields is empty/);
		});
	});
});
