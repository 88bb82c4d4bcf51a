/**
 * Send Template's default mode, "Map Template Variables": the template's definition, read
 * through the gateway, says which placeholders exist; the node checks every one is filled and
 * builds the exact `components` array.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { splitUrl } from '../assertions';
import {
	BUSINESS_ACCOUNT_ID,
	CONNECTION_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	matonCredentials,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { runResourceMapping } from '../listSearch/loadOptionsContext';
import { message } from '../inputs';
import { itRefusesEach } from '../refusal';

const TEMPLATES = `${GRAPH}/${BUSINESS_ACCOUNT_ID}/message_templates`;
const DEFINITION_QUERY = {
	name: 'order_shipped',
	fields: 'name,language,status,category,parameter_format,components',
	limit: '100',
};

/** A template with an image header, two numbered body placeholders and a dynamic URL button. */
const orderShipped = {
	name: 'order_shipped',
	language: 'en_US',
	status: 'APPROVED',
	category: 'UTILITY',
	parameter_format: 'POSITIONAL',
	id: '1407680676729941',
	components: [
		{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2U='] } },
		{
			type: 'BODY',
			text: 'Hi {{1}}, your order #{{2}} is on its way!',
			example: { body_text: [['Jane', '1234']] },
		},
		{ type: 'FOOTER', text: 'Thank you for shopping with us' },
		{
			type: 'BUTTONS',
			buttons: [
				{ type: 'URL', text: 'Track order', url: 'https://shop.example.com/track/{{1}}', example: ['https://shop.example.com/track/1234'] },
				{ type: 'QUICK_REPLY', text: 'Stop updates' },
			],
		},
	],
};

/** The same template in Portuguese, which the lookup must not pick for en_US. */
const orderShippedPt = { ...orderShipped, language: 'pt_BR', id: '99' };

const appointment = {
	name: 'appointment_reminder',
	language: 'en_US',
	status: 'APPROVED',
	category: 'UTILITY',
	parameter_format: 'NAMED',
	components: [
		{
			type: 'BODY',
			text: 'Hello {{customer_name}}, see you on {{appointment_date}}.',
			example: {
				body_text_named_params: [
					{ param_name: 'customer_name', example: 'Jane' },
					{ param_name: 'appointment_date', example: 'May 5' },
				],
			},
		},
	],
};

const sent = { messaging_product: 'whatsapp', contacts: [{ input: '15551234567', wa_id: '15551234567' }], messages: [{ id: 'wamid.template' }] };

/** Send Template's parameters, with the mapping as the editor saves it. */
const sendTemplate = (name: string, value: Record<string, string | number>): INodeParameters => ({
	resource: 'message',
	operation: 'sendTemplate',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	template: { __rl: true, mode: 'list', value: name },
	languageCode: 'en_US',
	templateVariables: {
		mappingMode: 'defineBelow',
		value,
		matchingColumns: [],
		schema: [],
		attemptToConvertTypes: false,
		convertFieldsToString: false,
	},
});

describe('Message › Send Template › Map Template Variables', () => {
	it('reads the definition, then sends header image, two body parameters and the URL button suffix', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, { data: [orderShippedPt, orderShipped], paging: { cursors: { before: 'a', after: 'b' } } })
			.reply(200, sent);
		const { items, error } = await runWhatsApp(
			sendTemplate('order_shipped', {
				header_image: 'https://cdn.example.com/parcel.jpg',
				body_1: 'Jane',
				body_2: 1234,
				button_0_url: 'A1234',
			}),
			{ credentials: matonCredentials({ connectionId: CONNECTION_ID }) },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => request.method)).toEqual(['GET', 'POST']);
		const [lookup, message] = gateway.requests;
		expect(splitUrl(lookup.url)).toEqual({ base: TEMPLATES, query: DEFINITION_QUERY });
		expectAuthorised(lookup);
		expect(lookup.headers['maton-connection']).toBe(CONNECTION_ID);
		expect(message.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
		expectAuthorised(message);
		expect(message.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'template',
			template: {
				name: 'order_shipped',
				language: { code: 'en_US' },
				components: [
					{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/parcel.jpg' } }] },
					{
						type: 'body',
						parameters: [
							{ type: 'text', text: 'Jane' },
							{ type: 'text', text: '1234' },
						],
					},
					{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A1234' }] },
				],
			},
		});
		expect(items.map((item) => item.json)).toEqual([sent]);
	});

	it('sends named parameters with their placeholder names', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [appointment] }).reply(200, sent);
		const { error } = await runWhatsApp(
			sendTemplate('appointment_reminder', { body_appointment_date: 'May 5', body_customer_name: 'Jane' }),
		);
		expect(error).toBeUndefined();
		expect((gateway.requests[1].body as { template: unknown }).template).toEqual({
			name: 'appointment_reminder',
			language: { code: 'en_US' },
			components: [
				{
					type: 'body',
					parameters: [
						{ type: 'text', parameter_name: 'customer_name', text: 'Jane' },
						{ type: 'text', parameter_name: 'appointment_date', text: 'May 5' },
					],
				},
			],
		});
	});

	it('passes currency and date-time values given as objects by an expression', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [orderShipped] }).reply(200, sent);
		await runWhatsApp(
			sendTemplate('order_shipped', {
				header_image: '1037543291543636',
				body_1: '={{ { currency: { fallback_value: "$12.99", code: "USD", amount_1000: 12990 } } }}',
				body_2: '={{ { date_time: { fallback_value: "May 5, 2026" } } }}',
				button_0_url: 'A1',
				button_1_payload: 'stop-updates',
			}),
		);
		const { components } = (gateway.requests[1].body as { template: { components: unknown[] } }).template;
		expect(components).toEqual([
			{ type: 'header', parameters: [{ type: 'image', image: { id: '1037543291543636' } }] },
			{
				type: 'body',
				parameters: [
					{ type: 'currency', currency: { fallback_value: '$12.99', code: 'USD', amount_1000: 12990 } },
					{ type: 'date_time', date_time: { fallback_value: 'May 5, 2026' } },
				],
			},
			{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'A1' }] },
			{ type: 'button', sub_type: 'quick_reply', index: '1', parameters: [{ type: 'payload', payload: 'stop-updates' }] },
		]);
	});

	it('refuses a missing parameter before sending the message, naming it', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [orderShipped] });
		const { error, items } = await runWhatsApp(
			sendTemplate('order_shipped', { header_image: 'https://cdn.example.com/p.jpg', body_1: 'Jane', button_0_url: 'A1' }),
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items[0].error).toBeInstanceOf(NodeOperationError);
		expect(items[0].error?.message).toBe('Template "order_shipped" (en_US) needs a value for Body {{2}}');
		expect(gateway.requests.map((request) => request.method)).toEqual(['GET']);
	});

	it('refuses a value for a placeholder the template does not have', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [appointment] });
		const { error } = await runWhatsApp(
			sendTemplate('appointment_reminder', { body_customer_name: 'Jane', body_appointment_date: 'May 5', body_3: 'extra' }),
		);
		expect(error?.message).toBe('Template "appointment_reminder" (en_US) has no placeholder for body_3');
		expect(gateway.requests).toHaveLength(1);
	});

	it('refuses a template that is not approved, or not in the language asked for', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, { data: [{ ...appointment, status: 'PAUSED' }] })
			.reply(200, { data: [orderShippedPt] });
		const paused = await runWhatsApp(sendTemplate('appointment_reminder', { body_customer_name: 'J', body_appointment_date: 'D' }));
		expect(paused.error?.message).toBe('Template "appointment_reminder" (en_US) is PAUSED; only approved templates can be sent');
		const wrongLanguage = await runWhatsApp(sendTemplate('order_shipped', {}));
		expect(wrongLanguage.error?.message).toBe('Template "order_shipped" has no "en_US" translation (it has pt_BR)');
		expect(gateway.requests.map((request) => request.method)).toEqual(['GET', 'GET']);
	});

	it('reads the definition once for all items of one run', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [appointment] }).reply(200, sent).reply(200, sent);
		const { items, error } = await runWhatsApp(
			{
				...sendTemplate('appointment_reminder', { body_customer_name: '={{ $json.name }}', body_appointment_date: 'May 5' }),
				recipientPhoneNumber: '={{ $json.to }}',
			},
			{ input: [{ json: { name: 'Ann', to: '15550000001' } }, { json: { name: 'Bo', to: '15550000002' } }] },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(gateway.requests.map((request) => request.method)).toEqual(['GET', 'POST', 'POST']);
		const names = gateway.requests
			.slice(1)
			.map((request) => (request.body as { template: { components: Array<{ parameters: Array<{ text: string }> }> } }).template.components[0].parameters[0].text)
			.sort();
		expect(names).toEqual(['Ann', 'Bo']);
	});
});

