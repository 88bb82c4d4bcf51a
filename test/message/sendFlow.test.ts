import {
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { itRefusesEach } from '../refusal';
import { repeated, send } from '../inputs';

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const FLOW_ID = '1197715005513101';

const flowMessage = {
	resource: 'message',
	operation: 'sendFlow',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	flow: { __rl: true, mode: 'id', value: FLOW_ID },
	bodyText: 'Book your appointment in a few taps.',
	buttonText: 'Book now',
	flowAction: 'navigate',
	flowScreen: 'BOOKING',
};

const envelope = {
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '15551234567',
	type: 'interactive',
};

async function sentBody(parameters: Record<string, unknown>): Promise<unknown> {
	const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
	const { items, error } = await runWhatsApp(parameters as never);
	expect(error).toBeUndefined();
	expect(gateway.requests).toHaveLength(1);
	const [request] = gateway.requests;
	expect(request.method).toBe('POST');
	expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
	expectAuthorised(request);
	expect(items.map((item) => item.json)).toEqual([sent]);
	return request.body;
}

describe('Message › Send Flow', () => {
	it('posts a navigate flow message with screen data, header, footer and token', async () => {
		const body = await sentBody({
			...flowMessage,
			flowScreenData: '{ "customer_name": "Jane", "slots": ["09:00", "10:30"] }',
			options: {
				headerText: 'Appointments',
				footerText: 'Takes a minute',
				flowSessionId: 'booking-42',
				replyToMessageId: 'wamid.quoted',
			},
		});
		expect(body).toEqual({
			...envelope,
			interactive: {
				type: 'flow',
				header: { type: 'text', text: 'Appointments' },
				body: { text: 'Book your appointment in a few taps.' },
				footer: { text: 'Takes a minute' },
				action: {
					name: 'flow',
					parameters: {
						flow_message_version: '3',
						flow_token: 'booking-42',
						flow_id: FLOW_ID,
						flow_cta: 'Book now',
						mode: 'published',
						flow_action: 'navigate',
						flow_action_payload: {
							screen: 'BOOKING',
							data: { customer_name: 'Jane', slots: ['09:00', '10:30'] },
						},
					},
				},
			},
			context: { message_id: 'wamid.quoted' },
		});
	});

	it('sends a navigate flow without data, and the default token "unused"', async () => {
		const body = (await sentBody(flowMessage)) as { interactive: { action: unknown } };
		expect(body.interactive.action).toEqual({
			name: 'flow',
			parameters: {
				flow_message_version: '3',
				flow_token: 'unused',
				flow_id: FLOW_ID,
				flow_cta: 'Book now',
				mode: 'published',
				flow_action: 'navigate',
				flow_action_payload: { screen: 'BOOKING' },
			},
		});
	});

	it('sends a data_exchange flow without a payload (the screen is not asked for)', async () => {
		const body = await sentBody({
			...flowMessage,
			flowAction: 'data_exchange',
			flowScreen: 'not a screen',
			flowScreenData: '"not an object"',
		});
		expect(body).toEqual({
			...envelope,
			interactive: {
				type: 'flow',
				body: { text: 'Book your appointment in a few taps.' },
				action: {
					name: 'flow',
					parameters: {
						flow_message_version: '3',
						flow_token: 'unused',
						flow_id: FLOW_ID,
						flow_cta: 'Book now',
						mode: 'published',
						flow_action: 'data_exchange',
					},
				},
			},
		});
	});

	it('names the flow by its name, in draft mode', async () => {
		const body = (await sentBody({
			...flowMessage,
			flow: { __rl: true, mode: 'name', value: ' appointment_booking ' },
			buttonText: ' Book now ',
			flowScreenData: {},
			options: { flowMode: 'draft' },
		})) as { interactive: { action: unknown } };
		expect(body.interactive.action).toEqual({
			name: 'flow',
			parameters: {
				flow_message_version: '3',
				flow_token: 'unused',
				flow_name: 'appointment_booking',
				flow_cta: 'Book now',
				mode: 'draft',
				flow_action: 'navigate',
				flow_action_payload: { screen: 'BOOKING' },
			},
		});
	});

	it('takes screen data given as an object by an expression', async () => {
		const body = (await sentBody({
			...flowMessage,
			flowScreenData: '={{ { "order": 123 } }}',
		})) as { interactive: { action: { parameters: { flow_action_payload: unknown } } } };
		expect(body.interactive.action.parameters.flow_action_payload).toEqual({ screen: 'BOOKING', data: { order: 123 } });
	});
});

describe('bad inputs', () => {
	// § Flow messages: body 1..1024, flow_cta 1..20 without emoji, flow_id digits, flow_name not
	// empty, navigate needs its first screen (letters, digits, _), data a JSON object.
	itRefusesEach([
		{
			name: 'an empty body',
			parameters: send('sendFlow', { bodyText: '  ' }),
			message: /^Body Text is empty/,
			field: 'Body Text',
		},
		{
			name: 'a body of 1025 characters',
			parameters: send('sendFlow', { bodyText: repeated('b', 1025) }),
			message: /^Body Text is 1025 characters; WhatsApp allows 1024/,
			field: 'Body Text',
		},
		{
			name: 'a header text of 61 characters',
			parameters: send('sendFlow', { options: { headerText: repeated('h', 61) } }),
			message: /^Header Text is 61 characters; WhatsApp allows 60/,
			field: 'Header Text',
		},
		{
			name: 'a footer text of 61 characters',
			parameters: send('sendFlow', { options: { footerText: repeated('f', 61) } }),
			message: /^Footer Text is 61 characters; WhatsApp allows 60/,
			field: 'Footer Text',
		},
		{
			name: 'a button text of 21 characters',
			parameters: send('sendFlow', { buttonText: 'Book your appointment' }),
			message: /^Button Text is 21 characters; WhatsApp allows 20/,
			field: 'Button Text',
		},
		{
			name: 'a button text left blank by its expression',
			parameters: send('sendFlow', { buttonText: '={{ $json.label }}' }),
			message: /^Button Text is empty/,
			field: 'Button Text',
		},
		{
			name: 'an emoji in the button text',
			parameters: send('sendFlow', { buttonText: 'Book now 📅' }),
			message: /^Button Text has an emoji \("📅"\)/,
			field: 'Button Text',
		},
		{
			name: 'a flag in the button text',
			parameters: send('sendFlow', { buttonText: 'Start 🇫🇷' }),
			message: /^Button Text has an emoji/,
			field: 'Button Text',
		},
		{
			name: 'navigate without a first screen',
			parameters: send('sendFlow', { flowScreen: '={{ $json.screen }}' }),
			message: /^First Screen ID is empty/,
			field: 'First Screen ID',
		},
		{
			name: 'a first screen ID with spaces',
			parameters: send('sendFlow', { flowScreen: 'Welcome screen' }),
			message: /^First Screen ID "Welcome screen" is not a screen ID: it has only letters, digits and underscores/,
			field: 'First Screen ID',
		},
		{
			name: 'screen data that is an array',
			parameters: send('sendFlow', { flowScreenData: '["Jane"]' }),
			message: /^Screen Data must be a JSON object, got an array/,
			field: 'Screen Data',
		},
		{
			name: 'screen data that is a number (from an expression)',
			parameters: send('sendFlow', { flowScreenData: '={{ 42 }}' }),
			message: /^Screen Data must be a JSON object, got a number/,
			field: 'Screen Data',
		},
		{
			name: 'screen data that is not JSON',
			parameters: send('sendFlow', { flowScreenData: '{ name: Jane }' }),
			message: /^Screen Data is not valid JSON/,
			field: 'Screen Data',
		},
		{
			// A literal one n8n refuses itself (the By ID mode's validation): an expression reaches the node.
			name: 'a flow ID that is not digits',
			parameters: send('sendFlow', { flow: { __rl: true, mode: 'id', value: '={{ "booking-flow" }}' } }),
			message: /^Flow "booking-flow"/,
			field: 'Flow',
		},
		{
			name: 'a flow name left blank by its expression',
			parameters: send('sendFlow', { flow: { __rl: true, mode: 'name', value: '={{ $json.flow }}' } }),
			message: /^Flow (\(flow name\) )?is empty/,
			field: 'Flow',
		},
	]);
});
