import { createHmac } from 'node:crypto';

import { Container } from '@n8n/di';
import { InstanceSettings } from 'n8n-core';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { sendAndWaitClock } from '../../nodes/WhatsAppMaton/resources/message/sendAndWait/execute';
import { tokenKey, verifyToken } from '../../nodes/WhatsAppMaton/resources/message/sendAndWait/token';
import {
	API_KEY,
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';

const NOW = Date.parse('2026-12-02T12:00:00.000Z');
const realNow = sendAndWaitClock.now;
beforeEach(() => {
	sendAndWaitClock.now = () => NOW;
});
afterEach(() => {
	sendAndWaitClock.now = realNow;
});

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

const base: INodeParameters = {
	resource: 'message',
	operation: 'sendAndWait',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '+1 555 123 4567',
	message: 'Ship order #1042 today?',
	options: { answerThrough: 'trigger' },
};
/** Options of the tests that answer through the trigger, without Auto's look at the override. */
const viaTrigger = (options: IDataObject = {}) => ({ options: { answerThrough: 'trigger', ...options } });

/** n8n's own signature of this node's resume URL, as its waiting webhook checks it. */
function expectedSignature(executionId: string, query: string): string {
	const secret = Container.get(InstanceSettings).hmacSignatureSecret;
	return createHmac('sha256', secret).update(`/webhook-waiting/${executionId}/node-under-test?${query}`).digest('hex');
}

describe('Message › Send and Wait for Response: sending', () => {
	it('sends an approval as reply buttons whose IDs are tokens, and puts the execution to wait', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const input = [{ json: { order: 1042 } }];
		const result = await runWhatsApp(
			{
				...base,
				approvalOptions: { values: { approvalType: 'double', approveLabel: 'Ship it', disapproveLabel: 'Not yet' } },
				...viaTrigger({ limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'hours' } } }),
			},
			{ input },
		);
		expect(result.error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
		expectAuthorised(request);
		const body = request.body as IDataObject;
		const buttons = ((body.interactive as IDataObject).action as IDataObject).buttons as Array<{ type: string; reply: { id: string; title: string } }>;
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'interactive',
			interactive: { type: 'button', body: { text: 'Ship order #1042 today?' }, action: { buttons } },
		});
		expect(buttons.map((button) => [button.type, button.reply.title])).toEqual([
			['reply', 'Ship it'],
			['reply', 'Not yet'],
		]);

		// Waiting until the limit, with the input as the node's output meanwhile (as n8n's nodes).
		const waitTill = new Date(NOW + 2 * 3600_000);
		expect(result.run.status).toBe('waiting');
		expect(result.run.waitTill).toEqual(waitTill);
		expect(result.items.map((item) => item.json)).toEqual([{ order: 1042 }]);

		const key = tokenKey(API_KEY);
		const [approve, decline] = buttons.map((button) => verifyToken(key, button.reply.id, NOW / 1000));
		expect(approve.ok && approve.fields.answer).toBe('approve');
		expect(decline.ok && decline.fields.answer).toBe('disapprove');
		if (!approve.ok) throw new Error('unreachable');
		expect(approve.fields).toMatchObject({
			expiresAt: waitTill.getTime() / 1000,
			recipient: '15551234567',
			nodeId: 'node-under-test',
		});
		expect(approve.fields.executionId).toMatch(/^harness-execution-\d+$/);
		expect(approve.fields.resumeSignature).toBe(expectedSignature(approve.fields.executionId, 'via=trigger'));
		expect(buttons.every((button) => button.reply.id.length <= 256)).toBe(true);
	});

	it('sends one Approve button by default and waits without limit (the token lives 30 days)', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const result = await runWhatsApp(base);
		expect(result.error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const buttons = (((gateway.requests[0].body as IDataObject).interactive as IDataObject).action as IDataObject).buttons as Array<{ reply: { id: string; title: string } }>;
		expect(buttons.map((button) => button.reply.title)).toEqual(['Approve']);
		expect(result.run.waitTill).toEqual(new Date('3000-01-01T00:00:00.000Z'));
		const check = verifyToken(tokenKey(API_KEY), buttons[0].reply.id, NOW / 1000);
		expect(check.ok && check.fields.expiresAt).toBe((NOW + 30 * 86_400_000) / 1000);
	});

	it('sends a free-text question as text carrying the token in biz_opaque_callback_data', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const result = await runWhatsApp({
			...base,
			responseType: 'freeText',
			...viaTrigger({ replyToMessageId: 'wamid.QUOTED', limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2026-12-03T12:00:00.000Z' } } }),
		});
		expect(result.error).toBeUndefined();
		const body = gateway.requests[0].body as IDataObject;
		expect(body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			context: { message_id: 'wamid.QUOTED' },
			type: 'text',
			text: { body: 'Ship order #1042 today?' },
			biz_opaque_callback_data: body.biz_opaque_callback_data,
		});
		const check = verifyToken(tokenKey(API_KEY), body.biz_opaque_callback_data, NOW / 1000);
		expect(check.ok && check.fields.answer).toBe('text');
		expect(result.run.waitTill).toEqual(new Date('2026-12-03T12:00:00.000Z'));
	});

	it('answers by link: a call-to-action button to the signed resume page', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const result = await runWhatsApp({ ...base, options: { answerThrough: 'link' } });
		expect(result.error).toBeUndefined();
		const body = gateway.requests[0].body as IDataObject;
		const parameters = ((body.interactive as IDataObject).action as IDataObject).parameters as IDataObject;
		expect(body.interactive).toEqual({
			type: 'cta_url',
			body: { text: 'Ship order #1042 today?' },
			action: { name: 'cta_url', parameters: { display_text: 'Approve', url: parameters.url } },
		});
		const url = new URL(String(parameters.url));
		const [, , executionId, nodeId] = url.pathname.split('/');
		expect(`${url.origin}${url.pathname}`).toBe(`http://localhost:5678/webhook-waiting/${executionId}/${nodeId}`);
		expect(nodeId).toBe('node-under-test');
		expect(url.searchParams.get('via')).toBe('link');
		expect(url.searchParams.get('signature')).toBe(expectedSignature(executionId, 'via=link'));
		expect(result.run.status).toBe('waiting');
	});

	it('labels the link of a free-text question with Message Button Label', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const result = await runWhatsApp({ ...base, responseType: 'freeText', options: { answerThrough: 'link', messageButtonLabel: 'Answer' } });
		expect(result.error).toBeUndefined();
		const interactive = (gateway.requests[0].body as IDataObject).interactive as IDataObject;
		expect(((interactive.action as IDataObject).parameters as IDataObject).display_text).toBe('Answer');
	});

	it('does not wait, and sends once only, when the gateway refuses the message', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(400, { error: { message: '(#131030) Recipient phone number not in allowed list', code: 131030 } });
		const result = await runWhatsApp(base);
		expect(gateway.requests).toHaveLength(1);
		expect(result.error?.message).toMatch(/Recipient phone number not in allowed list/);
		expect(result.run.waitTill).toBeUndefined();
	});

	it('does not resend after a dropped connection (the message may have gone)', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).failWith('ECONNRESET');
		const result = await runWhatsApp(base);
		expect(gateway.requests).toHaveLength(1);
		expect(result.error).toBeDefined();
		expect(result.run.waitTill).toBeUndefined();
	});
});

