/**
 * Failures explained: the error says what Graph or Maton said (not n8n's generic "Bad request"),
 * its description carries code, subcode, details and trace id, and known codes get a hint.
 */
import { NodeApiError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { CONTROL_ORIGIN, GATEWAY_ORIGIN, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';

const sendText: INodeParameters = {
	resource: 'message',
	operation: 'sendText',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	text: 'Hello',
	deliveryOptions: { maxRetries: 0 },
};

const graphError = (code: number, message: string, extra: Record<string, unknown> = {}) => ({
	error: { message, type: 'OAuthException', code, fbtrace_id: 'AzTrace', ...extra },
});

async function failWith(status: number, body: unknown, parameters: INodeParameters = sendText) {
	const gateway = fakeApi(GATEWAY_ORIGIN).reply(status, body, typeof body === 'string' ? { 'content-type': 'text/plain' } : {});
	const { error } = await runWhatsApp(parameters);
	expect(gateway.requests).toHaveLength(1);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

describe('Graph and Maton errors, explained', () => {
	it("shows Graph's message, and code, subcode, details and trace id in the description", async () => {
		const error = await failWith(
			400,
			graphError(131047, 'Re-engagement message', {
				error_subcode: 2494010,
				error_data: { messaging_product: 'whatsapp', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
			}),
		);
		expect(error.message).toBe('Re-engagement message (code 131047, subcode 2494010)');
		expect(error.httpCode).toBe('400');
		expect(error.description).toContain('more than 24 hours have passed since the customer last replied');
		expect(error.description).toContain('Code 131047, subcode 2494010.');
		expect(error.description).toContain('Trace ID AzTrace.');
		expect(error.description).toContain('only a template message can reach them now (Message › Send Template, or the option If Outside the 24-Hour Window, Send Template of this send)');
		expect(error.context.itemIndex).toBe(0);
	});

	it.each([
		[132000, '(#132000) Number of parameters does not match the expected number of params', /Map Template Variables/],
		[190, 'Error validating access token: Session has expired', /re-authorise the connection/],
		[131030, '(#131030) Recipient phone number not in allowed list', /allowed list/],
		[131026, 'Message undeliverable', /could not deliver/],
		[133010, 'Account not registered', /not registered/],
		[10, '(#10) Application does not have permission for this action', /messages need whatsapp_business_messaging/],
		[200, '(#200) Requires whatsapp_business_management permission', /Ask Maton for a WhatsApp Business connection granted both/],
		[294, '(#294) Managing advertisements requires the extended permission', /lacks a permission this request needs/],
	])('adds a hint for Graph code %i', async (code, message, hint) => {
		const error = await failWith(400, graphError(code, message));
		expect(error.message).toContain(message);
		expect(error.message).toContain(String(code));
		expect(error.description).toMatch(hint);
	});

	it('explains a 401 from Maton: the API key', async () => {
		const error = await failWith(401, { error: 'Invalid API key' });
		expect(error.message).toBe('Invalid API key');
		expect(error.httpCode).toBe('401');
		expect(error.description).toMatch(/Maton rejected the API key/);
	});

	it('explains a 400 about a missing connection: create or activate one', async () => {
		const error = await failWith(400, { error: 'No active connection found for app whatsapp-business' });
		expect(error.message).toBe('No active connection found for app whatsapp-business');
		expect(error.description).toMatch(/Connection › Create/);
	});

	it("explains Maton's 500: often an expired OAuth grant", async () => {
		const error = await failWith(500, 'Internal Server Error');
		expect(error.message).toBe('Internal Server Error');
		expect(error.description).toMatch(/re-authorise the connection/);
	});

	it('reads a plain-text body', async () => {
		const error = await failWith(404, 'Not Found: no such phone number');
		expect(error.message).toBe('Not Found: no such phone number');
		expect(error.httpCode).toBe('404');
	});

	it('reads an HTML error page by its title', async () => {
		const error = await failWith(
			403,
			'<!DOCTYPE html><html><head><title>403 Forbidden</title></head><body><center>nginx</center></body></html>',
		);
		expect(error.message).toBe('403 Forbidden');
	});

	it('explains failures of the control API too', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(404, { error: 'Connection not found' });
		const { error } = await runWhatsApp({
			resource: 'connection',
			operation: 'get',
			connectionId: { __rl: true, mode: 'id', value: 'nope' },
			deliveryOptions: { maxRetries: 0 },
		});
		expect(control.requests).toHaveLength(1);
		expect(error?.message).toBe('Connection not found');
	});
});

describe('no item lost', () => {
	it('100 items, item 37 refused: 100 outputs, 99 sent, one error item paired to input 37', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		for (let index = 0; index < 99; index++) gateway.reply(200, { messages: [{ id: `wamid.${index}` }] });
		const input = Array.from({ length: 100 }, (_, index) => ({
			json: { to: index === 37 ? '12345' : `1555000${String(index).padStart(4, '0')}` },
		}));
		const { items, error } = await runWhatsApp(
			{
				...sendText,
				recipientPhoneNumber: '={{ $json.to }}',
				deliveryOptions: { requestsPerSecond: 0 },
			},
			{ input, continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(100);
		expect(gateway.requests).toHaveLength(99);
		const failed = items.filter((item) => item.error);
		expect(failed).toHaveLength(1);
		expect(failed[0].pairedItem).toEqual({ item: 37 });
		expect(failed[0].json.error).toMatch(/Recipient Phone Number "12345" has 5 digits/);
		const sentTo = gateway.requests.map((request) => (request.body as { to: string }).to);
		expect(new Set(sentTo).size).toBe(99);
		expect(sentTo).not.toContain('12345');
	});

	it('with Continue On Fail, an API failure is an error item whose json carries message and code', async () => {
		fakeApi(GATEWAY_ORIGIN)
			.reply(200, { messages: [{ id: 'wamid.0' }] })
			.reply(400, graphError(131026, 'Message undeliverable'));
		const { items } = await runWhatsApp(
			{ ...sendText, recipientPhoneNumber: '={{ $json.to }}', deliveryOptions: { maxRetries: 0, requestsPerSecond: 2 } },
			{ input: [{ json: { to: '15550000001' } }, { json: { to: '15550000002' } }], continueOnFail: true },
		);
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({ messages: [{ id: 'wamid.0' }] });
		expect(items[1].json.error).toBe('Message undeliverable (code 131026)');
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});

	it('without Continue On Fail, the first failure stops the run with its item index', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, {}).reply(400, graphError(100, 'Invalid parameter'));
		const { error } = await runWhatsApp(
			{ ...sendText, recipientPhoneNumber: '={{ $json.to }}', deliveryOptions: { maxRetries: 0, requestsPerSecond: 2 } },
			{ input: [{ json: { to: '15550000001' } }, { json: { to: '15550000002' } }] },
		);
		expect(error?.message).toBe('Invalid parameter (code 100)');
		expect(error?.context?.itemIndex).toBe(1);
	});
});
