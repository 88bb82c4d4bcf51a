import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { sendAndWaitClock } from '../../nodes/WhatsAppMaton/resources/message/sendAndWait/execute';
import { signToken, tokenKey, validRelayMac, type TokenFields } from '../../nodes/WhatsAppMaton/resources/message/sendAndWait/token';
import { RELAY_MAC_HEADER } from '../../nodes/WhatsAppMaton/resources/message/sendAndWait/webhook';
import { forgetPendingQuestions } from '../../nodes/WhatsAppMatonTrigger/relay';
import { API_KEY, PHONE_NUMBER_ID, fakeApi, type FakeApi } from '../fixture';
import { callWebhook, type TriggerSetup } from './harness';
import { CUSTOMER, CUSTOMER_NAME, MESSAGE_ID, incoming, samples, statusUpdate } from './payloads';

const N8N = 'https://n8n.example.com';
const NOW = Date.parse('2026-12-02T12:00:00.000Z');
const KEY = tokenKey(API_KEY);
const QUESTION_ID = 'wamid.QUESTION.1';

const realNow = sendAndWaitClock.now;
beforeEach(() => {
	sendAndWaitClock.now = () => NOW;
	forgetPendingQuestions();
});
afterEach(() => {
	sendAndWaitClock.now = realNow;
});

const fields = (change: Partial<TokenFields> = {}): TokenFields => ({
	expiresAt: NOW / 1000 + 3600,
	answer: 'approve',
	recipient: CUSTOMER,
	executionId: '4711',
	nodeId: 'ask-node-1',
	resumeSignature: 'cd'.repeat(32),
	...change,
});
const RESUME_URL = `${N8N}/webhook-waiting/4711/ask-node-1?via=trigger&signature=${'cd'.repeat(32)}`;

const parameters = { registerFor: 'phoneNumber', phoneNumberId: { __rl: true, mode: 'id', value: PHONE_NUMBER_ID } };
const setupWith = (options: INodeParameters = {}, staticData: IDataObject = {}): TriggerSetup => ({ parameters: { ...parameters, options }, staticData });

const tap = (id: string) => incoming({ ...samples.buttonReply, interactive: { type: 'button_reply', button_reply: { id, title: 'Approve' } } });
const text = (body: string, contextId?: string) =>
	incoming({ type: 'text', text: { body }, ...(contextId ? { context: { from: '15550783881', id: contextId } } : {}) });
const questionStatus = (status: 'sent' | 'delivered' | 'read', token: string) => {
	const body = statusUpdate(status, { id: QUESTION_ID });
	(body.entry[0].changes[0].value.statuses[0] as IDataObject).biz_opaque_callback_data = token;
	return body;
};

const resumed = (n8n: FakeApi) => n8n.reply(200, { resumed: true });
const noActionRequired = (n8n: FakeApi) => n8n.reply(200, '<html><body>No action required</body></html>', { 'content-type': 'text/html' });

function expectRelayed(n8n: FakeApi, answer: IDataObject) {
	expect(n8n.requests).toHaveLength(1);
	const [request] = n8n.requests;
	expect(request.method).toBe('POST');
	expect(request.url).toBe(RESUME_URL);
	expect(request.body).toEqual({ from: CUSTOMER, name: CUSTOMER_NAME, messageId: MESSAGE_ID, ...answer });
	expect(validRelayMac(KEY, JSON.stringify(request.body), request.headers[RELAY_MAC_HEADER])).toBe(true);
}

