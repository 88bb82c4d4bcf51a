/**
 * QR codes against the local Maton sandbox (sandbox/qrCodes.js): created, read, listed, updated
 * and deleted by the node through n8n's engine as Graph would answer them, and the image
 * downloaded from the sandbox's stand-in for Meta's CDN, whose origin only this test allows.
 */
import nock from 'nock';

import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { extraQrImageOrigins } from '../../nodes/WhatsAppMaton/resources/qrCode/create';
import { phoneNumberById, runWhatsApp } from '../fixture';

let sandbox: SandboxHandle;

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ port: 0, rateLimitPerSecond: 0 });
});

afterAll(async () => {
	extraQrImageOrigins.length = 0;
	await sandbox.close();
});

beforeEach(() => {
	sandbox.reset();
	extraQrImageOrigins.length = 0;
});

const qr = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'qrCode',
	operation,
	phoneNumberId: phoneNumberById(sandbox.ids.phoneNumberId),
	...extra,
});

describe('QR codes against the sandbox', () => {
	it('creates with the image downloaded, reads, lists, updates and deletes a QR code', async () => {
		extraQrImageOrigins.push(new URL(sandbox.url).origin);
		const credentials = sandbox.credentials();
		const created = await runWhatsApp(qr('create', { prefilledMessage: 'Cyber Monday', imageFormat: 'PNG' }), { credentials });
		expect(created.error).toBeUndefined();
		const code = String(created.items[0].json.code);
		expect(code).toMatch(/^[A-Z0-9]{14}$/);
		expect(created.items[0].json).toEqual({
			code,
			prefilled_message: 'Cyber Monday',
			deep_link_url: `https://wa.me/message/${code}`,
			qr_image_url: `${sandbox.url}/__sandbox/qr/${code}.png`,
		});
		expect(created.items[0].binary?.data).toMatchObject({ mimeType: 'image/png', fileName: `${code}.png` });

		const updated = await runWhatsApp(qr('update', { qrCode: code, prefilledMessage: 'Cyber Tuesday' }), { credentials });
		expect(updated.error).toBeUndefined();
		const read = await runWhatsApp(qr('get', { qrCode: code }), { credentials });
		expect(read.items.map((item) => item.json)).toEqual([
			{ code, prefilled_message: 'Cyber Tuesday', deep_link_url: `https://wa.me/message/${code}` },
		]);
		const listed = await runWhatsApp(qr('list', { returnAll: true }), { credentials });
		expect(listed.items.map((item) => item.json.code)).toEqual([code]);

		const deleted = await runWhatsApp(qr('delete', { qrCode: code }), { credentials });
		expect(deleted.items.map((item) => item.json)).toEqual([{ success: true }]);
		const missing = await runWhatsApp(qr('get', { qrCode: code }), { credentials });
		expect(missing.error?.message).toMatch(/Invalid parameter|No QR code/);
	});

	it('keeps only the URL when the sandbox’s origin is not allowed (as in the package)', async () => {
		const created = await runWhatsApp(qr('create', { prefilledMessage: 'Hi', imageFormat: 'SVG' }), {
			credentials: sandbox.credentials(),
		});
		expect(created.error).toBeUndefined();
		expect(created.items[0].binary).toBeUndefined();
		expect(created.items[0].json.qr_image_url).toMatch(/\/__sandbox\/qr\/[A-Z0-9]{14}\.svg$/);
		expect(created.items[0].json.imageNotDownloaded).toMatch(/^Not downloaded: its URL is not https/);
	});

	it('refuses a message over 140 characters as Graph does', async () => {
		const response = await fetch(`${sandbox.url}/whatsapp-business/v25.0/${sandbox.ids.phoneNumberId}/message_qrdls`, {
			method: 'POST',
			headers: { Authorization: `Bearer ${sandbox.apiKey}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ prefilled_message: 'x'.repeat(141), generate_qr_image: 'PNG' }),
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: { code: number } }).error.code).toBe(100);
	});
});
