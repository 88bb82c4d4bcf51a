import type { INodeParameters } from 'n8n-workflow';

import {
	BUSINESS_ACCOUNT_ID,
	CONNECTION_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	expectAuthorised,
	fakeApi,
	matonCredentials,
	runWhatsApp,
} from '../fixture';
import { DISCOVERY_FIELDS } from '../../nodes/WhatsAppMaton/shared/account/discovery';
import { expectInputError, splitUrl } from '../assertions';

const TEMPLATES = `${GRAPH}/${BUSINESS_ACCOUNT_ID}/message_templates`;
const created = { id: '1407680676729941', status: 'PENDING', category: 'UTILITY' };

/** Template › Create in fields mode with the seed's example, plus what the test adds. */
const create = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'template',
	operation: 'create',
	templateName: 'order_confirmation',
	languageCode: 'en_US',
	category: 'UTILITY',
	bodyText: 'Hi {{1}}, your order #{{2}} has been confirmed!',
	bodyExamples: { example: [{ value: 'Jane' }, { value: '1234' }] },
	templateOptions: { headerText: 'Order Confirmation', footerText: 'Thank you for your purchase' },
	...extra,
});

/** The seed's Create Template body, with the example Meta requires for its two placeholders. */
const seedBody = {
	name: 'order_confirmation',
	language: 'en_US',
	category: 'UTILITY',
	components: [
		{ type: 'HEADER', format: 'TEXT', text: 'Order Confirmation' },
		{
			type: 'BODY',
			text: 'Hi {{1}}, your order #{{2}} has been confirmed!',
			example: { body_text: [['Jane', '1234']] },
		},
		{ type: 'FOOTER', text: 'Thank you for your purchase' },
	],
};

