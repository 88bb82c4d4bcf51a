import { GATEWAY_ORIGIN, GRAPH, PHONE_NUMBER_ID, expectAuthorised, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';
import { itRefusesEach } from '../refusal';
import { requestSafetyOf } from '../../nodes/WhatsAppMaton/transport/requestSafety';

const CODE = '4O4YGZEG3RIVE1';
const update = (code: string, prefilledMessage = 'Cyber Tuesday') => ({
	resource: 'qrCode',
	operation: 'update',
	phoneNumberId: phoneNumberById(),
	qrCode: code,
	prefilledMessage,
});

describe('QR Code › Update', () => {
	it('posts the code and the new message to /{phone}/message_qrdls and outputs the answer', async () => {
		const answer = { code: CODE, prefilled_message: 'Cyber Tuesday', deep_link_url: `https://wa.me/message/${CODE}` };
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, answer);
		const { items, error } = await runWhatsApp(update(CODE));
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/message_qrdls`);
		expectAuthorised(request);
		expect(request.body).toEqual({ code: CODE, prefilled_message: 'Cyber Tuesday' });
		expect(items.map((item) => item.json)).toEqual([answer]);
	});

	it('counts an emoji as one character: 140 of them are allowed', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { code: CODE });
		const { error } = await runWhatsApp(update(CODE, '={{ "🙂".repeat(140) }}'));
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({ code: CODE, prefilled_message: '🙂'.repeat(140) });
	});

	it('is safe to resend (it sets the message), unlike Create', () => {
		expect(requestSafetyOf('qrCode', 'update', 'POST').safeToRepeat).toBe(true);
		expect(requestSafetyOf('qrCode', 'create', 'POST')).toMatchObject({
			safeToRepeat: false,
			uncertain: { maybe: 'The QR code may have been created' },
		});
	});
});

describe('bad inputs', () => {
	itRefusesEach([
		{ name: 'a code ../x', parameters: update('../x'), message: /^QR Code "\.\.\/x": a QR code has only letters and digits/, field: 'QR Code' },
		{ name: 'an empty code from an expression', parameters: update('={{ $json.code }}'), message: /^QR Code is empty/, field: 'QR Code' },
		{ name: 'an empty message from an expression', parameters: update(CODE, '={{ "" }}'), message: /^Prefilled Message is empty/, field: 'Prefilled Message' },
		{
			name: 'a message of 141 characters',
			parameters: update(CODE, '={{ "x".repeat(141) }}'),
			message: /^Prefilled Message is 141 characters; WhatsApp allows 140/,
			field: 'Prefilled Message',
		},
	]);
});
