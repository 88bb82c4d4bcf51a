/**
 * WhatsApp rules added with issue 8 (docs/whatsapp-rules.md, each with its source), every one
 * with the exact body it lets through and the bad input it refuses before anything is sent:
 * - an ID that WhatsApp echoes back (reply button ID, list row ID) is sent exactly as given, and
 *   one with leading or trailing spaces is refused instead of being trimmed;
 * - a contact's name is `formatted_name` plus at least one other name part;
 * - a template body parameter is at most 1,024 characters when the template has a header, footer
 *   or buttons; URL-button and copy-code parameters are not empty; a coupon code is at most 15.
 * (Voice notes and interactive media headers have their own files in test/message.)
 */
import type { INodeParameters } from 'n8n-workflow';

import {
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { type BadInput, expectRefusedBeforeSending } from './refusal';

const TO = '15551234567';
const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: TO, wa_id: TO }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const message = (operation: string, extra: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation,
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: TO,
	...extra,
});

/** Runs a valid message and returns the one body the gateway received. */
async function sentBody(parameters: INodeParameters, answers: unknown[] = []): Promise<Record<string, unknown>> {
	const gateway = fakeApi(GATEWAY_ORIGIN);
	for (const answer of answers) gateway.reply(200, answer);
	gateway.reply(200, sent);
	const { items, error } = await runWhatsApp(parameters);
	expect(error).toBeUndefined();
	expect(items.map((item) => item.json)).toEqual([sent]);
	const messages = gateway.requests.filter((request) => request.method === 'POST');
	expect(messages).toHaveLength(1);
	expect(messages[0].url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
	return messages[0].body as Record<string, unknown>;
}

const table = (cases: BadInput[]) => it.each(cases)('$name', expectRefusedBeforeSending);

// ---------------------------------------------------------------------------------------------

describe('IDs echoed back in the reply are never changed', () => {
	const replyButtons = (buttons: INodeParameters) =>
		message('sendReplyButtons', { bodyText: 'Would you like to proceed?', ...buttons });
	const list = (sections: INodeParameters) =>
		message('sendList', { bodyText: 'What would you like?', buttonText: 'View menu', ...sections });

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

	it('sends list row IDs exactly as given, from JSON too', async () => {
		const body = await sentBody(
			list({
				specifySections: 'json',
				sectionsJson: JSON.stringify([
					{ title: 'Pizzas', rows: [{ id: 'pizza 1', title: 'Margherita' }, { id: 2, title: 'Funghi' }] },
				]),
			}),
		);
		expect((body.interactive as { action: unknown }).action).toEqual({
			button: 'View menu',
			sections: [
				{
					title: 'Pizzas',
					rows: [
						{ id: 'pizza 1', title: 'Margherita' },
						{ id: '2', title: 'Funghi' },
					],
				},
			],
		});
	});

	table([
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
		{
			name: 'a list row ID with a leading space',
			parameters: list({
				sections: { section: [{ title: 'Pizzas', rows: { row: [{ id: ' margherita', title: 'Margherita' }] } }] },
			}),
			message: /^Section 1 row 1 ID " margherita" has leading or trailing spaces/,
			field: 'Section 1 row 1 ID',
		},
		{
			name: 'a list row ID with a trailing tab in Sections (JSON)',
			parameters: list({
				specifySections: 'json',
				sectionsJson: JSON.stringify([
					{ title: 'A', rows: [{ id: 'a', title: 'A' }] },
					{ title: 'B', rows: [{ id: 'b\t', title: 'B' }] },
				]),
			}),
			message: /^Section 2 row 1 ID "b\\t" has leading or trailing spaces/,
			field: 'Section 2 row 1 ID',
		},
	]);
});

// ---------------------------------------------------------------------------------------------

describe("A contact's name: formatted_name plus at least one other part", () => {
	const contacts = (extra: INodeParameters) => message('sendContacts', extra);

	it.each([
		['First Name', { firstName: 'Jane' }, { first_name: 'Jane' }],
		['Last Name', { lastName: 'Doe' }, { last_name: 'Doe' }],
		['Middle Name', { middleName: 'Ann' }, { middle_name: 'Ann' }],
		['Name Prefix', { namePrefix: 'Dr.' }, { prefix: 'Dr.' }],
		['Name Suffix', { nameSuffix: 'Jr.' }, { suffix: 'Jr.' }],
	])('sends a card whose only other name part is the %s', async (_part, fields, name) => {
		const body = await sentBody(
			contacts({ contacts: { contact: [{ formattedName: 'Jane Doe', ...fields }] } }),
		);
		expect(body.contacts).toEqual([{ name: { formatted_name: 'Jane Doe', ...name } }]);
	});

	it('sends a JSON card with formatted_name and a suffix as it is', async () => {
		const card = { name: { formatted_name: 'Acme Support', suffix: 'Team' }, phones: [{ phone: '+15550001111' }] };
		const body = await sentBody(contacts({ specifyContacts: 'json', contactsJson: JSON.stringify([card]) }));
		expect(body.contacts).toEqual([card]);
	});

	table([
		{
			name: 'a card with only a Formatted Name',
			parameters: contacts({ contacts: { contact: [{ formattedName: 'Front Desk' }] } }),
			message: /^Contact 1 has a Formatted Name but no other name part; WhatsApp also needs a First Name, Last Name, Middle Name, Name Prefix or Name Suffix/,
			field: 'Contact 1',
		},
		{
			name: 'a second card whose First Name an expression left blank',
			parameters: contacts({
				contacts: {
					contact: [
						{ formattedName: 'Jane Doe', lastName: 'Doe' },
						{ formattedName: 'Bo', firstName: '={{ $json.missing }}' },
					],
				},
			}),
			message: /^Contact 2 has a Formatted Name but no other name part/,
			field: 'Contact 2',
		},
		{
			name: 'a JSON card with only formatted_name, and blank parts',
			parameters: contacts({
				specifyContacts: 'json',
				contactsJson: JSON.stringify([{ name: { formatted_name: 'Jane Doe', first_name: ' ', last_name: '' } }]),
			}),
			message: /^Contact 1 name has only formatted_name; WhatsApp also needs one of first_name, last_name, middle_name, prefix, suffix/,
			field: 'Contact 1',
		},
	]);
});

// ---------------------------------------------------------------------------------------------

describe('Template parameters', () => {
	const long = (count: number) => `={{ "x".repeat(${count}) }}`;

	/** A template with a text header, one body placeholder, a footer and a copy-code button. */
	const promo = {
		name: 'winter_sale',
		language: 'en_US',
		status: 'APPROVED',
		category: 'MARKETING',
		parameter_format: 'POSITIONAL',
		components: [
			{ type: 'HEADER', format: 'TEXT', text: 'Winter sale' },
			{ type: 'BODY', text: 'Hi, {{1}}', example: { body_text: [['Jane']] } },
			{ type: 'FOOTER', text: 'Reply STOP to opt out' },
			{ type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: '25OFF' }] },
		],
	};
	/** A template that is only a body: its parameters may be longer. */
	const note = {
		name: 'long_note',
		language: 'en_US',
		status: 'APPROVED',
		category: 'UTILITY',
		components: [{ type: 'BODY', text: 'Note: {{1}}', example: { body_text: [['…']] } }],
	};
	const definitionAnswer = (template: object) => ({ data: [template], paging: { cursors: {} } });

	const mapped = (name: string, value: Record<string, string>): INodeParameters =>
		message('sendTemplate', {
			template: { __rl: true, mode: 'name', value: name },
			languageCode: 'en_US',
			templateVariables: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] },
		});
	const json = (components: unknown[]): INodeParameters =>
		message('sendTemplate', {
			template: { __rl: true, mode: 'name', value: 'winter_sale' },
			languageCode: 'en_US',
			specifyComponents: 'json',
			componentsJson: JSON.stringify(components),
		});

	it('sends a 1,024-character body parameter and a 15-character coupon code of a template with other components', async () => {
		const body = await sentBody(
			mapped('winter_sale', { body_1: long(1024), button_0_coupon_code: 'WINTER2026SALE1' }),
			[definitionAnswer(promo)],
		);
		expect(body.template).toEqual({
			name: 'winter_sale',
			language: { code: 'en_US' },
			components: [
				{ type: 'body', parameters: [{ type: 'text', text: 'x'.repeat(1024) }] },
				{
					type: 'button',
					sub_type: 'copy_code',
					index: '0',
					parameters: [{ type: 'coupon_code', coupon_code: 'WINTER2026SALE1' }],
				},
			],
		});
	});

	it('sends a body parameter over 1,024 characters when the template is only a body', async () => {
		const body = await sentBody(mapped('long_note', { body_1: long(1500) }), [definitionAnswer(note)]);
		expect(body.template).toEqual({
			name: 'long_note',
			language: { code: 'en_US' },
			components: [{ type: 'body', parameters: [{ type: 'text', text: 'x'.repeat(1500) }] }],
		});
	});

	it('sends JSON components with only a body as they are: the rest of the template is not known', async () => {
		const components = [{ type: 'body', parameters: [{ type: 'text', text: 'x'.repeat(1500) }] }];
		const body = await sentBody(json(components));
		expect((body.template as { components: unknown }).components).toEqual(components);
	});

	table([
		{
			name: 'Map Template Variables: a body parameter of 1,025 characters in a template with a header, footer and button',
			parameters: mapped('winter_sale', { body_1: long(1025), button_0_coupon_code: '25OFF' }),
			definition: definitionAnswer(promo),
			message: /^Template "winter_sale" \(en_US\) Body \{\{1\}\} is 1025 characters; WhatsApp allows 1024 for a body parameter when the template has a header, footer or buttons/,
			field: 'Body {{1}}',
		},
		{
			name: 'Map Template Variables: a coupon code of 16 characters',
			parameters: mapped('winter_sale', { body_1: 'Jane', button_0_coupon_code: 'WINTER2026SALE16' }),
			definition: definitionAnswer(promo),
			message: /^Template "winter_sale" \(en_US\) Button 1 coupon code is 16 characters; WhatsApp allows 15/,
			field: 'Button 1 coupon code',
		},
		{
			name: 'Map Template Variables: a coupon code of spaces',
			parameters: mapped('winter_sale', { body_1: 'Jane', button_0_coupon_code: '  ' }),
			definition: definitionAnswer(promo),
			message: /^Template "winter_sale" \(en_US\) needs a value for Button 1 coupon code/,
			field: 'Button 1 coupon code',
		},
		{
			name: 'Using JSON: a body parameter of 1,025 characters beside a button component',
			parameters: json([
				{ type: 'body', parameters: [{ type: 'text', text: 'x'.repeat(1025) }] },
				{ type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'coupon_code', coupon_code: '25OFF' }] },
			]),
			message: /^Component 1 \(body\) parameter 1 text is 1025 characters; WhatsApp allows 1024 for a body parameter when the template has a header, footer or buttons/,
			field: 'Component 1 (body) parameter 1 text',
		},
		{
			name: 'Using JSON: an empty URL suffix',
			parameters: json([
				{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '' }] },
			]),
			message: /^Component 1 \(button\) parameter 1 text is empty; a url button's URL suffix must not be empty/,
			field: 'Component 1 (button) parameter 1',
		},
		{
			name: 'Using JSON: a URL button without its parameter',
			parameters: json([{ type: 'button', sub_type: 'url', index: '1', parameters: [] }]),
			message: /^Component 1 \(button\) has no parameter; a url button takes its URL suffix/,
			field: 'Component 1 (button)',
		},
		{
			name: 'Using JSON: a coupon code of spaces',
			parameters: json([
				{ type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'coupon_code', coupon_code: '   ' }] },
			]),
			message: /^Component 1 \(button\) parameter 1 coupon_code is empty; a copy_code button's coupon code must not be empty/,
			field: 'Component 1 (button) parameter 1',
		},
		{
			name: 'Using Fields Below: a coupon code of 16 characters',
			parameters: message('sendTemplate', {
				template: { __rl: true, mode: 'name', value: 'winter_sale' },
				languageCode: 'en_US',
				specifyComponents: 'fields',
				components: {
					component: [
						{
							type: 'button',
							subType: 'copy_code',
							index: 0,
							parameters: { parameter: [{ value: 'WINTER2026SALE16' }] },
						},
					],
				},
			}),
			message: /^Component 1 \(button\) parameter 1 coupon_code is 16 characters; WhatsApp allows 15/,
			field: 'Component 1 (button) parameter 1',
		},
	]);
});
