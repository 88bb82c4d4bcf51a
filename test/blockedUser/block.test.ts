import type { INodeParameters } from 'n8n-workflow';

import {
	CONNECTION_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	expectAuthorised,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { itRefusesEach } from '../refusal';

const BLOCK_USERS = `${GRAPH}/${PHONE_NUMBER_ID}/block_users`;

const block = (users: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'blockedUser',
	operation: 'block',
	phoneNumberId: phoneNumberById(),
	users,
	...extra,
});

const added = (...numbers: string[]) => numbers.map((number) => ({ input: number, wa_id: number }));

/** Graph's answer when some users could not be blocked (HTTP 400, error 139100). */
const partialFailure = {
	messaging_product: 'whatsapp',
	block_users: {
		added_users: added('15551234567'),
		failed_users: [
			{
				input: '15550000047',
				wa_id: '15550000047',
				errors: [
					{
						message: 'Re-engagement required',
						code: 131047,
						error_data: { details: 'User has not messaged in the last 24 hours' },
					},
				],
			},
		],
	},
	error: {
		message: '(#139100) Failed to block/unblock users',
		type: 'OAuthException',
		code: 139100,
		error_data: { details: 'Failed to block some users, see the block_users response list for details' },
		fbtrace_id: 'AbCdEfGhIjKlMnOpQrStUvWxYz0',
	},
};