describe('Template Variables in the editor (getTemplateVariables)', () => {
	it("lists one field per placeholder of the picked template's definition", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [orderShipped] });
		const { fields } = await runResourceMapping('getTemplateVariables', {
			parameters: sendTemplate('order_shipped', {}),
			parameterPath: 'templateVariables',
		});
		expect(splitUrl(gateway.requests[0].url)).toEqual({ base: TEMPLATES, query: DEFINITION_QUERY });
		expect(fields.map((field) => [field.id, field.displayName, field.required])).toEqual([
			['header_image', 'Header image (public https link or uploaded media ID)', true],
			['body_1', 'Body {{1}} (e.g. Jane)', true],
			['body_2', 'Body {{2}} (e.g. 1234)', true],
			['button_0_url', 'Button 1 "Track order" URL suffix for https://shop.example.com/track/{{1}}', true],
			['button_1_payload', 'Button 2 "Stop updates" payload (optional, returned when tapped)', false],
		]);
	});

	it('explains instead of listing when no template is picked', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const result = await runResourceMapping('getTemplateVariables', {
			parameters: { ...sendTemplate('', {}) },
			parameterPath: 'templateVariables',
		});
		expect(result.fields).toEqual([]);
		expect(result.emptyFieldsNotice).toMatch(/Pick a template/);
		expect(gateway.requests).toEqual([]);
	});

	it('reads the language picked from the Language Code list', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [{ ...orderShipped, language: 'es' }, orderShipped] });
		const { fields } = await runResourceMapping('getTemplateVariables', {
			parameters: { ...sendTemplate('order_shipped', {}), languageCode: { __rl: true, mode: 'list', value: 'es' } },
			parameterPath: 'templateVariables',
		});
		expect(splitUrl(gateway.requests[0].url)).toEqual({ base: TEMPLATES, query: DEFINITION_QUERY });
		expect(fields.map((field) => field.id)).toEqual(['header_image', 'body_1', 'body_2', 'button_0_url', 'button_1_payload']);
	});
});

