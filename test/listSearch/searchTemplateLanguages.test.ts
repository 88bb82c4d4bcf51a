import type { INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { splitUrl } from '../assertions';
import {
	BUSINESS_ACCOUNT_ID,
	GATEWAY_ORIGIN,
	GRAPH,
	PHONE_NUMBER_ID,
	fakeApi,
	phoneNumberById,
	runWhatsApp,
} from '../fixture';
import { runListSearch } from './loadOptionsContext';

const TEMPLATES = `${GRAPH}/${BUSINESS_ACCOUNT_ID}/message_templates`;

const sendTemplate = (template: NodeParameterValueType): INodeParameters => ({
	resource: 'message',
	operation: 'sendTemplate',
	template,
	languageCode: { __rl: true, mode: 'list', value: '' },
});

const translation = (name: string, language: string, status = 'APPROVED') => ({ name, language, status, id: `${name}-${language}` });

describe('List search › searchTemplateLanguages (Language Code › From List)', () => {
	it("Send Template: offers the picked template's translations with their status, by the template's exact name", async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, {
			data: [translation('welcome_offer', 'es'), translation('welcome_offer', 'en_US'), translation('welcome_offer_v2', 'de', 'PENDING')],
		});
		const result = await runListSearch('searchTemplateLanguages', {
			parameters: sendTemplate({ __rl: true, mode: 'list', value: 'welcome_offer' }),
			parameterPath: 'languageCode',
		});
		expect(gateway.requests).toHaveLength(1);
		expect(splitUrl(gateway.requests[0].url)).toEqual({
			base: TEMPLATES,
			query: { name: 'welcome_offer', fields: 'name,language,status', limit: '100' },
		});
		expect(result).toEqual({
			results: [
				{ name: 'en_US', value: 'en_US', description: 'welcome_offer · APPROVED' },
				{ name: 'es', value: 'es', description: 'welcome_offer · APPROVED' },
			],
		});
	});

	it('Send Template: offers nothing, asking nothing, before a template is picked or when it is an expression', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		for (const template of [{ __rl: true, mode: 'list', value: '' }, { __rl: true, mode: 'name', value: '={{ $json.template }}' }]) {
			const result = await runListSearch('searchTemplateLanguages', { parameters: sendTemplate(template), parameterPath: 'languageCode' });
			expect(result).toEqual({ results: [] });
		}
		expect(gateway.requests).toHaveLength(0);
	});

	it('Template › Create: offers the languages the account’s templates use, once each, matching the search text', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN)
			.reply(200, { data: [{ language: 'es', id: '1' }, { language: 'en_US', id: '2' }, { language: 'es', id: '3' }] })
			.reply(200, { data: [{ language: 'es', id: '1' }, { language: 'en_US', id: '2' }] });
		const parameters = { resource: 'template', operation: 'create', templateName: 'order_update' };
		const all = await runListSearch('searchTemplateLanguages', { parameters, parameterPath: 'languageCode' });
		expect(splitUrl(gateway.requests[0].url)).toEqual({ base: TEMPLATES, query: { fields: 'language', limit: '100' } });
		expect(all).toEqual({
			results: [
				{ name: 'en_US', value: 'en_US', description: 'Used by your templates' },
				{ name: 'es', value: 'es', description: 'Used by your templates' },
			],
		});
		const filtered = await runListSearch('searchTemplateLanguages', { parameters, parameterPath: 'languageCode', filter: 'en' });
		expect(filtered.results.map((item) => item.value)).toEqual(['en_US']);
	});
});

describe('Message › Send Template, the language', () => {
	const sent = { messaging_product: 'whatsapp', contacts: [{ input: '15551234567', wa_id: '15551234567' }], messages: [{ id: 'wamid.X' }] };
	const send = (languageCode: NodeParameterValueType): INodeParameters => ({
		resource: 'message',
		operation: 'sendTemplate',
		phoneNumberId: phoneNumberById(),
		recipientPhoneNumber: '15551234567',
		template: { __rl: true, mode: 'list', value: 'hello_world' },
		languageCode,
		specifyComponents: 'fields',
	});

	it.each([
		['picked from the list', { __rl: true, mode: 'list', value: 'es' }, [{ json: {} }], 'es'],
		['given By Code', { __rl: true, mode: 'code', value: 'pt_BR' }, [{ json: {} }], 'pt_BR'],
		['overridden by an expression', { __rl: true, mode: 'code', value: '={{ $json.language }}' }, [{ json: { language: 'de' } }], 'de'],
		['as saved before the picker (plain text)', 'en_GB', [{ json: {} }], 'en_GB'],
	])('%s goes to template.language.code', async (_how, languageCode, input, code) => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { error } = await runWhatsApp(send(languageCode), { input });
		expect(error).toBeUndefined();
		expect(gateway.requests.map((request) => request.url)).toEqual([`${GRAPH}/${PHONE_NUMBER_ID}/messages`]);
		expect((gateway.requests[0].body as { template: unknown }).template).toEqual({ name: 'hello_world', language: { code } });
	});
});
