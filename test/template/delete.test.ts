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
import { DISCOVERY_FIELDS } from '../../nodes/WhatsAppMaton/shared/account/discovery';
import { splitUrl } from '../assertions';
import { expectRefusedBeforeSending, itRefusesEach } from '../refusal';

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

	it('without a business account ID, finds none through the Maton connection and says what to enter, sending nothing else', async () => {
		const { gatewayRequests } = await expectRefusedBeforeSending({
			parameters: { resource: 'template', operation: 'delete', templateName: 'order_confirmation' },
			credentials: matonCredentials({ businessAccountId: '' }),
			discovery: { status: 200, body: { id: '10229837465019283', businesses: { data: [] } } },
			message: /^No WhatsApp Business Account ID, and the Maton connection reaches no business account$/,
			field: 'WhatsApp Business Account ID',
			description:
				/Default WhatsApp Business Account ID of the Maton API credential\. Find it in Meta Business Suite › Settings › Accounts › WhatsApp accounts/,
		});
		// One discovery per run (stopping, then Continue On Fail), asking for exactly these fields.
		const discovery = ['GET', { base: `${GRAPH}/me`, query: { fields: DISCOVERY_FIELDS } }];
		expect(gatewayRequests.map((request) => [request.method, splitUrl(request.url)])).toEqual([discovery, discovery]);
	});

	it('refuses an empty template name from an expression, without a request', async () => {
		await expectRefusedBeforeSending({
			parameters: { resource: 'template', operation: 'delete', templateName: '={{ $json.template }}' },
			message: /^Template Name is empty/,
			field: 'Template Name',
		});
	});
});

describe('bad inputs', () => {
	// Templates › Delete (name=X, optional hsm_id) and List (filters, statuses)
	itRefusesEach([
		{
			name: 'delete: a template name left blank by its expression',
			parameters: { resource: 'template', operation: 'delete', templateName: '={{ $json.name }}' },
			message: /^Template Name is empty/,
			field: 'Template Name',
		},
	]);
});
