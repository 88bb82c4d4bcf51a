/**
 * Runs a valid message through the node and returns the one message body the gateway received:
 * for tests of what a rule lets through, beside the bad inputs it refuses.
 */
import type { INodeParameters } from 'n8n-workflow';

import { GATEWAY_ORIGIN, GRAPH, PHONE_NUMBER_ID, fakeApi, runWhatsApp } from '../fixture';

const TO = '15551234567';
const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: TO, wa_id: TO }],
	messages: [{ id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA' }],
};

/** `answers` are queued before the message's own answer, e.g. a template's definition. */
export async function sentBody(parameters: INodeParameters, answers: unknown[] = []): Promise<Record<string, unknown>> {
	const gateway = fakeApi(GATEWAY_ORIGIN);
	for (const answer of answers) gateway.reply(200, answer);
	gateway.reply(200, sent);
	const { items, error } = await runWhatsApp(parameters);
	expect(error).toBeUndefined();
	expect(items.map((item) => item.json)).toEqual([sent]);
	const messages = gateway.requests.filter((request) => request.method === 'POST');
	expect(messages).toHaveLength(1);
	expect(messages[0].url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
	return messages[0].body as Record<string, unknown>;
}
