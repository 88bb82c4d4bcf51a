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
import type { INodeParameters } from 'n8n-workflow';
import { message } from '../inputs';
import { sentBody } from './sentBody';

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const replyButtons = {
	resource: 'message',
	operation: 'sendReplyButtons',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	bodyText: 'Would you like to proceed?',
};

const yesNo = {
	button: [
		{ id: 'yes', title: 'Yes' },
		{ id: 'no', title: 'No' },
	],
};

/** The seed's interactive object. */
const seedInteractive = {
	type: 'button',
	body: { text: 'Would you like to proceed?' },
	action: {
		buttons: [
			{ type: 'reply', reply: { id: 'yes', title: 'Yes' } },
			{ type: 'reply', reply: { id: 'no', title: 'No' } },
		],
	},
};

describe('Message › Send Reply Buttons', () => {
	it('posts the seed body from the fields to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...replyButtons,
			specifyButtons: 'fields',
			buttons: yesNo,
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
			type: 'interactive',
			interactive: seedInteractive,
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('adds header, footer and reply context from the options, with three buttons', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...replyButtons,
			bodyText: 'Your appointment is tomorrow at 10:00. Can you make it?',
			buttons: {
				button: [
					{ id: 'confirm', title: 'Confirm' },
					{ id: 'reschedule', title: 'Reschedule' },
					{ id: 'cancel', title: 'Cancel' },
				],
			},
			options: {
				headerText: 'Appointment reminder',
				footerText: 'Reply STOP to opt out',
				replyToMessageId: 'wamid.quoted',
			},
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'interactive',
			interactive: {
				type: 'button',
				header: { type: 'text', text: 'Appointment reminder' },
				body: { text: 'Your appointment is tomorrow at 10:00. Can you make it?' },
				footer: { text: 'Reply STOP to opt out' },
				action: {
					buttons: [
						{ type: 'reply', reply: { id: 'confirm', title: 'Confirm' } },
						{ type: 'reply', reply: { id: 'reschedule', title: 'Reschedule' } },
						{ type: 'reply', reply: { id: 'cancel', title: 'Cancel' } },
					],
				},
			},
			context: { message_id: 'wamid.quoted' },
		});
	});

	it('posts the seed body from Buttons (JSON) with just id and title', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...replyButtons,
			specifyButtons: 'json',
			buttonsJson: '[\n  { "id": "yes", "title": "Yes" },\n  { "id": "no", "title": "No" }\n]',
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'interactive',
			interactive: seedInteractive,
		});
	});

	it("takes Buttons (JSON) in WhatsApp's own shape, as an array from an expression", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp(
			{ ...replyButtons, specifyButtons: 'json', buttonsJson: '={{ $json.buttons }}' },
			{ input: [{ json: { buttons: seedInteractive.action.buttons } }] },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'interactive',
			interactive: seedInteractive,
		});
	});

	it('refuses 4 buttons', async () => {
		const four = [
			{ id: 'a', title: 'A' },
			{ id: 'b', title: 'B' },
			{ id: 'c', title: 'C' },
			{ id: 'd', title: 'D' },
		];
		const gateway = fakeApi(GATEWAY_ORIGIN);
		// In the fields, the collection's own limit of 3 stops the run before the node starts.
		await expect(runWhatsApp({ ...replyButtons, buttons: { button: four } })).rejects.toThrow(
			/At most 3/,
		);
		expect(gateway.requests).toEqual([]);
		// In JSON, the node itself refuses them.
		await expectRefusedBeforeSending({
			parameters: { ...replyButtons, specifyButtons: 'json', buttonsJson: JSON.stringify(four) },
			message: /^Buttons has 4 buttons; WhatsApp allows 1 to 3/,
			field: 'Buttons',
		});
	});

	it('refuses no buttons', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...replyButtons, buttons: {} },
			message: /^Buttons has 0 buttons; WhatsApp allows 1 to 3/,
			field: 'Buttons',
		});
	});

	it('refuses two buttons with the same title', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...replyButtons,
				buttons: {
					button: [
						{ id: 'yes', title: 'Yes' },
						{ id: 'yes-please', title: 'Yes' },
					],
				},
			},
			message: /^Button title "Yes" is used twice/,
			field: 'Button title',
		});
	});

	it('refuses two buttons with the same ID', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...replyButtons,
				specifyButtons: 'json',
				buttonsJson: JSON.stringify([
					{ id: 'yes', title: 'Yes' },
					{ id: 'yes', title: 'Sure' },
				]),
			},
			message: /^Button ID "yes" is used twice/,
			field: 'Button ID',
		});
	});

	it('refuses a button title of 21 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...replyButtons,
				buttons: {
					button: [
						{ id: 'yes', title: 'Yes' },
						{ id: 'long', title: 'Yes, and tell me more' },
					],
				},
			},
			message: /^Button 2 title is 21 characters; WhatsApp allows 20/,
			field: 'Button 2 title',
		});
	});

	it('refuses a button without an ID', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...replyButtons, buttons: { button: [{ id: ' ', title: 'Yes' }] } },
			// ID and Title are required fields: the editor's rule says so first, naming the field's place.
			message: /^Buttons › Button 1 › ID is empty/,
			field: 'Buttons › Button 1 › ID',
		});
	});

	it('refuses Buttons (JSON) that is not valid JSON', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...replyButtons, specifyButtons: 'json', buttonsJson: "[{ id: 'yes', title: 'Yes' }]" },
			message: /^Buttons \(JSON\) is not valid JSON/,
			field: 'Buttons (JSON)',
		});
	});

	it('refuses Buttons (JSON) that is not an array of objects', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...replyButtons, specifyButtons: 'json', buttonsJson: '{ "id": "yes", "title": "Yes" }' },
			message: /^Buttons \(JSON\) must be a JSON array of objects/,
			field: 'Buttons (JSON)',
		});
	});

	it('refuses a body text over 1024 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...replyButtons, bodyText: 'x'.repeat(1025), buttons: yesNo },
			message: /^Body Text is 1025 characters; WhatsApp allows 1024/,
			field: 'Body Text',
		});
	});

	it('refuses a header text over 60 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...replyButtons, buttons: yesNo, options: { headerText: 'h'.repeat(61) } },
			message: /^Header Text is 61 characters; WhatsApp allows 60/,
			field: 'Header Text',
		});
	});

	it('refuses a footer text over 60 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...replyButtons, buttons: yesNo, options: { footerText: 'f'.repeat(61) } },
			message: /^Footer Text is 61 characters; WhatsApp allows 60/,
			field: 'Footer Text',
		});
	});

	it('refuses a recipient starting with 00', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...replyButtons, recipientPhoneNumber: '00 44 7700 900123', buttons: yesNo },
			message: /^Recipient Phone Number "00 44 7700 900123" starts with 00/,
			field: 'Recipient Phone Number',
		});
	});
});

