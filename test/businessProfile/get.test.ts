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
import { splitUrl } from '../assertions';

const PROFILE = `${GRAPH}/${PHONE_NUMBER_ID}/whatsapp_business_profile`;
const SEED_FIELDS = ['about', 'address', 'description', 'email', 'profile_picture_url', 'websites', 'vertical'];

const profile = {
	about: 'Your trusted partner',
	address: '123 Business St',
	description: 'We provide excellent services',
	email: 'contact@example.com',
	profile_picture_url: 'https://pps.whatsapp.net/v/t61.24694-24/123.jpg',
	websites: ['https://example.com'],
	vertical: 'RETAIL',
	messaging_product: 'whatsapp',
};

/** The `fields` query parameter as a sorted list, and the URL without it. */
function fieldsOf(url: string): { base: string; fields: string[]; others: Record<string, unknown> } {
	const { base, query } = splitUrl(url);
	const { fields, ...others } = query;
	expect(typeof fields).toBe('string');
	return { base, fields: String(fields).split(',').sort(), others };
}

describe('Business Profile › Get', () => {
	it("asks for the seed's seven fields and outputs the profile itself", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [profile] });
		const { items, error } = await runWhatsApp({
			resource: 'businessProfile',
			operation: 'get',
			phoneNumberId: phoneNumberById(),
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('GET');
		expect(fieldsOf(request.url)).toEqual({ base: PROFILE, fields: [...SEED_FIELDS].sort(), others: {} });
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([profile]);
	});

	it('asks for only the chosen fields', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [{ about: 'Hi', messaging_product: 'whatsapp' }] });
		const { items, error } = await runWhatsApp({
			resource: 'businessProfile',
			operation: 'get',
			phoneNumberId: phoneNumberById(),
			fields: ['about', 'websites'],
		});
		expect(error).toBeUndefined();
		expect(fieldsOf(gateway.requests[0].url)).toEqual({ base: PROFILE, fields: ['about', 'websites'], others: {} });
		expect(items.map((item) => item.json)).toEqual([{ about: 'Hi', messaging_product: 'whatsapp' }]);
	});

	it('asks for every field when none is chosen, rather than an empty list', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [profile] });
		const { error } = await runWhatsApp({
			resource: 'businessProfile',
			operation: 'get',
			phoneNumberId: phoneNumberById(),
			fields: [],
		});
		expect(error).toBeUndefined();
		expect(fieldsOf(gateway.requests[0].url).fields).toEqual([...SEED_FIELDS].sort());
	});

	it('sends the Maton-Connection header from the node, over the credential default', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [profile] }).reply(200, { data: [profile] });
		const credentials = matonCredentials({ connectionId: 'credential-default' });
		const parameters = { resource: 'businessProfile', operation: 'get', phoneNumberId: phoneNumberById() };
		await runWhatsApp(
			{ ...parameters, matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID } },
			{ credentials },
		);
		await runWhatsApp(parameters, { credentials });
		expect(gateway.requests.map((request) => request.headers['maton-connection'])).toEqual([
			CONNECTION_ID,
			'credential-default',
		]);
	});
});
