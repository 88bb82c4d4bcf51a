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
		await expectRejected(
			{
				...list,
				sections: {
					section: [
						{ title: 'Pizzas', rows: rows('pizza', 6) },
						{ title: 'Drinks', rows: rows('drink', 5) },
					],
				},
			},
			/^Sections have 11 rows in all; WhatsApp allows 10/,
		);
	});

	it('refuses two sections without titles', async () => {
		await expectRejected(
			{ ...list, sections: { section: [{ rows: rows('a', 1) }, { rows: rows('b', 1) }] } },
			/^Section 1 title is empty/,
		);
	});

	it('refuses a row title of 25 characters', async () => {
		await expectRejected(
			{
				...list,
				sections: {
					section: [{ title: 'Products', rows: { row: [{ id: 'prod1', title: 'Product with a long title' }] } }],
				},
			},
			/^Section 1 row 1 title is 25 characters; WhatsApp allows 24/,
		);
	});

	it('refuses a row description of 73 characters', async () => {
		await expectRejected(
			{
				...list,
				specifySections: 'json',
				sectionsJson: JSON.stringify([
					{ title: 'Products', rows: [{ id: 'prod1', title: 'Product 1', description: 'd'.repeat(73) }] },
				]),
			},
			/^Section 1 row 1 description is 73 characters; WhatsApp allows 72/,
		);
	});

	it('refuses the same row ID twice, even in different sections', async () => {
		await expectRejected(
			{
				...list,
				sections: {
					section: [
						{ title: 'Pizzas', rows: rows('item', 2) },
						{ title: 'Drinks', rows: rows('item', 1) },
					],
				},
			},
			/^Row ID "item1" is used twice/,
		);
	});

	it('refuses a section title of 25 characters', async () => {
		await expectRejected(
			{ ...list, sections: { section: [{ title: 'Our very special products', rows: rows('a', 1) }] } },
			/^Section 1 title is 25 characters; WhatsApp allows 24/,
		);
	});

	it('refuses a section without rows', async () => {
		await expectRejected(
			{ ...list, sections: { section: [{ title: 'Pizzas', rows: rows('a', 1) }, { title: 'Drinks' }] } },
			/^Section 2 has no rows/,
		);
	});

	it('refuses 11 sections', async () => {
		await expectRejected(
			{
				...list,
				specifySections: 'json',
				sectionsJson: JSON.stringify(
					Array.from({ length: 11 }, (_, index) => ({ title: `S${index}`, rows: [{ id: `r${index}`, title: 'R' }] })),
				),
			},
			/^Sections has 11 sections; WhatsApp allows 1 to 10/,
		);
	});

	it('refuses a list button text of 21 characters', async () => {
		await expectRejected(
			{ ...list, buttonText: 'See all of our offers', sections: productsFields },
			/^List Button Text is 21 characters; WhatsApp allows 20/,
		);
	});

	it('refuses a body text over 4096 characters', async () => {
		await expectRejected(
			{ ...list, bodyText: 'x'.repeat(4097), sections: productsFields },
			/^Body Text is 4097 characters; WhatsApp allows 4096/,
		);
	});

	it('refuses a header text over 60 characters', async () => {
		await expectRejected(
			{ ...list, sections: productsFields, options: { headerText: 'h'.repeat(61) } },
			/^Header Text is 61 characters; WhatsApp allows 60/,
		);
	});

	it('refuses Sections (JSON) that is not valid JSON', async () => {
		await expectRejected(
			{ ...list, specifySections: 'json', sectionsJson: '[{ "title": "Products", "rows": [ }]' },
			/^Sections \(JSON\) is not valid JSON/,
		);
	});

	it('refuses a recipient with 6 digits', async () => {
		await expectRejected(
			{ ...list, recipientPhoneNumber: '+1 555 12', sections: productsFields },
			/^Recipient Phone Number "\+1 555 12" has 6 digits/,
		);
	});
});
