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
import { splitUrl } from '../assertions';
import { repeated } from '../inputs';
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';

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
		it('a name with an uppercase letter', async () => {
			await expectRefusedBeforeSending({
				parameters: create({ templateName: 'Order_confirmation' }),
				message: /^Template Name "Order_confirmation" is not allowed: use only lowercase letters, digits and underscores/,
				field: 'Template Name',
			});
		});

		it('a name with a dash', async () => {
			await expectRefusedBeforeSending({
				parameters: create({ templateName: 'order-confirmation' }),
				message: /^Template Name "order-confirmation" is not allowed/,
				field: 'Template Name',
			});
		});

		it('numbered placeholders with too few examples', async () => {
			await expectRefusedBeforeSending({
				parameters: create({ bodyExamples: { example: [{ value: 'Jane' }] } }),
				message: /^Body Text has 2 placeholders but 1 example$/,
				field: 'Body Text',
			});
			await expectRefusedBeforeSending({
				parameters: create({ bodyExamples: {} }),
				message: /^Body Text has 2 placeholders but 0 examples$/,
				field: 'Body Text',
			});
		});

		it('a named placeholder without its example', async () => {
			await expectRefusedBeforeSending({
				parameters: create({
					bodyText: 'Hi {{customer_name}}, order {{order_id}} shipped',
					bodyExamples: { example: [{ parameterName: 'customer_name', value: 'Jane' }] },
				}),
				message: /^Body Text has \{\{order_id\}\} but no example for it/,
				field: 'Body Text',
			});
		});

		it('a header placeholder without an example', async () => {
			await expectRefusedBeforeSending({
				parameters: create({ templateOptions: { headerText: 'Order #{{1}}' } }),
				message: /^Header Text has 1 placeholder but 0 examples$/,
				field: 'Header Text',
			});
		});

		it('numbered and named placeholders mixed', async () => {
			await expectRefusedBeforeSending({
				parameters: create({
					bodyText: 'Hi {{1}}, order {{order_id}} shipped',
					bodyExamples: { example: [{ value: 'Jane' }, { parameterName: 'order_id', value: '1' }] },
				}),
				message: /^Body Text mixes numbered and named placeholders \(\{\{1\}\} and \{\{order_id\}\}\)/,
				field: 'Body Text',
			});
		});

		it('JSON components whose placeholders have no example', async () => {
			await expectRefusedBeforeSending({
				parameters: create({
					specifyDefinition: 'json',
					definitionJson: JSON.stringify([{ type: 'BODY', text: 'Hi {{1}}, your order #{{2}} is ready' }]),
				}),
				message: /^Components \(JSON\): the BODY text has placeholders but no example/,
				field: 'Components (JSON)',
			});
		});

		it('JSON that is not an array of components', async () => {
			await expectRefusedBeforeSending({
				parameters: create({ specifyDefinition: 'json', definitionJson: '{ "type": "BODY" ' }),
				message: /^Components \(JSON\) is not valid JSON/,
				field: 'Components (JSON)',
			});
		});

		it('a body over 1024 characters', async () => {
			await expectRefusedBeforeSending({
				parameters: create({ bodyText: 'x'.repeat(1025), bodyExamples: {} }),
				message: /^Body Text is 1025 characters; WhatsApp allows 1024/,
				field: 'Body Text',
			});
		});

	});

	// With account discovery, an empty ID is no longer refused before any request: the node asks
	// the Maton connection which accounts it reaches (a GET), and fails there, before the POST.
	it('without a business account ID, finds none through the Maton connection and says what to enter, sending nothing else', async () => {
		const { gatewayRequests } = await expectRefusedBeforeSending({
			parameters: create(),
			credentials: matonCredentials({ businessAccountId: '' }),
			discovery: { status: 200, body: { id: '10229837465019283', businesses: { data: [] } } },
			message: /^No WhatsApp Business Account ID, and the Maton connection reaches no business account$/,
			field: 'WhatsApp Business Account ID',
			description:
				/Default WhatsApp Business Account ID of the Maton API credential\. Find it in Meta Business Suite › Settings › Accounts › WhatsApp accounts/,
		});
		// One discovery per run (stopping, then Continue On Fail), asking for exactly these fields.
		const discovery = ['GET', { base: `${GRAPH}/me`, query: { fields: DISCOVERY_FIELDS } }];
		expect(gatewayRequests.map((request) => [request.method, splitUrl(request.url)])).toEqual([discovery, discovery]);
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

	it('adds FLOW buttons: by ID with its first screen, by name for data exchange', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, created).reply(200, created);
		const send = async (button: INodeParameters) => {
			const before = gateway.requests.length;
			const { items, error } = await runWhatsApp(
				create({ templateButtons: { button: [{ type: 'quick_reply', text: 'Not now' }, button] } }),
			);
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json)).toEqual([created]);
			expect(gateway.requests).toHaveLength(before + 1);
			const request = gateway.requests[before];
			expect(request.method).toBe('POST');
			expect(request.url).toBe(TEMPLATES);
			const components = (request.body as { components: unknown[] }).components;
			expect(components.slice(0, -1)).toEqual(seedBody.components);
			return components[components.length - 1];
		};
		expect(
			await send({
				type: 'flow',
				text: ' Book now ',
				flowGivenBy: 'id',
				flowId: ' 1197715005513101 ',
				flowAction: 'navigate',
				navigateScreen: 'BOOKING',
			}),
		).toEqual({
			type: 'BUTTONS',
			buttons: [
				{ type: 'QUICK_REPLY', text: 'Not now' },
				{ type: 'FLOW', text: 'Book now', flow_id: '1197715005513101', flow_action: 'navigate', navigate_screen: 'BOOKING' },
			],
		});
		expect(
			await send({
				type: 'flow',
				text: 'Sign up',
				flowGivenBy: 'name',
				flowName: 'newsletter_signup',
				flowAction: 'data_exchange',
				navigateScreen: 'ignored for data exchange',
			}),
		).toEqual({
			type: 'BUTTONS',
			buttons: [
				{ type: 'QUICK_REPLY', text: 'Not now' },
				{ type: 'FLOW', text: 'Sign up', flow_name: 'newsletter_signup', flow_action: 'data_exchange' },
			],
		});
	});

	it.each([
		[
			'a dynamic URL without an example',
			[{ type: 'url', text: 'Track', url: 'https://shop.example.com/t/{{1}}' }],
			/Button 1 URL has \{\{1\}\} but no full example URL/,
			'Button 1',
		],
		[
			'a placeholder in the middle of the URL',
			[{ type: 'url', text: 'Track', url: 'https://shop.example.com/{{1}}/x', urlExample: 'https://shop.example.com/1/x' }],
			/Button 1 URL may have one placeholder, \{\{1\}\}, and only at its end/,
			'Button 1',
		],
		[
			'button text of 26 characters',
			[{ type: 'quick_reply', text: 'x'.repeat(26) }],
			/Button 1 text is 26 characters; WhatsApp allows 25/,
			'Button 1',
		],
		[
			'three URL buttons',
			[
				{ type: 'url', text: 'A', url: 'https://a.example.com' },
				{ type: 'url', text: 'B', url: 'https://b.example.com' },
				{ type: 'url', text: 'C', url: 'https://c.example.com' },
			],
			/Button 3: a template takes at most 2 url buttons/,
			'Button 3',
		],
		[
			'two copy-code buttons',
			[
				{ type: 'copy_code', example: 'A1' },
				{ type: 'copy_code', example: 'B2' },
			],
			/Button 2: a template takes at most 1 copy code button/,
			'Button 2',
		],
		[
			'a phone button without a number',
			[{ type: 'phone_number', text: 'Call', phoneNumber: 'call me' }],
			/Button 1 phone number "call me" is not a phone number/,
			'Button 1',
		],
	])('refuses %s, sending nothing', async (_case, button, message, field) => {
		await expectRefusedBeforeSending({
			parameters: create({ templateButtons: { button } }),
			message,
			field,
		});
	});
});

