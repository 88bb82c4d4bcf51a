/**
 * The trigger as n8n loads it from the built package (`npm run build` first; `npm test` does).
 */
import path from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { loadPackageFromDist } from '../harness';

const packageDir = path.resolve(__dirname, '../..');

describe('the built trigger, loaded by n8n-core', () => {
	it('is a webhook trigger, never a tool, with GET (verification) and POST (deliveries) on one path', async () => {
		const { nodeTypes, credentialTypes } = await loadPackageFromDist(packageDir);
		const trigger = nodeTypes.whatsAppMatonTrigger as INodeType;
		const { description } = trigger;
		expect(description.displayName).toBe('WhatsApp (Maton) Trigger');
		expect(description.group).toEqual(['trigger']);
		expect(description.usableAsTool).toBeUndefined();
		expect(description.inputs).toEqual([]);
		expect(description.webhooks?.map((webhook) => [webhook.name, webhook.httpMethod, webhook.path])).toEqual([
			['setup', 'GET', 'webhook'],
			['default', 'POST', 'webhook'],
		]);
		expect(typeof trigger.webhook).toBe('function');
		expect(Object.keys(trigger.webhookMethods?.default ?? {})).toEqual(['checkExists', 'create', 'delete']);
		expect(description.credentials?.map((credential) => credential.name)).toEqual(['matonApi', 'whatsAppMetaAppApi']);
		expect(credentialTypes.whatsAppMetaAppApi.displayName).toBe('WhatsApp Meta App API');
	});

	it('defaults: Through Maton, one phone number, incoming messages only (statuses off)', async () => {
		const { nodeTypes } = await loadPackageFromDist(packageDir);
		const { properties } = (nodeTypes.whatsAppMatonTrigger as INodeType).description;
		const defaults = Object.fromEntries(properties.map((property) => [property.name, property.default]));
		expect(defaults).toMatchObject({ setup: 'maton', registerFor: 'phoneNumber', events: ['message'] });
		for (const property of properties.filter((p) => p.type !== 'notice')) {
			expect(property.description).toMatch(/\S/);
		}
	});
});
