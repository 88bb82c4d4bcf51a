import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { BUSINESS_ACCOUNT_ID, GATEWAY_ORIGIN, GRAPH, expectAuthorised, fakeApi, runWhatsApp } from '../fixture';
import { splitUrl } from '../assertions';
import { itRefusesEach } from '../refusal';
import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { DAY_SECONDS, daysAgo, isoOf } from './period';

const ACCOUNT = `${GRAPH}/${BUSINESS_ACCOUNT_ID}`;
const START = daysAgo(30);
const END = daysAgo(0);

const pricing = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'analytics',
	operation: 'getPricing',
	startDate: START.iso,
	endDate: END.iso,
	granularity: 'DAILY',
	...extra,
});

const day = (offset: number) => START.seconds + offset * DAY_SECONDS;

/** Meta's answer, as its Analytics page shows it (data points grouped under `data`). */
const answer = {
	pricing_analytics: {
		data: [
			{
				data_points: [
					{ start: day(0), end: day(1), country: 'IN', pricing_type: 'FREE_CUSTOMER_SERVICE', pricing_category: 'SERVICE', volume: 2, cost: 0 },
					{ start: day(0), end: day(1), country: 'US', tier: '0:MAX', pricing_type: 'REGULAR', pricing_category: 'MARKETING', volume: 4, cost: 40 },
				],
			},
		],
	},
	id: BUSINESS_ACCOUNT_ID,
};

describe('Analytics › Get Pricing Analytics', () => {
	it('asks for the pricing_analytics field with start, end and granularity, one item per data point', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, answer);
		const { items, error } = await runWhatsApp(pricing());
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('GET');
		expect(splitUrl(request.url)).toEqual({
			base: ACCOUNT,
			query: { fields: `pricing_analytics.start(${START.seconds}).end(${END.seconds}).granularity(DAILY)` },
		});
		expectAuthorised(request);
		expect(items.map((item) => item.json)).toEqual([
			{
				business_account_id: BUSINESS_ACCOUNT_ID,
				start: day(0),
				end: day(1),
				start_time: START.iso,
				end_time: isoOf(day(1)),
				country: 'IN',
				pricing_type: 'FREE_CUSTOMER_SERVICE',
				pricing_category: 'SERVICE',
				volume: 2,
				cost: 0,
			},
			{
				business_account_id: BUSINESS_ACCOUNT_ID,
				start: day(0),
				end: day(1),
				start_time: START.iso,
				end_time: isoOf(day(1)),
				country: 'US',
				tier: '0:MAX',
				pricing_type: 'REGULAR',
				pricing_category: 'MARKETING',
				volume: 4,
				cost: 40,
			},
		]);
	});

	it('sends the breakdowns and filters in the fields syntax', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { pricing_analytics: { data: [{ data_points: [] }] }, id: BUSINESS_ACCOUNT_ID });
		const { items, error } = await runWhatsApp(
			pricing({
				granularity: 'MONTHLY',
				filters: {
					dimensions: ['PRICING_CATEGORY', 'PRICING_TYPE', 'COUNTRY', 'PHONE'],
					phoneNumbers: ['16505550111'],
					countryCodes: ['in'],
					pricingCategories: ['MARKETING', 'UTILITY'],
					pricingTypes: ['REGULAR'],
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(splitUrl(gateway.requests[0].url).query.fields).toBe(
			`pricing_analytics.start(${START.seconds}).end(${END.seconds}).granularity(MONTHLY)` +
				'.phone_numbers(["16505550111"]).country_codes(["IN"])' +
				'.pricing_categories(["MARKETING","UTILITY"]).pricing_types(["REGULAR"])' +
				'.dimensions(["PRICING_CATEGORY","PRICING_TYPE","COUNTRY","PHONE"])',
		);
		expect(items).toEqual([]);
	});

	it('says which permission to ask for when the connection lacks it', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(400, {
			error: { message: '(#10) Application does not have permission for this action', type: 'OAuthException', code: 10 },
		});
		const { error } = await runWhatsApp(pricing());
		expect(error?.description).toMatch(/whatsapp_business_management/);
	});
});

describe('bad inputs', () => {
	itRefusesEach([
		{
			name: 'End before Start',
			parameters: pricing({ startDate: END.iso, endDate: START.iso }),
			message: /^End \(.+\) is not after Start/,
			field: 'End',
		},
		{
			name: 'a Start more than a year ago',
			parameters: pricing({ startDate: daysAgo(400).iso }),
			message: /^Start \(.+\) is more than 365 days ago/,
			field: 'Start',
		},
		{
			name: "messaging's granularity (DAY, where pricing says DAILY)",
			parameters: pricing({ granularity: '={{ "DAY" }}' }),
			message: /^Granularity "DAY" is not one of HALF_HOUR, DAILY, MONTHLY$/,
			field: 'Granularity',
		},
		{
			name: 'a breakdown Meta does not have',
			parameters: pricing({ filters: { dimensions: '={{ ["CONVERSATION_TYPE"] }}' } }),
			message: /^Break Down By has "CONVERSATION_TYPE", which is not one of COUNTRY, PHONE, PRICING_CATEGORY, PRICING_TYPE, TIER$/,
			field: 'Break Down By',
		},
		{
			name: 'a pricing category Meta does not have',
			parameters: pricing({ filters: { pricingCategories: '={{ ["PROMOTION"] }}' } }),
			message: /^Pricing Categories has "PROMOTION"/,
			field: 'Pricing Categories',
		},
		{
			name: 'a pricing type Meta does not have',
			parameters: pricing({ filters: { pricingTypes: '={{ ["FREE_TIER"] }}' } }),
			message: /^Pricing Types has "FREE_TIER"/,
			field: 'Pricing Types',
		},
		{
			name: 'a phone number ID where the number belongs',
			parameters: pricing({ filters: { phoneNumbers: ['106540352242922x'] } }),
			message: /^Phone Numbers "106540352242922x" has characters other than digits$/,
			field: 'Phone Numbers',
		},
		{
			name: 'a country name instead of its code',
			parameters: pricing({ filters: { countryCodes: ['Brazil'] } }),
			message: /^Country Codes "Brazil" is not a two-letter country code$/,
			field: 'Country Codes',
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

	it('breaks each day down by pricing category: service messages cost nothing', async () => {
		const { items, error } = await runWhatsApp(
			pricing({
				startDate: daysAgo(2).iso,
				endDate: daysAgo(0).iso,
				filters: { dimensions: ['PRICING_CATEGORY'], pricingCategories: ['MARKETING', 'SERVICE'] },
			}),
			{ credentials: sandbox.credentials() },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.start_time, item.json.pricing_category])).toEqual([
			[daysAgo(2).iso, 'MARKETING'],
			[daysAgo(2).iso, 'SERVICE'],
			[daysAgo(1).iso, 'MARKETING'],
			[daysAgo(1).iso, 'SERVICE'],
		]);
		for (const { json } of items) {
			expect(json.volume).toEqual(expect.any(Number));
			if (json.pricing_category === 'SERVICE') expect(json.cost).toBe(0);
			else expect(json.cost as number).toBeGreaterThan(0);
		}
	});
});
