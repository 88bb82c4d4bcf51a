/**
 * The trigger behind a real HTTP server on 127.0.0.1, each request run through `callWebhook`
 * (n8n-core's WebhookContext) with one shared static data, as an active n8n workflow would: so
 * that the sandbox's override verification and deliveries reach the node over the network.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import { callWebhook, WEBHOOK_ID, type TriggerSetup, type WebhookCall } from './harness';

export interface ServedTrigger {
	/** e.g. http://127.0.0.1:41234/webhook (n8n's webhook base URL). */
	base: string;
	/** The production URL: `${base}/${WEBHOOK_ID}/webhook`. */
	url: string;
	staticData: IDataObject;
	calls: Array<{ method: string; call: WebhookCall }>;
	close(): Promise<void>;
}

export async function serveTrigger(setup: Omit<TriggerSetup, 'staticData' | 'productionBase'>): Promise<ServedTrigger> {
	const staticData: IDataObject = {};
	const calls: ServedTrigger['calls'] = [];
	let base = '';
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const method = req.method === 'GET' ? 'GET' : 'POST';
			const headers = Object.fromEntries(
				Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value ?? '')]),
			);
			callWebhook(
				{ ...setup, staticData, productionBase: base },
				{ method, query: Object.fromEntries(url.searchParams), headers, body: Buffer.concat(chunks).toString('utf8') },
			).then(
				(call) => {
					calls.push({ method, call });
					res.writeHead(call.response.status ?? 500, { 'content-type': call.response.contentType ?? 'text/plain' });
					res.end(call.response.body ?? '');
				},
				(error: Error) => {
					res.writeHead(500);
					res.end(error.message);
				},
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	return {
		base,
		url: `${base}/${WEBHOOK_ID}/webhook`,
		staticData,
		calls,
		close: () =>
			new Promise<void>((resolve) => {
				if (!server.listening) return resolve();
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
