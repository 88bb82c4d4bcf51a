/**
 * The key stays with the configured hosts: no request follows a redirect. A gateway on one
 * loopback host answers 307 to another loopback host; that host must see no request at all (so
 * no Authorization header and no message body), whichever way the node sends: a routing request,
 * the upload before a media message, the template lookup, a list search, the credential test.
 */
import type { INodeParameters } from 'n8n-workflow';

import { MatonApi } from '../../credentials/MatonApi.credentials';
import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { API_KEY, matonCredentials, phoneNumberById, runWhatsApp } from '../fixture';
import { runCredentialTest } from '../harness';
import { runListSearch } from '../listSearch/loadOptionsContext';
import { itemWithFile } from '../media/multipart';
import { useVirtualClock } from '../virtualClock';
import { allowLoopback, type Loopback, startLoopback } from './loopback';

allowLoopback();
useVirtualClock();

let gateway: Loopback;
let elsewhere: Loopback;

beforeEach(async () => {
	// Another loopback address: another host, as far as the client can tell.
	elsewhere = await startLoopback(() => ({ reply: 200, body: { messages: [{ id: 'wamid.stolen' }], data: [], id: '1' } }), '127.0.0.2');
	gateway = await startLoopback((request) => ({
		reply: 307,
		body: {},
		headers: { location: `${elsewhere.url}${request.path}` },
	}));
});
afterEach(async () => {
	await gateway.close();
	await elsewhere.close();
});

const credentials = () => matonCredentials({ gatewayBaseUrl: gateway.url, controlBaseUrl: gateway.url });

function expectNotFollowed(error: { message?: string; description?: string | null } | undefined) {
	expect(gateway.requests.length).toBeGreaterThan(0);
	expect(elsewhere.requests).toEqual([]);
	expect(`${error?.message} ${error?.description}`).toMatch(/redirect/i);
	expect(JSON.stringify(error ?? {})).not.toContain(API_KEY);
}

describe('a 307 to another host is not followed', () => {
	it('Send Text (a routing request): the other host sees nothing; the error names where it pointed', async () => {
		const { error } = await runWhatsApp(
			{
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: phoneNumberById(),
				recipientPhoneNumber: '15551234567',
				text: 'Hello',
			},
			{ credentials: credentials() },
		);
		expectNotFollowed(error);
		expect(gateway.requests).toHaveLength(1);
		expect(error?.message).toBe(`The gateway redirected to ${elsewhere.url} (HTTP 307); the redirect was not followed`);
	});

	it('the upload before a media message (a hook’s request)', async () => {
		const { error } = await runWhatsApp(
			{
				resource: 'message',
				operation: 'sendImage',
				phoneNumberId: phoneNumberById(),
				recipientPhoneNumber: '15551234567',
				mediaSource: 'binary',
			},
			{ credentials: credentials(), input: itemWithFile(Buffer.from('png bytes'), { mimeType: 'image/png', fileName: 'a.png' }) },
		);
		expectNotFollowed(error);
		expect(gateway.requests.map((request) => request.path.split('/').pop())).toEqual(['media']);
	});

	it('the template lookup before a template message', async () => {
		const parameters: INodeParameters = {
			resource: 'message',
			operation: 'sendTemplate',
			phoneNumberId: phoneNumberById(),
			recipientPhoneNumber: '15551234567',
			template: { __rl: true, mode: 'list', value: 'order_shipped' },
			languageCode: 'en_US',
			templateVariables: {
				mappingMode: 'defineBelow',
				value: { body_1: 'Jane' },
				matchingColumns: [],
				schema: [],
				attemptToConvertTypes: false,
				convertFieldsToString: false,
			},
		};
		const { error } = await runWhatsApp(parameters, { credentials: credentials() });
		expectNotFollowed(error);
		expect(gateway.requests[0].path).toMatch(/message_templates/);
	});

	it('a list search in the editor', async () => {
		await expect(
			runListSearch('searchPhoneNumbers', {
				credentials: credentials(),
				parameters: { resource: 'message', operation: 'sendText' },
			}),
		).rejects.toThrow();
		expect(gateway.requests).toHaveLength(1);
		expect(elsewhere.requests).toEqual([]);
	});

	it('the credential test', async () => {
		const result = await runCredentialTest(new MatonApi(), credentials(), { nodeTypes: [new WhatsAppMaton()] });
		expect(result.status).toBe('Error');
		expect(gateway.requests).toHaveLength(1);
		expect(elsewhere.requests).toEqual([]);
	});
});
