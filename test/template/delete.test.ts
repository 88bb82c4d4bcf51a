import {
	BUSINESS_ACCOUNT_ID,
	CONNECTION_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	expectAuthorised,
	fakeApi,
	matonCredentials,
	runWhatsApp,
} from '../fixture';
import { expectInputError, splitUrl } from '../assertions';

const TEMPLATES = `${GRAPH}/${BUSINESS_ACCOUNT_ID}/message_templates`;

describe('Template › Delete', () => {
	it('deletes /message_templates?name=X (every language) and outputs success', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { success: true });
		const { items, error } = await runWhatsApp({
			resource: 'template',
			operation: 'delete',
			templateName: 'order_confirmation',
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('DELETE');
		expect(request.url).toBe(`${TEMPLATES}?name=order_confirmation`);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
	});

	it('deletes one language version with the Template ID option as hsm_id', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { success: true });
		const { items, error } = await runWhatsApp({
			resource: 'template',
			operation: 'delete',
			templateName: 'order_confirmation',
			options: { templateId: '1407680676729941' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].method).toBe('DELETE');
		expect(splitUrl(gateway.requests[0].url)).toEqual({
			base: TEMPLATES,
			query: { name: 'order_confirmation', hsm_id: '1407680676729941' },
		});
		expect(items.map((item) => item.json)).toEqual([{ success: true }]);
	});

	it('sends no hsm_id when the Template ID option is added but left empty', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { success: true });
		const { error } = await runWhatsApp({
			resource: 'template',
			operation: 'delete',
			templateName: 'order_confirmation',
			options: { templateId: '' },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests[0].url).toBe(`${TEMPLATES}?name=order_confirmation`);
	});

	it("uses the node's business account ID over the credential's, and the node's connection", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { success: true }).reply(200, { success: true });
		const credentials = matonCredentials({ connectionId: 'credential-default' });
		await runWhatsApp(
			{
				resource: 'template',
				operation: 'delete',
				businessAccountId: '998877665544332',
				templateName: 'order_confirmation',
				matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID },
			},
			{ credentials },
		);
		await runWhatsApp(
			{ resource: 'template', operation: 'delete', templateName: 'order_confirmation' },
			{ credentials },
		);
		expect(gateway.requests.map((request) => [request.url, request.headers['maton-connection']])).toEqual([
			[`${GRAPH}/998877665544332/message_templates?name=order_confirmation`, CONNECTION_ID],
			[`${TEMPLATES}?name=order_confirmation`, 'credential-default'],
		]);
	});

	it('fails without a request when neither the node nor the credential names a business account', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const { items, error } = await runWhatsApp(
			{ resource: 'template', operation: 'delete', templateName: 'order_confirmation' },
			{ credentials: matonCredentials({ businessAccountId: '' }) },
		);
		expectInputError(error, /^WhatsApp Business Account ID is empty/);
		expect(items).toEqual([]);
		expect(gateway.requests).toHaveLength(0);
	});

	it('refuses an empty template name from an expression, without a request', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const { items, error } = await runWhatsApp(
			{ resource: 'template', operation: 'delete', templateName: '={{ $json.template }}' },
			{ input: [{ json: {} }] },
		);
		expectInputError(error, /^Template Name is empty/);
		expect(items).toEqual([]);
		expect(gateway.requests).toHaveLength(0);
	});
});
