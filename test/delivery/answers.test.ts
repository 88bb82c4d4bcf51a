/**
 * Answers are what they claim: a 2xx whose body is not the JSON object the operation expects
 * (malformed JSON, empty, HTML, a bare string, an array) fails the item with an error naming the
 * operation and showing the start of the body (without the key). Not resent.
 */
import type { INodeParameters } from 'n8n-workflow';

import { API_KEY, CONTROL_ORIGIN, GATEWAY_ORIGIN, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';
import { useVirtualClock } from '../virtualClock';

useVirtualClock();

const sendText: INodeParameters = {
	resource: 'message',
	operation: 'sendText',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	text: 'Hello',
};

const json = { 'content-type': 'application/json' };

describe('a 2xx that is not the JSON object the operation expects', () => {
	it.each([
		['malformed JSON', '{"messages": [{"id": "wamid.1"', json, /"\{"messages": \[\{"id": "wamid\.1""/],
		['an empty body', '', json, /an empty body/],
		['an HTML page', '<html><head><title>Maintenance</title></head><body>Back soon</body></html>', { 'content-type': 'text/html' }, /"<html><head><title>Maintenance/],
		['a bare JSON string', '"ok"', json, /"ok"/],
		['a JSON array', '[1,2]', json, /"\[1,2\]"/],
	])('%s: an error naming Message › Send Text and showing the body, one request', async (_case, body, headers, shows) => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, body, headers).reply(200, { messages: [{ id: 'wamid.2' }] });
		const { error, items } = await runWhatsApp(sendText);
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^Message › Send Text got an answer that is not the JSON object it expects \(HTTP 200\): /);
		expect(error?.message).toMatch(shows);
		expect(gateway.requests).toHaveLength(1);
	});

	it('shows at most the first 200 characters, without the key', async () => {
		const body = `<html>${'x'.repeat(50)} Bearer ${API_KEY} ${API_KEY} ${'y'.repeat(400)}</html>`;
		fakeApi(GATEWAY_ORIGIN).reply(200, body, { 'content-type': 'text/html' });
		const { error } = await runWhatsApp(sendText);
		const shown = /: "(.*)"$/.exec(error?.message ?? '')?.[1] ?? '';
		expect(shown.length).toBeLessThanOrEqual(201);
		expect(shown.endsWith('…')).toBe(true);
		expect(JSON.stringify(error)).not.toContain(API_KEY);
		expect(error?.message).not.toContain(API_KEY);
	});

	it('names other operations too (Template › List)', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, 'OK', { 'content-type': 'text/plain' });
		const { error } = await runWhatsApp({ resource: 'template', operation: 'list' });
		expect(error?.message).toMatch(/^Template › List got an answer that is not the JSON object it expects \(HTTP 200\): "OK"$/);
	});

	it('with Continue On Fail, it is the item’s one error item', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, 'not json', json);
		const { items, error } = await runWhatsApp(sendText, { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toMatch(/^Message › Send Text got an answer/);
	});
});

describe('what each operation accepts', () => {
	it("Connection › Delete: the control API may answer with no body (success)", async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, '');
		const { items, error } = await runWhatsApp({
			resource: 'connection',
			operation: 'delete',
			connectionId: { __rl: true, mode: 'id', value: '21fd90f9-5935-43cd-b6c8-bde9d915ca80' },
		});
		expect(error).toBeUndefined();
		expect(control.requests).toHaveLength(1);
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
	});

	it('Template › Delete: Graph answers {success: true}; an empty body is an error', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, '');
		const { error } = await runWhatsApp({ resource: 'template', operation: 'delete', templateName: 'order_shipped' });
		expect(error?.message).toMatch(/^Template › Delete got an answer that is not the JSON object it expects \(HTTP 200\): an empty body$/);
	});
});