describe('the trigger relays Approval taps to the waiting execution', () => {
	it('a tap on a token button resumes the execution through its signed URL and starts nothing', async () => {
		const n8n = resumed(fakeApi(N8N));
		const call = await callWebhook(setupWith(), { body: tap(signToken(KEY, fields())) });
		expect(call.response.status).toBe(200);
		expectRelayed(n8n, { answer: 'approve' });
		expect(call.items).toEqual([]);
	});

	it('a tap on the Decline button relays disapprove', async () => {
		const n8n = resumed(fakeApi(N8N));
		await callWebhook(setupWith(), { body: tap(signToken(KEY, fields({ answer: 'disapprove' }))) });
		expectRelayed(n8n, { answer: 'disapprove' });
	});

	it('a second tap, which n8n answers "no action required", resumes nothing and starts nothing', async () => {
		const n8n = noActionRequired(fakeApi(N8N));
		const call = await callWebhook(setupWith(), { body: tap(signToken(KEY, fields())) });
		expect(n8n.requests).toHaveLength(1);
		expect(call.items).toEqual([]);
	});

	it('with Unmatched Answers › Start Workflow, that second tap starts the workflow', async () => {
		noActionRequired(fakeApi(N8N));
		const call = await callWebhook(setupWith({ unmatchedAnswers: 'startWorkflow' }), { body: tap(signToken(KEY, fields())) });
		expect(call.items.map((item) => item.json.kind)).toEqual(['buttonReply']);
	});

	it.each([
		['a forged token (answer changed)', () => signToken(KEY, fields()).replace('.a.', '.d.')],
		['a token made with another key', () => signToken(tokenKey('someone-else'), fields())],
		['an expired token', () => signToken(KEY, fields({ expiresAt: NOW / 1000 }))],
		['a token for another customer', () => signToken(KEY, fields({ recipient: '15550009999' }))],
		['a free-text token on a button', () => signToken(KEY, fields({ answer: 'text' }))],
	])('%s resumes nothing: no request to n8n, no run', async (_what, token) => {
		const n8n = fakeApi(N8N);
		const call = await callWebhook(setupWith(), { body: tap(token()) });
		expect(n8n.requests).toEqual([]);
		expect(call.items).toEqual([]);
		const started = await callWebhook(setupWith({ unmatchedAnswers: 'startWorkflow' }), { body: tap(token()) });
		expect(started.items).toHaveLength(1);
	});

	it('a redelivered tap (same wamid) is relayed once, and starts nothing even with Start Workflow', async () => {
		const staticData: IDataObject = {};
		const n8n = resumed(fakeApi(N8N));
		const token = signToken(KEY, fields());
		await callWebhook(setupWith({ unmatchedAnswers: 'startWorkflow' }, staticData), { body: tap(token) });
		const again = await callWebhook(setupWith({ unmatchedAnswers: 'startWorkflow' }, staticData), { body: tap(token) });
		expect(n8n.requests).toHaveLength(1);
		expect(again.items).toEqual([]);
	});

	it('an ordinary reply button ID is an ordinary message', async () => {
		const n8n = fakeApi(N8N);
		const call = await callWebhook(setupWith(), { body: tap('confirm') });
		expect(n8n.requests).toEqual([]);
		expect(call.items.map((item) => item.json.replyId)).toEqual(['confirm']);
	});

	it('a network failure reaching n8n counts as unmatched (nothing resumed, no retry)', async () => {
		const n8n = fakeApi(N8N).failWith('ECONNREFUSED');
		const call = await callWebhook(setupWith(), { body: tap(signToken(KEY, fields())) });
		expect(n8n.requests).toHaveLength(1);
		expect(call.items).toEqual([]);
	});

	it('relays nothing with the Own Meta App setup (its credential holds no Maton key)', async () => {
		const n8n = fakeApi(N8N);
		const call = await callWebhook(
			{ parameters: { setup: 'ownApp' }, credentials: { whatsAppMetaAppApi: { verifyToken: 'my-own-verify-token-42', appSecret: '0123456789abcdef0123456789abcdef' } } },
			{ body: tap(signToken(KEY, fields())), signWith: '0123456789abcdef0123456789abcdef' },
		);
		expect(n8n.requests).toEqual([]);
		expect(call.items).toHaveLength(1);
	});
});