describe('bad inputs', () => {
	/** The definition the list call answers: two numbered body placeholders and a dynamic URL button. */
	const orderShipped = {
		name: 'order_shipped',
		language: 'en_US',
		status: 'APPROVED',
		category: 'UTILITY',
		parameter_format: 'POSITIONAL',
		id: '1407680676729941',
		components: [
			{
				type: 'BODY',
				text: 'Hi {{1}}, your order #{{2}} is on its way!',
				example: { body_text: [['Jane', '1234']] },
			},
			{
				type: 'BUTTONS',
				buttons: [
					{
						type: 'URL',
						text: 'Track order',
						url: 'https://shop.example.com/track/{{1}}',
						example: ['https://shop.example.com/track/1234'],
					},
				],
			},
		],
	};
	const definitionAnswer = (template: object = orderShipped) => ({ data: [template] });
	/** Send Template by its variables (the default mode), with the mapping as the editor saves it. */
	const sendTemplateMapped = (value: Record<string, string>): INodeParameters =>
		message('sendTemplate', {
			template: { __rl: true, mode: 'list', value: 'order_shipped' },
			languageCode: 'en_US',
			templateVariables: {
				mappingMode: 'defineBelow',
				value,
				matchingColumns: [],
				schema: [],
				attemptToConvertTypes: false,
				convertFieldsToString: false,
			},
		});
	// Templates › Send: the values match the definition (132000), header, buttons, named or numbered
	itRefusesEach([
		{
			name: 'mapped: a body placeholder without a value',
			parameters: sendTemplateMapped({ body_1: 'Jane', button_0_url: 'A1' }),
			definition: definitionAnswer(),
			message: /^Template "order_shipped" \(en_US\) needs a value for Body \{\{2\}\}/,
			field: 'Body {{2}}',
		},
		{
			name: 'mapped: the URL button suffix without a value',
			parameters: sendTemplateMapped({ body_1: 'Jane', body_2: '1234' }),
			definition: definitionAnswer(),
			message: /^Template "order_shipped" \(en_US\) needs a value for Button 1 "Track order" URL suffix/,
			field: 'Button 1 "Track order" URL suffix',
		},
		{
			name: 'mapped: a value for a placeholder the template does not have',
			parameters: sendTemplateMapped({ body_1: 'Jane', body_2: '1234', body_3: 'extra', button_0_url: 'A1' }),
			definition: definitionAnswer(),
			message: /^Template "order_shipped" \(en_US\) has no placeholder for body_3/,
			field: 'body_3',
		},
		{
			name: 'mapped: a template that is not approved',
			parameters: sendTemplateMapped({ body_1: 'Jane', body_2: '1234', button_0_url: 'A1' }),
			definition: definitionAnswer({ ...orderShipped, status: 'PAUSED' }),
			message: /^Template "order_shipped" \(en_US\) is PAUSED; only approved templates can be sent/,
			field: 'Template "order_shipped"',
		},
		{
			name: 'mapped: a language the template has no translation in',
			parameters: sendTemplateMapped({ body_1: 'Jane', body_2: '1234', button_0_url: 'A1' }),
			definition: definitionAnswer({ ...orderShipped, language: 'pt_BR' }),
			message: /^Template "order_shipped" has no "en_US" translation \(it has pt_BR\)/,
			field: 'Template "order_shipped"',
		},
	]);
});
