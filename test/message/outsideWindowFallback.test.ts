/**
 * "If Outside the 24-Hour Window, Send Template" (resources/message/common/outsideWindowFallback.ts):
 * a free-form message refused with Graph error 131047 is followed by the option's template to
 * the same recipient, and the item says which went (`sentAs`). docs/whatsapp-rules.md § The
 * 24-hour window.
 */
import nock from 'nock';
import { NodeApiError } from 'n8n-workflow';
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { GATEWAY_ORIGIN, GRAPH, PHONE_NUMBER_ID, expectAuthorised, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';
import { itRefusesEach } from '../refusal';
import { useVirtualClock } from '../virtualClock';

const clock = useVirtualClock();

const outsideWindow = {
	error: {
		message: '(#131047) Re-engagement message',
		type: 'OAuthException',
		code: 131047,
		error_data: { messaging_product: 'whatsapp', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
		error_subcode: 2494010,
		fbtrace_id: 'AbCdEf123',
	},
};

const sentTo = (to: string, id = 'wamid.sent') => ({
	messaging_product: 'whatsapp',
	contacts: [{ input: to, wa_id: to }],
	messages: [{ id }],
});

const reminder = (parameters: string) => ({
	template: { templateName: 'appointment_reminder', languageCode: 'en_US', parameters },
});

const sendText = (options: INodeParameters = {}, to = '15551234567'): INodeParameters => ({
	resource: 'message',
	operation: 'sendText',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: to,
	text: 'Your table is ready',
	options,
});

const textBody = (to = '15551234567') => ({
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to,
	type: 'text',
	text: { body: 'Your table is ready' },
});

const templateBody = (template: Record<string, unknown>, to = '15551234567') => ({
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to,
	type: 'template',
	template,
});

describe('Message › If Outside the 24-Hour Window, Send Template', () => {
	it('sends the template to the same recipient after 131047, and marks the item sentAs "template"', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(400, outsideWindow).reply(200, sentTo('15551234567', 'wamid.template'));
		const { items, error } = await runWhatsApp(sendText({ outsideWindowTemplate: reminder('["Ana", "3 pm"]') }));
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(2);
		const [text, template] = gateway.requests;
		expect(text.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
		expect(text.body).toEqual(textBody());
		expect(template.method).toBe('POST');
		expect(template.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
		expectAuthorised(template);
		expect(template.body).toEqual(
			templateBody({
				name: 'appointment_reminder',
				language: { code: 'en_US' },
				components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: '3 pm' }] }],
			}),
		);
		expect(items.map((item) => item.json)).toEqual([{ ...sentTo('15551234567', 'wamid.template'), sentAs: 'template' }]);
	});

	it('marks a message sent as it is with its own type, and sends nothing more', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sentTo('15551234567'));
		const { items, error } = await runWhatsApp(sendText({ outsideWindowTemplate: reminder('[]') }));
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => request.body)).toEqual([textBody()]);
		expect(items.map((item) => item.json)).toEqual([{ ...sentTo('15551234567'), sentAs: 'text' }]);
	});

	it('without the option, leaves the output as it was and fails on 131047 saying what to do', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sentTo('15551234567')).reply(400, outsideWindow);
		const sent = await runWhatsApp(sendText());
		expect(sent.items.map((item) => item.json)).toEqual([sentTo('15551234567')]);
		const { error } = await runWhatsApp(sendText());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toMatch(/131047/);
		expect(error?.description).toContain('If Outside the 24-Hour Window, Send Template');
		expect(gateway.requests).toHaveLength(2);
	});

	it('fills named variables from an object, keeping the reply context', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(400, outsideWindow).reply(200, sentTo('15551234567'));
		const { error } = await runWhatsApp(
			sendText({
				replyToMessageId: 'wamid.earlier',
				outsideWindowTemplate: reminder('{"customer_name": "Ana", "appointment_date": 5}'),
			}),
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[1].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			context: { message_id: 'wamid.earlier' },
			type: 'template',
			template: {
				name: 'appointment_reminder',
				language: { code: 'en_US' },
				components: [
					{
						type: 'body',
						parameters: [
							{ type: 'text', parameter_name: 'customer_name', text: 'Ana' },
							{ type: 'text', parameter_name: 'appointment_date', text: '5' },
						],
					},
				],
			},
		});
	});

	it('takes a components array as Send Template does, and a template without variables', async () => {
		const components = [
			{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/table.jpg' } }] },
			{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] },
		];
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(400, outsideWindow)
			.reply(200, sentTo('15551234567'))
			.reply(400, outsideWindow)
			.reply(200, sentTo('15551234567'));
		await runWhatsApp(sendText({ outsideWindowTemplate: { template: { templateName: 'table_ready', languageCode: 'de', parameters: components } } }));
		await runWhatsApp(sendText({ outsideWindowTemplate: { template: { templateName: 'hello_world', languageCode: 'en_US', parameters: '' } } }));
		expect(gateway.requests[1].body).toEqual(templateBody({ name: 'table_ready', language: { code: 'de' }, components }));
		expect(gateway.requests[3].body).toEqual(templateBody({ name: 'hello_world', language: { code: 'en_US' } }));
	});

	it('works for every free-form send, such as an image by link', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(400, outsideWindow).reply(200, sentTo('15551234567'));
		const { items, error } = await runWhatsApp({
			resource: 'message',
			operation: 'sendImage',
			phoneNumberId: phoneNumberById(),
			recipientPhoneNumber: '15551234567',
			mediaSource: 'link',
			mediaLink: 'https://example.com/menu.jpg',
			options: { outsideWindowTemplate: reminder('["Ana"]') },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => (request.body as { type: string }).type)).toEqual(['image', 'template']);
		expect(items[0].json.sentAs).toBe('template');
	});

	it('sends no template for another refusal (131026): the item fails with the first error', async () => {
		const undeliverable = { error: { message: 'Message undeliverable', type: 'OAuthException', code: 131026 } };
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(400, undeliverable);
		const { error } = await runWhatsApp(sendText({ outsideWindowTemplate: reminder('["Ana"]') }));
		expect(error?.message).toMatch(/131026/);
		expect(gateway.requests).toHaveLength(1);
	});

	it('says so when the template fails too, and sends nothing more', async () => {
		const missing = { error: { message: '(#132001) Template name does not exist in the translation', type: 'OAuthException', code: 132001 } };
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(400, outsideWindow).reply(400, missing);
		const { error } = await runWhatsApp(sendText({ outsideWindowTemplate: reminder('["Ana"]') }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error?.message).toMatch(/132001/);
		expect(error?.description).toContain('the template of "If Outside the 24-Hour Window, Send Template" was sent instead, and that failed');
		expect(gateway.requests).toHaveLength(2);
	});

	it('retries a rate-limited template alone; the refused text is never sent again', async () => {
		const rateLimited = { error: { message: 'Too many messages', type: 'OAuthException', code: 130429 } };
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(400, outsideWindow)
			.reply(429, rateLimited, { 'retry-after': '2' })
			.reply(200, sentTo('15551234567'));
		const { items, error } = await runWhatsApp(sendText({ outsideWindowTemplate: reminder('["Ana"]') }));
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => (request.body as { type: string }).type)).toEqual(['text', 'template', 'template']);
		expect(clock.sleeps).toContain(2000);
		expect(items[0].json.sentAs).toBe('template');
	});

	it('with Continue On Fail: one item per input, in order, each marked or failed', async () => {
		// By recipient: 01 is within the window, 02 outside it (its template goes), 03 outside it
		// with a template that fails too.
		const seen: Array<{ to: string; type: string }> = [];
		nock(GATEWAY_ORIGIN)
			.persist()
			.post(`/whatsapp-business/v25.0/${PHONE_NUMBER_ID}/messages`)
			.reply((_path, body) => {
				const { to, type } = body as { to: string; type: string };
				seen.push({ to, type });
				if (type === 'text' && to !== '15551230001') return [400, outsideWindow];
				if (to === '15551230003') return [400, { error: { message: 'Template paused', type: 'OAuthException', code: 132015 } }];
				return [200, sentTo(to, `wamid.${type}-${to}`)];
			});
		const recipients = ['15551230001', '15551230002', '15551230003'];
		const { items, error } = await runWhatsApp(sendText({ outsideWindowTemplate: reminder('["Ana"]') }, '={{ $json.to }}'), {
			input: recipients.map((to) => ({ json: { to } })),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[0].json).toEqual({ ...sentTo('15551230001', 'wamid.text-15551230001'), sentAs: 'text' });
		expect(items[1].json).toEqual({ ...sentTo('15551230002', 'wamid.template-15551230002'), sentAs: 'template' });
		expect(items[2].json.error).toMatch(/Template paused/);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(seen.filter((request) => request.type === 'text').map((request) => request.to).sort()).toEqual(recipients);
		expect(seen.filter((request) => request.type === 'template').map((request) => request.to).sort()).toEqual(['15551230002', '15551230003']);
	});

	it('is offered on every free-form send, and not on Send Template, Send Reaction or Send and Wait', () => {
		const properties = new WhatsAppMaton().description.properties;
		const option = properties
			.filter((property) => property.name === 'options' && property.type === 'collection')
			.flatMap((property) => (property.options ?? []) as INodeProperties[])
			.find((entry) => entry.name === 'outsideWindowTemplate');
		expect(option).toBeDefined();
		const shownFor = (option?.displayOptions?.show?.['/operation'] ?? []) as string[];
		expect([...shownFor].sort()).toEqual(
			[
				'sendAudio',
				'sendCallToActionUrl',
				'sendCarousel',
				'sendCatalog',
				'sendContacts',
				'sendDocument',
				'sendFlow',
				'sendImage',
				'sendList',
				'sendLocation',
				'sendLocationRequest',
				'sendProduct',
				'sendProductList',
				'sendReplyButtons',
				'sendSticker',
				'sendText',
				'sendVideo',
			].sort(),
		);
	});

	describe('bad inputs', () => {
		const withTemplate = (template: Record<string, unknown>) =>
			sendText({ outsideWindowTemplate: { template: { templateName: 'appointment_reminder', languageCode: 'en_US', parameters: '[]', ...template } } });
		const field = 'If Outside the 24-Hour Window, Send Template';
		itRefusesEach([
			{ name: 'an empty template name', parameters: withTemplate({ templateName: '' }), message: /Template Name is empty/, field },
			{ name: 'a template name with capitals and spaces', parameters: withTemplate({ templateName: 'Appointment Reminder' }), message: /Template Name "Appointment Reminder" is not allowed/, field },
			{ name: 'a template name that would climb a path', parameters: withTemplate({ templateName: '../me' }), message: /Template Name "..\/me" is not allowed/, field },
			{ name: 'an empty language code', parameters: withTemplate({ languageCode: ' ' }), message: /Language Code is empty/, field },
			{ name: 'a language code that is not a locale', parameters: withTemplate({ languageCode: 'english' }), message: /Language Code "english" is not a language code/, field },
			{ name: 'parameters that are not JSON', parameters: withTemplate({ parameters: '["Ana"' }), message: /Parameters \(JSON\) is not valid JSON/, field },
			{ name: 'parameters that are a number', parameters: withTemplate({ parameters: '42' }), message: /Parameters \(JSON\) must be an array of values/, field },
			{ name: 'a named value that is an object', parameters: withTemplate({ parameters: '{"customer_name": {"first": "Ana"}}' }), message: /the value of "customer_name" is not text/, field },
			{ name: 'values mixed with components', parameters: withTemplate({ parameters: '["Ana", {"type": "body"}]' }), message: /must be an array of values, an object of named values, or an array of components/, field },
			{
				name: 'a header with two parameters',
				parameters: withTemplate({ parameters: '[{"type": "header", "parameters": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]}]' }),
				message: /Component 1 \(header\) has 2 parameters; a template header takes one/,
				field: 'Component 1',
			},
		]);

		it("refuses a bad template before the message itself is sent, even when the message is fine", async () => {
			const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sentTo('15551234567'));
			const { error } = await runWhatsApp(withTemplate({ templateName: '' }));
			expect(error?.message).toMatch(/Template Name is empty/);
			expect(gateway.requests).toEqual([]);
		});
	});
});

describe('the sandbox: a recipient outside the window', () => {
	let sandbox: SandboxHandle;

	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		sandbox = await startSandbox({ port: 0, rateLimitPerSecond: 0 });
	});

	afterAll(async () => {
		await sandbox.close();
	});

	beforeEach(() => sandbox.reset());

	it('answers the text with 131047; the template with its named variables goes through', async () => {
		const { items, error } = await runWhatsApp(
			{
				...sendText({ outsideWindowTemplate: reminder('{"customer_name": "Ana", "appointment_date": "May 5"}') }, '15550000047'),
				phoneNumberId: phoneNumberById(sandbox.ids.phoneNumberId),
			},
			{ credentials: sandbox.credentials() },
		);
		expect(error).toBeUndefined();
		const sends = sandbox.state.requests.filter((entry) => entry.api === 'gateway' && entry.graphPath === `/${sandbox.ids.phoneNumberId}/messages`);
		expect(sends.map((entry) => entry.status)).toEqual([400, 200]);
		expect(items).toHaveLength(1);
		expect(items[0].json.sentAs).toBe('template');
		expect((items[0].json.messages as Array<{ id: string }>)[0].id).toMatch(/^wamid\./);
	});
});
