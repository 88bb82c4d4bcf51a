import {
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { expectRejected } from './expectRejected';

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
		await expectRejected(
			{ ...replyButtons, specifyButtons: 'json', buttonsJson: JSON.stringify(four) },
			/^Buttons has 4 buttons; WhatsApp allows 1 to 3/,
		);
	});

	it('refuses no buttons', async () => {
		await expectRejected({ ...replyButtons, buttons: {} }, /^Buttons has 0 buttons; WhatsApp allows 1 to 3/);
	});

	it('refuses two buttons with the same title', async () => {
		await expectRejected(
			{
				...replyButtons,
				buttons: {
					button: [
						{ id: 'yes', title: 'Yes' },
						{ id: 'yes-please', title: 'Yes' },
					],
				},
			},
			/^Button title "Yes" is used twice/,
		);
	});

	it('refuses two buttons with the same ID', async () => {
		await expectRejected(
			{
				...replyButtons,
				specifyButtons: 'json',
				buttonsJson: JSON.stringify([
					{ id: 'yes', title: 'Yes' },
					{ id: 'yes', title: 'Sure' },
				]),
			},
			/^Button ID "yes" is used twice/,
		);
	});

	it('refuses a button title of 21 characters', async () => {
		await expectRejected(
			{
				...replyButtons,
				buttons: {
					button: [
						{ id: 'yes', title: 'Yes' },
						{ id: 'long', title: 'Yes, and tell me more' },
					],
				},
			},
			/^Button 2 title is 21 characters; WhatsApp allows 20/,
		);
	});

	it('refuses a button without an ID', async () => {
		await expectRejected(
			{ ...replyButtons, buttons: { button: [{ id: ' ', title: 'Yes' }] } },
			// ID and Title are required fields: the editor's rule says so first, naming the field's place.
			/^Buttons › Button 1 › ID is empty/,
		);
	});

	it('refuses Buttons (JSON) that is not valid JSON', async () => {
		await expectRejected(
			{ ...replyButtons, specifyButtons: 'json', buttonsJson: "[{ id: 'yes', title: 'Yes' }]" },
			/^Buttons \(JSON\) is not valid JSON/,
		);
	});

	it('refuses Buttons (JSON) that is not an array of objects', async () => {
		await expectRejected(
			{ ...replyButtons, specifyButtons: 'json', buttonsJson: '{ "id": "yes", "title": "Yes" }' },
			/^Buttons \(JSON\) must be a JSON array of objects/,
		);
	});

	it('refuses a body text over 1024 characters', async () => {
		await expectRejected(
			{ ...replyButtons, bodyText: 'x'.repeat(1025), buttons: yesNo },
			/^Body Text is 1025 characters; WhatsApp allows 1024/,
		);
	});

	it('refuses a header text over 60 characters', async () => {
		await expectRejected(
			{ ...replyButtons, buttons: yesNo, options: { headerText: 'h'.repeat(61) } },
			/^Header Text is 61 characters; WhatsApp allows 60/,
		);
	});

	it('refuses a footer text over 60 characters', async () => {
		await expectRejected(
			{ ...replyButtons, buttons: yesNo, options: { footerText: 'f'.repeat(61) } },
			/^Footer Text is 61 characters; WhatsApp allows 60/,
		);
	});

	it('refuses a recipient starting with 00', async () => {
		await expectRejected(
			{ ...replyButtons, recipientPhoneNumber: '00 44 7700 900123', buttons: yesNo },
			/^Recipient Phone Number "00 44 7700 900123" starts with 00/,
		);
	});
});