describe('the trigger relays free-text answers', () => {
	const textToken = () => signToken(KEY, fields({ answer: 'text' }));

	it('learns the question from its status webhook, then relays a reply in context with its text', async () => {
		const staticData: IDataObject = {};
		const n8n = resumed(fakeApi(N8N));
		const status = await callWebhook(setupWith({}, staticData), { body: questionStatus('sent', textToken()) });
		expect(status.items).toEqual([]);
		const call = await callWebhook(setupWith({}, staticData), { body: text('Tomorrow, please', QUESTION_ID) });
		expectRelayed(n8n, { answer: 'text', text: 'Tomorrow, please' });
		expect(call.items).toEqual([]);
	});

	it("relays the customer's next text when it replies to nothing", async () => {
		const staticData: IDataObject = {};
		const n8n = resumed(fakeApi(N8N));
		await callWebhook(setupWith({}, staticData), { body: questionStatus('sent', textToken()) });
		await callWebhook(setupWith({}, staticData), { body: text('Tomorrow') });
		expectRelayed(n8n, { answer: 'text', text: 'Tomorrow' });
	});

	it('remembers the question across calls without its static data being saved (no run started)', async () => {
		const n8n = resumed(fakeApi(N8N));
		await callWebhook(setupWith({}, {}), { body: questionStatus('sent', textToken()) });
		await callWebhook(setupWith({}, {}), { body: text('Tomorrow', QUESTION_ID) });
		expectRelayed(n8n, { answer: 'text', text: 'Tomorrow' });
	});

	it('after the answer, a later status of the question does not bring it back: the next text is ordinary', async () => {
		const staticData: IDataObject = {};
		const n8n = resumed(fakeApi(N8N));
		await callWebhook(setupWith({}, staticData), { body: questionStatus('sent', textToken()) });
		await callWebhook(setupWith({}, staticData), { body: text('Tomorrow') });
		await callWebhook(setupWith({}, staticData), { body: questionStatus('read', textToken()) });
		const next = incoming({ type: 'text', text: { body: 'Thanks!' }, id: 'wamid.NEXT' });
		const call = await callWebhook(setupWith({}, staticData), { body: next });
		expect(n8n.requests).toHaveLength(1);
		expect(call.items.map((item) => item.json.text)).toEqual(['Thanks!']);
	});

	it('a second reply in context to an answered question is unmatched: nothing resumed or started', async () => {
		const staticData: IDataObject = {};
		const n8n = resumed(fakeApi(N8N));
		await callWebhook(setupWith({}, staticData), { body: questionStatus('sent', textToken()) });
		await callWebhook(setupWith({}, staticData), { body: text('Tomorrow', QUESTION_ID) });
		const again = incoming({ type: 'text', text: { body: 'Actually today' }, id: 'wamid.AGAIN', context: { from: '15550783881', id: QUESTION_ID } });
		const call = await callWebhook(setupWith({}, staticData), { body: again });
		expect(n8n.requests).toHaveLength(1);
		expect(call.items).toEqual([]);
	});

	it('a reply in context to another message is an ordinary message', async () => {
		const staticData: IDataObject = {};
		const n8n = fakeApi(N8N);
		await callWebhook(setupWith({}, staticData), { body: questionStatus('sent', textToken()) });
		const call = await callWebhook(setupWith({}, staticData), { body: text('About my other order', 'wamid.OTHER') });
		expect(n8n.requests).toEqual([]);
		expect(call.items).toHaveLength(1);
	});

	it('a text from another customer is an ordinary message', async () => {
		const staticData: IDataObject = {};
		const n8n = fakeApi(N8N);
		await callWebhook(setupWith({}, staticData), { body: questionStatus('sent', textToken()) });
		const other = incoming({ type: 'text', text: { body: 'Hi' }, from: '15550001111' }, { contacts: [{ profile: { name: 'Other' }, wa_id: '15550001111' }] });
		const call = await callWebhook(setupWith({}, staticData), { body: other });
		expect(n8n.requests).toEqual([]);
		expect(call.items).toHaveLength(1);
	});

	it('learns nothing from a forged or expired token in a status', async () => {
		const staticData: IDataObject = {};
		const n8n = fakeApi(N8N);
		await callWebhook(setupWith({}, staticData), { body: questionStatus('sent', textToken().replace('.t.', '.a.')) });
		await callWebhook(setupWith({}, staticData), { body: questionStatus('sent', signToken(KEY, fields({ answer: 'text', expiresAt: NOW / 1000 }))) });
		const call = await callWebhook(setupWith({}, staticData), { body: text('Tomorrow', QUESTION_ID) });
		expect(n8n.requests).toEqual([]);
		expect(call.items).toHaveLength(1);
	});

	it('forgets a question when its wait ends: the next text is ordinary', async () => {
		const staticData: IDataObject = {};
		const n8n = fakeApi(N8N);
		await callWebhook(setupWith({}, staticData), { body: questionStatus('sent', textToken()) });
		sendAndWaitClock.now = () => NOW + 3600_000;
		const call = await callWebhook(setupWith({}, staticData), { body: text('Tomorrow', QUESTION_ID) });
		expect(n8n.requests).toEqual([]);
		expect(call.items).toHaveLength(1);
		expect(staticData['node:WhatsApp (Maton) Trigger']).toMatchObject({ sendAndWait: {} });
	});
});
