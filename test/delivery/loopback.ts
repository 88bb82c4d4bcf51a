/**
 * A real HTTP server on loopback standing in for the gateway, for faults nock cannot make: a
 * connection reset after the whole request was read, an answer that never comes (a timeout), a
 * redirect to another host. It records every request it read and how many were open at once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import nock from 'nock';

export type Behaviour =
	| { reply: number; body?: unknown; headers?: Record<string, string> }
	/** Read the whole request, then destroy the socket without answering. */
	| { reset: true }
	/** Read the whole request and never answer (the client times out). */
	| { hang: true }
	/** Answer after `ms` real milliseconds (to keep requests open at once). */
	| { after: number; reply: number; body?: unknown };

export interface LoopbackRequest {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	/** Parsed JSON, else the raw text. */
	body: unknown;
}

export interface Loopback {
	url: string;
	requests: LoopbackRequest[];
	/** Most requests open at the same time. */
	maxOpen: number;
	close(): Promise<void>;
}

/** Loopback connections are allowed for the test file (the harness refuses real ones). */
export function allowLoopback(): void {
	beforeAll(() => nock.enableNetConnect((host) => host.startsWith('127.0.0.')));
	afterAll(() => nock.disableNetConnect());
}

export async function startLoopback(
	answer: (request: LoopbackRequest, index: number) => Behaviour,
	host = '127.0.0.1',
): Promise<Loopback> {
	const requests: LoopbackRequest[] = [];
	let open = 0;
	const loopback: Loopback = { url: '', requests, maxOpen: 0, close: async () => {} };
	const server = http.createServer((req, res) => {
		open++;
		loopback.maxOpen = Math.max(loopback.maxOpen, open);
		res.on('close', () => open--);
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			let body: unknown = text === '' ? undefined : text;
			try {
				body = text === '' ? undefined : JSON.parse(text);
			} catch {
				// not JSON: keep the text
			}
			const request = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
			requests.push(request);
			const behaviour = answer(request, requests.length - 1);
			if ('reset' in behaviour) {
				req.socket.destroy();
				return;
			}
			if ('hang' in behaviour) return;
			const send = () => {
				const payload = typeof behaviour.body === 'string' ? behaviour.body : JSON.stringify(behaviour.body ?? {});
				res.writeHead(behaviour.reply, { 'content-type': 'application/json', ...('headers' in behaviour ? behaviour.headers : {}) });
				res.end(payload);
			};
			if ('after' in behaviour) setTimeout(send, behaviour.after);
			else send();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, host, resolve));
	loopback.url = `http://${host}:${(server.address() as AddressInfo).port}`;
	loopback.close = async () => {
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return loopback;
}
