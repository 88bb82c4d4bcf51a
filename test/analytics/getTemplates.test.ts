import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { BUSINESS_ACCOUNT_ID, GATEWAY_ORIGIN, GRAPH, expectAuthorised, fakeApi, runWhatsApp } from '../fixture';
import { splitUrl } from '../assertions';
import { itRefusesEach } from '../refusal';
import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { DAY_SECONDS, daysAgo, isoOf } from './period';

const ACCOUNT = `${GRAPH}/${BUSINESS_ACCOUNT_ID}`;
const START = daysAgo(7);
const END = daysAgo(6);
const AUTHENTICATION_TEMPLATE = '1421988012088524';
const MARKETING_TEMPLATE = '2632273056924580';

const templates = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'analytics',
	operation: 'getTemplates',
	startDate: START.iso,
	endDate: END.iso,
	templateIds: [AUTHENTICATION_TEMPLATE, MARKETING_TEMPLATE],
	...extra,
});

/** Meta's answer, as its Analytics page shows it for these two templates. */
const answer = {
	template_analytics: {
		data: [
			{
				granularity: 'DAILY',
				data_points: [
					{
						template_id: AUTHENTICATION_TEMPLATE,
						start: START.seconds,
						end: END.seconds,
						sent: 1,
						delivered: 1,
						read: 1,
						cost: [
							{ type: 'amount_spent', value: 0.01 },
							{ type: 'cost_per_delivered', value: 0.01 },
						],
					},
					{
						template_id: MARKETING_TEMPLATE,
						start: START.seconds,
						end: END.seconds,
						sent: 1,
						delivered: 1,
						read: 1,
						clicked: [
							{ type: 'quick_reply_button', button_content: 'Contact Support', count: 108 },
							{ type: 'unique_url_button', button_content: 'Tell me more', count: 16 },
						],
						cost: [
							{ type: 'amount_spent', value: 0.03 },
							{ type: 'cost_per_delivered', value: 0.03 },
							{ type: 'cost_per_url_button_click', value: 0.03 },
						],
					},
				],
			},
		],
		paging: { cursors: { before: 'MAZDZD', after: 'MjQZD' } },
	},
	id: BUSINESS_ACCOUNT_ID,
};

describe('Analytics › Get Template Analytics', () => {
	it('asks for the template_analytics field per day for the templates, one item per template and day', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, answer);
		const { items, error } = await runWhatsApp(templates());
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('GET');
		expect(splitUrl(request.url)).toEqual({
			base: ACCOUNT,
			query: {
				fields:
					`template_analytics.start(${START.seconds}).end(${END.seconds}).granularity(DAILY)` +
					`.template_ids([${AUTHENTICATION_TEMPLATE},${MARKETING_TEMPLATE}])`,
			},
		});
		expectAuthorised(request);
		const times = { start: START.seconds, end: END.seconds, start_time: START.iso, end_time: END.iso };
		expect(items.map((item) => item.json)).toEqual([
			{
				business_account_id: BUSINESS_ACCOUNT_ID,
				granularity: 'DAILY',
				template_id: AUTHENTICATION_TEMPLATE,
				...times,
				sent: 1,
				delivered: 1,
				read: 1,
				amount_spent: 0.01,
				cost_per_delivered: 0.01,
			},
			{
				business_account_id: BUSINESS_ACCOUNT_ID,
				granularity: 'DAILY',
				template_id: MARKETING_TEMPLATE,
				...times,
				sent: 1,
				delivered: 1,
				read: 1,
				clicked: [
					{ type: 'quick_reply_button', button_content: 'Contact Support', count: 108 },
					{ type: 'unique_url_button', button_content: 'Tell me more', count: 16 },
				],
				amount_spent: 0.03,
				cost_per_delivered: 0.03,
				cost_per_url_button_click: 0.03,
			},
		]);
	});

	it('takes template IDs from one text or an expression, and sends the metrics asked for', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: BUSINESS_ACCOUNT_ID });
		const { error } = await runWhatsApp(
			templates({
				templateIds: `={{ ["${AUTHENTICATION_TEMPLATE}, ${MARKETING_TEMPLATE}", ${AUTHENTICATION_TEMPLATE}] }}`,
				filters: { metricTypes: ['SENT', 'READ', 'CLICKED'] },
			}),
		);
		expect(error).toBeUndefined();
		expect(splitUrl(gateway.requests[0].url).query.fields).toBe(
			`template_analytics.start(${START.seconds}).end(${END.seconds}).granularity(DAILY)` +
				`.template_ids([${AUTHENTICATION_TEMPLATE},${MARKETING_TEMPLATE}]).metric_types(["SENT","READ","CLICKED"])`,
		);
	});

	it('says how to confirm template analytics when Graph refuses them', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(400, {
			error: {
				message: '(#100) Template analytics are not enabled for this WhatsApp Business Account',
				type: 'OAuthException',
				code: 100,
				fbtrace_id: 'AbCdEfGhIjKlMnOpQrStUvWxYz0',
			},
		});
		const { error } = await runWhatsApp(templates());
		expect(error?.message).toMatch(/Template analytics are not enabled/);
		expect(error?.description).toMatch(/is_enabled_for_insights=true/);
		expect(error?.description).toMatch(/WhatsApp Manager/);
	});

	it('says which permission to ask for when the connection lacks it', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(403, {
			error: { message: '(#200) Permissions error', type: 'OAuthException', code: 200 },
		});
		const { error } = await runWhatsApp(templates());
		expect(error?.description).toMatch(/whatsapp_business_management/);
	});
});