describe('bad inputs', () => {
	const createTemplate = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'template',
		operation: 'create',
		templateName: 'order_confirmation',
		languageCode: 'en_US',
		category: 'UTILITY',
		bodyText: 'Hi {{1}}, your order #{{2}} has been confirmed!',
		bodyExamples: { example: [{ value: 'Jane' }, { value: '1234' }] },
		...extra,
	});
	// Templates › Create (name [a-z0-9_] ≤ 512, category, examples for every variable)
	itRefusesEach([
		{
			name: 'a name with an uppercase letter',
			parameters: createTemplate({ templateName: 'Order_confirmation' }),
			message: /^Template Name "Order_confirmation" is not allowed: use only lowercase letters, digits and underscores/,
			field: 'Template Name',
		},
		{
			name: 'a name with a dash and a space',
			parameters: createTemplate({ templateName: 'order-confirmation v2' }),
			message: /^Template Name "order-confirmation v2" is not allowed/,
			field: 'Template Name',
		},
		{
			name: 'a name of 513 characters',
			parameters: createTemplate({ templateName: repeated('a', 513) }),
			message: /^Template Name "a{513}" is not allowed: .*up to 512 characters/,
			field: 'Template Name',
		},
		{
			name: 'a name left blank by its expression',
			parameters: createTemplate({ templateName: '={{ $json.name }}' }),
			message: /^Template Name is empty/,
			field: 'Template Name',
		},
		{
			name: 'a category WhatsApp does not have',
			parameters: createTemplate({ category: '={{ "PROMOTIONAL" }}' }),
			message: /^Category "PROMOTIONAL"/,
			field: 'Category',
		},
		{
			name: 'two numbered body placeholders with one example',
			parameters: createTemplate({ bodyExamples: { example: [{ value: 'Jane' }] } }),
			message: /^Body Text has 2 placeholders but 1 example$/,
			field: 'Body Text',
		},
		{
			name: 'a named body placeholder without its example',
			parameters: createTemplate({
				bodyText: 'Hi {{customer_name}}, order {{order_id}} shipped',
				bodyExamples: { example: [{ parameterName: 'customer_name', value: 'Jane' }] },
			}),
			message: /^Body Text has \{\{order_id\}\} but no example for it/,
			field: 'Body Text',
		},
		{
			name: 'a header placeholder without an example',
			parameters: createTemplate({ templateOptions: { headerText: 'Order #{{1}}' } }),
			message: /^Header Text has 1 placeholder but 0 examples$/,
			field: 'Header Text',
		},
		{
			name: 'numbered and named placeholders mixed',
			parameters: createTemplate({
				bodyText: 'Hi {{1}}, order {{order_id}} shipped',
				bodyExamples: { example: [{ value: 'Jane' }, { parameterName: 'order_id', value: '1' }] },
			}),
			message: /^Body Text mixes numbered and named placeholders/,
			field: 'Body Text',
		},
		{
			name: 'JSON: a body with placeholders but no example',
			parameters: createTemplate({
				specifyDefinition: 'json',
				definitionJson: JSON.stringify([{ type: 'BODY', text: 'Hi {{1}}, your order #{{2}} is ready' }]),
			}),
			message: /^Components \(JSON\): the BODY text has placeholders but no example/,
			field: 'Components (JSON)',
		},
		{
			name: 'JSON: a header with a named placeholder but no example',
			parameters: createTemplate({
				specifyDefinition: 'json',
				definitionJson: JSON.stringify([
					{ type: 'HEADER', format: 'TEXT', text: 'Order {{order_id}}' },
					{ type: 'BODY', text: 'Thanks!' },
				]),
			}),
			message: /^Components \(JSON\): the HEADER text has placeholders but no example/,
			field: 'Components (JSON)',
		},
		{
			name: 'JSON: components that are not valid JSON',
			parameters: createTemplate({ specifyDefinition: 'json', definitionJson: '[{ "type": "BODY" ' }),
			message: /^Components \(JSON\) is not valid JSON/,
			field: 'Components (JSON)',
		},
		{
			name: 'a body of 1025 characters',
			parameters: createTemplate({ bodyText: repeated('b', 1025), bodyExamples: {} }),
			message: /^Body Text is 1025 characters; WhatsApp allows 1024/,
			field: 'Body Text',
		},
		{
			name: 'a body left blank by its expression',
			parameters: createTemplate({ bodyText: '={{ $json.body }}', bodyExamples: {} }),
			message: /^Body Text is empty/,
			field: 'Body Text',
		},
		{
			name: 'a header text of 61 characters',
			parameters: createTemplate({ templateOptions: { headerText: repeated('h', 61) } }),
			message: /^Header Text is 61 characters; WhatsApp allows 60/,
			field: 'Header Text',
		},
		{
			name: 'a footer text of 61 characters',
			parameters: createTemplate({ templateOptions: { footerText: repeated('f', 61) } }),
			message: /^Footer Text is 61 characters; WhatsApp allows 60/,
			field: 'Footer Text',
		},
		{
			name: 'a dynamic URL button without an example',
			parameters: createTemplate({
				templateButtons: { button: [{ type: 'url', text: 'Track', url: 'https://shop.example.com/t/{{1}}' }] },
			}),
			message: /^Button 1 URL has \{\{1\}\} but no full example URL/,
			field: 'Button 1 URL',
		},
		{
			name: 'a button text of 26 characters',
			parameters: createTemplate({ templateButtons: { button: [{ type: 'quick_reply', text: repeated('x', 26) }] } }),
			message: /^Button 1 text is 26 characters; WhatsApp allows 25/,
			field: 'Button 1 text',
		},
	]);
	// § Template management, FLOW button: text 1..25, flow_id digits or flow_name, navigate_screen
	// for navigate (letters, digits, _), one flow button per template.
	const flowButton = { type: 'flow', text: 'Book now', flowGivenBy: 'id', flowId: '1197715005513101', flowAction: 'navigate', navigateScreen: 'BOOKING' };
	itRefusesEach([
		{
			name: 'a flow button text of 26 characters',
			parameters: createTemplate({ templateButtons: { button: [{ ...flowButton, text: repeated('x', 26) }] } }),
			message: /^Button 1 text is 26 characters; WhatsApp allows 25/,
			field: 'Button 1 text',
		},
		{
			name: 'a flow button without text',
			parameters: createTemplate({ templateButtons: { button: [{ ...flowButton, text: '={{ $json.label }}' }] } }),
			message: /^Button 1 text is empty/,
			field: 'Button 1 text',
		},
		{
			name: 'a flow ID that is not digits',
			parameters: createTemplate({ templateButtons: { button: [{ ...flowButton, flowId: 'booking-flow' }] } }),
			message: /^Button 1 flow "booking-flow" is not a flow ID: it has only digits/,
			field: 'Button 1 flow',
		},
		{
			name: 'an empty flow ID',
			parameters: createTemplate({ templateButtons: { button: [{ ...flowButton, flowId: '' }] } }),
			message: /^Button 1 flow \(flow ID\) is empty/,
			field: 'Button 1 flow',
		},
		{
			name: 'an empty flow name',
			parameters: createTemplate({ templateButtons: { button: [{ ...flowButton, flowGivenBy: 'name', flowName: '  ' }] } }),
			message: /^Button 1 flow \(flow name\) is empty/,
			field: 'Button 1 flow',
		},
		{
			name: 'a navigating flow button without its first screen',
			parameters: createTemplate({ templateButtons: { button: [{ ...flowButton, navigateScreen: '' }] } }),
			message: /^Button 1 first screen ID is empty/,
			field: 'Button 1 first screen ID',
		},
		{
			name: 'a first screen ID with spaces',
			parameters: createTemplate({ templateButtons: { button: [{ ...flowButton, navigateScreen: 'First screen' }] } }),
			message: /^Button 1 first screen ID "First screen" is not a screen ID/,
			field: 'Button 1 first screen ID',
		},
		{
			name: 'two flow buttons',
			parameters: createTemplate({ templateButtons: { button: [flowButton, { ...flowButton, text: 'Book later' }] } }),
			message: /^Button 2: a template takes at most 1 flow button$/,
			field: 'Button 2',
		},
	]);
});