describe('Template › Create', () => {
	it("posts the seed's template, with examples, and outputs the answer", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, created);
		const { items, error } = await runWhatsApp(create());
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(TEMPLATES);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual(seedBody);
		expect(items.map((item) => item.json)).toEqual([created]);
	});

	it('posts the same template given as JSON components', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, created);
		const { items, error } = await runWhatsApp({
			resource: 'template',
			operation: 'create',
			templateName: 'order_confirmation',
			languageCode: 'en_US',
			category: 'UTILITY',
			specifyDefinition: 'json',
			definitionJson: JSON.stringify(seedBody.components),
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].method).toBe('POST');
		expect(gateway.requests[0].url).toBe(TEMPLATES);
		expect(gateway.requests[0].body).toEqual(seedBody);
		expect(items.map((item) => item.json)).toEqual([created]);
	});

	it('takes JSON components from an expression as an array', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, created);
		const { error } = await runWhatsApp(
			{
				resource: 'template',
				operation: 'create',
				templateName: 'order_confirmation',
				languageCode: 'en_US',
				category: 'UTILITY',
				specifyDefinition: 'json',
				definitionJson: '={{ $json.components }}',
			},
			{ input: [{ json: { components: seedBody.components } }] },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual(seedBody);
	});

	it('sends named placeholders with parameter_format NAMED and body_text_named_params', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, created);
		const { error } = await runWhatsApp(
			create({
				templateName: 'order_shipped',
				category: 'MARKETING',
				languageCode: 'pt_BR',
				bodyText: 'Olá {{customer_name}}, o pedido {{order_id}} foi enviado.',
				bodyExamples: {
					example: [
						{ parameterName: 'order_id', value: '1234' },
						{ parameterName: 'customer_name', value: 'Maria' },
					],
				},
				templateOptions: {},
			}),
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			name: 'order_shipped',
			language: 'pt_BR',
			category: 'MARKETING',
			parameter_format: 'NAMED',
			components: [
				{
					type: 'BODY',
					text: 'Olá {{customer_name}}, o pedido {{order_id}} foi enviado.',
					example: {
						body_text_named_params: [
							{ param_name: 'customer_name', example: 'Maria' },
							{ param_name: 'order_id', example: '1234' },
						],
					},
				},
			],
		});
	});

	it('sends the header example for a header placeholder', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, created);
		const { error } = await runWhatsApp(
			create({ templateOptions: { headerText: 'Order #{{1}}', headerExample: '12345' } }),
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			...seedBody,
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Order #{{1}}', example: { header_text: ['12345'] } },
				seedBody.components[1],
			],
		});
	});

	it('sends a named header placeholder with header_text_named_params', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, created);
		const { error } = await runWhatsApp(
			create({
				bodyText: 'Hi {{customer_name}}!',
				bodyExamples: { example: [{ parameterName: 'customer_name', value: 'Jane' }] },
				templateOptions: { headerText: 'Order {{order_id}}', headerExample: '12345' },
			}),
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			name: 'order_confirmation',
			language: 'en_US',
			category: 'UTILITY',
			parameter_format: 'NAMED',
			components: [
				{
					type: 'HEADER',
					format: 'TEXT',
					text: 'Order {{order_id}}',
					example: { header_text_named_params: [{ param_name: 'order_id', example: '12345' }] },
				},
				{
					type: 'BODY',
					text: 'Hi {{customer_name}}!',
					example: { body_text_named_params: [{ param_name: 'customer_name', example: 'Jane' }] },
				},
			],
		});
	});

	it('sets parameter_format NAMED for named placeholders given as JSON', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, created);
		const components = [
			{
				type: 'BODY',
				text: 'Hi {{customer_name}}!',
				example: { body_text_named_params: [{ param_name: 'customer_name', example: 'Jane' }] },
			},
		];
		const { error } = await runWhatsApp(
			create({ specifyDefinition: 'json', definitionJson: JSON.stringify(components) }),
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			name: 'order_confirmation',
			language: 'en_US',
			category: 'UTILITY',
			parameter_format: 'NAMED',
			components,
		});
	});

	it("uses the node's business account ID over the credential's, and the node's connection", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, created).reply(200, created);
		const credentials = matonCredentials({ connectionId: 'credential-default' });
		await runWhatsApp(
			create({
				businessAccountId: '998877665544332',
				matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID },
			}),
			{ credentials },
		);
		await runWhatsApp(create(), { credentials });
		expect(gateway.requests.map((request) => [request.url, request.headers['maton-connection']])).toEqual([
			[`${GRAPH}/998877665544332/message_templates`, CONNECTION_ID],
			[TEMPLATES, 'credential-default'],
		]);
	});

	describe('refuses, without a request,', () => {
		const refused = async (parameters: INodeParameters, credentials = matonCredentials()) => {
			const gateway = fakeApi(GATEWAY_ORIGIN);
			const result = await runWhatsApp(parameters, { credentials });
			expect(gateway.requests).toHaveLength(0);
			expect(result.items).toEqual([]);
			return result.error;
		};

		it('a name with an uppercase letter', async () => {
			expectInputError(
				await refused(create({ templateName: 'Order_confirmation' })),
				/^Template Name "Order_confirmation" is not allowed: use only lowercase letters, digits and underscores/,
			);
		});

		it('a name with a dash', async () => {
			expectInputError(
				await refused(create({ templateName: 'order-confirmation' })),
				/^Template Name "order-confirmation" is not allowed/,
			);
		});

		it('numbered placeholders with too few examples', async () => {
			expectInputError(
				await refused(create({ bodyExamples: { example: [{ value: 'Jane' }] } })),
				/^Body Text has 2 placeholders but 1 example$/,
			);
			expectInputError(await refused(create({ bodyExamples: {} })), /^Body Text has 2 placeholders but 0 examples$/);
		});

		it('a named placeholder without its example', async () => {
			expectInputError(
				await refused(
					create({
						bodyText: 'Hi {{customer_name}}, order {{order_id}} shipped',
						bodyExamples: { example: [{ parameterName: 'customer_name', value: 'Jane' }] },
					}),
				),
				/^Body Text has \{\{order_id\}\} but no example for it/,
			);
		});

		it('a header placeholder without an example', async () => {
			expectInputError(
				await refused(create({ templateOptions: { headerText: 'Order #{{1}}' } })),
				/^Header Text has 1 placeholder but 0 examples$/,
			);
		});

		it('numbered and named placeholders mixed', async () => {
			expectInputError(
				await refused(
					create({
						bodyText: 'Hi {{1}}, order {{order_id}} shipped',
						bodyExamples: { example: [{ value: 'Jane' }, { parameterName: 'order_id', value: '1' }] },
					}),
				),
				/^Body Text mixes numbered and named placeholders \(\{\{1\}\} and \{\{order_id\}\}\)/,
			);
		});

		it('JSON components whose placeholders have no example', async () => {
			expectInputError(
				await refused(
					create({
						specifyDefinition: 'json',
						definitionJson: JSON.stringify([{ type: 'BODY', text: 'Hi {{1}}, your order #{{2}} is ready' }]),
					}),
				),
				/^Components \(JSON\): the BODY text has placeholders but no example/,
			);
		});

		it('JSON that is not an array of components', async () => {
			expectInputError(
				await refused(create({ specifyDefinition: 'json', definitionJson: '{ "type": "BODY" ' })),
				/^Components \(JSON\) is not valid JSON/,
			);
		});

		it('a body over 1024 characters', async () => {
			expectInputError(
				await refused(create({ bodyText: 'x'.repeat(1025), bodyExamples: {} })),
				/^Body Text is 1025 characters; WhatsApp allows 1024/,
			);
		});

	});

	// With account discovery, an empty ID is no longer refused before any request: the node asks
	// the Maton connection which accounts it reaches (a GET), and fails there, before the POST.
	it('without a business account ID, finds none through the Maton connection and says what to enter, sending nothing else', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '10229837465019283', businesses: { data: [] } });
		const { items, error } = await runWhatsApp(
			create(),
			{ credentials: matonCredentials({ businessAccountId: '' }) },
		);
		expectInputError(
			error,
			/^No WhatsApp Business Account ID, and the Maton connection reaches no business account$/,
			/Default WhatsApp Business Account ID of the Maton API credential\. Find it in Meta Business Suite › Settings › Accounts › WhatsApp accounts/,
		);
		expect(items).toEqual([]);
		expect(gateway.requests.map((request) => [request.method, splitUrl(request.url)])).toEqual([
			['GET', { base: `${GRAPH}/me`, query: { fields: DISCOVERY_FIELDS } }],
		]);
	});
});

