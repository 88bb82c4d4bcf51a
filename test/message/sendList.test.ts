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

const list = {
	resource: 'message',
	operation: 'sendList',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	bodyText: 'Choose from the list below',
	buttonText: 'View Options',
};

/** The seed's sections, as WhatsApp takes them. */
const products = [
	{
		title: 'Products',
		rows: [
			{ id: 'prod1', title: 'Product 1', description: 'First product' },
			{ id: 'prod2', title: 'Product 2', description: 'Second product' },
		],
	},
];

/** The seed's sections, as the editor's fixed collections hold them. */
const productsFields = {
	section: [
		{
			title: 'Products',
			rows: {
				row: [
					{ id: 'prod1', title: 'Product 1', description: 'First product' },
					{ id: 'prod2', title: 'Product 2', description: 'Second product' },
				],
			},
		},
	],
};

/** The seed's interactive object. */
const seedInteractive = {
	type: 'list',
	header: { type: 'text', text: 'Select an option' },
	body: { text: 'Choose from the list below' },
	action: { button: 'View Options', sections: products },
};

/** `count` rows as the editor holds them, with ids `${prefix}1`.. */
const rows = (prefix: string, count: number) => ({
	row: Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index + 1}`, title: `Row ${index + 1}` })),
});

describe('Message › Send List', () => {
	it('posts the seed body from the fields to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...list,
			specifySections: 'fields',
			sections: productsFields,
			options: { headerText: 'Select an option' },
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

	it('posts the seed body from Sections (JSON)', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...list,
			specifySections: 'json',
			sectionsJson: JSON.stringify(products, null, 2),
			options: { headerText: 'Select an option' },
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

	it('takes Sections (JSON) as an array from an expression, with footer and reply context', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp(
			{
				...list,
				specifySections: 'json',
				sectionsJson: '={{ $json.sections }}',
				options: { footerText: 'Prices include VAT', replyToMessageId: 'wamid.quoted' },
			},
			{ input: [{ json: { sections: products } }] },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'interactive',
			interactive: {
				type: 'list',
				body: { text: 'Choose from the list below' },
				footer: { text: 'Prices include VAT' },
				action: { button: 'View Options', sections: products },
			},
			context: { message_id: 'wamid.quoted' },
		});
	});

	it('sends several titled sections with 10 rows in all, and no blank description or section title', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent).reply(200, sent);
		const { error } = await runWhatsApp({
			...list,
			sections: {
				section: [
					{ title: 'Pizzas', rows: rows('pizza', 6) },
					{ title: 'Drinks', rows: rows('drink', 4) },
				],
			},
		});
		expect(error).toBeUndefined();
		const rowsSent = (prefix: string, count: number) =>
			Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index + 1}`, title: `Row ${index + 1}` }));
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'interactive',
			interactive: {
				type: 'list',
				body: { text: 'Choose from the list below' },
				action: {
					button: 'View Options',
					sections: [
						{ title: 'Pizzas', rows: rowsSent('pizza', 6) },
						{ title: 'Drinks', rows: rowsSent('drink', 4) },
					],
				},
			},
		});
		// One section needs no title.
		await runWhatsApp({ ...list, sections: { section: [{ rows: rows('only', 1) }] } });
		expect(gateway.requests[1].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'interactive',
			interactive: {
				type: 'list',
				body: { text: 'Choose from the list below' },
				action: { button: 'View Options', sections: [{ rows: [{ id: 'only1', title: 'Row 1' }] }] },
			},
		});
	});

	it('refuses 11 rows in all', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...list,
				sections: {
					section: [
						{ title: 'Pizzas', rows: rows('pizza', 6) },
						{ title: 'Drinks', rows: rows('drink', 5) },
					],
				},
			},
			message: /^Sections have 11 rows in all; WhatsApp allows 10/,
			field: 'Sections',
		});
	});

	it('refuses two sections without titles', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...list, sections: { section: [{ rows: rows('a', 1) }, { rows: rows('b', 1) }] } },
			message: /^Section 1 title is empty/,
			field: 'Section 1 title',
		});
	});

	it('refuses a row title of 25 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...list,
				sections: {
					section: [{ title: 'Products', rows: { row: [{ id: 'prod1', title: 'Product with a long title' }] } }],
				},
			},
			message: /^Section 1 row 1 title is 25 characters; WhatsApp allows 24/,
			field: 'Section 1 row 1 title',
		});
	});

	it('refuses a row description of 73 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...list,
				specifySections: 'json',
				sectionsJson: JSON.stringify([
					{ title: 'Products', rows: [{ id: 'prod1', title: 'Product 1', description: 'd'.repeat(73) }] },
				]),
			},
			message: /^Section 1 row 1 description is 73 characters; WhatsApp allows 72/,
			field: 'Section 1 row 1 description',
		});
	});

	it('refuses the same row ID twice, even in different sections', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...list,
				sections: {
					section: [
						{ title: 'Pizzas', rows: rows('item', 2) },
						{ title: 'Drinks', rows: rows('item', 1) },
					],
				},
			},
			message: /^Row ID "item1" is used twice/,
			field: 'Row ID',
		});
	});

	it('refuses a section title of 25 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...list, sections: { section: [{ title: 'Our very special products', rows: rows('a', 1) }] } },
			message: /^Section 1 title is 25 characters; WhatsApp allows 24/,
			field: 'Section 1 title',
		});
	});

	it('refuses a section without rows', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...list, sections: { section: [{ title: 'Pizzas', rows: rows('a', 1) }, { title: 'Drinks' }] } },
			message: /^Section 2 has no rows/,
			field: 'Section 2',
		});
	});

	it('refuses 11 sections', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...list,
				specifySections: 'json',
				sectionsJson: JSON.stringify(
					Array.from({ length: 11 }, (_, index) => ({ title: `S${index}`, rows: [{ id: `r${index}`, title: 'R' }] })),
				),
			},
			message: /^Sections has 11 sections; WhatsApp allows 1 to 10/,
			field: 'Sections',
		});
	});

	it('refuses a list button text of 21 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...list, buttonText: 'See all of our offers', sections: productsFields },
			message: /^List Button Text is 21 characters; WhatsApp allows 20/,
			field: 'List Button Text',
		});
	});

	it('refuses a body text over 4096 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...list, bodyText: 'x'.repeat(4097), sections: productsFields },
			message: /^Body Text is 4097 characters; WhatsApp allows 4096/,
			field: 'Body Text',
		});
	});

	it('refuses a header text over 60 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...list, sections: productsFields, options: { headerText: 'h'.repeat(61) } },
			message: /^Header Text is 61 characters; WhatsApp allows 60/,
			field: 'Header Text',
		});
	});

	it('refuses Sections (JSON) that is not valid JSON', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...list, specifySections: 'json', sectionsJson: '[{ "title": "Products", "rows": [ }]' },
			message: /^Sections \(JSON\) is not valid JSON/,
			field: 'Sections (JSON)',
		});
	});

	it('refuses a recipient with 6 digits', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...list, recipientPhoneNumber: '+1 555 12', sections: productsFields },
			message: /^Recipient Phone Number "\+1 555 12" has 6 digits/,
			field: 'Recipient Phone Number',
		});
	});
});

