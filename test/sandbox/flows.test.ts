/**
 * WhatsApp Flows against the local Maton sandbox (sandbox/flows.js): Message › Send Flow and a
 * Template › Create with a FLOW button, sent by the node through n8n's engine, are accepted as
 * Graph would; the sandbox refuses the flow messages and buttons Graph refuses
 * (docs/whatsapp-rules.md § Flow messages, § Template management).
 */
import nock from 'nock';

import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { runWhatsApp } from '../fixture';

let sandbox: SandboxHandle;

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ port: 0, rateLimitPerSecond: 0 });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => sandbox.reset());

const KEY = 'sandbox-key';

interface Answer {
	id?: string;
	messages?: Array<{ id: string }>;
	error?: { code: number; error_data?: { details: string } };
}

async function post(path: string, body: Record<string, unknown>): Promise<{ status: number; body: Answer }> {
	const response = await fetch(`${sandbox.url}/whatsapp-business/v25.0${path}`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Answer };
}

const flowParameters = (extra: Record<string, unknown> = {}) => ({
	flow_message_version: '3',
	flow_token: 'unused',
	flow_id: '1197715005513101',
	flow_cta: 'Book now',
	mode: 'published',
	flow_action: 'navigate',
	flow_action_payload: { screen: 'BOOKING' },
	...extra,
});

const flowMessage = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '15551234567',
	type: 'interactive',
	interactive: { type: 'flow', body: { text: 'Book your appointment' }, action: { name: 'flow', parameters }, ...extra },
});

describe('sandbox › flow messages', () => {
	it('accepts the flow message the node sends, and records it', async () => {
		const { items, error } = await runWhatsApp(
			{
				resource: 'message',
				operation: 'sendFlow',
				phoneNumberId: { __rl: true, mode: 'id', value: sandbox.ids.phoneNumberId },
				recipientPhoneNumber: '15551234567',
				flow: { __rl: true, mode: 'name', value: 'appointment_booking' },
				bodyText: 'Book your appointment in a few taps.',
				buttonText: 'Book now',
				flowAction: 'navigate',
				flowScreen: 'BOOKING',
				flowScreenData: '{ "customer_name": "Jane" }',
				options: { headerText: 'Appointments', flowMode: 'draft' },
			},
			{ credentials: sandbox.credentials() },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ messages: [{ id: expect.stringMatching(/^wamid\./) }] });
		expect(sandbox.state.messages).toHaveLength(1);
		expect(sandbox.state.messages[0].body).toMatchObject({
			type: 'interactive',
			interactive: {
				type: 'flow',
				action: {
					name: 'flow',
					parameters: {
						flow_name: 'appointment_booking',
						mode: 'draft',
						flow_action_payload: { screen: 'BOOKING', data: { customer_name: 'Jane' } },
					},
				},
			},
		});
	});

	it('accepts a data_exchange flow without a payload', async () => {
		const rest: Record<string, unknown> = { ...flowParameters({ flow_action: 'data_exchange' }) };
		delete rest.flow_action_payload;
		const { status } = await post(`/${sandbox.ids.phoneNumberId}/messages`, flowMessage(rest));
		expect(status).toBe(200);
	});

	it.each([
		['an emoji in flow_cta', flowMessage(flowParameters({ flow_cta: 'Book 📅' })), /flow_cta.*emoji/],
		['a flow_cta of 21 characters', flowMessage(flowParameters({ flow_cta: 'x'.repeat(21) })), /flow_cta.*20 characters/],
		['both flow_id and flow_name', flowMessage(flowParameters({ flow_name: 'booking' })), /exactly one of flow_id, flow_name/],
		['a flow_id that is not digits', flowMessage(flowParameters({ flow_id: 'booking' })), /flow_id.*digits/],
		['navigate without a screen', flowMessage(flowParameters({ flow_action_payload: {} })), /screen/],
		['a payload for data_exchange', flowMessage(flowParameters({ flow_action: 'data_exchange' })), /not allowed when flow_action is data_exchange/],
		['empty screen data', flowMessage(flowParameters({ flow_action_payload: { screen: 'BOOKING', data: {} } })), /non-empty JSON object/],
		['flow_message_version 2', flowMessage(flowParameters({ flow_message_version: '2' })), /flow_message_version/],
		['a media header', flowMessage(flowParameters(), { header: { type: 'image', image: { link: 'https://example.com/a.png' } } }), /header/],
	])('refuses %s', async (_case, body, detail) => {
		const { status, body: answer } = await post(`/${sandbox.ids.phoneNumberId}/messages`, body);
		expect(status).toBe(400);
		expect(answer.error?.code).toBe(100);
		expect(JSON.stringify(answer.error)).toMatch(detail);
		expect(sandbox.state.messages).toHaveLength(0);
	});
});

describe('sandbox › template FLOW buttons', () => {
	const template = (buttons: unknown[]) => ({
		name: 'book_appointment',
		language: 'en_US',
		category: 'MARKETING',
		components: [{ type: 'BODY', text: 'Ready to book your next appointment?' }, { type: 'BUTTONS', buttons }],
	});
	const flowButton = { type: 'FLOW', text: 'Book now', flow_id: '1197715005513101', flow_action: 'navigate', navigate_screen: 'BOOKING' };

	it('accepts the FLOW button Template › Create sends', async () => {
		const { items, error } = await runWhatsApp(
			{
				resource: 'template',
				operation: 'create',
				templateName: 'book_appointment',
				languageCode: 'en_US',
				category: 'MARKETING',
				bodyText: 'Ready to book your next appointment?',
				templateButtons: {
					button: [{ type: 'flow', text: 'Book now', flowGivenBy: 'id', flowId: '1197715005513101', flowAction: 'navigate', navigateScreen: 'BOOKING' }],
				},
			},
			{ credentials: sandbox.credentials() },
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'PENDING' });
	});

	it.each([
		['two FLOW buttons', template([flowButton, { ...flowButton, text: 'Later' }]), /at most one FLOW button/],
		['a FLOW button text of 26 characters', template([{ ...flowButton, text: 'x'.repeat(26) }]), /at most 25 characters/],
		['a FLOW button without a flow', template([{ type: 'FLOW', text: 'Book', flow_action: 'data_exchange' }]), /exactly one of flow_id, flow_name, flow_json/],
		['a navigating FLOW button without navigate_screen', template([{ ...flowButton, navigate_screen: undefined }]), /navigate_screen/],
	])('refuses %s', async (_case, body, detail) => {
		const { status, body: answer } = await post(`/${sandbox.ids.businessAccountId}/message_templates`, body);
		expect(status).toBe(400);
		expect(JSON.stringify(answer.error)).toMatch(detail);
	});
});
