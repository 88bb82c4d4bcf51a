import '../harness';

import { CredentialTestContext } from 'n8n-core';

import { WhatsAppMetaAppApi } from '../../credentials/WhatsAppMetaAppApi.credentials';
import { WhatsAppMatonTrigger } from '../../nodes/WhatsAppMatonTrigger/WhatsAppMatonTrigger.node';
import { APP_SECRET, OWN_VERIFY_TOKEN } from './harness';

/** What n8n's CredentialsTester does for a credential a node tests (`testedBy`). */
async function testMetaApp(data: Record<string, string>) {
	const trigger = new WhatsAppMatonTrigger();
	const entry = trigger.description.credentials?.find((credential) => credential.name === 'whatsAppMetaAppApi');
	const method = trigger.methods.credentialTest[entry?.testedBy as 'metaAppCredentialTest'];
	return await method.call(new CredentialTestContext(), { id: 'c1', name: 'Meta app', type: 'whatsAppMetaAppApi', data });
}

describe('WhatsApp Meta App API credential', () => {
	it('keeps both values secret (password fields), both required', () => {
		const properties = new WhatsAppMetaAppApi().properties;
		expect(properties.map((property) => [property.name, property.typeOptions?.password, property.required])).toEqual([
			['verifyToken', true, true],
			['appSecret', true, true],
		]);
	});

	it('a token and a 32-hex app secret → OK', async () => {
		expect(await testMetaApp({ verifyToken: OWN_VERIFY_TOKEN, appSecret: APP_SECRET })).toMatchObject({ status: 'OK' });
	});

	it.each([
		['a short verify token', { verifyToken: 'short', appSecret: APP_SECRET }, 'Verify Token: use at least 8 characters'],
		['an app secret that is not 32 hex characters', { verifyToken: OWN_VERIFY_TOKEN, appSecret: 'my-app-secret' }, 'App Secret: a Meta app secret is 32 hexadecimal characters'],
		['an empty app secret', { verifyToken: OWN_VERIFY_TOKEN, appSecret: '' }, 'App Secret'],
	])('%s → Error naming the field', async (_name, data, message) => {
		const result = await testMetaApp(data);
		expect(result.status).toBe('Error');
		expect(result.message).toContain(message);
	});
});
