import { relayMac, tokenKey } from '../../nodes/WhatsAppMaton/resources/message/sendAndWait/token';
import { RELAY_MAC_HEADER } from '../../nodes/WhatsAppMaton/resources/message/sendAndWait/webhook';
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

describe('Send and Wait for Response: the waiting webhook, Custom Form', () => {
	const form = {
		responseType: 'customForm',
		message: 'When and how?',
		formFields: {
			values: [
				{ fieldLabel: 'Delivery date', fieldType: 'date', requiredField: true },
				{ fieldLabel: 'Slot', fieldType: 'dropdown', fieldOptions: { values: [{ option: 'Morning' }, { option: 'Evening <late>' }] } },
				{ fieldLabel: 'Boxes', fieldType: 'number' },
				{ fieldLabel: 'Email', fieldType: 'email', placeholder: 'you@example.com' },
				{ fieldLabel: 'Notes', fieldType: 'textarea' },
			],
		},
		options: { answerThrough: 'trigger' },
	};

	it('shows the form, escaped, whatever Answer Through says (a form always goes by link)', async () => {
		const call = await callWaitingWebhook(form, { method: 'GET', query: { via: 'link' } });
		expect(call.status).toBe(200);
		expect(call.body).toContain('<label for="field-0">Delivery date *</label><input id="field-0" name="field-0" type="date" required>');
		expect(call.body).toContain('<select id="field-1" name="field-1"><option value=""></option><option>Morning</option><option>Evening &lt;late&gt;</option></select>');
		expect(call.body).toContain('<input id="field-2" name="field-2" type="number">');
		expect(call.body).toContain('<input id="field-3" name="field-3" type="email" placeholder="you@example.com">');
		expect(call.body).toContain('<textarea id="field-4" name="field-4"></textarea>');
		expect(call.items).toEqual([]);
	});

	it('posts as multipart/form-data, which n8n requires of a custom form', async () => {
		const call = await callWaitingWebhook(form, { method: 'GET', query: { via: 'link' } });
		expect(call.body).toContain('<form method="post" enctype="multipart/form-data">');
	});

	it('resumes with the answers by field label, numbers as numbers, empty ones null', async () => {
		// n8n's multipart parser puts the fields under `data`.
		const call = await callWaitingWebhook(form, {
			method: 'POST',
			query: { via: 'link' },
			form: { data: { 'field-0': '2026-12-24', 'field-1': 'Evening <late>', 'field-2': '3', 'field-3': '', 'field-4': ' ring twice ' }, files: {} },
		});
		expect(call.items).toEqual([
			{ json: { data: { 'Delivery date': '2026-12-24', Slot: 'Evening <late>', Boxes: 3, Email: null, Notes: 'ring twice' } } },
		]);
	});

	it.each([
		['a required field empty', { 'field-0': '' }, 'Delivery date is required'],
		['a date that is none', { 'field-0': 'soon' }, 'Delivery date must be a date (YYYY-MM-DD)'],
		['an option not offered', { 'field-0': '2026-12-24', 'field-1': 'Night' }, 'Slot must be one of its options'],
		['a number that is none', { 'field-0': '2026-12-24', 'field-2': 'three' }, 'Boxes must be a number'],
		['an email that is none', { 'field-0': '2026-12-24', 'field-3': 'nobody' }, 'Email must be an email address'],
	])('resumes nothing with %s (400)', async (_what, posted, reason) => {
		const call = await callWaitingWebhook(form, { method: 'POST', query: { via: 'link' }, form: posted });
		expect(call.status).toBe(400);
		expect(call.body).toBe(`Bad Request: ${reason}`);
		expect(call.items).toEqual([]);
	});

	it('takes no relay from the trigger', async () => {
		const call = await callWaitingWebhook({ ...form, options: { answerThrough: 'link' } }, { method: 'POST', query: { via: 'trigger' }, ...relayed({ answer: 'approve' }) });
		expect(call.status).toBe(404);
	});
});
