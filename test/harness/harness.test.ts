import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import nock from 'nock';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { loadPackageFromDist, runCredentialTest, runNode } from './index';

// ---------------------------------------------------------------------------------------------
// A tiny fake declarative node and credential (the harness must not depend on the real node).
// ---------------------------------------------------------------------------------------------

const BASE_URL = 'https://api.fake.test';

class FakeApi implements ICredentialType {
	name = 'fakeApi';

	displayName = 'Fake API';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
		{ displayName: 'Connection', name: 'connectionId', type: 'string', default: '' },
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: BASE_URL },
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
				'X-Connection': '={{$credentials.connectionId}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/me',
			qs: { probe: '={{"yes"}}' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 403, message: 'This key may not read the account.' },
			},
		],
	};
}

const fakeDescription: INodeTypeDescription = {
	displayName: 'Fake Thing',
	name: 'fakeThing',
	group: ['transform'],
	version: [1, 2],
	description: 'Talks to the fake API',
	defaults: { name: 'Fake Thing' },
	inputs: ['main'],
	outputs: ['main'],
	credentials: [{ name: 'fakeApi', required: true }],
	requestDefaults: {
		baseURL: '={{$credentials.baseUrl}}',
		headers: {
			Accept: 'application/json',
			'X-Node-Version': '={{$version}}',
			'X-Opt': '={{$parameter.opt || undefined}}',
			'X-Opt-Raw': '={{$parameter.opt}}',
		},
	},
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Create',
					value: 'create',
					action: 'Create a thing',
					routing: { request: { method: 'POST', url: '=/things/{{$parameter.id}}' } },
				},
				{
					name: 'Get',
					value: 'get',
					action: 'Get a thing',
					routing: { request: { method: 'GET', url: '=/things/{{$parameter.thingId}}' } },
				},
			],
			default: 'create',
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			default: '',
			displayOptions: { show: { operation: ['create'] } },
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			displayOptions: { show: { operation: ['create'] } },
			routing: { send: { type: 'body', property: 'name' } },
		},
		{
			displayName: 'Thing',
			name: 'thingId',
			type: 'resourceLocator',
			default: { mode: 'id', value: '' },
			required: true,
			displayOptions: { show: { operation: ['get'] } },
			modes: [
				{ displayName: 'ID', name: 'id', type: 'string' },
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					extractValue: { type: 'regex', regex: 'things/([^/?#]+)' },
				},
			],
		},
		{ displayName: 'Optional Header', name: 'opt', type: 'string', default: '' },
	],
};

class FakeThing implements INodeType {
	description = fakeDescription;
}

const credentials = { fakeApi: { apiKey: 'secret-key' } };

interface SeenRequest {
	method: string;
	url: string;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/** Answers every request on `origin` with `reply`, recording each request as the server saw it. */
function fakeServer(reply: (req: SeenRequest) => [number, IDataObject], origin = BASE_URL) {
	const seen: SeenRequest[] = [];
	const scope = nock(origin).persist();
	for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
		scope.intercept(/.*/, method).reply(function (uri, body) {
			const req: SeenRequest = {
				method: this.req.method,
				url: `${origin}${uri}`,
				headers: { ...this.req.headers },
				body: typeof body === 'string' && body !== '' ? (JSON.parse(body) as unknown) : body,
			};
			seen.push(req);
			return reply(req);
		});
	}
	return { seen, scope };
}

afterEach(() => {
	nock.cleanAll();
});

// ---------------------------------------------------------------------------------------------

