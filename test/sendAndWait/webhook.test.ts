import { relayMac, tokenKey } from '../../nodes/WhatsAppMaton/shared/sendAndWait/token';
import { RELAY_MAC_HEADER } from '../../nodes/WhatsAppMaton/shared/sendAndWait/webhook';
import { API_KEY } from '../fixture';
import { callWaitingWebhook } from './webhookHarness';

const KEY = tokenKey(API_KEY);
const relayed = (answer: object) => {
	const json = { from: '15551234567', name: 'Jane', messageId: 'wamid.REPLY', ...answer };
	return { json, headers: { [RELAY_MAC_HEADER]: relayMac(KEY, JSON.stringify(json)) } };
};
const approval = { responseType: 'approval', approvalOptions: { values: { approvalType: 'double' } }, options: { answerThrough: 'trigger' } };

describe("Send and Wait for Response: the waiting webhook, answers relayed by the trigger", () => {
	it.each([
		['approve', true],
		['disapprove', false],
	])('resumes a %s tap with approved: %s and who answered', async (answer, approved) => {
		const call = await callWaitingWebhook(approval, { method: 'POST', query: { via: 'trigger' }, ...relayed({ answer }) });
		expect(call.result.webhookResponse).toEqual({ resumed: true });
		expect(call.items).toEqual([
			{ json: { data: { approved, answeredBy: { phoneNumber: '15551234567', name: 'Jane' }, messageId: 'wamid.REPLY' } } },
		]);
	});

	it('resumes a free-text question with the text', async () => {
		const call = await callWaitingWebhook({ responseType: 'freeText' }, { method: 'POST', query: { via: 'trigger' }, ...relayed({ answer: 'text', text: 'Tomorrow please' }) });
		// (Answer Through › Auto, the default, takes whichever of the two ways it chose.)
		expect(call.items).toEqual([
			{ json: { data: { text: 'Tomorrow please', answeredBy: { phoneNumber: '15551234567', name: 'Jane' }, messageId: 'wamid.REPLY' } } },
		]);
	});

	it('resumes nothing without the relay MAC (401)', async () => {
		const { json } = relayed({ answer: 'approve' });
		const call = await callWaitingWebhook(approval, { method: 'POST', query: { via: 'trigger' }, json });
		expect(call.status).toBe(401);
		expect(call.items).toEqual([]);
	});

	it('resumes nothing with a MAC over another body (an answer changed on the way)', async () => {
		const { headers } = relayed({ answer: 'disapprove' });
		const call = await callWaitingWebhook(approval, { method: 'POST', query: { via: 'trigger' }, json: relayed({ answer: 'approve' }).json, headers });
		expect(call.status).toBe(401);
		expect(call.items).toEqual([]);
	});

	it('resumes nothing with a MAC made from another API key', async () => {
		const json = { answer: 'approve', from: '15551234567', messageId: 'wamid.X' };
		const headers = { [RELAY_MAC_HEADER]: relayMac(tokenKey('another-key'), JSON.stringify(json)) };
		const call = await callWaitingWebhook(approval, { method: 'POST', query: { via: 'trigger' }, json, headers });
		expect(call.status).toBe(401);
		expect(call.items).toEqual([]);
	});

	it('resumes nothing with an answer of the other response type (400)', async () => {
		const call = await callWaitingWebhook({ responseType: 'freeText' }, { method: 'POST', query: { via: 'trigger' }, ...relayed({ answer: 'approve' }) });
		expect(call.status).toBe(400);
		expect(call.items).toEqual([]);
	});

	it('refuses a GET on the relay address (405)', async () => {
		const call = await callWaitingWebhook(approval, { method: 'GET', query: { via: 'trigger' } });
		expect(call.status).toBe(405);
		expect(call.items).toEqual([]);
	});

	it('refuses the link page of a question answered through the trigger (404)', async () => {
		const call = await callWaitingWebhook(approval, { method: 'POST', query: { via: 'link' }, form: { approved: 'true' } });
		expect(call.status).toBe(404);
		expect(call.items).toEqual([]);
	});
});

describe('Send and Wait for Response: the waiting webhook with Answer Through › Auto', () => {
	it('takes an answer by link as well as a relayed one (n8n signed only the way Auto chose)', async () => {
		const auto = { responseType: 'approval', options: {} };
		const byLink = await callWaitingWebhook(auto, { method: 'POST', query: { via: 'link' }, form: { approved: 'true' } });
		expect(byLink.items).toEqual([{ json: { data: { approved: true } } }]);
		const relayedCall = await callWaitingWebhook(auto, { method: 'POST', query: { via: 'trigger' }, ...relayed({ answer: 'approve' }) });
		expect(relayedCall.items).toHaveLength(1);
		const unsigned = await callWaitingWebhook(auto, { method: 'POST', query: { via: 'trigger' }, json: relayed({ answer: 'approve' }).json });
		expect(unsigned.status).toBe(401);
	});

	it('answers 404 to any other way', async () => {
		const call = await callWaitingWebhook({ responseType: 'approval' }, { method: 'GET', query: { via: 'carrier-pigeon' } });
		expect(call.status).toBe(404);
	});
});

describe('Send and Wait for Response: the waiting webhook, answers by link', () => {
	const byLink = { ...approval, message: 'Ship <b>#1042</b>?', approvalOptions: { values: { approvalType: 'double', approveLabel: 'Ship it', disapproveLabel: 'Not yet' } }, options: { answerThrough: 'link' } };

	it('shows the question, escaped, with its two buttons', async () => {
		const call = await callWaitingWebhook(byLink, { method: 'GET', query: { via: 'link' } });
		expect(call.status).toBe(200);
		expect(call.contentType).toBe('text/html');
		expect(call.body).toContain('<p class="q">Ship &lt;b&gt;#1042&lt;/b&gt;?</p>');
		expect(call.body).toContain('<button type="submit" name="approved" value="true">Ship it</button>');
		expect(call.body).toContain('<button type="submit" name="approved" value="false" class="secondary">Not yet</button>');
		expect(call.items).toEqual([]);
	});

	it.each([
		['true', true],
		['false', false],
	])('resumes the posted answer approved=%s', async (value, approved) => {
		const call = await callWaitingWebhook(byLink, { method: 'POST', query: { via: 'link' }, form: { approved: value } });
		expect(call.result.webhookResponse).toContain('Your answer was recorded');
		expect(call.items).toEqual([{ json: { data: { approved } } }]);
	});

	it('resumes a free-text answer with its text', async () => {
		const call = await callWaitingWebhook({ responseType: 'freeText', options: { answerThrough: 'link' } }, { method: 'POST', query: { via: 'link' }, form: { text: ' Tomorrow ' } });
		expect(call.items).toEqual([{ json: { data: { text: 'Tomorrow' } } }]);
	});

	it.each([
		['an approval other than true or false', byLink, { approved: 'maybe' }],
		['an empty free-text answer', { responseType: 'freeText', options: { answerThrough: 'link' } }, { text: '  ' }],
	])('resumes nothing with %s (400)', async (_what, parameters, form) => {
		const call = await callWaitingWebhook(parameters, { method: 'POST', query: { via: 'link' }, form });
		expect(call.status).toBe(400);
		expect(call.items).toEqual([]);
	});

	it('takes no relay on a question answered by link (404)', async () => {
		const call = await callWaitingWebhook(byLink, { method: 'POST', query: { via: 'trigger' }, ...relayed({ answer: 'approve' }) });
		expect(call.status).toBe(404);
		expect(call.items).toEqual([]);
	});
});
