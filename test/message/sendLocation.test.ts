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

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const location = {
	resource: 'message',
	operation: 'sendLocation',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
};

describe('Message › Send Location', () => {
	it('posts the seed body (with name and address) to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...location,
			latitude: 37.7749,
			longitude: -122.4194,
			options: { locationName: 'San Francisco', address: 'San Francisco, CA, USA' },
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
			type: 'location',
			location: {
				latitude: 37.7749,
				longitude: -122.4194,
				name: 'San Francisco',
				address: 'San Francisco, CA, USA',
			},
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('sends only the coordinates when no name or address is given, as numbers even from an expression', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp(
			{ ...location, latitude: '={{ $json.lat }}', longitude: '={{ $json.lng }}' },
			{ input: [{ json: { lat: '-33.8568', lng: '151.2153' } }] },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'location',
			location: { latitude: -33.8568, longitude: 151.2153 },
		});
	});

	it('takes the poles and the antimeridian', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({ ...location, latitude: -90, longitude: 180 });
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toMatchObject({ location: { latitude: -90, longitude: 180 } });
	});

	it('quotes an earlier message with Reply To Message ID', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...location,
			latitude: 37.7749,
			longitude: -122.4194,
			options: { replyToMessageId: 'wamid.quoted' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'location',
			location: { latitude: 37.7749, longitude: -122.4194 },
			context: { message_id: 'wamid.quoted' },
		});
	});

	it('refuses a latitude of 91', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...location, latitude: 91, longitude: -122.4194 },
			message: /^Latitude is 91; it must be between -90 and 90/,
			field: 'Latitude',
		});
	});

	it('refuses a longitude of -180.5', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...location, latitude: 37.7749, longitude: -180.5 },
			message: /^Longitude is -180.5; it must be between -180 and 180/,
			field: 'Longitude',
		});
	});

	it('refuses a recipient with letters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...location, recipientPhoneNumber: 'fifteen', latitude: 37.7749, longitude: -122.4194 },
			message: /^Recipient Phone Number "fifteen" has characters other than digits/,
			field: 'Recipient Phone Number',
		});
	});
});

describe('bad inputs', () => {
	// Message limits › location (latitude -90..90, longitude -180..180)
	itRefusesEach([
		{
			name: 'a latitude of 91',
			parameters: send('sendLocation', { latitude: '={{ 91 }}' }),
			message: /^Latitude is 91; it must be between -90 and 90/,
			field: 'Latitude',
		},
		{
			name: 'a latitude of -90.5',
			parameters: send('sendLocation', { latitude: '={{ -90.5 }}' }),
			message: /^Latitude is -90\.5; it must be between -90 and 90/,
			field: 'Latitude',
		},
		{
			name: 'a longitude of 180.01',
			parameters: send('sendLocation', { longitude: '={{ 180.01 }}' }),
			message: /^Longitude is 180\.01; it must be between -180 and 180/,
			field: 'Longitude',
		},
		{
			name: 'a latitude that is not a number',
			parameters: send('sendLocation', { latitude: '={{ "north" }}' }),
			message: /^Latitude is north; it must be between -90 and 90/,
			field: 'Latitude',
		},
	]);
});