describe('Message › Send and Wait for Response: bad input stops the item before anything is sent', () => {
	it.each<[string, INodeParameters, RegExp]>([
		['an empty message', { message: '  ' }, /^Message is empty/],
		['a message over 1024 for buttons', { message: 'x'.repeat(1025) }, /^Message has 1025 characters; WhatsApp allows 1024/],
		['a free-text question over 4096', { responseType: 'freeText', message: 'x'.repeat(4097) }, /^Message has 4097 characters; WhatsApp allows 4096/],
		['a bad recipient', { recipientPhoneNumber: '00 44 20 7946 0000' }, /^Recipient Phone Number "00 44 20 7946 0000" starts with 00/],
		['a bad phone number ID', { phoneNumberId: { __rl: true, mode: 'id', value: '={{ "../x" }}' } }, /^Business Phone Number "..\/x": a phone number ID has only digits/],
		['an approve label over 20', { approvalOptions: { values: { approveLabel: 'Yes please ship it now' } } }, /^Approval Options › Approve Button Label has 22 characters/],
		['a disapprove label over 20', { approvalOptions: { values: { approvalType: 'double', disapproveLabel: 'No thanks, not today!' } } }, /^Approval Options › Disapprove Button Label has 21 characters/],
		['two equal labels', { approvalOptions: { values: { approvalType: 'double', approveLabel: 'OK', disapproveLabel: 'OK' } } }, /^Approval Options › Disapprove Button Label is the same/],
		['a zero wait', viaTrigger({ limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 0, resumeUnit: 'hours' } } }), /^Limit Wait Time › Amount must be a number above 0/],
		['a date in the past', viaTrigger({ limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2026-12-01T00:00:00Z' } } }), /^Limit Wait Time › Max Date and Time 2026-12-01T00:00:00.000Z is in the past/],
		['a date that is none', viaTrigger({ limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: 'soon' } } }), /^Limit Wait Time › Max Date and Time "soon" is not a date/],
		['an unknown response type', { responseType: '={{ "vote" }}' }, /^Response Type must be approval, freeText or customForm, not "vote"/],
		['a custom form without fields', { responseType: 'customForm' }, /^Form Fields has no field; add at least one/],
		['a form field without a label', { responseType: 'customForm', formFields: { values: [{ fieldLabel: ' ', fieldType: 'text' }] } }, /^Form Fields › Field 1 has no Field Label/],
		['two form fields with one label', { responseType: 'customForm', formFields: { values: [{ fieldLabel: 'Date' }, { fieldLabel: 'Date' }] } }, /^Form Fields › Field 2: the label "Date" is used twice/],
		['a dropdown without options', { responseType: 'customForm', formFields: { values: [{ fieldLabel: 'Slot', fieldType: 'dropdown', fieldOptions: { values: [{ option: '' }] } }] } }, /^Form Fields › Field 1: a dropdown list needs its options/],
		['an unknown element type', { responseType: 'customForm', formFields: { values: [{ fieldLabel: 'File', fieldType: '={{ "file" }}' }] } }, /^Form Fields › Field 1: Element Type must be one of date, dropdown, email, number, text, textarea, not "file"/],
		['an unknown answer path', { options: { answerThrough: '={{ "pigeon" }}' } }, /^Options › Answer Through must be auto, trigger or link, not "pigeon"/],
		['a message over 4096 for any path', { responseType: 'freeText', options: {}, message: 'x'.repeat(4097) }, /^Message has 4097 characters; WhatsApp allows 4096/],
		['a link button label over 20', { responseType: 'freeText', options: { answerThrough: 'link', messageButtonLabel: 'Tell us what you think' } }, /^Options › Message Button Label has 22 characters/],
		['a bad Maton connection', { matonConnection: { __rl: true, mode: 'id', value: '={{ "a/b" }}' } }, /^Maton Connection "a\/b": a Maton connection ID/],
	])('%s', async (_what, change, message) => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const result = await runWhatsApp({ ...base, ...change });
		expect(result.error?.message).toMatch(message);
		expect(gateway.requests).toHaveLength(0);
		expect(result.run.waitTill).toBeUndefined();
	});
});