describe('Template › Create, buttons', () => {
	it('adds a BUTTONS component: quick reply, dynamic URL with its example, phone number, copy code', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, created);
		const { error } = await runWhatsApp(
			create({
				templateButtons: {
					button: [
						{ type: 'quick_reply', text: 'Stop updates' },
						{
							type: 'url',
							text: 'Track order',
							url: 'https://shop.example.com/track/{{1}}',
							urlExample: 'https://shop.example.com/track/1234',
						},
						{ type: 'phone_number', text: 'Call us', phoneNumber: '+15551234567' },
						{ type: 'copy_code', example: 'SAVE20' },
					],
				},
			}),
		);
		expect(error).toBeUndefined();
		expect((gateway.requests[0].body as { components: unknown[] }).components).toEqual([
			...seedBody.components,
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'QUICK_REPLY', text: 'Stop updates' },
					{
						type: 'URL',
						text: 'Track order',
						url: 'https://shop.example.com/track/{{1}}',
						example: ['https://shop.example.com/track/1234'],
					},
					{ type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15551234567' },
					{ type: 'COPY_CODE', example: 'SAVE20' },
				],
			},
		]);
	});

	it('sends a static URL button without an example', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, created);
		await runWhatsApp(
			create({ templateButtons: { button: [{ type: 'url', text: 'Our shop', url: 'https://shop.example.com' }] } }),
		);
		const components = (gateway.requests[0].body as { components: unknown[] }).components;
		expect(components[components.length - 1]).toEqual({
			type: 'BUTTONS',
			buttons: [{ type: 'URL', text: 'Our shop', url: 'https://shop.example.com' }],
		});
	});

	it.each([
		[
			'a dynamic URL without an example',
			[{ type: 'url', text: 'Track', url: 'https://shop.example.com/t/{{1}}' }],
			/Button 1 URL has \{\{1\}\} but no full example URL/,
		],
		[
			'a placeholder in the middle of the URL',
			[{ type: 'url', text: 'Track', url: 'https://shop.example.com/{{1}}/x', urlExample: 'https://shop.example.com/1/x' }],
			/Button 1 URL may have one placeholder, \{\{1\}\}, and only at its end/,
		],
		[
			'button text of 26 characters',
			[{ type: 'quick_reply', text: 'x'.repeat(26) }],
			/Button 1 text is 26 characters; WhatsApp allows 25/,
		],
		[
			'three URL buttons',
			[
				{ type: 'url', text: 'A', url: 'https://a.example.com' },
				{ type: 'url', text: 'B', url: 'https://b.example.com' },
				{ type: 'url', text: 'C', url: 'https://c.example.com' },
			],
			/Button 3: a template takes at most 2 url buttons/,
		],
		[
			'two copy-code buttons',
			[
				{ type: 'copy_code', example: 'A1' },
				{ type: 'copy_code', example: 'B2' },
			],
			/Button 2: a template takes at most 1 copy code button/,
		],
		[
			'a phone button without a number',
			[{ type: 'phone_number', text: 'Call', phoneNumber: 'call me' }],
			/Button 1 phone number "call me" is not a phone number/,
		],
	])('refuses %s, sending nothing', async (_case, button, message) => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const { error } = await runWhatsApp(create({ templateButtons: { button } }));
		expectInputError(error, message);
		expect(gateway.requests).toEqual([]);
	});
});
