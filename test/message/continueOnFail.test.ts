import { NodeOperationError } from 'n8n-workflow';

import {
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';

/** Graph's answer to a send to `to`, with a message id of its own. */
const sentTo = (to: string) => ({
	messaging_product: 'whatsapp',
	contacts: [{ input: to, wa_id: to }],
	messages: [{ id: `wamid.to-${to}` }],
});

const recipients = ['15551230001', '+1 555 CALL NOW', '15551230003', '15551230004', '15551230005'];

describe('Message › Continue On Fail', () => {
	it('sends every valid item and turns the invalid one into an error item in its place', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const valid = recipients.filter((_, index) => index !== 1);
		const answers = valid.map(sentTo);
		for (const answer of answers) gateway.reply(200, answer);
		const { items, error } = await runWhatsApp(
			{
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: phoneNumberById(),
				recipientPhoneNumber: '={{ $json.to }}',
				text: 'Your order has shipped',
			},
			{ input: recipients.map((to) => ({ json: { to } })), continueOnFail: true },
		);
		expect(error).toBeUndefined();

		expect(gateway.requests).toHaveLength(4);
		for (const request of gateway.requests) {
			expect(request.method).toBe('POST');
			expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
			expectAuthorised(request);
		}
		const bodies = gateway.requests.map((request) => request.body as { to: string });
		expect(bodies.map((body) => body.to).sort()).toEqual(valid);
		expect(bodies[0]).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: bodies[0].to,
			type: 'text',
			text: { body: 'Your order has shipped' },
		});

		// The items are sent concurrently and the n-th request to arrive got the n-th answer: each
		// output item must be the answer to its own item's request, in input order.
		const answerTo = new Map(bodies.map((body, index) => [body.to, answers[index]]));
		expect(items).toHaveLength(5);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		for (const index of [0, 2, 3, 4]) {
			expect(items[index].json).toEqual(answerTo.get(recipients[index]));
			expect(items[index].error).toBeUndefined();
		}

		const failed = items[1];
		expect(failed.error).toBeInstanceOf(NodeOperationError);
		expect(failed.error?.context.itemIndex).toBe(1);
		expect(failed.json).toEqual({
			error: 'Recipient Phone Number "+1 555 CALL NOW" has characters other than digits',
		});
		expect(failed.pairedItem).toEqual({ item: 1 });
	});
});