describe('bad inputs', () => {
	// Message limits › interactive: list (button 1..20, 1..10 sections, ≤ 10 rows, row id ≤ 200 unique, title 1..24, description ≤ 72, section title ≤ 24 and required from 2 sections, body 1..4096, header / footer ≤ 60)
	const sectionsJson = (sections: unknown[]) => ({ specifySections: 'json', sectionsJson: JSON.stringify(sections) });
	const rows = (count: number, prefix: string) =>
		Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index + 1}`, title: `${prefix} ${index + 1}` }));
	itRefusesEach([
		{
			name: 'a list button text of 21 characters',
			parameters: send('sendList', { buttonText: repeated('b', 21) }),
			message: /^List Button Text is 21 characters; WhatsApp allows 20/,
			field: 'List Button Text',
		},
		{
			name: 'a list button text left blank by its expression',
			parameters: send('sendList', { buttonText: '={{ $json.label }}' }),
			message: /^List Button Text is empty/,
			field: 'List Button Text',
		},
		{
			name: 'no section',
			parameters: send('sendList', { sections: {} }),
			message: /^Sections has 0 sections; WhatsApp allows 1 to 10/,
			field: 'Sections',
		},
		{
			name: 'eleven sections (JSON)',
			parameters: send(
				'sendList',
				sectionsJson(Array.from({ length: 11 }, (_, index) => ({ title: `S${index}`, rows: [{ id: `r${index}`, title: 'Row' }] }))),
			),
			message: /^Sections has 11 sections; WhatsApp allows 1 to 10/,
			field: 'Sections',
		},
		{
			name: 'eleven rows in all, over two sections',
			parameters: send('sendList', sectionsJson([{ title: 'A', rows: rows(6, 'a') }, { title: 'B', rows: rows(5, 'b') }])),
			message: /^Sections have 11 rows in all; WhatsApp allows 10/,
			field: 'Sections',
		},
		{
			name: 'a section without rows',
			parameters: send('sendList', sectionsJson([{ title: 'A', rows: [] }])),
			message: /^Section 1 has no rows/,
			field: 'Section 1',
		},
		{
			name: 'a row ID of 201 characters',
			parameters: send('sendList', sectionsJson([{ rows: [{ id: 'r'.repeat(201), title: 'Row' }] }])),
			message: /^Section 1 row 1 ID is 201 characters; WhatsApp allows 200/,
			field: 'Section 1 row 1 ID',
		},
		{
			name: 'the same row ID in two sections',
			parameters: send('sendList', sectionsJson([
				{ title: 'A', rows: [{ id: 'same', title: 'One' }] },
				{ title: 'B', rows: [{ id: 'same', title: 'Two' }] },
			])),
			message: /^Row ID "same" is used twice/,
			field: 'Row ID',
		},
		{
			name: 'a row title of 25 characters',
			parameters: send('sendList', {
				sections: { section: [{ title: 'Pizzas', rows: { row: [{ id: 'm', title: repeated('t', 25) }] } }] },
			}),
			message: /^Section 1 row 1 title is 25 characters; WhatsApp allows 24/,
			field: 'Section 1 row 1 title',
		},
		{
			name: 'a row title left blank by its expression (a required field)',
			parameters: send('sendList', {
				sections: { section: [{ title: 'Pizzas', rows: { row: [{ id: 'm', title: '={{ $json.title }}' }] } }] },
			}),
			message: /^Sections › Section 1 › Rows › Row 1 › Title is empty/,
			field: 'Sections › Section 1 › Rows › Row 1 › Title',
		},
		{
			name: 'a row without a title',
			parameters: send('sendList', sectionsJson([{ rows: [{ id: 'm', title: '' }] }])),
			message: /^Section 1 row 1 title is empty/,
			field: 'Section 1 row 1 title',
		},
		{
			name: 'a row description of 73 characters',
			parameters: send('sendList', sectionsJson([{ rows: [{ id: 'm', title: 'Margherita', description: 'd'.repeat(73) }] }])),
			message: /^Section 1 row 1 description is 73 characters; WhatsApp allows 72/,
			field: 'Section 1 row 1 description',
		},
		{
			name: 'a section title of 25 characters',
			parameters: send('sendList', sectionsJson([{ title: 's'.repeat(25), rows: [{ id: 'm', title: 'Margherita' }] }])),
			message: /^Section 1 title is 25 characters; WhatsApp allows 24/,
			field: 'Section 1 title',
		},
		{
			name: 'two sections, the second without a title',
			parameters: send('sendList', sectionsJson([
				{ title: 'Pizzas', rows: [{ id: 'm', title: 'Margherita' }] },
				{ rows: [{ id: 'c', title: 'Cola' }] },
			])),
			message: /^Section 2 title is empty/,
			field: 'Section 2 title',
		},
		{
			name: 'a body of 4097 characters',
			parameters: send('sendList', { bodyText: repeated('b', 4097) }),
			message: /^Body Text is 4097 characters; WhatsApp allows 4096/,
			field: 'Body Text',
		},
		{
			name: 'a header text of 61 characters',
			parameters: send('sendList', { options: { headerText: repeated('h', 61) } }),
			message: /^Header Text is 61 characters; WhatsApp allows 60/,
			field: 'Header Text',
		},
		{
			name: 'a footer text of 61 characters',
			parameters: send('sendList', { options: { footerText: repeated('f', 61) } }),
			message: /^Footer Text is 61 characters; WhatsApp allows 60/,
			field: 'Footer Text',
		},
		{
			name: 'Sections (JSON) that is not JSON',
			parameters: send('sendList', { specifySections: 'json', sectionsJson: '[{ title: "Pizzas" }' }),
			message: /^Sections \(JSON\) is not valid JSON/,
			field: 'Sections (JSON)',
		},
	]);
});

describe('row IDs echoed back in the reply are never changed', () => {
	const list = (sections: INodeParameters) =>
		message('sendList', { bodyText: 'What would you like?', buttonText: 'View menu', ...sections });

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

	itRefusesEach([
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
