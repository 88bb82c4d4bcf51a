import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import {
	BUSINESS_ACCOUNT_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	expectAuthorised,
	fakeApi,
	matonCredentials,
	runWhatsApp,
} from '../fixture';
import { splitUrl } from '../assertions';
import { itRefusesEach } from '../refusal';
import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { toUnixSeconds } from '../../nodes/WhatsAppMaton/resources/analytics/common';
import { DAY_SECONDS, daysAgo, isoOf } from './period';

const ACCOUNT = `${GRAPH}/${BUSINESS_ACCOUNT_ID}`;
const START = daysAgo(3);
const END = daysAgo(1);

const messaging = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'analytics',
	operation: 'getMessaging',
	startDate: START.iso,
	endDate: END.iso,
	granularity: 'DAY',
	...extra,
});

/** Meta's answer (its Analytics page's example, with this test's days). */
const answer = {
	analytics: {
		phone_numbers: ['16505550111', '16505550112'],
		country_codes: ['US', 'BR'],
		granularity: 'DAY',
		data_points: [
			{ start: START.seconds, end: START.seconds + DAY_SECONDS, sent: 196093, delivered: 179715 },
			{ start: START.seconds + DAY_SECONDS, end: END.seconds, sent: 147649, delivered: 139032 },
		],
	},
	id: BUSINESS_ACCOUNT_ID,
};

describe('Analytics › Get Messaging Analytics', () => {
	it('asks for the analytics field of the account with start, end and granularity, one item per data point', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, answer);
		const { items, error } = await runWhatsApp(messaging());
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('GET');
		expect(splitUrl(request.url)).toEqual({
			base: ACCOUNT,
			query: { fields: `analytics.start(${START.seconds}).end(${END.seconds}).granularity(DAY)` },
		});
		expectAuthorised(request);
		expect(request.body).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{
				business_account_id: BUSINESS_ACCOUNT_ID,
				granularity: 'DAY',
				phone_numbers: ['16505550111', '16505550112'],
				country_codes: ['US', 'BR'],
				start: START.seconds,
				end: START.seconds + DAY_SECONDS,
				start_time: START.iso,
				end_time: isoOf(START.seconds + DAY_SECONDS),
				sent: 196093,
				delivered: 179715,
			},
			{
				business_account_id: BUSINESS_ACCOUNT_ID,
				granularity: 'DAY',
				phone_numbers: ['16505550111', '16505550112'],
				country_codes: ['US', 'BR'],
				start: START.seconds + DAY_SECONDS,
				end: END.seconds,
				start_time: isoOf(START.seconds + DAY_SECONDS),
				end_time: END.iso,
				sent: 147649,
				delivered: 139032,
			},
		]);
	});

	it('sends the filters in the fields syntax: phone numbers and countries quoted, message types as numbers', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: BUSINESS_ACCOUNT_ID });
		const { items, error } = await runWhatsApp(
			messaging({
				granularity: 'HALF_HOUR',
				filters: {
					phoneNumbers: ['+1 650-555-0111', '16505550112, 16505550111'],
					countryCodes: ['us', 'BR'],
					productTypes: [0, 2],
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(splitUrl(gateway.requests[0].url).query.fields).toBe(
			`analytics.start(${START.seconds}).end(${END.seconds}).granularity(HALF_HOUR)` +
				'.phone_numbers(["16505550111","16505550112"]).country_codes(["US","BR"]).product_types([0,2])',
		);
		// An answer without data points (Graph leaves the field out): no items.
		expect(items).toEqual([]);
	});

	it('reads Start and End given by expressions as UNIX seconds, milliseconds or a date', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, answer);
		const { error } = await runWhatsApp(
			messaging({
				startDate: `={{ ${START.seconds} }}`,
				endDate: `={{ new Date(${END.seconds * 1000}) }}`,
				granularity: 'MONTH',
			}),
		);
		expect(error).toBeUndefined();
		expect(splitUrl(gateway.requests[0].url).query.fields).toBe(
			`analytics.start(${START.seconds}).end(${END.seconds}).granularity(MONTH)`,
		);
	});

	it("uses the node's business account and connection", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { ...answer, id: '998877665544332' });
		const { items, error } = await runWhatsApp(
			messaging({ businessAccountId: { __rl: true, mode: 'id', value: '998877665544332' } }),
			{ credentials: matonCredentials({ connectionId: 'credential-default' }) },
		);
		expect(error).toBeUndefined();
		expect(splitUrl(gateway.requests[0].url).base).toBe(`${GRAPH}/998877665544332`);
		expect(gateway.requests[0].headers['maton-connection']).toBe('credential-default');
		expect(items[0].json.business_account_id).toBe('998877665544332');
	});

	it('says which permission to ask for when the connection lacks it', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(403, {
			error: {
				message: '(#200) Requires whatsapp_business_management permission to manage the object',
				type: 'OAuthException',
				code: 200,
				fbtrace_id: 'AbCdEfGhIjKlMnOpQrStUvWxYz0',
			},
		});
		const { error } = await runWhatsApp(messaging());
		expect(gateway.requests).toHaveLength(1);
		expect(error?.message).toMatch(/Requires whatsapp_business_management permission/);
		expect(error?.description).toMatch(/Ask Maton for a WhatsApp Business connection granted whatsapp_business_management/);
	});
});

