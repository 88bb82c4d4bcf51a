/**
 * The local Maton sandbox (sandbox/server.js): a real HTTP server on a random 127.0.0.1 port,
 * driven with Node's fetch.
 */
import { startSandbox, type SandboxHandle } from '../../sandbox/server';

const KEY = 'sandbox-key';
const VERSION = 'v25.0';

interface GraphErrorBody {
	error: {
		message: string;
		type: string;
		code: number;
		error_subcode?: number;
		error_data: { details: string };
		fbtrace_id: string;
	};
}

let sandbox: SandboxHandle;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, rateLimitPerSecond: 0 });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => sandbox.reset());

const authorised = (headers: Record<string, string> = {}, key = KEY) => ({
	Authorization: `Bearer ${key}`,
	...headers,
});

async function call(
	path: string,
	init: { method?: string; body?: unknown; headers?: Record<string, string>; key?: string } = {},
) {
	const hasJson = init.body !== undefined && !(init.body instanceof FormData);
	const response = await fetch(`${sandbox.url}${path}`, {
		method: init.method ?? 'GET',
		headers: authorised(hasJson ? { 'Content-Type': 'application/json', ...init.headers } : init.headers, init.key),
		body: hasJson ? JSON.stringify(init.body) : (init.body as FormData | undefined),
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// HTML or text
	}
	return { status: response.status, headers: response.headers, body: body as Record<string, unknown> };
}

const graph = (path: string) => `/whatsapp-business/${VERSION}${path}`;
const sendMessage = (body: unknown, headers?: Record<string, string>) =>
	call(graph(`/${sandbox.ids.phoneNumberId}/messages`), { method: 'POST', body, headers });

const text = (body = 'Hello', to = '15551234567') => ({
	messaging_product: 'whatsapp',
	to,
	type: 'text',
	text: { body },
});

function expectGraphError(result: { status: number; body: unknown }, code: number): GraphErrorBody['error'] {
	expect(result.status).toBe(400);
	const { error } = result.body as GraphErrorBody;
	expect(error).toMatchObject({ type: 'OAuthException', code });
	expect(typeof error.message).toBe('string');
	expect(typeof error.error_data.details).toBe('string');
	expect(error.fbtrace_id).toMatch(/^[\w-]{10,}$/);
	return error;
}

describe('auth', () => {
	it('answers 401 with a JSON error without a key or with a wrong one, on both APIs', async () => {
		const missing = await fetch(`${sandbox.url}/connections`);
		expect(missing.status).toBe(401);
		expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/API key/);

		const wrong = await call(graph(`/${sandbox.ids.phoneNumberId}`), { key: 'not-the-key' });
		expect(wrong.status).toBe(401);
		expect(wrong.body).toEqual({ error: expect.objectContaining({ status: 401, message: 'Invalid API key' }) });

		const right = await call('/connections');
		expect(right.status).toBe(200);
	});

	it('accepts any of the configured keys', async () => {
		const other = await startSandbox({ port: 0, apiKeys: ['key-a', 'key-b'] });
		try {
			for (const [key, status] of [['key-a', 200], ['key-b', 200], [KEY, 401]] as const) {
				const response = await fetch(`${other.url}/connections`, { headers: authorised({}, key) });
				expect(response.status).toBe(status);
			}
		} finally {
			await other.close();
		}
	});
});

