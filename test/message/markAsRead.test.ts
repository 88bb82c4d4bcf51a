import {
	CONNECTION_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';

const read = { success: true };

describe('Message › Mark as Read', () => {
	it('posts the seed body to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, read);
		const { items, error } = await runWhatsApp({
			resource: 'message',
			operation: 'markAsRead',
			phoneNumberId: phoneNumberById(),
			messageId: 'wamid.xxxxx',
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
			status: 'read',
			message_id: 'wamid.xxxxx',
		});
		expect(items.map((item) => item.json)).toEqual([read]);
	});

	it('also shows the typing indicator with Show Typing Indicator', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, read);
		const { items, error } = await runWhatsApp({
			resource: 'message',
			operation: 'markAsRead',
			phoneNumberId: phoneNumberById(),
			messageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
			options: { typingIndicator: true },
			matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID },
		});
		expect(error).toBeUndefined();
		const [request] = gateway.requests;
		expect(request.headers['maton-connection']).toBe(CONNECTION_ID);
		expect(request.body).toEqual({
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
			typing_indicator: { type: 'text' },
		});
		expect(items.map((item) => item.json)).toEqual([read]);
	});

	it('sends no typing indicator when the option is off', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, read);
		const { error } = await runWhatsApp({
			resource: 'message',
			operation: 'markAsRead',
			phoneNumberId: phoneNumberById(),
			messageId: 'wamid.xxxxx',
			options: { typingIndicator: false },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: 'wamid.xxxxx',
		});
	});

	it('marks each input item, with the message ID from an expression', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, read).reply(200, read);
		const { items, error } = await runWhatsApp(
			{
				resource: 'message',
				operation: 'markAsRead',
				phoneNumberId: phoneNumberById(),
				messageId: '={{ $json.messages[0].id }}',
			},
			{
				input: [
					{ json: { messages: [{ id: 'wamid.first' }] } },
					{ json: { messages: [{ id: 'wamid.second' }] } },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => (request.body as { message_id: string }).message_id).sort()).toEqual([
			'wamid.first',
			'wamid.second',
		]);
		expect(items.map((item) => item.json)).toEqual([read, read]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('refuses a message ID that is blank once its expression is resolved', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				resource: 'message',
				operation: 'markAsRead',
				phoneNumberId: phoneNumberById(),
				messageId: '={{ $json.messageId }}',
			},
			message: /^Message ID is empty/,
			field: 'Message ID',
		});
	});
});

describe('bad inputs', () => {
	// Message limits › mark as read ({ status: "read", message_id })
	itRefusesEach([
		{
			name: 'a message ID left blank by its expression',
			parameters: {
				resource: 'message',
				operation: 'markAsRead',
				phoneNumberId: phoneNumberById(),
				messageId: '={{ $json.wamid }}',
				options: { typingIndicator: true },
			},
			message: /^Message ID is empty/,
			field: 'Message ID',
		},
	]);
});
