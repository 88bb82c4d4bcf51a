/** The credential dialog's "Test" button: n8n runs the credential's test request. */
import { MatonApi } from '../../credentials/MatonApi.credentials';
import { API_KEY, CONTROL_ORIGIN, fakeApi, matonCredentials } from '../fixture';
import { runCredentialTest } from '../harness';

describe('Maton API credential test', () => {
	it('lists WhatsApp connections on the control API with the key, and passes on 200', async () => {
		const control = fakeApi(CONTROL_ORIGIN).reply(200, { connections: [] });
		const result = await runCredentialTest(new MatonApi(), matonCredentials());
		expect(result.status).toBe('OK');
		expect(control.requests).toHaveLength(1);
		expect(control.requests[0].method).toBe('GET');
		expect(control.requests[0].url).toBe(`${CONTROL_ORIGIN}/connections?app=whatsapp-business`);
		expect(control.requests[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
	});

	it('fails with a readable message when Maton rejects the key', async () => {
		// On a 401 n8n-core asks the credential to refresh itself and tries once more.
		const control = fakeApi(CONTROL_ORIGIN)
			.reply(401, { error: 'Invalid API key' })
			.reply(401, { error: 'Invalid API key' });
		const result = await runCredentialTest(new MatonApi(), matonCredentials({ apiKey: 'wrong-key' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/API key was rejected/);
		expect(result.message).not.toContain('wrong-key');
		expect(control.requests).toHaveLength(2);
	});

	it('uses an edited control base URL, trailing slash and all', async () => {
		const other = fakeApi('https://api.maton.ai').reply(200, { connections: [] });
		const result = await runCredentialTest(
			new MatonApi(),
			matonCredentials({ controlBaseUrl: 'https://api.maton.ai/' }),
		);
		expect(result.status).toBe('OK');
		expect(other.requests[0].url).toBe('https://api.maton.ai/connections?app=whatsapp-business');
	});
});