describe('connections', () => {
	it('starts with one ACTIVE connection, used when no Maton-Connection header is sent', async () => {
		const list = await call('/connections?app=whatsapp-business&status=ACTIVE');
		expect(list.body).toEqual({
			connections: [expect.objectContaining({ connection_id: sandbox.ids.connectionId, status: 'ACTIVE' })],
		});
		const phone = await call(graph(`/${sandbox.ids.phoneNumberId}`));
		expect(phone.status).toBe(200);
		expect(sandbox.state.requests.at(-1)?.connectionId).toBe(sandbox.ids.connectionId);
	});

	it('creates a PENDING connection whose url, once opened, makes it ACTIVE', async () => {
		const created = await call('/connections', { method: 'POST', body: { app: 'whatsapp-business' } });
		expect(created.status).toBe(200);
		const connection = created.body.connection as Record<string, unknown>;
		const id = connection.connection_id as string;
		expect(connection).toEqual({
			connection_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			status: 'PENDING',
			creation_time: expect.any(String),
			last_updated_time: expect.any(String),
			url: `${sandbox.url}/connect/${id}`,
			app: 'whatsapp-business',
			method: 'OAUTH2',
			metadata: {},
		});

		// Not usable while PENDING.
		const early = await call(graph(`/${sandbox.ids.phoneNumberId}`), { headers: { 'Maton-Connection': id } });
		expect(early.status).toBe(400);
		expect(JSON.stringify(early.body)).toMatch(/PENDING/);

		const page = await fetch(connection.url as string);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/text\/html/);
		expect(await page.text()).toMatch(/Connected/);

		const fetched = await call(`/connections/${id}`);
		expect(fetched.body).toEqual({ connection: expect.objectContaining({ connection_id: id, status: 'ACTIVE' }) });

		const used = await call(graph(`/${sandbox.ids.phoneNumberId}`), { headers: { 'Maton-Connection': id } });
		expect(used.status).toBe(200);
		expect(sandbox.state.requests.at(-1)?.connectionId).toBe(id);

		const pending = await call('/connections?status=PENDING');
		expect(pending.body).toEqual({ connections: [] });
	});

	it('answers 400 for an unknown connection and when none is ACTIVE; 404 for a deleted one', async () => {
		const unknown = await call(graph(`/${sandbox.ids.phoneNumberId}`), { headers: { 'Maton-Connection': 'nope' } });
		expect(unknown.status).toBe(400);

		const deleted = await call(`/connections/${sandbox.ids.connectionId}`, { method: 'DELETE' });
		expect(deleted.status).toBe(200);
		expect((await call(`/connections/${sandbox.ids.connectionId}`)).status).toBe(404);

		const none = await call(graph(`/${sandbox.ids.phoneNumberId}`));
		expect(none.status).toBe(400);
		expect((none.body.error as { message: string }).message).toMatch(/No active connection/);
	});
});

describe('messages', () => {
	it('answers a text message the way Graph does', async () => {
		const sent = await sendMessage(text('Hello', '+1 (555) 123-4567'));
		expect(sent.status).toBe(200);
		expect(sent.body).toEqual({
			messaging_product: 'whatsapp',
			contacts: [{ input: '+1 (555) 123-4567', wa_id: '15551234567' }],
			messages: [{ id: expect.stringMatching(/^wamid\.[A-Za-z0-9+/]+$/) }],
		});
		expect(sandbox.state.messages).toEqual([
			expect.objectContaining({ type: 'text', to: '15551234567', phoneNumberId: sandbox.ids.phoneNumberId }),
		]);
	});

	it.each([
		['no messaging_product', { to: '15551234567', type: 'text', text: { body: 'x' } }, 100],
		['a bad recipient', { ...text(), to: '0044 7700 900' }, 131009],
		['letters in the recipient', { ...text(), to: 'abc1234567' }, 131009],
		['an unknown type', { messaging_product: 'whatsapp', to: '15551234567', type: 'hologram' }, 131051],
		['an empty text', text(''), 100],
		['a text over 4096 characters', text('x'.repeat(4097)), 100],
		['an image without link or id', { ...text(), type: 'image', image: { caption: 'hi' } }, 131008],
		['an image with an unknown media id', { ...text(), type: 'image', image: { id: '999' } }, 100],
		[
			'four reply buttons',
			{
				...text(),
				type: 'interactive',
				interactive: {
					type: 'button',
					body: { text: 'Pick one' },
					action: { buttons: [1, 2, 3, 4].map((n) => ({ type: 'reply', reply: { id: `b${n}`, title: `B${n}` } })) },
				},
			},
			131009,
		],
		[
			'a list with 11 rows',
			{
				...text(),
				type: 'interactive',
				interactive: {
					type: 'list',
					body: { text: 'Pick one' },
					action: {
						button: 'Options',
						sections: [
							{ title: 'A', rows: Array.from({ length: 6 }, (_, n) => ({ id: `a${n}`, title: `A${n}` })) },
							{ title: 'B', rows: Array.from({ length: 5 }, (_, n) => ({ id: `b${n}`, title: `B${n}` })) },
						],
					},
				},
			},
			131009,
		],
		['an unknown template', { ...text(), type: 'template', template: { name: 'no_such', language: { code: 'en_US' } } }, 132001],
		[
			'a template missing a parameter',
			{
				...text(),
				type: 'template',
				template: {
					name: 'order_shipped',
					language: { code: 'en_US' },
					components: [
						{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/a.jpg' } }] },
						{ type: 'body', parameters: [{ type: 'text', text: 'Anna' }] },
						{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '10245' }] },
					],
				},
			},
			132000,
		],
		[
			'a parameter for a template without placeholders',
			{
				...text(),
				type: 'template',
				template: { name: 'hello_world', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }] },
			},
			132000,
		],
		['a reaction with two emojis', { ...text(), type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍👍' } }, 131009],
		['an undeliverable recipient', text('Hi', '15550000026'), 131026],
	])('refuses %s', async (_label, body, code) => {
		const result = await sendMessage(body);
		expectGraphError(result, code);
		expect(sandbox.state.messages).toEqual([]);
	});

	it('accepts a template with exactly its placeholders, numbered or named', async () => {
		const shipped = await sendMessage({
			...text(),
			type: 'template',
			template: {
				name: 'order_shipped',
				language: { code: 'en_US' },
				components: [
					{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/a.jpg' } }] },
					{ type: 'body', parameters: [{ type: 'text', text: 'Anna' }, { type: 'text', text: '10245' }] },
					{ type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: '10245' }] },
				],
			},
		});
		expect(shipped.status).toBe(200);
		expect(shipped.body.messages).toEqual([{ id: expect.stringMatching(/^wamid\./), message_status: 'accepted' }]);

		const named = await sendMessage({
			...text(),
			type: 'template',
			template: {
				name: 'appointment_reminder',
				language: { code: 'en_US' },
				components: [
					{
						type: 'body',
						parameters: [
							{ type: 'text', parameter_name: 'customer_name', text: 'Anna' },
							{ type: 'text', parameter_name: 'appointment_date', text: 'May 5' },
						],
					},
				],
			},
		});
		expect(named.status).toBe(200);

		const hello = await sendMessage({ ...text(), type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
		expect(hello.status).toBe(200);
	});

	it('marks as read (with a typing indicator) and sends reactions', async () => {
		const read = await sendMessage({
			messaging_product: 'whatsapp',
			status: 'read',
			message_id: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI',
			typing_indicator: { type: 'text' },
		});
		expect(read).toMatchObject({ status: 200, body: { success: true } });

		const reaction = await sendMessage({ ...text(), type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '👍' } });
		expect(reaction.status).toBe(200);
		const removal = await sendMessage({ ...text(), type: 'reaction', reaction: { message_id: 'wamid.X', emoji: '' } });
		expect(removal.status).toBe(200);
	});

	it('answers 400 code 100 for a phone number id it does not know', async () => {
		const result = await call(graph('/123/messages'), { method: 'POST', body: text() });
		expect(expectGraphError(result, 100).error_subcode).toBe(33);
	});
});

