/**
 * 1,000 items with 10 % mixed faults and Continue On Fail, through the engine against a loopback
 * gateway that really delivers (counts per recipient) before some of its faults: 0 items lost
 * (1,000 outputs, each a success or one error item), 0 delivered twice, item i paired with input i.
 */
import { matonCredentials, phoneNumberById, runWhatsApp } from '../fixture';
import { useVirtualClock } from '../virtualClock';
import { allowLoopback, type Behaviour, startLoopback } from './loopback';

allowLoopback();
useVirtualClock();

const ITEMS = 1000;
const recipient = (index: number) => `1555${String(1_000_000 + index).slice(1)}`;
const indexOf = (to: string) => Number(to.slice(4));

/** Every 50 items, five faults: 10 %. */
type Fault = 'throttledOnce' | 'deliveredThenReset' | 'deliveredThen502' | 'deliveredThenNoAnswer' | 'refused';
const FAULTS: Record<number, Fault> = {
	3: 'throttledOnce',
	13: 'deliveredThenReset',
	23: 'deliveredThen502',
	33: 'deliveredThenNoAnswer',
	43: 'refused',
};
const faultOf = (index: number): Fault | undefined => FAULTS[index % 50];

it('1,000 items, 10 % faults, Continue On Fail: none lost, none delivered twice, pairing right', async () => {
	const delivered = new Map<string, number>();
	const throttled = new Set<string>();
	const deliver = (to: string) => delivered.set(to, (delivered.get(to) ?? 0) + 1);
	const ok = (to: string): Behaviour => ({ reply: 200, body: { messaging_product: 'whatsapp', messages: [{ id: `wamid.${to}` }] } });
	const server = await startLoopback((request) => {
		const to = (request.body as { to: string }).to;
		const fault = faultOf(indexOf(to));
		if (fault === 'throttledOnce' && !throttled.has(to)) {
			throttled.add(to);
			return { reply: 429, body: { error: { message: '(#130429) Rate limit hit', code: 130429 } }, headers: { 'retry-after': '1' } };
		}
		if (fault === 'refused') return { reply: 400, body: { error: { message: '(#100) Invalid parameter', code: 100 } } };
		deliver(to);
		if (fault === 'deliveredThenReset') return { reset: true };
		if (fault === 'deliveredThen502') return { reply: 502, body: 'Bad Gateway', headers: { 'content-type': 'text/plain' } };
		if (fault === 'deliveredThenNoAnswer') return { hang: true };
		return ok(to);
	});
	try {
		const { items, error } = await runWhatsApp(
			{
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: phoneNumberById(),
				recipientPhoneNumber: '={{ $json.to }}',
				text: '={{ "Message " + $json.n }}',
				// Long enough that a busy machine does not time out a normal answer.
				requestOptions: { timeout: 5000 },
				deliveryOptions: { requestsPerSecond: 0 },
			},
			{
				input: Array.from({ length: ITEMS }, (_, n) => ({ json: { to: recipient(n), n } })),
				credentials: matonCredentials({ gatewayBaseUrl: server.url }),
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		// None lost: one output per input, in order, each a success or an error.
		expect(items).toHaveLength(ITEMS);
		items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			const fault = faultOf(index);
			if (fault === undefined || fault === 'throttledOnce') {
				expect(item.json).toEqual({ messaging_product: 'whatsapp', messages: [{ id: `wamid.${recipient(index)}` }] });
			} else {
				expect(typeof item.json.error).toBe('string');
			}
		});
		const errors = items.filter((item) => item.json.error !== undefined);
		expect(errors).toHaveLength(ITEMS * (4 / 50));
		// None delivered twice; every item but the refused ones delivered exactly once.
		expect(Math.max(...delivered.values())).toBe(1);
		expect(delivered.size).toBe(ITEMS - ITEMS / 50);
		// Requests: one each, plus one resend for each throttled item.
		expect(server.requests).toHaveLength(ITEMS + ITEMS / 50);
		// The uncertain ones say so; the refused one says what Graph said.
		expect(items[13].json.error).toMatch(/^The message may have been delivered/);
		expect(items[33].json.error).toMatch(/^The message may have been delivered/);
		expect(items[23].json.error).toBe('Bad Gateway');
		expect(items[43].json.error).toBe('(#100) Invalid parameter');
	} finally {
		await server.close();
	}
}, 120_000);