describe('bad inputs', () => {
	// Message limits › interactive: reply buttons (1..3, id ≤ 256 unique, title 1..20 unique, body 1..1024, header / footer ≤ 60)
	const buttonsJson = (buttons: unknown[]) => ({ specifyButtons: 'json', buttonsJson: JSON.stringify(buttons) });
	itRefusesEach([
		{
			name: 'no button',
			parameters: send('sendReplyButtons', { buttons: {} }),
			message: /^Buttons has 0 buttons; WhatsApp allows 1 to 3/,
			field: 'Buttons',
		},
		{
			name: 'four buttons (JSON)',
			parameters: send(
				'sendReplyButtons',
				buttonsJson(['a', 'b', 'c', 'd'].map((id) => ({ id, title: id.toUpperCase() }))),
			),
			message: /^Buttons has 4 buttons; WhatsApp allows 1 to 3/,
			field: 'Buttons',
		},
		{
			name: 'a button title of 21 characters',
			parameters: send('sendReplyButtons', {
				buttons: { button: [{ id: 'yes', title: 'Yes' }, { id: 'long', title: repeated('x', 21) }] },
			}),
			message: /^Button 2 title is 21 characters; WhatsApp allows 20/,
			field: 'Button 2 title',
		},
		{
			name: 'a button title left blank by its expression',
			parameters: send('sendReplyButtons', { buttons: { button: [{ id: 'yes', title: '={{ $json.label }}' }] } }),
			// A required field: the editor's rule, naming the field's place.
			message: /^Buttons › Button 1 › Title is empty/,
			field: 'Buttons › Button 1 › Title',
		},
		{
			name: 'a button ID of 257 characters',
			parameters: send('sendReplyButtons', buttonsJson([{ id: 'i'.repeat(257), title: 'Yes' }])),
			message: /^Button 1 ID is 257 characters; WhatsApp allows 256/,
			field: 'Button 1 ID',
		},
		{
			name: 'two buttons with the same ID',
			parameters: send('sendReplyButtons', buttonsJson([{ id: 'yes', title: 'Yes' }, { id: 'yes', title: 'Sure' }])),
			message: /^Button ID "yes" is used twice/,
			field: 'Button ID',
		},
		{
			name: 'two buttons with the same title',
			parameters: send('sendReplyButtons', {
				buttons: { button: [{ id: 'yes', title: 'Yes' }, { id: 'yes-please', title: 'Yes' }] },
			}),
			message: /^Button title "Yes" is used twice/,
			field: 'Button title',
		},
		{
			name: 'a body of 1025 characters',
			parameters: send('sendReplyButtons', { bodyText: repeated('b', 1025) }),
			message: /^Body Text is 1025 characters; WhatsApp allows 1024/,
			field: 'Body Text',
		},
		{
			name: 'a body left blank by its expression',
			parameters: send('sendReplyButtons', { bodyText: '={{ $json.question }}' }),
			message: /^Body Text is empty/,
			field: 'Body Text',
		},
		{
			name: 'a header text of 61 characters',
			parameters: send('sendReplyButtons', { options: { headerText: repeated('h', 61) } }),
			message: /^Header Text is 61 characters; WhatsApp allows 60/,
			field: 'Header Text',
		},
		{
			name: 'a footer text of 61 characters',
			parameters: send('sendReplyButtons', { options: { footerText: repeated('f', 61) } }),
			message: /^Footer Text is 61 characters; WhatsApp allows 60/,
			field: 'Footer Text',
		},
	]);
});

