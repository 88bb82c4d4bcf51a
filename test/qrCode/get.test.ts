import { GATEWAY_ORIGIN, GRAPH, PHONE_NUMBER_ID, expectAuthorised, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';
import { itRefusesEach } from '../refusal';

const CODE = '4O4YGZEG3RIVE1';
const qrCode = { code: CODE, prefilled_message: 'Cyber Monday', deep_link_url: `https://wa.me/message/${CODE}` };
const get = (code: string) => ({ resource: 'qrCode', operation: 'get', phoneNumberId: phoneNumberById(), qrCode: code });

describe('QR Code › Get', () => {
	it('gets /{phone}/message_qrdls/{code} and outputs the QR code out of Graph’s list of one', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [qrCode] });
		const { items, error } = await runWhatsApp(get(CODE));
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('GET');
		expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/message_qrdls/${CODE}`);
		expectAuthorised(request);
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([qrCode]);
	});

	it('outputs an answer that is the QR code itself as it is', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, qrCode);
		const { items, error } = await runWhatsApp(get(`={{ " ${CODE} " }}`));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([qrCode]);
	});
});

describe('bad inputs', () => {
	itRefusesEach([
		{ name: 'a code ../x', parameters: get('../x'), message: /^QR Code "\.\.\/x": a QR code has only letters and digits/, field: 'QR Code' },
		{ name: 'a code ..', parameters: get('={{ ".." }}'), message: /^QR Code "\.\."/, field: 'QR Code' },
		{ name: 'a deep link instead of the code', parameters: get(`https://wa.me/message/${CODE}`), message: /^QR Code "https:/, field: 'QR Code' },
		{ name: 'an empty code from an expression', parameters: get('={{ $json.code }}'), message: /^QR Code is empty/, field: 'QR Code' },
	]);
});
