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
import { itRefusesEach } from '../refusal';

const phoneNumber = {
	verified_name: 'Acme Support',
	code_verification_status: 'VERIFIED',
	display_phone_number: '+1 555-0100',
	quality_rating: 'GREEN',
	platform_type: 'CLOUD_API',
	throughput: { level: 'STANDARD' },
	id: PHONE_NUMBER_ID,
};

describe('Phone Number › Get', () => {
	it('gets /{phone-number-id} and outputs the phone number', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, phoneNumber);
		const { items, error } = await runWhatsApp({
			resource: 'phoneNumber',
			operation: 'get',
			phoneNumberId: phoneNumberById(),
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('GET');
		expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([phoneNumber]);
	});

	it('asks for the chosen fields', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: PHONE_NUMBER_ID, quality_rating: 'GREEN' });
		const { items, error } = await runWhatsApp({
			resource: 'phoneNumber',
			operation: 'get',
			phoneNumberId: phoneNumberById(),
			options: { fields: ['quality_rating', 'throughput'] },
		});
		expect(error).toBeUndefined();
		expect(splitUrl(gateway.requests[0].url)).toEqual({
			base: `${GRAPH}/${PHONE_NUMBER_ID}`,
			query: { fields: 'quality_rating,throughput' },
		});
		expect(items.map((item) => item.json)).toEqual([{ id: PHONE_NUMBER_ID, quality_rating: 'GREEN' }]);
	});

	it('sends the Maton-Connection header from the node, over the credential default', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, phoneNumber).reply(200, phoneNumber);
		const credentials = matonCredentials({ connectionId: 'credential-default' });
		await runWhatsApp(
			{
				resource: 'phoneNumber',
				operation: 'get',
				phoneNumberId: phoneNumberById(),
				matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID },
			},
			{ credentials },
		);
		await runWhatsApp(
			{ resource: 'phoneNumber', operation: 'get', phoneNumberId: phoneNumberById() },
			{ credentials },
		);
		expect(gateway.requests.map((request) => request.headers['maton-connection'])).toEqual([
			CONNECTION_ID,
			'credential-default',
		]);
	});
});

describe('bad inputs', () => {
	// Phone numbers (GET /{phone-number-id}, GET /{waba-id}/phone_numbers)
	itRefusesEach([
		{
			name: 'get: the phone number itself where its ID belongs',
			parameters: { resource: 'phoneNumber', operation: 'get', phoneNumberId: phoneNumberById('={{ "+1 555 123 4567" }}') },
			message: /^Business Phone Number "\+1 555 123 4567": a phone number ID has only digits/,
			field: 'Business Phone Number',
		},
		{
			name: 'get: a phone number ID left blank by its expression',
			parameters: { resource: 'phoneNumber', operation: 'get', phoneNumberId: phoneNumberById('={{ $json.id }}') },
			message: /^Business Phone Number is empty/,
			field: 'Business Phone Number',
		},
	]);
});
