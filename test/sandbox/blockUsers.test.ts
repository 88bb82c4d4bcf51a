/**
 * The sandbox's Block Users API (sandbox/blockUsers.js), and the node's Blocked User operations
 * against it through n8n's engine: block, list, a partial failure, unblock.
 */
import nock from 'nock';

import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { runWhatsApp } from '../fixture';

let sandbox: SandboxHandle;

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ port: 0, rateLimitPerSecond: 0 });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => sandbox.reset());

interface Answer {
	block_users?: Record<string, Array<{ input: string; wa_id?: string; errors?: Array<{ code: number }> }>>;
	data?: Array<{ wa_id: string }>;
	paging?: { cursors: { after: string }; next?: string };
	error?: { code: number };
}

async function blockUsers(method: string, body?: unknown, query = ''): Promise<{ status: number; body: Answer }> {
	const response = await fetch(`${sandbox.url}/whatsapp-business/v25.0/${sandbox.ids.phoneNumberId}/block_users${query}`, {
		method,
		headers: { Authorization: `Bearer ${sandbox.apiKey}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Answer };
}

const request = (...users: string[]) => ({ messaging_product: 'whatsapp', block_users: users.map((user) => ({ user })) });

describe('sandbox › block_users', () => {
	it('blocks, lists with cursors, unblocks; blocking twice changes nothing', async () => {
		expect(await blockUsers('POST', request('+1 555 123 4567', '447700900123'))).toEqual({
			status: 200,
			body: {
				messaging_product: 'whatsapp',
				block_users: {
					added_users: [
						{ input: '+1 555 123 4567', wa_id: '15551234567' },
						{ input: '447700900123', wa_id: '447700900123' },
					],
				},
			},
		});
		expect((await blockUsers('POST', request('15551234567'))).status).toBe(200);
		const first = await blockUsers('GET', undefined, '?limit=1');
		expect(first.body.data).toEqual([{ messaging_product: 'whatsapp', wa_id: '15551234567' }]);
		expect(first.body.paging?.next).toMatch(/^https:\/\/graph\.facebook\.com\//);
		const second = await blockUsers('GET', undefined, `?limit=1&after=${first.body.paging?.cursors.after}`);
		expect(second.body.data).toEqual([{ messaging_product: 'whatsapp', wa_id: '447700900123' }]);
		expect(second.body.paging?.next).toBeUndefined();
		const removed = await blockUsers('DELETE', request('15551234567'));
		expect(removed).toEqual({
			status: 200,
			body: { messaging_product: 'whatsapp', block_users: { removed_users: [{ input: '15551234567', wa_id: '15551234567' }] } },
		});
		expect((await blockUsers('GET')).body.data).toEqual([{ messaging_product: 'whatsapp', wa_id: '447700900123' }]);
	});

	it("fails a user who has not written in 24 hours, an invalid number and the business's own number one by one (139100)", async () => {
		const answer = await blockUsers('POST', request('15551234567', '15550000047', 'abc', '+1 555-010-0001'));
		expect(answer.status).toBe(400);
		expect(answer.body.error?.code).toBe(139100);
		expect(answer.body.block_users?.added_users).toEqual([{ input: '15551234567', wa_id: '15551234567' }]);
		expect(answer.body.block_users?.failed_users?.map((user) => [user.input, user.wa_id, user.errors?.[0].code])).toEqual([
			['15550000047', '15550000047', 131047],
			['abc', undefined, 131047],
			['+1 555-010-0001', '15550100001', 131021],
		]);
		expect((await blockUsers('GET')).body.data).toEqual([{ messaging_product: 'whatsapp', wa_id: '15551234567' }]);
	});

	it('refuses a request without users, with more than 1,000, or without messaging_product (100)', async () => {
		expect((await blockUsers('POST', request())).body.error?.code).toBe(100);
		const many = Array.from({ length: 1001 }, (_, index) => String(15550001000 + index));
		expect((await blockUsers('POST', request(...many))).body.error?.code).toBe(100);
		expect((await blockUsers('POST', { block_users: [{ user: '15551234567' }] })).body.error?.code).toBe(100);
	});

	it("the node blocks, reports a partial failure per user, lists and unblocks against it", async () => {
		const credentials = sandbox.credentials();
		const phoneNumberId = { __rl: true, mode: 'id', value: sandbox.ids.phoneNumberId };
		const blocked = await runWhatsApp(
			{ resource: 'blockedUser', operation: 'block', phoneNumberId, users: '+1 555 123 4567, 15550000047' },
			{ credentials },
		);
		expect(blocked.error).toBeUndefined();
		expect(blocked.items.map((item) => [item.json.input, item.json.status, (item.json.error as { code?: number } | undefined)?.code])).toEqual([
			['15551234567', 'blocked', undefined],
			['15550000047', 'failed', 131047],
		]);
		const listed = await runWhatsApp({ resource: 'blockedUser', operation: 'list', phoneNumberId, returnAll: true }, { credentials });
		expect(listed.items.map((item) => item.json)).toEqual([{ messaging_product: 'whatsapp', wa_id: '15551234567' }]);
		const unblocked = await runWhatsApp(
			{ resource: 'blockedUser', operation: 'unblock', phoneNumberId, users: '15551234567' },
			{ credentials },
		);
		expect(unblocked.items.map((item) => item.json)).toEqual([{ input: '15551234567', wa_id: '15551234567', status: 'unblocked' }]);
	});
});