describe('runNode', () => {
	it('sends the request the declarative routing describes and returns the response as items', async () => {
		const { seen } = fakeServer(() => [201, { id: 42, name: 'Widget' }]);

		const result = await runNode({
			nodeType: new FakeThing(),
			credentialTypes: [new FakeApi()],
			parameters: { operation: 'create', id: '42', name: '=Widget{{$json.suffix}}' },
			credentials,
			input: [{ json: { suffix: '' } }],
		});

		expect(result.error).toBeUndefined();
		expect(result.run.status).toBe('success');
		expect(result.items).toEqual([{ json: { id: 42, name: 'Widget' }, pairedItem: { item: 0 } }]);
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({
			method: 'POST',
			url: 'https://api.fake.test/things/42',
			body: { name: 'Widget' },
		});
		expect(seen[0].headers).toMatchObject({
			authorization: 'Bearer secret-key',
			accept: 'application/json',
			'content-type': 'application/json',
			'x-node-version': '2',
		});
		// The node ran with the loader's `requestOptions` added, on a copy: the caller's is untouched.
		expect(fakeDescription.properties.map((p) => p.name)).not.toContain('requestOptions');
		expect(result.node.parameters).toMatchObject({ operation: 'create', id: '42', opt: '' });
	});

	it('uses the requested typeVersion', async () => {
		const { seen } = fakeServer(() => [200, {}]);
		await runNode({
			nodeType: new FakeThing(),
			credentialTypes: [new FakeApi()],
			parameters: { operation: 'create', id: '1' },
			credentials,
			typeVersion: 1,
		});
		expect(seen[0].headers['x-node-version']).toBe('1');
	});

	it('resolves a resource locator parameter in the URL', async () => {
		const { seen } = fakeServer(() => [200, { id: 'x' }]);
		const result = await runNode({
			nodeType: new FakeThing(),
			credentialTypes: new FakeApi(),
			parameters: { operation: 'get', thingId: { __rl: true, mode: 'id', value: 'x' } },
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual(['GET https://api.fake.test/things/x']);
		expect(result.items[0].json).toEqual({ id: 'x' });
	});

	it('rejects when the engine refuses to start (a required parameter is empty)', async () => {
		await expect(
			runNode({
				nodeType: new FakeThing(),
				credentialTypes: [new FakeApi()],
				parameters: { operation: 'get' },
				credentials,
			}),
		).rejects.toThrow(/Parameter "Thing" is required/);
	});

	it('turns a 400 answer into a NodeApiError', async () => {
		fakeServer(() => [400, { error: { message: 'name is too long' } }]);

		const result = await runNode({
			nodeType: new FakeThing(),
			credentialTypes: [new FakeApi()],
			parameters: { operation: 'create', id: '1', name: 'x'.repeat(500) },
			credentials,
		});

		expect(result.run.status).toBe('error');
		expect(result.items).toEqual([]);
		const { error } = result;
		expect(error).toBeInstanceOf(NodeApiError);
		if (!(error instanceof NodeApiError)) return;
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe('Bad request - please check your parameters');
		expect(error.description).toBe('name is too long');
		expect(error.context.itemIndex).toBe(0);
		// The engine stores plain copies; the harness revives the class from them.
		expect(result.run.data.resultData.error).not.toBeInstanceOf(Error);
		expect(result.run.data.resultData.error?.name).toBe('NodeApiError');
	});

	it('fails with a NodeApiError when nothing answers (real network is disabled)', async () => {
		const result = await runNode({
			nodeType: new FakeThing(),
			credentialTypes: [new FakeApi()],
			parameters: { operation: 'create', id: '1' },
			credentials,
		});
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe('Nock: Disallowed net connect for "api.fake.test:443/things/1"');
	});

	it('fails with a NodeOperationError when the node has no credentials', async () => {
		const result = await runNode({
			nodeType: new FakeThing(),
			credentialTypes: [new FakeApi()],
			parameters: { operation: 'create', id: '1' },
		});
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toBe('Node does not have any credentials set');
	});

	it('with continueOnFail, gives one output item per input item and an error item for the failure', async () => {
		const { seen } = fakeServer((req) =>
			req.url.endsWith('/things/2')
				? [404, { error: { message: 'no such thing' } }]
				: [200, { id: Number(req.url.split('/').pop()) }],
		);

		const result = await runNode({
			nodeType: new FakeThing(),
			credentialTypes: [new FakeApi()],
			parameters: { operation: 'create', id: '={{$json.id}}' },
			credentials,
			input: [{ json: { id: 1 } }, { json: { id: 2 } }, { json: { id: 3 } }],
			continueOnFail: true,
		});

		expect(result.error).toBeUndefined();
		expect(result.run.status).toBe('success');
		expect(seen.map((r) => r.url).sort()).toEqual([
			'https://api.fake.test/things/1',
			'https://api.fake.test/things/2',
			'https://api.fake.test/things/3',
		]);
		expect(result.items).toHaveLength(3);
		expect(result.items[0]).toEqual({ json: { id: 1 }, pairedItem: { item: 0 } });
		expect(result.items[2]).toEqual({ json: { id: 3 }, pairedItem: { item: 2 } });
		const errorItem = result.items[1];
		expect(errorItem.json).toEqual({
			error: 'The resource you are requesting could not be found',
		});
		expect(errorItem.pairedItem).toEqual({ item: 1 });
		expect(errorItem.error).toBeInstanceOf(NodeApiError);
		expect(errorItem.error?.description).toBe('no such thing');
		expect((errorItem.error as NodeApiError).httpCode).toBe('404');
	});

	it("with onError 'continueErrorOutput', sends failed items to the error output", async () => {
		fakeServer((req) => (req.url.endsWith('/things/2') ? [500, {}] : [200, { ok: true }]));

		const result = await runNode({
			nodeType: new FakeThing(),
			credentialTypes: [new FakeApi()],
			parameters: { operation: 'create', id: '={{$json.id}}' },
			credentials,
			input: [{ json: { id: 1 } }, { json: { id: 2 } }],
			onError: 'continueErrorOutput',
		});

		expect(result.run.status).toBe('success');
		expect(result.outputs).toHaveLength(2);
		// The split happens before the engine pairs items, so these carry no pairedItem.
		expect(result.outputs[0].map((item) => item.json)).toEqual([{ ok: true }]);
		expect(result.outputs[1]).toHaveLength(1);
		expect(result.outputs[1][0].json).toEqual({
			error: 'The service was not able to process your request',
		});
		expect(result.outputs[1][0].error).toBeInstanceOf(NodeApiError);
	});

	describe('headers whose expression resolves to nothing', () => {
		it('drops an undefined header, sends an empty-string one as empty (node requestDefaults)', async () => {
			const { seen } = fakeServer(() => [200, {}]);
			await runNode({
				nodeType: new FakeThing(),
				credentialTypes: [new FakeApi()],
				parameters: { operation: 'create', id: '1', opt: '' },
				credentials,
			});
			expect(seen[0].headers).not.toHaveProperty('x-opt');
			expect(seen[0].headers['x-opt-raw']).toBe('');
		});

		it('sends both when the parameter is set', async () => {
			const { seen } = fakeServer(() => [200, {}]);
			await runNode({
				nodeType: new FakeThing(),
				credentialTypes: [new FakeApi()],
				parameters: { operation: 'create', id: '1', opt: 'on' },
				credentials,
			});
			expect(seen[0].headers).toMatchObject({ 'x-opt': 'on', 'x-opt-raw': 'on' });
		});

		it('sends a generic-auth credential header that resolves to nothing as an empty string', async () => {
			const { seen } = fakeServer(() => [200, {}]);
			await runNode({
				nodeType: new FakeThing(),
				credentialTypes: [new FakeApi()],
				parameters: { operation: 'create', id: '1' },
				credentials: { fakeApi: { apiKey: 'k', connectionId: '' } },
			});
			expect(seen[0].headers['x-connection']).toBe('');

			nock.cleanAll();
			const withConnection = fakeServer(() => [200, {}]);
			await runNode({
				nodeType: new FakeThing(),
				credentialTypes: [new FakeApi()],
				parameters: { operation: 'create', id: '1' },
				credentials: { fakeApi: { apiKey: 'k', connectionId: 'conn-1' } },
			});
			expect(withConnection.seen[0].headers['x-connection']).toBe('conn-1');
		});
	});

	it('supports a function-style authenticate', async () => {
		class FunctionAuthApi implements ICredentialType {
			name = 'fakeApi';

			displayName = 'Fake API (function auth)';

			properties = new FakeApi().properties;

			async authenticate(
				creds: ICredentialDataDecryptedObject,
				requestOptions: IHttpRequestOptions,
			): Promise<IHttpRequestOptions> {
				return { ...requestOptions, qs: { ...(requestOptions.qs ?? {}), key: creds.apiKey } };
			}
		}
		const { seen } = fakeServer(() => [200, {}]);
		const result = await runNode({
			nodeType: new FakeThing(),
			credentialTypes: [new FunctionAuthApi()],
			parameters: { operation: 'create', id: '7' },
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(seen[0].url).toBe('https://api.fake.test/things/7?key=secret-key');
		expect(seen[0].headers).not.toHaveProperty('authorization');
	});
});

describe('runCredentialTest', () => {
	it('is OK when the test request gets a 2xx, and sends it authenticated', async () => {
		const { seen } = fakeServer(() => [200, { me: 'ok' }]);
		const result = await runCredentialTest(new FakeApi(), { apiKey: 'good-key' });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(seen).toHaveLength(1);
		expect(seen[0]).toMatchObject({ method: 'GET', url: 'https://api.fake.test/me?probe=yes' });
		expect(seen[0].headers.authorization).toBe('Bearer good-key');
	});

	it('resolves credential expressions and defaults before testing', async () => {
		const other = nock('https://other.fake.test').get('/me').query(true).reply(200, {});
		const result = await runCredentialTest(new FakeApi(), {
			apiKey: 'k',
			baseUrl: '={{"https://other.fake.test/"}}',
		});
		expect(result.status).toBe('OK');
		expect(other.isDone()).toBe(true);
	});

	it('is an Error with the status text on 401', async () => {
		fakeServer(() => [401, { error: 'bad key' }]);
		const result = await runCredentialTest(new FakeApi(), { apiKey: 'bad-key' });
		expect(result.status).toBe('Error');
		expect(result.message).toBe('Unauthorized');
	});

	it('uses the message of a matching responseCode rule', async () => {
		fakeServer(() => [403, {}]);
		const result = await runCredentialTest(new FakeApi(), { apiKey: 'limited-key' });
		expect(result).toEqual({ status: 'Error', message: 'This key may not read the account.' });
	});

	it('is an Error when the credential type has no test', async () => {
		const noTest = new FakeApi();
		delete (noTest as Partial<FakeApi>).test;
		const result = await runCredentialTest(noTest, { apiKey: 'k' });
		expect(result).toEqual({
			status: 'Error',
			message: 'No testing function found for this credential.',
		});
	});
});

describe('loadPackageFromDist', () => {
	let packageDir: string;

	beforeAll(() => {
		packageDir = mkdtempSync(path.join(tmpdir(), 'n8n-fake-package-'));
		mkdirSync(path.join(packageDir, 'dist/nodes/FakeThing'), { recursive: true });
		mkdirSync(path.join(packageDir, 'dist/credentials'), { recursive: true });
		writeFileSync(
			path.join(packageDir, 'package.json'),
			JSON.stringify({
				name: 'n8n-nodes-fake-package',
				version: '0.0.1',
				main: 'index.js',
				n8n: {
					n8nNodesApiVersion: 1,
					strict: true,
					credentials: ['dist/credentials/FakeApi.credentials.js'],
					nodes: ['dist/nodes/FakeThing/FakeThing.node.js'],
				},
			}),
		);
		// Plain CommonJS, as `tsc` would emit; no requires, so it loads from any directory.
		writeFileSync(
			path.join(packageDir, 'dist/nodes/FakeThing/FakeThing.node.js'),
			`"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FakeThing = void 0;
const description = ${JSON.stringify(fakeDescription, null, '\t')};
class FakeThing {
	constructor() { this.description = description; }
}
exports.FakeThing = FakeThing;
`,
		);
		const credential = new FakeApi();
		writeFileSync(
			path.join(packageDir, 'dist/credentials/FakeApi.credentials.js'),
			`"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FakeApi = void 0;
class FakeApi {
	constructor() {
		this.name = ${JSON.stringify(credential.name)};
		this.displayName = ${JSON.stringify(credential.displayName)};
		this.properties = ${JSON.stringify(credential.properties)};
		this.authenticate = ${JSON.stringify(credential.authenticate)};
		this.test = ${JSON.stringify(credential.test)};
	}
}
exports.FakeApi = FakeApi;
`,
		);
	});

	afterAll(() => {
		rmSync(packageDir, { recursive: true, force: true });
	});

	it('finds the node and credential declared in package.json', async () => {
		const loaded = await loadPackageFromDist(packageDir);
		expect(loaded.packageName).toBe('n8n-nodes-fake-package');
		expect(Object.keys(loaded.nodeTypes)).toEqual(['fakeThing']);
		expect(Object.keys(loaded.credentialTypes)).toEqual(['fakeApi']);
		expect(loaded.fullNodeTypeNames).toEqual(['n8n-nodes-fake-package.fakeThing']);
		expect(loaded.loader.known.credentials.fakeApi.supportedNodes).toEqual(['fakeThing']);
		// n8n's loader adds the declarative nodes' request options (batching, proxy, timeout, ...).
		const { properties } = loaded.nodeTypes.fakeThing.description as INodeTypeDescription;
		expect(properties.map((p) => p.name)).toContain('requestOptions');
	});

	it('runs an operation with the loaded classes', async () => {
		const loaded = await loadPackageFromDist(packageDir);
		const { seen } = fakeServer(() => [200, { id: 5 }]);

		const result = await runNode({
			nodeType: loaded.nodeTypes.fakeThing,
			credentialTypes: Object.values(loaded.credentialTypes),
			typeName: loaded.fullNodeTypeNames[0],
			parameters: { operation: 'create', id: '5', name: 'Five' },
			credentials,
		});

		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: { id: 5 }, pairedItem: { item: 0 } }]);
		expect(seen[0]).toMatchObject({
			method: 'POST',
			url: 'https://api.fake.test/things/5',
			body: { name: 'Five' },
		});
		expect(seen[0].headers.authorization).toBe('Bearer secret-key');
	});
});
