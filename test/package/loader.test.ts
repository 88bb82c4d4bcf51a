/**
 * The built package as n8n sees it on install: n8n-core's package loader reads `dist/` through
 * package.json's `n8n` section, and the node it loads runs an operation through the engine.
 * `npm test` builds first, so `dist/` is this commit's code.
 */
import path from 'node:path';

import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { GATEWAY_ORIGIN, GRAPH, PHONE_NUMBER_ID, expectAuthorised, fakeApi, matonCredentials, phoneNumberById } from '../fixture';
import { loadPackageFromDist, runNode } from '../harness';

const packageDir = path.resolve(__dirname, '../..');

/** Every operation the issue and the seed call for, by resource. */
const EXPECTED_OPERATIONS: Record<string, string[]> = {
	analytics: ['getMessaging', 'getPricing', 'getTemplates'],
	blockedUser: ['block', 'list', 'unblock'],
	businessProfile: ['get', 'update'],
	connection: ['create', 'delete', 'get', 'list'],
	media: ['delete', 'get', 'upload'],
	message: [
		'markAsRead',
		'sendAndWait',
		'sendAudio',
		'sendCallToActionUrl',
		'sendCarousel',
		'sendCatalog',
		'sendContacts',
		'sendDocument',
		'sendFlow',
		'sendImage',
		'sendList',
		'sendLocation',
		'sendLocationRequest',
		'sendProduct',
		'sendProductList',
		'sendReaction',
		'sendReplyButtons',
		'sendSticker',
		'sendTemplate',
		'sendText',
		'sendVideo',
	],
	phoneNumber: ['get', 'list'],
	qrCode: ['create', 'delete', 'get', 'list', 'update'],
	template: ['create', 'delete', 'list'],
};

function operationSelectors(description: INodeTypeDescription): Map<string, INodeProperties> {
	const selectors = new Map<string, INodeProperties>();
	for (const property of description.properties) {
		if (property.name !== 'operation') continue;
		const resource = property.displayOptions?.show?.resource?.[0];
		if (typeof resource === 'string') selectors.set(resource, property);
	}
	return selectors;
}

describe('the built package, loaded by n8n-core', () => {
	it('registers the node and the credential under the package name', async () => {
		const loaded = await loadPackageFromDist(packageDir);
		expect(loaded.packageName).toBe('n8n-nodes-whatsapp-maton');
		expect(loaded.fullNodeTypeNames).toEqual([
			'n8n-nodes-whatsapp-maton.whatsAppMaton',
			'n8n-nodes-whatsapp-maton.whatsAppMatonTrigger',
		]);
		expect(Object.keys(loaded.credentialTypes)).toEqual(['matonApi', 'whatsAppMetaAppApi']);
	});

	it('has the eight resources, every operation with an action text, and is usable as a tool', async () => {
		const { nodeTypes } = await loadPackageFromDist(packageDir);
		const { description } = nodeTypes.whatsAppMaton as INodeType;
		expect(description.usableAsTool).toBe(true);
		const resource = description.properties.find((property) => property.name === 'resource');
		expect(resource?.options?.map((option) => ('value' in option ? option.value : undefined))).toEqual(
			Object.keys(EXPECTED_OPERATIONS),
		);
		const selectors = operationSelectors(description);
		for (const [resourceName, operations] of Object.entries(EXPECTED_OPERATIONS)) {
			const options = (selectors.get(resourceName)?.options ?? []) as Array<{
				value: string;
				action?: string;
				name: string;
			}>;
			expect(options.map((option) => option.value).sort()).toEqual([...operations].sort());
			for (const option of options) expect(option.action).toMatch(/^[A-Z][a-z]/);
			// Options sorted by name, as the editor and n8n's reviewers expect.
			const names = options.map((option) => option.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	it("gives the credential a password field for the key, tested by both nodes' loaded test function", async () => {
		const { credentialTypes, nodeTypes } = await loadPackageFromDist(packageDir);
		const credential = credentialTypes.matonApi;
		expect(credential.displayName).toBe('Maton API');
		const apiKey = credential.properties.find((property) => property.name === 'apiKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
		// n8n would use a declarative test first: there is none, the nodes' function tests it.
		expect(credential.test).toBeUndefined();
		for (const name of ['whatsAppMaton', 'whatsAppMatonTrigger']) {
			const nodeType = nodeTypes[name] as INodeType;
			const entry = nodeType.description.credentials?.find((entry) => entry.name === 'matonApi');
			expect(entry?.testedBy).toBe('matonApiCredentialTest');
			expect(typeof nodeType.methods?.credentialTest?.matonApiCredentialTest).toBe('function');
		}
	});

	it('runs Send Text with the loaded node class', async () => {
		const { nodeTypes, credentialTypes } = await loadPackageFromDist(packageDir);
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { messages: [{ id: 'wamid.loaded' }] });
		const { items, error } = await runNode({
			nodeType: nodeTypes.whatsAppMaton,
			credentialTypes: credentialTypes.matonApi,
			typeName: 'n8n-nodes-whatsapp-maton.whatsAppMaton',
			parameters: {
				resource: 'message',
				operation: 'sendText',
				phoneNumberId: phoneNumberById(),
				recipientPhoneNumber: '15551234567',
				text: 'Hello from the installed package',
			},
			credentials: { matonApi: matonCredentials() },
		});
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		expect(gateway.requests[0].url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
		expectAuthorised(gateway.requests[0]);
		expect(gateway.requests[0].body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'text',
			text: { body: 'Hello from the installed package' },
		});
		expect(items.map((item) => item.json)).toEqual([{ messages: [{ id: 'wamid.loaded' }] }]);
	});
});