describe('button IDs echoed back in the reply are never changed', () => {
	const replyButtons = (buttons: INodeParameters) =>
		message('sendReplyButtons', { bodyText: 'Would you like to proceed?', ...buttons });


	it('sends button IDs exactly as given (inner spaces kept), titles trimmed as before', async () => {
		const body = await sentBody(
			replyButtons({
				buttons: { button: [{ id: 'plan A', title: ' Plan A ' }, { id: 'PLAN_B', title: 'Plan B' }] },
			}),
		);
		expect(body.interactive).toEqual({
			type: 'button',
			body: { text: 'Would you like to proceed?' },
			action: {
				buttons: [
					{ type: 'reply', reply: { id: 'plan A', title: 'Plan A' } },
					{ type: 'reply', reply: { id: 'PLAN_B', title: 'Plan B' } },
				],
			},
		});
	});

	itRefusesEach([
		{
			name: 'a button ID with a leading space',
			parameters: replyButtons({
				buttons: { button: [{ id: 'yes', title: 'Yes' }, { id: ' no', title: 'No' }] },
			}),
			message: /^Button 2 ID " no" has leading or trailing spaces; WhatsApp returns the ID unchanged in the reply, so the node does not trim it/,
			field: 'Button 2 ID',
		},
		{
			name: 'a button ID with a trailing space in Buttons (JSON), WhatsApp shape',
			parameters: replyButtons({
				specifyButtons: 'json',
				buttonsJson: JSON.stringify([{ type: 'reply', reply: { id: 'yes ', title: 'Yes' } }]),
			}),
			message: /^Button 1 ID "yes " has leading or trailing spaces/,
			field: 'Button 1 ID',
		},
		{
			name: 'a button ID from an expression ending in a line break',
			parameters: replyButtons({
				buttons: { button: [{ id: '={{ "yes\\n" }}', title: 'Yes' }] },
			}),
			message: /^Button 1 ID "yes\\n" has leading or trailing spaces/,
			field: 'Button 1 ID',
		},
		{
			name: 'a button ID of spaces only',
			parameters: replyButtons({ buttons: { button: [{ id: '   ', title: 'Yes' }] } }),
			// A required field: the editor's rule, naming the field's place.
			message: /^Buttons › Button 1 › ID is empty/,
			field: 'Buttons › Button 1 › ID',
		},
	]);
});