describe('Start and End', () => {
	it("reads the editor's date and time in the workflow's time zone", () => {
		// 09:30 in Berlin in winter is 08:30 UTC; in summer 07:30 UTC.
		expect(toUnixSeconds('2026-01-15T09:30:00', 'Europe/Berlin')).toEqual({ ok: true, seconds: Date.UTC(2026, 0, 15, 8, 30) / 1000 });
		expect(toUnixSeconds('2026-07-15T09:30:00', 'Europe/Berlin')).toEqual({ ok: true, seconds: Date.UTC(2026, 6, 15, 7, 30) / 1000 });
		expect(toUnixSeconds('2026-07-15', 'UTC')).toEqual({ ok: true, seconds: Date.UTC(2026, 6, 15) / 1000 });
	});

	it('reads a value that names its zone, UNIX seconds and milliseconds as they are', () => {
		expect(toUnixSeconds('2026-07-15T09:30:00+02:00', 'America/New_York')).toEqual({ ok: true, seconds: Date.UTC(2026, 6, 15, 7, 30) / 1000 });
		expect(toUnixSeconds('2026-07-15T09:30:00.000Z', 'Europe/Berlin')).toEqual({ ok: true, seconds: Date.UTC(2026, 6, 15, 9, 30) / 1000 });
		expect(toUnixSeconds(1784100000, 'Europe/Berlin')).toEqual({ ok: true, seconds: 1784100000 });
		expect(toUnixSeconds('1784100000123', 'Europe/Berlin')).toEqual({ ok: true, seconds: 1784100000 });
		expect(toUnixSeconds({ toMillis: () => 1784100000500 }, 'UTC')).toEqual({ ok: true, seconds: 1784100000 });
	});

	it('refuses what is not a date', () => {
		expect(toUnixSeconds('2026-02-30', 'UTC')).toMatchObject({ ok: false });
		expect(toUnixSeconds('last week', 'UTC')).toMatchObject({ ok: false });
		expect(toUnixSeconds(['2026-01-01'], 'UTC')).toMatchObject({ ok: false, reason: 'must be a date and time, got an array' });
	});
});

describe('bad inputs', () => {
	itRefusesEach([
		{ name: 'no Start', parameters: messaging({ startDate: '={{ "" }}' }), message: /^Start is empty$/, field: 'Start' },
		{ name: 'no End', parameters: messaging({ endDate: '={{ "" }}' }), message: /^End is empty$/, field: 'End' },
		{
			name: 'a Start that is not a date',
			parameters: messaging({ startDate: '={{ "last week" }}' }),
			message: /^Start "last week" is not a date and time/,
			field: 'Start',
		},
		{
			name: 'End before Start',
			parameters: messaging({ startDate: END.iso, endDate: START.iso }),
			message: /^End \(.+\) is not after Start \(.+\)$/,
			field: 'End',
		},
		{
			name: 'End equal to Start',
			parameters: messaging({ endDate: START.iso }),
			message: /is not after Start/,
			field: 'End',
		},
		{
			name: 'a Start more than a year ago',
			parameters: messaging({ startDate: daysAgo(367).iso }),
			message: /^Start \(.+\) is more than 365 days ago; WhatsApp keeps these analytics for 365 days$/,
			field: 'Start',
		},
		{
			name: 'a granularity of another field (pricing says DAILY)',
			parameters: messaging({ granularity: '={{ "DAILY" }}' }),
			message: /^Granularity "DAILY" is not one of HALF_HOUR, DAY, MONTH$/,
			field: 'Granularity',
		},
		{
			name: 'a phone number with letters',
			parameters: messaging({ filters: { phoneNumbers: ['1650555O111'] } }),
			message: /^Phone Numbers "1650555O111" has characters other than digits$/,
			field: 'Phone Numbers',
		},
		{
			name: 'a phone number too short',
			parameters: messaging({ filters: { phoneNumbers: ['12345'] } }),
			message: /^Phone Numbers "12345" has 5 digits/,
			field: 'Phone Numbers',
		},
		{
			name: 'a country code of three letters',
			parameters: messaging({ filters: { countryCodes: ['USA'] } }),
			message: /^Country Codes "USA" is not a two-letter country code$/,
			field: 'Country Codes',
		},
		{
			name: 'a message type Meta does not have',
			parameters: messaging({ filters: { productTypes: '={{ [0, 1] }}' } }),
			message: /^Message Types has 1, which is not one of 0, 2, 100$/,
			field: 'Message Types',
		},
		{
			name: 'an account ID that is not digits',
			parameters: messaging({ businessAccountId: { __rl: true, mode: 'id', value: '={{ "../me" }}' } }),
			message: /^WhatsApp Business Account/,
			field: 'WhatsApp Business Account',
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

	it('gets one item per day for the business number asked for', async () => {
		const { items, error } = await runWhatsApp(
			messaging({ filters: { phoneNumbers: ['+1 555-010-0001'], countryCodes: ['US'] } }),
			{ credentials: sandbox.credentials() },
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.start_time, item.json.end_time])).toEqual([
			[START.iso, isoOf(START.seconds + DAY_SECONDS)],
			[isoOf(START.seconds + DAY_SECONDS), END.iso],
		]);
		for (const { json } of items) {
			expect(json).toMatchObject({
				business_account_id: sandbox.ids.businessAccountId,
				granularity: 'DAY',
				phone_numbers: ['15550100001'],
				country_codes: ['US'],
			});
			expect(json.sent).toEqual(expect.any(Number));
			expect(json.delivered as number).toBeLessThanOrEqual(json.sent as number);
		}
	});
});