describe('Blocked User › Block', () => {
	it('posts the normalised numbers to /{phone-number-id}/block_users and outputs one item per user', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, {
			messaging_product: 'whatsapp',
			block_users: { added_users: added('15551234567', '447700900123') },
		});
		const { items, error } = await runWhatsApp(block('+1 (555) 123-4567,\n 44 7700 900123 '));
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(BLOCK_USERS);
		expectAuthorised(request);
		expect(request.headers['maton-connection']).toBeUndefined();
		expect(request.body).toEqual({
			messaging_product: 'whatsapp',
			block_users: [{ user: '15551234567' }, { user: '447700900123' }],
		});
		expect(items.map((item) => item.json)).toEqual([
			{ input: '15551234567', wa_id: '15551234567', status: 'blocked' },
			{ input: '447700900123', wa_id: '447700900123', status: 'blocked' },
		]);
		// Each user's item comes from the one input item.
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('takes a list from an expression (numbers as text or as numbers) and the Maton connection', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, {
			messaging_product: 'whatsapp',
			block_users: { added_users: added('15551234567', '15557654321') },
		});
		const { error } = await runWhatsApp(
			block('={{ $json.spammers }}', { matonConnection: { __rl: true, mode: 'id', value: CONNECTION_ID } }),
			{ input: [{ json: { spammers: ['+1 555 123 4567', 15557654321] } }] },
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			block_users: [{ user: '15551234567' }, { user: '15557654321' }],
		});
		expect(gateway.requests[0].headers['maton-connection']).toBe(CONNECTION_ID);
	});

	it('on a partial failure (139100) outputs the blocked users and the failed ones with their error, not an error item', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(400, partialFailure);
		const { items, error } = await runWhatsApp(block('15551234567, 15550000047'));
		expect(error).toBeUndefined();
		// Not retried: the answer is final.
		expect(gateway.requests).toHaveLength(1);
		expect(items.map((item) => item.json)).toEqual([
			{ input: '15551234567', wa_id: '15551234567', status: 'blocked' },
			{
				input: '15550000047',
				wa_id: '15550000047',
				status: 'failed',
				error: {
					message: 'Re-engagement required',
					code: 131047,
					details: 'User has not messaged in the last 24 hours',
					hint: 'WhatsApp blocks only users who wrote to this business in the last 24 hours (or the number is not a WhatsApp user): block them once they write again.',
				},
			},
		]);
	});

	it('reports a failed user without wa_id (an invalid number) and with a code given as text', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(400, {
			...partialFailure,
			block_users: {
				failed_users: [{ input: '15550000000', errors: [{ message: 'Invalid user', code: '131047' }] }],
			},
		});
		const { items, error } = await runWhatsApp(block('15550000000'));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{
				input: '15550000000',
				status: 'failed',
				error: { message: 'Invalid user', code: 131047, hint: expect.any(String) as unknown },
			},
		]);
	});

	it('fails the item with Graph\'s error when the whole request is refused (no block_users in the answer)', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(400, {
			error: { message: '(#139101) Blocklist limit reached', type: 'OAuthException', code: 139101, fbtrace_id: 'Ab1' },
		});
		const { items, error } = await runWhatsApp(block('15551234567'));
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/Blocklist limit reached/);
		expect(error?.description).toMatch(/blocklist is full \(64,000 users\)/);
	});

	it('fails the item when a 139100 answer lists no users', async () => {
		const withoutResults: Record<string, unknown> = { ...partialFailure };
		delete withoutResults.block_users;
		fakeApi(GATEWAY_ORIGIN).reply(400, withoutResults);
		const { error } = await runWhatsApp(block('15551234567'));
		expect(error?.message).toMatch(/Failed to block\/unblock users/);
	});

	it('accepts exactly 1,000 users', async () => {
		const numbers = Array.from({ length: 1000 }, (_, index) => String(15550001000 + index));
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, {
			messaging_product: 'whatsapp',
			block_users: { added_users: added(...numbers) },
		});
		const { items, error } = await runWhatsApp(block(numbers.join('\n')));
		expect(error).toBeUndefined();
		expect((gateway.requests[0].body as { block_users: unknown[] }).block_users).toHaveLength(1000);
		expect(items).toHaveLength(1000);
	});

	describe('bad inputs', () => {
		itRefusesEach([
			{
				name: 'no users',
				parameters: block('  '),
				message: /^Users is empty/,
				field: 'Users',
			},
			{
				name: 'only separators',
				parameters: block(' , \n ;'),
				message: /^Users is empty/,
				field: 'Users',
			},
			{
				name: 'an empty list from an expression',
				parameters: block('={{ [] }}'),
				message: /^Users is empty/,
				field: 'Users',
			},
			{
				name: 'not a number',
				parameters: block('15551234567, jane@example.com'),
				message: /^Users entry 2 "jane@example\.com" has characters other than digits/,
				field: 'Users',
			},
			{
				name: 'a number too short',
				parameters: block('123-456'),
				message: /^Users entry 1 "123-456" has 6 digits; WhatsApp wants 7 to 15/,
				field: 'Users',
			},
			{
				name: 'a leading 00',
				parameters: block('0044 7700 900123'),
				message: /^Users entry 1 "0044 7700 900123" starts with 00/,
				field: 'Users',
			},
			{
				name: 'the same user twice, once normalised',
				parameters: block('15551234567\n+1 555 123 4567'),
				message: /^Users has 15551234567 twice \("15551234567" and "\+1 555 123 4567"\)/,
				field: 'Users',
			},
			{
				name: '1,001 users',
				parameters: block(Array.from({ length: 1001 }, (_, index) => String(15550001000 + index)).join(',')),
				message: /^Users has 1,001 numbers; WhatsApp takes at most 1,000 in one request/,
				field: 'Users',
			},
			{
				name: 'an object in the list',
				parameters: block('={{ ["15551234567", { phone: "15557654321" }] }}'),
				message: /^Users entry 2 must be text, got an object/,
				field: 'Users',
			},
			{
				name: 'an object instead of text or a list',
				parameters: block('={{ { phone: "15551234567" } }}'),
				message: /must be text, got an object/,
				field: 'Users',
			},
			{
				name: 'a phone number ID that is not digits (a path from an expression)',
				parameters: block('15551234567', { phoneNumberId: phoneNumberById('={{ "../me" }}') }),
				message: /^Business Phone Number "\.\.\/me": a phone number ID has only digits/,
				field: 'Business Phone Number',
			},
			{
				name: 'an empty phone number ID',
				parameters: block('15551234567', { phoneNumberId: phoneNumberById('={{ $json.phone }}') }),
				message: /^Business Phone Number is empty/,
				field: 'Business Phone Number',
			},
		]);
	});
});