describe('media', () => {
	it('uploads a multipart file, describes it, deletes it', async () => {
		const form = new FormData();
		form.append('messaging_product', 'whatsapp');
		form.append('type', 'image/png');
		form.append('file', new Blob([Buffer.from('not really a png')], { type: 'image/png' }), 'photo.png');
		const uploaded = await call(graph(`/${sandbox.ids.phoneNumberId}/media`), { method: 'POST', body: form });
		expect(uploaded.status).toBe(200);
		const id = uploaded.body.id as string;
		expect(id).toMatch(/^\d{15,17}$/);

		const described = await call(graph(`/${id}`));
		expect(described.body).toEqual({
			messaging_product: 'whatsapp',
			url: expect.stringContaining(sandbox.url),
			mime_type: 'image/png',
			sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
			file_size: 16,
			id,
		});
		expect(sandbox.state.requests.find((entry) => entry.method === 'POST')?.body).toEqual({
			fields: { messaging_product: 'whatsapp', type: 'image/png' },
			files: [expect.objectContaining({ field: 'file', filename: 'photo.png', size: 16 })],
		});

		expect((await call(graph(`/${id}`), { method: 'DELETE' })).body).toEqual({ success: true });
		expectGraphError(await call(graph(`/${id}`)), 100);
	});

	it('refuses an upload without the file or of a type WhatsApp does not take', async () => {
		const noFile = new FormData();
		noFile.append('messaging_product', 'whatsapp');
		noFile.append('type', 'image/png');
		expectGraphError(await call(graph(`/${sandbox.ids.phoneNumberId}/media`), { method: 'POST', body: noFile }), 100);

		const gif = new FormData();
		gif.append('messaging_product', 'whatsapp');
		gif.append('type', 'image/gif');
		gif.append('file', new Blob([Buffer.from('GIF89a')], { type: 'image/gif' }), 'a.gif');
		expectGraphError(await call(graph(`/${sandbox.ids.phoneNumberId}/media`), { method: 'POST', body: gif }), 131053);
	});
});

