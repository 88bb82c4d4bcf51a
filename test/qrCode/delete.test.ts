import { GATEWAY_ORIGIN, GRAPH, PHONE_NUMBER_ID, expectAuthorised, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';
import { itRefusesEach } from '../refusal';

const CODE = '4O4YGZEG3RIVE1';
const remove = (code: string) => ({ resource: 'qrCode', operation: 'delete', phoneNumberId: phoneNumberById(), qrCode: code });

describe('QR Code › Delete', () => {
	it('deletes /{phone}/message_qrdls/{code} and outputs success', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { success: true });
		const { items, error } = await runWhatsApp(remove(CODE));
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('DELETE');
		expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/message_qrdls/${CODE}`);
		expectAuthorised(request);
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
	});

	it('outputs success also when Graph answers { deleted: true }', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, { deleted: true });
		const { items, error } = await runWhatsApp(remove(CODE));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ deleted: true, success: true }]);
	});
});

describe('bad inputs', () => {
	itRefusesEach([
		{ name: 'a code ../x', parameters: remove('../x'), message: /^QR Code "\.\.\/x": a QR code has only letters and digits/, field: 'QR Code' },
		{ name: 'a code a/b', parameters: remove('={{ "a/b" }}'), message: /^QR Code "a\/b"/, field: 'QR Code' },
		{ name: 'a code with a query', parameters: remove('ABC?x=1'), message: /^QR Code "ABC\?x=1"/, field: 'QR Code' },
	]);
});
