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
import { repeated, send } from '../inputs';

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const locationRequest = {
	resource: 'message',
	operation: 'sendLocationRequest',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	bodyText: 'Please share your location so we can find the nearest store',
};

const expectedBody = {
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '15551234567',
	type: 'interactive',
	interactive: {
		type: 'location_request_message',
		body: { text: 'Please share your location so we can find the nearest store' },
		action: { name: 'send_location' },
	},
};

describe('Message › Send Location Request', () => {
	it('posts the location request to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp(locationRequest);
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
		expectAuthorised(request);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual(expectedBody);
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('adds the reply context from the options', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...locationRequest,
			options: { replyToMessageId: 'wamid.quoted' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({ ...expectedBody, context: { message_id: 'wamid.quoted' } });
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('takes a body text of exactly 1024 characters', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({ ...locationRequest, bodyText: 'x'.repeat(1024) });
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			...expectedBody,
			interactive: { ...expectedBody.interactive, body: { text: 'x'.repeat(1024) } },
		});
	});

	it('refuses a body text over 1024 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...locationRequest, bodyText: 'x'.repeat(1025) },
			message: /^Body Text is 1025 characters; WhatsApp allows 1024/,
			field: 'Body Text',
		});
	});

	it('refuses an empty body text', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...locationRequest, bodyText: '={{ $json.text }}' },
			message: /^Body Text is empty/,
			field: 'Body Text',
		});
	});

	it('refuses a recipient starting with 00', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...locationRequest, recipientPhoneNumber: '0044 7700 900123' },
			message: /^Recipient Phone Number "0044 7700 900123" starts with 00/,
			field: 'Recipient Phone Number',
		});
	});
});

describe('bad inputs', () => {
	// Message limits › interactive: location request (body ≤ 1024)
	itRefusesEach([
		{
			name: 'a body of 1025 characters',
			parameters: send('sendLocationRequest', { bodyText: repeated('b', 1025) }),
			message: /^Body Text is 1025 characters; WhatsApp allows 1024/,
			field: 'Body Text',
		},
		{
			name: 'a body left blank by its expression',
			parameters: send('sendLocationRequest', { bodyText: '={{ " " }}' }),
			message: /^Body Text is empty/,
			field: 'Body Text',
		},
	]);
});
