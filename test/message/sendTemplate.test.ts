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
import type { INodeParameters } from 'n8n-workflow';
import { repeated, send } from '../inputs';
import { message } from '../inputs';
import { sentBody } from './sentBody';

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const template = {
	resource: 'message',
	operation: 'sendTemplate',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	template: { __rl: true, mode: 'name', value: 'hello_world' },
	languageCode: 'en_US',
	// These tests give parameters by hand; sendTemplateVariables.test.ts covers the default mapping.
	specifyComponents: 'fields',
};

/** The seed's components: one body parameter. */
const seedComponents = [{ type: 'body', parameters: [{ type: 'text', text: 'John' }] }];

/** A body component with these text values, as the editor holds it. */
const bodyFields = (...values: string[]) => ({
	type: 'body',
	parameters: { parameter: values.map((value) => ({ type: 'text', value })) },
});

describe('Message › Send Template', () => {
	it('posts the seed body (a body parameter from the fields) to /{phone-number-id}/messages and outputs the answer', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...template,
			specifyComponents: 'fields',
			components: { component: [bodyFields('John')] },
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
			type: 'template',
			template: { name: 'hello_world', language: { code: 'en_US' }, components: seedComponents },
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('sends a template without placeholders with no components key (the seed hello_world)', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...template,
			template: { __rl: true, mode: 'list', value: 'hello_world' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'template',
			template: { name: 'hello_world', language: { code: 'en_US' } },
		});
		expect(gateway.requests[0].body).not.toHaveProperty('template.components');
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('builds header, body and every kind of button from the fields', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...template,
			template: { __rl: true, mode: 'name', value: 'order_shipped' },
			languageCode: 'en_GB',
			components: {
				component: [
					{
						type: 'header',
						parameters: { parameter: [{ type: 'image', value: 'https://example.com/parcel.jpg' }] },
					},
					{
						type: 'body',
						parameters: {
							parameter: [
								{ type: 'text', value: 'John' },
								{ type: 'currency', value: '$12.99', currencyCode: 'usd', amount1000: 12990 },
								{ type: 'date_time', value: 'February 25, 1977' },
							],
						},
					},
					{
						type: 'button',
						subType: 'url',
						index: 0,
						parameters: { parameter: [{ value: 'orders/8812' }] },
					},
					{
						type: 'button',
						subType: 'quick_reply',
						index: 1,
						parameters: { parameter: [{ type: 'text', value: 'STOP_PROMOS' }] },
					},
					{
						type: 'button',
						subType: 'copy_code',
						index: 2,
						parameters: { parameter: [{ value: 'SAVE10' }] },
					},
				],
			},
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'template',
			template: {
				name: 'order_shipped',
				language: { code: 'en_GB' },
				components: [
					{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/parcel.jpg' } }] },
					{
						type: 'body',
						parameters: [
							{ type: 'text', text: 'John' },
							{ type: 'currency', currency: { fallback_value: '$12.99', code: 'USD', amount_1000: 12990 } },
							{ type: 'date_time', date_time: { fallback_value: 'February 25, 1977' } },
						],
					},
					{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'orders/8812' }] },
					{
						type: 'button',
						sub_type: 'quick_reply',
						index: '1',
						parameters: [{ type: 'payload', payload: 'STOP_PROMOS' }],
					},
					{
						type: 'button',
						sub_type: 'copy_code',
						index: '2',
						parameters: [{ type: 'coupon_code', coupon_code: 'SAVE10' }],
					},
				],
			},
		});
	});

	it('sends header media by uploaded ID, and a header text', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent).reply(200, sent);
		await runWhatsApp({
			...template,
			components: {
				component: [
					{ type: 'header', parameters: { parameter: [{ type: 'document', value: '1037543291543636' }] } },
				],
			},
		});
		await runWhatsApp({
			...template,
			components: {
				component: [{ type: 'header', parameters: { parameter: [{ type: 'text', value: 'Order 8812' }] } }],
			},
		});
		expect(gateway.requests.map((request) => request.body)).toEqual([
			expect.objectContaining({
				template: {
					name: 'hello_world',
					language: { code: 'en_US' },
					components: [
						{ type: 'header', parameters: [{ type: 'document', document: { id: '1037543291543636' } }] },
					],
				},
			}),
			expect.objectContaining({
				template: {
					name: 'hello_world',
					language: { code: 'en_US' },
					components: [{ type: 'header', parameters: [{ type: 'text', text: 'Order 8812' }] }],
				},
			}),
		]);
	});

	it('puts parameter_name on each parameter of a template with named placeholders', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...template,
			template: { __rl: true, mode: 'name', value: 'order_confirmation_named' },
			components: {
				component: [
					{
						type: 'header',
						parameters: { parameter: [{ type: 'text', parameterName: 'order_id', value: '8812' }] },
					},
					{
						type: 'body',
						parameters: {
							parameter: [
								{ type: 'text', parameterName: 'customer_name', value: 'John' },
								{
									type: 'currency',
									parameterName: 'total',
									value: '$12.99',
									currencyCode: 'USD',
									amount1000: 12990,
								},
							],
						},
					},
				],
			},
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'template',
			template: {
				name: 'order_confirmation_named',
				language: { code: 'en_US' },
				components: [
					{ type: 'header', parameters: [{ type: 'text', parameter_name: 'order_id', text: '8812' }] },
					{
						type: 'body',
						parameters: [
							{ type: 'text', parameter_name: 'customer_name', text: 'John' },
							{
								type: 'currency',
								parameter_name: 'total',
								currency: { fallback_value: '$12.99', code: 'USD', amount_1000: 12990 },
							},
						],
					},
				],
			},
		});
	});

	it('names the text parameters only, when the header is media', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...template,
			template: { __rl: true, mode: 'name', value: 'order_shipped_named' },
			components: {
				component: [
					{ type: 'header', parameters: { parameter: [{ type: 'video', value: 'https://example.com/clip.mp4' }] } },
					{
						type: 'body',
						parameters: {
							parameter: [
								{ type: 'text', parameterName: 'customer_name', value: 'John' },
								{ type: 'date_time', parameterName: 'delivery_date', value: 'Tomorrow' },
							],
						},
					},
				],
			},
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'template',
			template: {
				name: 'order_shipped_named',
				language: { code: 'en_US' },
				components: [
					{ type: 'header', parameters: [{ type: 'video', video: { link: 'https://example.com/clip.mp4' } }] },
					{
						type: 'body',
						parameters: [
							{ type: 'text', parameter_name: 'customer_name', text: 'John' },
							{ type: 'date_time', parameter_name: 'delivery_date', date_time: { fallback_value: 'Tomorrow' } },
						],
					},
				],
			},
		});
	});

	it('sends Components (JSON) given as text', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp({
			...template,
			specifyComponents: 'json',
			componentsJson: JSON.stringify(seedComponents, null, 2),
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'template',
			template: { name: 'hello_world', language: { code: 'en_US' }, components: seedComponents },
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('sends Components (JSON) given as an array by an expression, as they are', async () => {
		const components = [
			{ type: 'header', parameters: [{ type: 'location', location: { latitude: 37.7749, longitude: -122.4194 } }] },
			...seedComponents,
			{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'orders/8812' }] },
		];
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp(
			{ ...template, specifyComponents: 'json', componentsJson: '={{ $json.components }}' },
			{ input: [{ json: { components } }] },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'template',
			template: { name: 'hello_world', language: { code: 'en_US' }, components },
		});
	});

	it('sends no components key for an empty Components (JSON)', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({ ...template, specifyComponents: 'json', componentsJson: '[]' });
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'template',
			template: { name: 'hello_world', language: { code: 'en_US' } },
		});
	});

	it('quotes an earlier message with Reply To Message ID', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...template,
			components: { component: [bodyFields('John')] },
			options: { replyToMessageId: 'wamid.quoted' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'template',
			template: { name: 'hello_world', language: { code: 'en_US' }, components: seedComponents },
			context: { message_id: 'wamid.quoted' },
		});
	});

	it('refuses a button index of 10', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...template,
				components: {
					component: [
						bodyFields('John'),
						{ type: 'button', subType: 'url', index: 10, parameters: { parameter: [{ value: 'x' }] } },
					],
				},
			},
			message: /^Components › Component 2 › Button Index is 10; it must be between 0 and 9/,
			field: 'Components › Component 2 › Button Index',
		});
	});

	it('sends a JSON button index given as a number as the text Graph expects', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp({
			...template,
			specifyComponents: 'json',
			componentsJson: JSON.stringify([
				{ type: 'button', sub_type: 'quick_reply', index: 1, parameters: [{ type: 'payload', payload: 'stop' }] },
			]),
		});
		expect(error).toBeUndefined();
		expect((gateway.requests[0].body as { template: { components: unknown } }).template.components).toEqual([
			{ type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'stop' }] },
		]);
	});

	it('refuses Components (JSON) that is not valid JSON', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...template, specifyComponents: 'json', componentsJson: '[{ "type": "body", }]' },
			message: /^Components \(JSON\) is not valid JSON/,
			field: 'Components (JSON)',
		});
	});

	it('refuses a template name that is blank once its expression is resolved', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...template, template: { __rl: true, mode: 'name', value: '={{ $json.template ?? "" }}' } },
			message: /^Template is empty/,
			field: 'Template',
		});
	});

	it('refuses a header text parameter over 60 characters', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...template,
				components: {
					component: [{ type: 'header', parameters: { parameter: [{ type: 'text', value: 'h'.repeat(61) }] } }],
				},
			},
			message: /^Component 1 \(header\) parameter 1 text is 61 characters; WhatsApp allows 60/,
			field: 'Component 1 (header) parameter 1 text',
		});
	});

	it('refuses a header with two parameters', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...template,
				specifyComponents: 'json',
				componentsJson: JSON.stringify([
					{
						type: 'header',
						parameters: [
							{ type: 'text', text: 'Order' },
							{ type: 'text', text: '8812' },
						],
					},
				]),
			},
			message: /^Component 1 \(header\) has 2 parameters; a template header takes one/,
			field: 'Component 1 (header)',
		});
	});

	it('refuses named and numbered parameters in one template', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...template,
				components: {
					component: [
						{
							type: 'body',
							parameters: {
								parameter: [
									{ type: 'text', parameterName: 'customer_name', value: 'John' },
									{ type: 'text', value: '8812' },
								],
							},
						},
					],
				},
			},
			message: /^Component 1 \(body\) parameter 2 has no Parameter Name/,
			field: 'Component 1 (body) parameter 2',
		});
	});

	it('refuses a header media link that is not https', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...template,
				components: {
					component: [
						{ type: 'header', parameters: { parameter: [{ type: 'image', value: 'http://example.com/a.jpg' }] } },
					],
				},
			},
			message: /^Component 1 \(header\) parameter 1 image link must be a public https:\/\/ link/,
			field: 'Component 1 (header) parameter 1 image link',
		});
	});

	it('refuses a recipient starting with 00', async () => {
		await expectRefusedBeforeSending({
			parameters: { ...template, recipientPhoneNumber: '0015551234567' },
			message: /^Recipient Phone Number "0015551234567" starts with 00/,
			field: 'Recipient Phone Number',
		});
	});
});