describe('templates', () => {
	const templatesPath = () => graph(`/${sandbox.ids.businessAccountId}/message_templates`);

	it('pages with limit and the after cursor; next is an absolute graph.facebook.com URL, absent on the last page', async () => {
		const first = await call(`${templatesPath()}?limit=100&fields=name,language,status`);
		expect(first.status).toBe(200);
		const firstData = first.body.data as Array<Record<string, string>>;
		const paging = first.body.paging as { cursors: { before: string; after: string }; next?: string };
		expect(firstData).toHaveLength(100);
		expect(Object.keys(firstData[0]).sort()).toEqual(['id', 'language', 'name', 'status']);
		expect(paging.next).toMatch(/^https:\/\/graph\.facebook\.com\/v25\.0\/102290129340398\/message_templates\?/);
		expect(new URL(paging.next as string).searchParams.get('after')).toBe(paging.cursors.after);

		const second = await call(`${templatesPath()}?limit=100&fields=name,language,status&after=${encodeURIComponent(paging.cursors.after)}`);
		const secondData = second.body.data as Array<Record<string, string>>;
		expect(secondData.length).toBeGreaterThan(0);
		expect(secondData.length).toBeLessThan(100);
		expect((second.body.paging as { next?: string }).next).toBeUndefined();
		const ids = new Set([...firstData, ...secondData].map((template) => template.id));
		expect(ids.size).toBe(firstData.length + secondData.length);
		expect(sandbox.state.templates).toHaveLength(ids.size);
	});

	it('has the seeded named templates and filters by name, status and language', async () => {
		const result = await call(`${templatesPath()}?name=order_shipped`);
		expect(result.body.data).toEqual([
			expect.objectContaining({
				name: 'order_shipped',
				language: 'en_US',
				status: 'APPROVED',
				components: expect.arrayContaining([
					expect.objectContaining({ type: 'HEADER', format: 'IMAGE' }),
					expect.objectContaining({ type: 'BODY', text: 'Hi {{1}}, your order #{{2}} is on its way!' }),
				]),
			}),
		]);
		const pending = await call(`${templatesPath()}?status=PENDING&limit=500`);
		expect((pending.body.data as Array<{ status: string }>).every((template) => template.status === 'PENDING')).toBe(true);
		const spanish = await call(`${templatesPath()}?language=es&limit=500`);
		expect((spanish.body.data as Array<{ language: string }>).every((template) => template.language === 'es')).toBe(true);
	});

	it('creates a PENDING template, refuses bad names, deletes by name', async () => {
		const created = await call(templatesPath(), {
			method: 'POST',
			body: {
				name: 'order_confirmation',
				language: 'en_US',
				category: 'UTILITY',
				components: [{ type: 'BODY', text: 'Hi {{1}}, your order is confirmed.', example: { body_text: [['Anna']] } }],
			},
		});
		expect(created.body).toEqual({ id: expect.stringMatching(/^\d+$/), status: 'PENDING', category: 'UTILITY' });

		const badName = await call(templatesPath(), {
			method: 'POST',
			body: { name: 'Order Confirmation', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi' }] },
		});
		expectGraphError(badName, 100);

		const deleted = await call(`${templatesPath()}?name=order_confirmation`, { method: 'DELETE' });
		expect(deleted.body).toEqual({ success: true });
		expectGraphError(await call(`${templatesPath()}?name=order_confirmation`, { method: 'DELETE' }), 100);
	});
});

describe('phone numbers and business profile', () => {
	it('gets a phone number with chosen fields and lists the business account’s numbers', async () => {
		const phone = await call(graph(`/${sandbox.ids.phoneNumberId}?fields=display_phone_number,quality_rating`));
		expect(phone.body).toEqual({ display_phone_number: '+1 555-010-0001', quality_rating: 'GREEN', id: sandbox.ids.phoneNumberId });
		const list = await call(graph(`/${sandbox.ids.businessAccountId}/phone_numbers?limit=2`));
		expect(list.body.data).toHaveLength(2);
		expect((list.body.paging as { next?: string }).next).toBeDefined();
	});

	it('reads and updates the profile within WhatsApp’s limits', async () => {
		const path = graph(`/${sandbox.ids.phoneNumberId}/whatsapp_business_profile`);
		expectGraphError(await call(path, { method: 'POST', body: { messaging_product: 'whatsapp', about: 'x'.repeat(140) } }), 100);
		expectGraphError(
			await call(path, { method: 'POST', body: { messaging_product: 'whatsapp', websites: ['https://a.example', 'https://b.example', 'https://c.example'] } }),
			100,
		);
		const updated = await call(path, { method: 'POST', body: { messaging_product: 'whatsapp', about: 'Open 9-5', vertical: 'RETAIL' } });
		expect(updated.body).toEqual({ success: true });
		const profile = await call(`${path}?fields=about,vertical`);
		expect(profile.body).toEqual({ data: [{ about: 'Open 9-5', vertical: 'RETAIL', messaging_product: 'whatsapp' }] });
	});
});

describe('account discovery (GET /me)', () => {
	const DISCOVERY_FIELDS =
		'businesses{id,name,owned_whatsapp_business_accounts{id,name},client_whatsapp_business_accounts{id,name}}';
	const discovery = (fields = DISCOVERY_FIELDS) => call(graph(`/me?fields=${encodeURIComponent(fields)}`));

	it("lists the token user's business with the business account it owns, in the asked fields only", async () => {
		const result = await discovery();
		expect(result.status).toBe(200);
		expect(result.body.id).toMatch(/^\d+$/);
		expect(result.body.name).toBeUndefined();
		const businesses = result.body.businesses as { data: Array<Record<string, unknown>> };
		expect(businesses.data).toHaveLength(1);
		expect(businesses.data[0]).toEqual({
			id: sandbox.ids.businessId,
			name: 'Sandbox Holdings',
			owned_whatsapp_business_accounts: {
				data: [{ id: sandbox.ids.businessAccountId, name: 'Sandbox Business' }],
				paging: { cursors: { before: expect.any(String), after: expect.any(String) } },
			},
			client_whatsapp_business_accounts: { data: [] },
		});
	});

	it('drops modifiers such as .limit(100) and answers the default fields of a nested account', async () => {
		const result = await discovery('businesses.limit(100){owned_whatsapp_business_accounts.limit(100)}');
		const [business] = (result.body.businesses as { data: Array<Record<string, { data: unknown[] }>> }).data;
		expect(business.owned_whatsapp_business_accounts.data).toEqual([
			expect.objectContaining({ id: sandbox.ids.businessAccountId, name: 'Sandbox Business', currency: 'USD' }),
		]);
		expect(business.name).toBeUndefined();
	});

	it('answers the user alone without fields, and refuses a field the user does not have (100)', async () => {
		expect((await call(graph('/me'))).body).toEqual({ name: 'Sandbox Owner', id: expect.stringMatching(/^\d+$/) });
		expectGraphError(await discovery('businesses{id,phone_numbers}'), 100);
		expectGraphError(await discovery('email'), 100);
	});

	it('refuses businesses with Graph error 200 when the token lacks business_management, until reset', async () => {
		const denied = await fetch(`${sandbox.url}/__sandbox/discovery`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ access: 'denied' }),
		});
		expect(await denied.json()).toMatchObject({ access: 'denied' });
		const error = expectGraphError(await discovery(), 200);
		expect(error.message).toMatch(/business_management/);
		expect((await call(graph('/me'))).status).toBe(200);
		sandbox.reset();
		expect((await discovery()).status).toBe(200);
	});

	it('refuses an access value it does not know', async () => {
		const response = await fetch(`${sandbox.url}/__sandbox/discovery`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ access: 'maybe' }),
		});
		expect(response.status).toBe(400);
	});
});

