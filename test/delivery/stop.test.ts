/**
 * Stop sending once the run is lost: without Continue On Fail, after an item has failed for good
 * (a refused request, or a rule of its input checked before sending), items not yet sent are not
 * sent, and the run's error says how many were sent and which were not. With Continue On Fail
 * nothing stops.
 */
import type { INodeParameters } from 'n8n-workflow';

import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { isGuardedPreSend } from '../../nodes/WhatsAppMaton/description/guardPreSend';
import { matonCredentials, phoneNumberById, runWhatsApp } from '../fixture';
import { useVirtualClock } from '../virtualClock';
import { allowLoopback, type Loopback, startLoopback } from './loopback';

allowLoopback();
useVirtualClock();

const recipient = (index: number) => `1555000${String(index).padStart(4, '0')}`;
const input = Array.from({ length: 50 }, (_, index) => ({ json: { to: recipient(index), text: index === 17 ? '' : `Message ${index}` } }));
const indexOf = (to: string) => Number(to.slice(-4));

let server: Loopback | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

/** A gateway that refuses item 17's recipient with a 400 and accepts everyone else. */
async function gateway(): Promise<Loopback> {
	server = await startLoopback((request) => {
		const to = (request.body as { to: string }).to;
		return indexOf(to) === 17
			? { reply: 400, body: { error: { message: '(#100) Invalid parameter', code: 100, fbtrace_id: 'T' } } }
			: { reply: 200, body: { messages: [{ id: `wamid.${to}` }] } };
	});
	return server;
}

const sendText = (deliveryOptions: INodeParameters, text = 'Message {{ $json.to }}'): INodeParameters => ({
	resource: 'message',
	operation: 'sendText',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '={{ $json.to }}',
	text: text.startsWith('=') ? text : `=${text}`,
	deliveryOptions,
});

const reached = (loopback: Loopback) => loopback.requests.map((request) => indexOf((request.body as { to: string }).to)).sort((a, b) => a - b);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('without Continue On Fail, a failed item stops the items after it', () => {
	it('item 17 refused by the gateway (one request at a time): 0–17 reach it, 18–49 never do', async () => {
		const loopback = await gateway();
		const { error } = await runWhatsApp(sendText({ maxConcurrentRequests: 1, requestsPerSecond: 0 }), {
			input,
			credentials: matonCredentials({ gatewayBaseUrl: loopback.url }),
		});
		expect(reached(loopback)).toEqual(range(0, 17));
		expect(error?.message).toBe('(#100) Invalid parameter');
		expect(error?.context?.itemIndex).toBe(17);
		expect(error?.description).toMatch(/The run stopped at this item \(17\): 17 other items were sent before the stop, 32 were not sent \(items 18–49\)\./);
	});

	it('item 17 refused, ten requests at a time: at most the ones already in flight go after it, and the count matches the server', async () => {
		const loopback = await gateway();
		const { error } = await runWhatsApp(sendText({ requestsPerSecond: 0 }), {
			input,
			credentials: matonCredentials({ gatewayBaseUrl: loopback.url }),
		});
		const seen = reached(loopback);
		expect(seen.slice(0, 18)).toEqual(range(0, 17));
		expect(seen.length).toBeLessThanOrEqual(18 + 9);
		expect(error?.context?.itemIndex).toBe(17);
		const sentOthers = seen.length - 1;
		expect(error?.description).toContain(`${sentOthers} other items were sent before the stop, ${49 - sentOthers} were not sent`);
	});

	it('item 17 refused before sending (empty text, a preSend rule): 0–16 reach the gateway, 17–49 never do', async () => {
		const loopback = await gateway();
		const { error } = await runWhatsApp(sendText({ requestsPerSecond: 0 }, '={{ $json.text }}'), {
			input,
			credentials: matonCredentials({ gatewayBaseUrl: loopback.url }),
		});
		expect(reached(loopback)).toEqual(range(0, 16));
		expect(error?.context?.itemIndex).toBe(17);
		expect(error?.message).toMatch(/Text/);
		expect(error?.description).toMatch(/The run stopped at this item \(17\): 17 other items were sent before the stop, 32 were not sent \(items 18–49\)\./);
	});

	it('with Continue On Fail nothing stops: 50 outputs, 49 sent, one error item for item 17', async () => {
		const loopback = await gateway();
		const { items, error } = await runWhatsApp(sendText({ requestsPerSecond: 0 }), {
			input,
			credentials: matonCredentials({ gatewayBaseUrl: loopback.url }),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(loopback.requests).toHaveLength(50);
		expect(items).toHaveLength(50);
		expect(items.filter((item) => item.error).map((item) => item.pairedItem)).toEqual([{ item: 17 }]);
		expect(items[17].json.error).toBe('(#100) Invalid parameter');
		expect(items[17].error?.description ?? '').not.toMatch(/run stopped/);
	});
});

describe('the preSend guard', () => {
	it('wraps every preSend hook of the description: in properties, operation options, collections and fixed collections', () => {
		const found: Array<{ where: string; guarded: boolean }> = [];
		const walk = (properties: unknown[], where: string) => {
			for (const property of properties as Array<Record<string, unknown>>) {
				const name = `${where}/${String(property.name)}`;
				const preSend = ((property.routing as { send?: { preSend?: unknown[] } } | undefined)?.send?.preSend ?? []) as Array<
					Parameters<typeof isGuardedPreSend>[0]
				>;
				for (const hook of preSend) found.push({ where: name, guarded: isGuardedPreSend(hook) });
				for (const option of (property.options ?? []) as Array<Record<string, unknown>>) {
					if (Array.isArray(option.values)) walk(option.values, name);
					else walk([option], name);
				}
			}
		};
		walk(new WhatsAppMaton().description.properties, '');
		expect(found.length).toBeGreaterThan(10);
		expect(found.filter((hook) => !hook.guarded)).toEqual([]);
	});
});