describe('Message › Send and Wait for Response: Answer Through › Auto (the default)', () => {
	const OURS = 'http://localhost:5678/webhook/0d3c6a52-7e0a-4f4b-9a51-5c1e2f3a4b11/webhook';
	const overrideAnswer = (configuration: IDataObject) => ({ webhook_configuration: { application: 'https://maton.example/whatsapp', ...configuration }, id: PHONE_NUMBER_ID });
	const auto = { ...base, options: {} };
	const kindOf = (gateway: { requests: Array<{ body: unknown }> }) => ((gateway.requests[1].body as IDataObject).interactive as IDataObject).type;

	it("reads the number's override first, and with a trigger of this n8n there sends reply buttons", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, overrideAnswer({ phone_number: OURS })).reply(200, sent);
		const result = await runWhatsApp(auto);
		expect(result.error).toBeUndefined();
		expect(gateway.requests.map((request) => [request.method, request.url])).toEqual([
			['GET', `${GRAPH}/${PHONE_NUMBER_ID}?fields=webhook_configuration`],
			['POST', `${GRAPH}/${PHONE_NUMBER_ID}/messages`],
		]);
		expectAuthorised(gateway.requests[0]);
		expect(kindOf(gateway)).toBe('button');
		expect(result.run.status).toBe('waiting');
	});

	it("takes the business account's override when the number has none of its own", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, overrideAnswer({ whatsapp_business_account: OURS })).reply(200, sent);
		await runWhatsApp(auto);
		expect(kindOf(gateway)).toBe('button');
	});

	it.each<[string, (api: ReturnType<typeof fakeApi>) => unknown]>([
		['no override (the app\'s own URL)', (api) => api.reply(200, overrideAnswer({}))],
		['an override to another n8n', (api) => api.reply(200, overrideAnswer({ phone_number: 'https://other.example/webhook/abc/webhook' }))],
		['an override to another path of this n8n', (api) => api.reply(200, overrideAnswer({ phone_number: 'http://localhost:5678/webhook-test/abc/webhook' }))],
		['a refused read', (api) => api.reply(403, { error: { message: 'not allowed', code: 10 } })],
		['a failed read', (api) => api.failWith('ECONNRESET')],
	])('sends a link button with %s', async (_what, answerRead) => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		answerRead(gateway);
		gateway.reply(200, sent);
		const result = await runWhatsApp(auto);
		expect(result.error).toBeUndefined();
		expect(gateway.requests).toHaveLength(2);
		expect(kindOf(gateway)).toBe('cta_url');
	});

	it('refuses, after the read and before sending, a free-text question too long for a link button', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, overrideAnswer({}));
		const result = await runWhatsApp({ ...auto, responseType: 'freeText', message: 'x'.repeat(2000) });
		expect(result.error?.message).toMatch(/^Message has 2000 characters; WhatsApp allows 1024 with a link button \(no active WhatsApp \(Maton\) Trigger was found/);
		expect(gateway.requests.map((request) => request.method)).toEqual(['GET']);
		expect(result.run.waitTill).toBeUndefined();
	});

	it('sends the same long free-text question as text when the trigger is there', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, overrideAnswer({ phone_number: OURS })).reply(200, sent);
		const result = await runWhatsApp({ ...auto, responseType: 'freeText', message: 'x'.repeat(2000) });
		expect(result.error).toBeUndefined();
		expect((gateway.requests[1].body as IDataObject).type).toBe('text');
	});
});

describe('Message › Send and Wait for Response: Custom Form', () => {
	it('always sends a link button (Message Button Label) to the signed form page, without looking for a trigger', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const result = await runWhatsApp({
			...base,
			responseType: 'customForm',
			formFields: { values: [{ fieldLabel: 'Delivery date', fieldType: 'date', requiredField: true }] },
			options: { messageButtonLabel: 'Pick a date' },
		});
		expect(result.error).toBeUndefined();
		expect(gateway.requests.map((request) => request.method)).toEqual(['POST']);
		const interactive = (gateway.requests[0].body as IDataObject).interactive as IDataObject;
		const parameters = (interactive.action as IDataObject).parameters as IDataObject;
		expect(interactive.type).toBe('cta_url');
		expect(parameters.display_text).toBe('Pick a date');
		expect(new URL(String(parameters.url)).searchParams.get('via')).toBe('link');
		expect(result.run.status).toBe('waiting');
	});
});
