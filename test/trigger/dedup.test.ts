import type { IDataObject } from 'n8n-workflow';

import { DEDUP_MAX_IDS, DEDUP_WINDOW_MS, firstDelivery } from '../../nodes/WhatsAppMatonTrigger/dedup';
import { PHONE_NUMBER_ID } from '../fixture';
import { callWebhook } from './harness';
import { incoming, samples, statusUpdate } from './payloads';

const parameters = { registerFor: 'phoneNumber', phoneNumberId: { __rl: true, mode: 'id', value: PHONE_NUMBER_ID } };

describe('Redeliveries start no second run', () => {
	it('the same message delivered twice: one run, the second POST still answered 200', async () => {
		const staticData: IDataObject = {};
		const first = await callWebhook({ parameters, staticData }, { body: incoming(samples.text) });
		const again = await callWebhook({ parameters, staticData }, { body: incoming(samples.text) });
		expect(first.items).toHaveLength(1);
		expect(again.response.status).toBe(200);
		expect(again.result).toEqual({ noWebhookResponse: true });
	});

	it('a redelivery mixed with a new message: only the new one runs', async () => {
		const staticData: IDataObject = {};
		await callWebhook({ parameters, staticData }, { body: incoming(samples.text) });
		const body = incoming(samples.text);
		body.entry[0].changes[0].value.messages.push({ ...body.entry[0].changes[0].value.messages[0], id: 'wamid.NEW' });
		const call = await callWebhook({ parameters, staticData }, { body });
		expect(call.items.map((item) => item.json.messageId)).toEqual(['wamid.NEW']);
	});

	it('sent, delivered and read of one message are three events; each redelivered status is dropped', async () => {
		const staticData: IDataObject = {};
		const setup = { parameters: { ...parameters, events: ['status'] }, staticData };
		const runs = [];
		for (const status of ['sent', 'delivered', 'read', 'read'] as const) {
			runs.push((await callWebhook(setup, { body: statusUpdate(status) })).items.length);
		}
		expect(runs).toEqual([1, 1, 1, 0]);
	});

	it('the seen IDs live in the node\'s static data (saved by n8n after each production call)', async () => {
		const staticData: IDataObject = {};
		const call = await callWebhook({ parameters, staticData }, { body: incoming(samples.text) });
		expect(Object.keys(call.staticData.seenIds as IDataObject)).toEqual([`message:${call.items[0].json.messageId}`]);
		expect(staticData['node:WhatsApp (Maton) Trigger']).toBe(call.staticData);
	});

	it('a filtered-out event is not remembered, so turning its kind on later lets it through', async () => {
		const staticData: IDataObject = {};
		await callWebhook({ parameters: { ...parameters, options: { messageKinds: ['image'] } }, staticData }, { body: incoming(samples.text) });
		const call = await callWebhook({ parameters, staticData }, { body: incoming(samples.text) });
		expect(call.items).toHaveLength(1);
	});
});

describe('The seen-ID store: a 24-hour window, at most 2,000 IDs', () => {
	const start = 1_765_000_000_000;

	it('an ID is new once, then seen until the window has passed', () => {
		const data: IDataObject = {};
		expect(firstDelivery(data, 'message:a', start)).toBe(true);
		expect(firstDelivery(data, 'message:a', start + DEDUP_WINDOW_MS)).toBe(false);
		expect(firstDelivery(data, 'message:a', start + DEDUP_WINDOW_MS + 1 + DEDUP_WINDOW_MS)).toBe(true);
	});

	it('beyond 2,000 IDs the oldest are dropped first', () => {
		const data: IDataObject = {};
		for (let index = 0; index <= DEDUP_MAX_IDS; index++) firstDelivery(data, `message:${index}`, start + index);
		expect(Object.keys(data.seenIds as IDataObject)).toHaveLength(DEDUP_MAX_IDS);
		expect(firstDelivery(data, `message:${DEDUP_MAX_IDS}`, start + DEDUP_MAX_IDS + 1)).toBe(false);
		expect(firstDelivery(data, 'message:0', start + DEDUP_MAX_IDS + 2)).toBe(true);
	});

	it('a corrupt store (not an object) is replaced, not trusted', () => {
		const data: IDataObject = { seenIds: 'garbage' };
		expect(firstDelivery(data, 'message:a', start)).toBe(true);
		expect(data.seenIds).toEqual({ 'message:a': start });
	});
});
