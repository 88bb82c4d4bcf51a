/** Pacing: the items of one run leave at most Requests per Second a second, across all items. */
import { DEFAULT_DELIVERY, backoffMs, reserveSendSlot } from '../../nodes/WhatsAppMaton/shared/delivery';
import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { GATEWAY_ORIGIN, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';

describe('send slots', () => {
	it('spaces the slots of one key by a little more than 1/rate, starting now', () => {
		const now = 1_000_000;
		const waits = [0, 1, 2, 3].map(() => reserveSendSlot('run-a|node', 10, now));
		expect(waits).toEqual([0, 105, 210, 315]);
		// Another run is paced on its own.
		expect(reserveSendSlot('run-b|node', 10, now)).toBe(0);
		// No pacing at 0 requests per second.
		expect(reserveSendSlot('run-c|node', 0, now)).toBe(0);
		expect(reserveSendSlot('run-c|node', 0, now)).toBe(0);
	});

	it('forgets a run whose slots are long past', () => {
		const now = 2_000_000;
		reserveSendSlot('old-run|node', 10, now);
		expect(reserveSendSlot('old-run|node', 10, now + 120_000)).toBe(0);
	});
});

describe('backoff', () => {
	it('doubles with full jitter in the upper half, capped at 30 s', () => {
		expect(backoffMs(0, undefined, () => 0)).toBe(500);
		expect(backoffMs(0, undefined, () => 1)).toBe(1000);
		expect(backoffMs(3, undefined, () => 0)).toBe(4000);
		expect(backoffMs(3, undefined, () => 1)).toBe(8000);
		expect(backoffMs(10, undefined, () => 1)).toBe(30_000);
	});

	it('follows Retry-After, capped at 30 s', () => {
		expect(backoffMs(2, 1500)).toBe(1500);
		expect(backoffMs(0, 0)).toBe(0);
		expect(backoffMs(0, 120_000)).toBe(30_000);
	});
});

describe('pacing through the engine', () => {
	it('sends 6 items at 20 per second one slot apart, all delivered', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		for (let index = 0; index < 6; index++) gateway.reply(200, { messages: [{ id: `wamid.${index}` }] });
		const { items, error } = await runWhatsApp(
			{
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: phoneNumberById(),
				recipientPhoneNumber: '15551234567',
				text: '={{ "message " + $json.n }}',
				deliveryOptions: { requestsPerSecond: 20 },
			},
			{ input: Array.from({ length: 6 }, (_, n) => ({ json: { n } })) },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(6);
		const times = gateway.requests.map((request) => request.at).sort((a, b) => a - b);
		// 1050 ms / 20 = 52.5 ms between slots. The first request also sets up the connection, so
		// it may arrive late; the others leave one slot apart (a timer may fire a little early).
		expect(times[5] - times[1]).toBeGreaterThanOrEqual(4 * 52.5 - 10);
	});
});

describe('Delivery Options', () => {
	it('defaults in the editor to what the delivery loop assumes: 3 retries, 10 per second', () => {
		const field = new WhatsAppMaton().description.properties.find((property) => property.name === 'deliveryOptions');
		const defaults = Object.fromEntries(
			((field?.options ?? []) as Array<{ name: string; default: unknown }>).map((option) => [option.name, option.default]),
		);
		expect(defaults).toEqual({ ...DEFAULT_DELIVERY });
	});
});
