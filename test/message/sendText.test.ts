import { NodeApiError } from 'n8n-workflow';

import {
	API_KEY,
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
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';
import { repeated, send } from '../inputs';

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

describe('Message › Send Text', () => {
	it('posts the seed body to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			resource: 'message',
			operation: 'sendText',
			phoneNumberId: phoneNumberById(),
			recipientPhoneNumber: '+1 (555) 123-4567',
			text: 'Hello! Check out https://example.com',
			options: { previewUrl: true },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'text',
			text: { preview_url: true, body: 'Hello! Check out https://example.com' },
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('sends the Maton-Connection header from the node, over the credential default', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent).reply(200, sent);
		await runWhatsApp(
			{
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: phoneNumberById(),
				recipientPhoneNumber: '15551234567',
				text: 'Hi',
				matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID },
			},
			{ credentials: matonCredentials({ connectionId: 'credential-default' }) },
		);
		await runWhatsApp(
			{
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: phoneNumberById(),
				recipientPhoneNumber: '15551234567',
				text: 'Hi',
			},
			{ credentials: matonCredentials({ connectionId: 'credential-default' }) },
		);
		expect(gateway.requests.map((request) => request.headers['maton-connection'])).toEqual([
			CONNECTION_ID,
			'credential-default',
		]);
		expect(gateway.requests[1].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'text',
			text: { body: 'Hi' },
		});
	});

	it('follows the credential: another gateway host and Graph version', async () => {
		const other = fakeApi('https://api.maton.ai').reply(200, sent);
		const { error } = await runWhatsApp(
			{
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: phoneNumberById(),
				recipientPhoneNumber: '15551234567',
				text: 'Hi',
			},
			{ credentials: matonCredentials({ gatewayBaseUrl: 'https://api.maton.ai/', graphApiVersion: 'v26.0' }) },
		);
		expect(error).toBeUndefined();
		expect(other.requests[0].url).toBe(`https://api.maton.ai/whatsapp-business/v26.0/${PHONE_NUMBER_ID}/messages`);
	});

	it('takes Show Link Preview as true / false text from an expression, and a number as text', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			resource: 'message',
			operation: 'sendText',
			phoneNumberId: phoneNumberById(),
			recipientPhoneNumber: '15551234567',
			text: '={{ 42 }}',
			options: { previewUrl: '={{ "TRUE" }}' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'text',
			text: { preview_url: true, body: '42' },
		});
	});

	it('turns a Graph error into a NodeApiError and keeps the key out of it', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(400, {
			error: {
				message: '(#131030) Recipient phone number not in allowed list',
				type: 'OAuthException',
				code: 131030,
				fbtrace_id: 'AbCdEf',
			},
		});
		const { error } = await runWhatsApp({
			resource: 'message',
			operation: 'sendText',
			phoneNumberId: phoneNumberById(),
			recipientPhoneNumber: '15551234567',
			text: 'Hi',
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(JSON.stringify(error)).toContain('131030');
		expect(JSON.stringify(error)).not.toContain(API_KEY);
	});
});

describe('Message › Send Text, shared fields', () => {
	const base = {
		resource: 'message',
		operation: 'sendText',
		recipientPhoneNumber: '15551234567',
		text: 'Hi',
	};

	it('refuses a phone number ID that an expression left empty, sending nothing', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...base, phoneNumberId: { __rl: true, mode: 'id', value: '={{ $json.missing }}' } },
			message: /Business Phone Number is empty/,
			field: 'Business Phone Number',
		});
	});

	it('refuses a phone number given where its ID belongs', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...base, phoneNumberId: { __rl: true, mode: 'id', value: '={{ "+1 555 0100" }}' } },
			message: /Business Phone Number "\+1 555 0100": a phone number ID has only digits/,
			field: 'Business Phone Number',
		});
	});

	it('treats a blank Maton Connection as unset and uses the credential default', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		await runWhatsApp(
			{ ...base, phoneNumberId: phoneNumberById(), matonConnection: { __rl: true, mode: 'id', value: '  ' } },
			{ credentials: matonCredentials({ connectionId: CONNECTION_ID }) },
		);
		expect(gateway.requests[0].headers['maton-connection']).toBe(CONNECTION_ID);
	});

	it('accepts one leading + but not a + inside the number', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...base, phoneNumberId: phoneNumberById(), recipientPhoneNumber: '1555+1234567' },
			message: /Recipient Phone Number "1555\+1234567" has characters other than digits/,
			field: 'Recipient Phone Number',
		});
	});
});

describe('bad inputs', () => {
	describe('Message limits › text (body 1..4096, preview_url boolean)', () => {
		itRefusesEach([
			{
				name: 'a text of 4097 characters',
				parameters: send('sendText', { text: repeated('x', 4097) }),
				message: /^Text is 4097 characters; WhatsApp allows 4096/,
				field: 'Text',
			},
			{
				name: 'a text left blank by its expression',
				parameters: send('sendText', { text: '={{ $json.reply }}' }),
				message: /^Text is empty/,
				field: 'Text',
			},
			{
				name: 'Show Link Preview that is not a boolean',
				parameters: send('sendText', { options: { previewUrl: '={{ "yes please" }}' } }),
				message: /^Show Link Preview\b.*"yes please"/,
				field: 'Show Link Preview',
			},
		]);
	});
	describe('Phone numbers (GET /{phone-number-id}, GET /{waba-id}/phone_numbers)', () => {
		itRefusesEach([
			{
				name: 'sendText: a phone number ID that is not one',
				parameters: send('sendText', { phoneNumberId: phoneNumberById('={{ "+15551234567" }}') }),
				message: /^Business Phone Number "\+15551234567": a phone number ID has only digits/,
				field: 'Business Phone Number',
			},
		]);
	});
});