describe('bad inputs', () => {
	const elevenIds = Array.from({ length: 11 }, (_, index) => String(1407680676729000 + index));
	itRefusesEach([
		{
			name: 'no template IDs',
			parameters: templates({ templateIds: '={{ [] }}' }),
			message: /^Template IDs is empty$/,
			field: 'Template IDs',
		},
		{
			name: 'a template name where its ID belongs',
			parameters: templates({ templateIds: ['order_shipped'] }),
			message: /^Template IDs "order_shipped": a template ID has only digits$/,
			field: 'Template IDs',
		},
		{
			name: 'more than 10 templates',
			parameters: templates({ templateIds: elevenIds }),
			message: /^Template IDs has 11 templates; WhatsApp reports at most 10 per request$/,
			field: 'Template IDs',
		},
		{
			name: 'a Start more than 90 days ago',
			parameters: templates({ startDate: daysAgo(91).iso }),
			message: /^Start \(.+\) is more than 90 days ago; WhatsApp keeps these analytics for 90 days$/,
			field: 'Start',
		},
		{
			name: 'End before Start',
			parameters: templates({ startDate: END.iso, endDate: START.iso }),
			message: /^End \(.+\) is not after Start/,
			field: 'End',
		},
		{
			name: 'a metric Meta does not have',
			parameters: templates({ filters: { metricTypes: '={{ ["REPLIED"] }}' } }),
			message: /^Metrics has "REPLIED", which is not one of CLICKED, COST, DELIVERED, READ, SENT$/,
			field: 'Metrics',
		},
	]);
});

describe('against the sandbox', () => {
	let sandbox: SandboxHandle;

	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		sandbox = await startSandbox({ port: 0, rateLimitPerSecond: 0 });
	});

	afterAll(async () => {
		await sandbox.close();
	});

	beforeEach(() => sandbox.reset());

	const templateId = (name: string) => sandbox.state.templates.find((entry) => entry.data.name === name)?.data.id ?? '';

	it("gets each day of a template with a URL button: its clicks and cost per click", async () => {
		const { items, error } = await runWhatsApp(
			templates({ startDate: daysAgo(3).iso, endDate: daysAgo(1).iso, templateIds: [templateId('order_shipped')] }),
			{ credentials: sandbox.credentials() },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.start_time)).toEqual([daysAgo(3).iso, isoOf(daysAgo(3).seconds + DAY_SECONDS)]);
		for (const { json } of items) {
			expect(json).toMatchObject({ template_id: templateId('order_shipped'), granularity: 'DAILY' });
			expect(json.clicked).toEqual([expect.objectContaining({ type: 'unique_url_button', button_content: 'Track order' })]);
			expect(json.cost_per_url_button_click).toEqual(expect.any(Number));
		}
	});

	it('without template analytics confirmed, fails with the hint', async () => {
		const account = sandbox.state.businessAccounts.get(sandbox.ids.businessAccountId);
		if (account) account.is_enabled_for_insights = false;
		const { error } = await runWhatsApp(templates({ templateIds: [templateId('hello_world')] }), {
			credentials: sandbox.credentials(),
		});
		expect(error?.message).toMatch(/Template analytics are not enabled/);
		expect(error?.description).toMatch(/is_enabled_for_insights=true/);
	});
});
