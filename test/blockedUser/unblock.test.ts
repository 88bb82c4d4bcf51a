import type { INodeParameters } from 'n8n-workflow';

import { GATEWAY_ORIGIN, GRAPH, PHONE_NUMBER_ID, expectAuthorised, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';
import { itRefusesEach } from '../refusal';

const BLOCK_USERS = `${GRAPH}/${PHONE_NUMBER_ID}/block_users`;

const unblock = (users: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'blockedUser',
	operation: 'unblock',
	phoneNumberId: phoneNumberById(),
	users,
	...extra,
});

const users = (...numbers: string[]) => numbers.map((number) => ({ input: number, wa_id: number }));

describe('Blocked User › Unblock', () => {
	it('deletes the normalised numbers from /{phone-number-id}/block_users and outputs one item per user', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, {
			messaging_product: 'whatsapp',
			block_users: { removed_users: users('15551234567', '447700900123') },
		});
		const { items, error } = await runWhatsApp(unblock('+1 555-123-4567; +44 7700 900123'));
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('DELETE');
		expect(request.url).toBe(BLOCK_USERS);
		expectAuthorised(request);
		expect(request.body).toEqual({
			messaging_product: 'whatsapp',
			block_users: [{ user: '15551234567' }, { user: '447700900123' }],
		});
		expect(items.map((item) => item.json)).toEqual([
			{ input: '15551234567', wa_id: '15551234567', status: 'unblocked' },
			{ input: '447700900123', wa_id: '447700900123', status: 'unblocked' },
		]);
	});

	it('reads users listed as added_users too (the shape of a block answer)', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, { messaging_product: 'whatsapp', block_users: { added_users: users('15551234567') } });
		const { items } = await runWhatsApp(unblock('15551234567'));
		expect(items.map((item) => item.json)).toEqual([{ input: '15551234567', wa_id: '15551234567', status: 'unblocked' }]);
	});

	it('on a partial failure (139100) outputs the unblocked users and the failed ones with their error', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(400, {
			messaging_product: 'whatsapp',
			block_users: {
				removed_users: users('15551234567'),
				failed_users: [
					{ input: '15557654321', wa_id: '15557654321', errors: [{ message: 'Internal error', code: 139103, error_data: { details: 'Please try again' } }] },
				],
			},
			error: { message: '(#139100) Failed to block/unblock users', type: 'OAuthException', code: 139100, fbtrace_id: 'Ab1' },
		});
		const { items, error } = await runWhatsApp(unblock('15551234567\n15557654321'));
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		expect(items.map((item) => item.json)).toEqual([
			{ input: '15551234567', wa_id: '15551234567', status: 'unblocked' },
			{
				input: '15557654321',
				wa_id: '15557654321',
				status: 'failed',
				error: { message: 'Internal error', code: 139103, details: 'Please try again' },
			},
		]);
	});

	it('with Continue On Fail, a refused request is an error item of its own', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(400, {
			error: { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100, fbtrace_id: 'Ab1' },
		});
		const { items, error } = await runWhatsApp(unblock('15551234567'), { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toMatch(/Invalid parameter/);
	});

	describe('bad inputs', () => {
		itRefusesEach([
			{
				name: 'no users once the expression is resolved',
				parameters: unblock('={{ $json.numbers }}'),
				message: /^Users is empty/,
				field: 'Users',
			},
			{
				name: 'not a number',
				parameters: unblock('call me'),
				message: /^Users entry 1 "call me" has characters other than digits/,
				field: 'Users',
			},
			{
				name: 'the same user twice',
				parameters: unblock('={{ ["447700900123", "+44 7700 900123"] }}'),
				message: /^Users has 447700900123 twice/,
				field: 'Users',
			},
			{
				name: '1,001 users',
				parameters: unblock(`={{ Array.from({ length: 1001 }, (_, i) => String(15550001000 + i)) }}`),
				message: /^Users has 1,001 numbers; WhatsApp takes at most 1,000 in one request/,
				field: 'Users',
			},
			{
				name: 'a phone number ID that is not digits',
				parameters: unblock('15551234567', { phoneNumberId: phoneNumberById('={{ "+1 555 0100" }}') }),
				message: /^Business Phone Number "\+1 555 0100": a phone number ID has only digits/,
				field: 'Business Phone Number',
			},
		]);
	});
});
