/**
 * The pickers and the template-variables mapper build their URLs themselves (business account ID
 * in the path, template name in the `name=` query, connection ID as a header): an ID of the wrong
 * shape, on the node or as the credential's default, is refused before any request.
 */
import { NodeOperationError } from 'n8n-workflow';

import { CONTROL_ORIGIN, GATEWAY_ORIGIN, fakeApi, matonCredentials } from '../fixture';
import { runListSearch, runResourceMapping } from './loadOptionsContext';

const sendTemplate = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'sendTemplate',
	template: { __rl: true, mode: 'list', value: 'order_shipped' },
	languageCode: 'en_US',
	...extra,
});

describe('list searches and the resource mapper: IDs by shape', () => {
	it.each([
		['searchPhoneNumbers', 'phoneNumberId'],
		['searchTemplates', 'template'],
	] as const)('%s refuses a business account ID ".." from the credential, asking nothing', async (method, parameterPath) => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		const control = fakeApi(CONTROL_ORIGIN);
		const search = runListSearch(method, {
			parameters: sendTemplate(),
			parameterPath,
			credentials: matonCredentials({ businessAccountId: '..' }),
		});
		await expect(search).rejects.toThrow(NodeOperationError);
		await expect(search).rejects.toThrow(/^WhatsApp Business Account ID "\.\.": a business account ID has only digits/);
		expect(gateway.requests).toEqual([]);
		expect(control.requests).toEqual([]);
	});

	it.each([
		['as saved before the picker', 'a/b'],
		['By ID', { __rl: true, mode: 'id', value: 'a/b' }],
	])('searchTemplates refuses a business account ID "a/b" on the node (%s)', async (_saved, businessAccountId) => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		await expect(
			runListSearch('searchTemplates', {
				parameters: sendTemplate({ businessAccountId }),
				parameterPath: 'template',
			}),
		).rejects.toThrow(/^WhatsApp Business Account "a\/b"/);
		expect(gateway.requests).toEqual([]);
	});

	it('refuses a Maton Connection "1?x" given as the credential default', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN);
		await expect(
			runListSearch('searchPhoneNumbers', {
				parameters: sendTemplate(),
				credentials: matonCredentials({ connectionId: '1?x' }),
			}),
		).rejects.toThrow(/^Maton Connection "1\?x": a Maton connection ID has only letters, digits, - and _/);
		expect(gateway.requests).toEqual([]);
	});

	it.each(['Order_Shipped', '..', 'a/b'])(
		'the template variables of template %j: a notice, and no lookup',
		async (name) => {
			const gateway = fakeApi(GATEWAY_ORIGIN);
			const fields = await runResourceMapping('getTemplateVariables', {
				parameters: sendTemplate({ template: { __rl: true, mode: 'list', value: name } }),
				parameterPath: 'templateVariables',
			});
			expect(fields.fields).toEqual([]);
			expect(fields.emptyFieldsNotice).toMatch(/^Template "[^"]+" is not allowed: use only lowercase letters/);
			expect(gateway.requests).toEqual([]);
		},
	);
});
