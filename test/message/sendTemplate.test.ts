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
		await expectRejected(
			{
				...template,
				components: {
					component: [
						bodyFields('John'),
						{ type: 'button', subType: 'url', index: 10, parameters: { parameter: [{ value: 'x' }] } },
					],
				},
			},
			/^Components › Component 2 › Button Index is 10; it must be between 0 and 9/,
		);
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
		await expectRejected(
			{ ...template, specifyComponents: 'json', componentsJson: '[{ "type": "body", }]' },
			/^Components \(JSON\) is not valid JSON/,
		);
	});

	it('refuses a template name that is blank once its expression is resolved', async () => {
		await expectRejected(
			{ ...template, template: { __rl: true, mode: 'name', value: '={{ $json.template ?? "" }}' } },
			/^Template is empty/,
		);
	});

	it('refuses a header text parameter over 60 characters', async () => {
		await expectRejected(
			{
				...template,
				components: {
					component: [{ type: 'header', parameters: { parameter: [{ type: 'text', value: 'h'.repeat(61) }] } }],
				},
			},
			/^Component 1 \(header\) parameter 1 text is 61 characters; WhatsApp allows 60/,
		);
	});

	it('refuses a header with two parameters', async () => {
		await expectRejected(
			{
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
			/^Component 1 \(header\) has 2 parameters; a template header takes one/,
		);
	});

	it('refuses named and numbered parameters in one template', async () => {
		await expectRejected(
			{
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
			/^Component 1 \(body\) parameter 2 has no Parameter Name/,
		);
	});

	it('refuses a header media link that is not https', async () => {
		await expectRejected(
			{
				...template,
				components: {
					component: [
						{ type: 'header', parameters: { parameter: [{ type: 'image', value: 'http://example.com/a.jpg' }] } },
					],
				},
			},
			/^Component 1 \(header\) parameter 1 image link must be a public https:\/\/ link/,
		);
	});

	it('refuses a recipient starting with 00', async () => {
		await expectRejected(
			{ ...template, recipientPhoneNumber: '0015551234567' },
			/^Recipient Phone Number "0015551234567" starts with 00/,
		);
	});
});