describe('bad inputs', () => {
	const templateComponents = (component: INodeParameters[]): INodeParameters => ({ component });
	const templateComponentsJson = (components: unknown[]) => ({
		specifyComponents: 'json',
		componentsJson: JSON.stringify(components),
	});
	// Templates › Send: the values match the definition (132000), header, buttons, named or numbered
	itRefusesEach([
		{
			name: 'a template name left blank by its expression',
			parameters: send('sendTemplate', { template: { __rl: true, mode: 'name', value: '={{ $json.template }}' } }),
			message: /^Template is empty/,
			field: 'Template',
		},
		{
			name: 'fields: a header with two parameters',
			parameters: send('sendTemplate', {
				components: templateComponents([
					{ type: 'header', parameters: { parameter: [{ type: 'text', value: 'A' }, { type: 'text', value: 'B' }] } },
				]),
			}),
			message: /^Component 1 \(header\) has 2 parameters; a template header takes one/,
			field: 'Component 1 (header)',
		},
		{
			name: 'fields: a header text parameter of 61 characters',
			parameters: send('sendTemplate', {
				components: templateComponents([
					{ type: 'header', parameters: { parameter: [{ type: 'text', value: repeated('h', 61) }] } },
				]),
			}),
			message: /^Component 1 \(header\) parameter 1 text is 61 characters; WhatsApp allows 60/,
			field: 'Component 1 (header) parameter 1 text',
		},
		{
			name: 'fields: a button index of 10',
			parameters: send('sendTemplate', {
				components: templateComponents([
					{ type: 'button', subType: 'quick_reply', index: '={{ 10 }}', parameters: { parameter: [{ value: 'stop' }] } },
				]),
			}),
			message: /^Components › Component 1 › Button Index is 10; it must be between 0 and 9/,
			field: 'Component 1 › Button Index',
		},
		{
			name: 'JSON: a button index of "12"',
			parameters: send(
				'sendTemplate',
				templateComponentsJson([
					{ type: 'button', sub_type: 'url', index: '12', parameters: [{ type: 'text', text: 'A1' }] },
				]),
			),
			message: /^Component 1\b.*\bIndex\b.*"?12"?.*0 to 9/i,
			field: 'Component 1',
		},
		{
			name: 'JSON: a header image by an http:// link',
			parameters: send(
				'sendTemplate',
				templateComponentsJson([
					{ type: 'header', parameters: [{ type: 'image', image: { link: 'http://cdn.example.com/p.jpg' } }] },
				]),
			),
			message: /^Component 1 \(header\) parameter 1 image link must be a public https:\/\/ link/,
			field: 'Component 1 (header) parameter 1 image link',
		},
		{
			name: 'JSON: named and numbered parameters mixed',
			parameters: send(
				'sendTemplate',
				templateComponentsJson([
					{
						type: 'body',
						parameters: [
							{ type: 'text', parameter_name: 'customer_name', text: 'Jane' },
							{ type: 'text', text: '1234' },
						],
					},
				]),
			),
			message: /^Component 1 \(body\) parameter 2 has no Parameter Name while others have one/,
			field: 'Component 1 (body) parameter 2',
		},
		{
			name: 'fields: a currency parameter without its currency code',
			parameters: send('sendTemplate', {
				components: templateComponents([
					{ type: 'body', parameters: { parameter: [{ type: 'currency', value: '$12.99', amount1000: 12990 }] } },
				]),
			}),
			message: /^Component 1 \(body\) parameter 1\b.*currency code/i,
			field: 'Component 1 (body) parameter 1',
		},
		{
			name: 'JSON: a date_time parameter without its fallback_value',
			parameters: send(
				'sendTemplate',
				templateComponentsJson([{ type: 'body', parameters: [{ type: 'date_time', date_time: {} }] }]),
			),
			message: /^Component 1 \(body\) parameter 1\b.*fallback_value/i,
			field: 'Component 1 (body) parameter 1',
		},
		{
			name: 'JSON: a copy_code button whose parameter is not a coupon_code',
			parameters: send(
				'sendTemplate',
				templateComponentsJson([
					{ type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'text', text: 'SAVE20' }] },
				]),
			),
			message: /^Component 1\b.*coupon_code/i,
			field: 'Component 1',
		},
		{
			name: 'JSON: components that are not an array',
			parameters: send('sendTemplate', { specifyComponents: 'json', componentsJson: '{ "type": "body" }' }),
			message: /^Components \(JSON\) must be a JSON array of objects/,
			field: 'Components (JSON)',
		},
	]);
});

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

	itRefusesEach([
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