describe('rate limit', () => {
	it('answers 429 with Retry-After: 1 above the limit per key, and recovers after a second', async () => {
		const limited = await startSandbox({ port: 0, rateLimitPerSecond: 3 });
		try {
			const hit = () =>
				fetch(`${limited.url}/whatsapp-business/${VERSION}/${limited.ids.phoneNumberId}`, { headers: authorised() });
			const statuses: number[] = [];
			let refused: Response | undefined;
			for (let index = 0; index < 5; index++) {
				const response = await hit();
				statuses.push(response.status);
				if (response.status === 429) refused = response;
				else await response.arrayBuffer();
			}
			expect(statuses).toEqual([200, 200, 200, 429, 429]);
			expect(refused?.headers.get('retry-after')).toBe('1');
			const body = (await refused?.json()) as GraphErrorBody;
			expect([4, 80007]).toContain(body.error.code);

			await new Promise((resolve) => setTimeout(resolve, 1050));
			expect((await hit()).status).toBe(200);
		} finally {
			await limited.close();
		}
	});
});

describe('fault injection', () => {
	it('applies queued faults to the next gateway requests in order', async () => {
		const queued = await fetch(`${sandbox.url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify([
				{ status: 500, body: { error: { message: 'boom' } } },
				{ status: 429, headers: { 'retry-after': '0' } },
				{ reset: true },
				{ delayMs: 300 },
			]),
		});
		expect(await queued.json()).toEqual({ queued: 4, pending: 4 });
		const phonePath = graph(`/${sandbox.ids.phoneNumberId}`);

		// Control API calls are not touched by gateway faults.
		expect((await call('/connections')).status).toBe(200);

		expect(await call(phonePath)).toMatchObject({ status: 500, body: { error: { message: 'boom' } } });

		const tooMany = await call(phonePath);
		expect(tooMany.status).toBe(429);
		expect(tooMany.headers.get('retry-after')).toBe('0');
		expect((tooMany.body as unknown as GraphErrorBody).error.code).toBe(80007);

		await expect(fetch(`${sandbox.url}${phonePath}`, { headers: authorised() })).rejects.toThrow();

		// The delayed answer comes after a control API call made once it was sent (control calls
		// are not delayed): an order of events, not a measured time.
		const answered: string[] = [];
		const lateCall = call(phonePath).then((answer) => {
			answered.push('delayed gateway call');
			return answer;
		});
		expect((await call('/connections')).status).toBe(200);
		answered.push('control call');
		const late = await lateCall;
		expect(answered).toEqual(['control call', 'delayed gateway call']);
		expect(late.status).toBe(200);

		expect(sandbox.state.faults).toEqual([]);
		expect((await call(phonePath)).status).toBe(200);
	});

	it('refuses an invalid fault and drops a delayed answer on close', async () => {
		const invalid = await fetch(`${sandbox.url}/__sandbox/faults`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify([{ status: 'soon' }]),
		});
		expect(invalid.status).toBe(400);

		const other = await startSandbox({ port: 0 });
		// The longest delay a fault may have: were close() to wait for it, the test would time out.
		other.injectFaults({ delayMs: 600_000 });
		const pending = fetch(`${other.url}/whatsapp-business/${VERSION}/${other.ids.phoneNumberId}`, { headers: authorised() });
		await new Promise((resolve) => setTimeout(resolve, 50));
		await other.close();
		await expect(pending).rejects.toThrow();
	});
});

describe('request log and reset', () => {
	it('logs every request with its parsed body and the Authorization value masked', async () => {
		await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
		await sendMessage(text('Logged'), { 'Maton-Connection': sandbox.ids.connectionId });
		await call('/connections?app=whatsapp-business');

		const response = await fetch(`${sandbox.url}/__sandbox/requests`);
		const raw = await response.text();
		expect(raw).not.toContain(KEY);
		const { requests } = JSON.parse(raw) as { requests: Array<Record<string, unknown>> };
		expect(requests).toEqual([
			expect.objectContaining({
				api: 'gateway',
				method: 'POST',
				path: `/whatsapp-business/${VERSION}/${sandbox.ids.phoneNumberId}/messages`,
				graphPath: `/${sandbox.ids.phoneNumberId}/messages`,
				version: VERSION,
				body: text('Logged'),
				status: 200,
				connectionId: sandbox.ids.connectionId,
				headers: expect.objectContaining({ authorization: 'Bearer ***', 'maton-connection': sandbox.ids.connectionId }),
			}),
			expect.objectContaining({ api: 'control', method: 'GET', path: '/connections', query: { app: 'whatsapp-business' } }),
		]);

		await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
		expect(await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()).toEqual({ requests: [] });
	});

	it('POST /__sandbox/reset restores the seed', async () => {
		await call(`/connections/${sandbox.ids.connectionId}`, { method: 'DELETE' });
		await call(graph(`/${sandbox.ids.businessAccountId}/message_templates?name=hello_world`), { method: 'DELETE' });
		const reset = await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
		expect(reset.status).toBe(200);
		expect((await call(`/connections/${sandbox.ids.connectionId}`)).status).toBe(200);
		const hello = await call(graph(`/${sandbox.ids.businessAccountId}/message_templates?name=hello_world`));
		expect(hello.body.data).toHaveLength(1);
	});
});
