/**
 * The sandbox (sandbox/messages.js) knows the message shapes and rules added with issue 8
 * (docs/whatsapp-rules.md): voice notes, media headers on reply buttons and CTA URL messages,
 * echoed IDs without surrounding spaces, a contact name part besides formatted_name, and the
 * template limits on body parameters and coupon codes. A real server on a random loopback port.
 */
import { startSandbox, type SandboxHandle } from '../../sandbox/server';

const KEY = 'sandbox-key';

let sandbox: SandboxHandle;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0, rateLimitPerSecond: 0 });
});

afterAll(async () => {
	await sandbox.close();
});

beforeEach(() => sandbox.reset());

interface Answer {
	messages?: unknown[];
	error?: { code: number };
}

async function sendMessage(body: Record<string, unknown>): Promise<{ status: number; body: Answer }> {
	const response = await fetch(`${sandbox.url}/whatsapp-business/v25.0/${sandbox.ids.phoneNumberId}/messages`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '15551234567', ...body }),
	});
	return { status: response.status, body: (await response.json()) as Answer };
}

const buttons = (id = 'yes') => ({
	buttons: [
		{ type: 'reply', reply: { id, title: 'Yes' } },
		{ type: 'reply', reply: { id: 'no', title: 'No' } },
	],
});
const ctaAction = { name: 'cta_url', parameters: { display_text: 'Track', url: 'https://example.com/t' } };
const welcomeOffer = (body: string, coupon: string) => ({
	type: 'template',
	template: {
		name: 'welcome_offer',
		language: { code: 'en_US' },
		components: [
			{ type: 'header', parameters: [{ type: 'text', text: 'Anna' }] },
			{ type: 'body', parameters: [{ type: 'text', text: body }] },
			{ type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'coupon_code', coupon_code: coupon }] },
		],
	},
});

describe('sandbox › WhatsApp rules of issue 8', () => {
	it.each([
		['a voice note', { type: 'audio', audio: { link: 'https://example.com/a.ogg', voice: true } }],
		[
			'reply buttons with an image header',
			{
				type: 'interactive',
				interactive: {
					type: 'button',
					header: { type: 'image', image: { link: 'https://example.com/a.jpg' } },
					body: { text: 'Pick' },
					action: buttons(),
				},
			},
		],
		[
			'a CTA URL message with a document header',
			{
				type: 'interactive',
				interactive: {
					type: 'cta_url',
					header: { type: 'document', document: { link: 'https://example.com/a.pdf' } },
					body: { text: 'Your invoice' },
					action: ctaAction,
				},
			},
		],
		['a contact with a formatted name and a suffix', { type: 'contacts', contacts: [{ name: { formatted_name: 'Acme', suffix: 'Inc.' } }] }],
		['a 1,024-character body parameter and a 15-character coupon', welcomeOffer('x'.repeat(1024), 'WINTER2026SALE1')],
	])('accepts %s', async (_label, body) => {
		const sent = await sendMessage(body);
		expect(sent.status).toBe(200);
		expect(sent.body.messages).toHaveLength(1);
	});

	it.each([
		['voice on an image', { type: 'image', image: { link: 'https://example.com/a.jpg', voice: true } }, 100],
		['a voice flag that is not a boolean', { type: 'audio', audio: { link: 'https://example.com/a.ogg', voice: 'yes' } }, 100],
		['a button ID with a leading space', { type: 'interactive', interactive: { type: 'button', body: { text: 'Pick' }, action: buttons(' yes') } }, 100],
		[
			'a list row ID with a trailing space',
			{
				type: 'interactive',
				interactive: {
					type: 'list',
					body: { text: 'Pick' },
					action: { button: 'Options', sections: [{ rows: [{ id: 'a ', title: 'A' }] }] },
				},
			},
			100,
		],
		['a contact with only a formatted name', { type: 'contacts', contacts: [{ name: { formatted_name: 'Acme' } }] }, 131008],
		['a 1,025-character body parameter in a template with other components', welcomeOffer('x'.repeat(1025), '25OFF'), 132005],
		['a 16-character coupon code', welcomeOffer('10%', 'WINTER2026SALE16'), 100],
	])('refuses %s', async (_label, body, code) => {
		const refused = await sendMessage(body);
		expect(refused.status).toBe(400);
		expect(refused.body.error?.code).toBe(code);
		expect(sandbox.state.messages).toEqual([]);
	});
});
