import { GATEWAY_ORIGIN, GRAPH, PHONE_NUMBER_ID, expectAuthorised, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';
import { splitUrl } from '../assertions';
import { itRefusesEach } from '../refusal';

const QR_CODES = `${GRAPH}/${PHONE_NUMBER_ID}/message_qrdls`;
const qrCode = (code: string, message: string) => ({ code, prefilled_message: message, deep_link_url: `https://wa.me/message/${code}` });
const page1 = [qrCode('5QBPAD2DC6L5A1', 'Show me Cyber Tuesday deals!'), qrCode('ANED2T5QRU7HG1', 'Show me Cyber Monday deals!')];
const page2 = [qrCode('WOMVT6TJ2BP7A1', 'Tell me more about your production workshop')];

const graphPage = (data: object[], after: string, next: boolean) => ({
	data,
	paging: {
		cursors: { before: 'QVFIUmJlZAZDZD', after },
		...(next ? { next: `https://graph.facebook.com/v25.0/${PHONE_NUMBER_ID}/message_qrdls?limit=100&after=${after}` } : {}),
	},
});

const list = (extra: Record<string, unknown>) => ({ resource: 'qrCode', operation: 'list', phoneNumberId: phoneNumberById(), ...extra });

describe('QR Code › List', () => {
	it('asks for Limit QR codes and outputs one item per code', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, graphPage(page1, 'QVFIUmFmdGVyMQZDZD', true));
		const { items, error } = await runWhatsApp(list({ limit: 1 }));
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('GET');
		expect(request.url).toBe(`${QR_CODES}?limit=1`);
		expectAuthorised(request);
		expect(items.map((item) => item.json)).toEqual(page1.slice(0, 1));
	});

	it('pages through the gateway with the after cursor on Return All, never to paging.next', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, graphPage(page1, 'QVFIUmFmdGVyMQZDZD', true))
			.reply(200, graphPage(page2, 'QVFIUmFmdGVyMgZDZD', false));
		const graph = fakeApi('https://graph.facebook.com');
		const { items, error } = await runWhatsApp(list({ returnAll: true }));
		expect(error).toBeUndefined();
		expect(graph.requests).toEqual([]);
		expect(gateway.requests.map((request) => splitUrl(request.url))).toEqual([
			{ base: QR_CODES, query: { limit: '100' } },
			{ base: QR_CODES, query: { limit: '100', after: 'QVFIUmFmdGVyMQZDZD' } },
		]);
		expect(items.map((item) => item.json)).toEqual([...page1, ...page2]);
	});

	it('outputs nothing for a phone number without QR codes', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, { data: [], paging: {} });
		const { items, error } = await runWhatsApp(list({ limit: 10 }));
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});
});

describe('bad inputs', () => {
	itRefusesEach([
		{
			name: 'a phone number ../x',
			parameters: list({ limit: 10, phoneNumberId: { __rl: true, mode: 'list', value: '../x' } }),
			message: /^Business Phone Number "\.\.\/x"/,
			field: 'Business Phone Number',
		},
	]);
});
