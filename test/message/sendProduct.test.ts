/**
 * Message › Send Product, Send Product List and Send Catalog (resources/message/commerce/):
 * docs/whatsapp-rules.md § Product and catalog messages.
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { GATEWAY_ORIGIN, GRAPH, PHONE_NUMBER_ID, expectAuthorised, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';
import { itRefusesEach } from '../refusal';

const CATALOG = '1488520338603416';
const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.product' }],
};

const message = (operation: string, extra: INodeParameters): INodeParameters => ({
	resource: 'message',
	operation,
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '+1 555 123 4567',
	...extra,
});

const interactiveBody = (interactive: Record<string, unknown>) => ({
	messaging_product: 'whatsapp',
	recipient_type: 'individual',
	to: '15551234567',
	type: 'interactive',
	interactive,
});

async function sentBodyOf(parameters: INodeParameters): Promise<unknown> {
	const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
	const { items, error } = await runWhatsApp(parameters);
	expect(error).toBeUndefined();
	expect(items.map((item) => item.json)).toEqual([sent]);
	expect(gateway.requests).toHaveLength(1);
	const [request] = gateway.requests;
	expect(request.method).toBe('POST');
	expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
	expectAuthorised(request);
	return request.body;
}

const productList = (extra: INodeParameters = {}) =>
	message('sendProductList', {
		catalogId: CATALOG,
		headerText: 'Our menu',
		bodyText: 'Pick what you like',
		productSections: {
			section: [
				{ title: 'Pizzas', productRetailerIds: 'pizza-margherita, pizza-marinara' },
				{ title: 'Drinks', productRetailerIds: 'drink-lemonade\ndrink-water' },
			],
		},
		...extra,
	});

describe('Message › Send Product', () => {
	it('sends one product of the catalog, with an optional body and footer', async () => {
		expect(
			await sentBodyOf(
				message('sendProduct', {
					catalogId: ` ${CATALOG} `,
					productRetailerId: 'pizza-margherita',
					options: { productBodyText: 'Our best seller', footerText: 'Baked to order' },
				}),
			),
		).toEqual(
			interactiveBody({
				type: 'product',
				body: { text: 'Our best seller' },
				footer: { text: 'Baked to order' },
				action: { catalog_id: CATALOG, product_retailer_id: 'pizza-margherita' },
			}),
		);
	});

	it('sends no body when none is given', async () => {
		expect(await sentBodyOf(message('sendProduct', { catalogId: CATALOG, productRetailerId: 'pizza-margherita' }))).toEqual(
			interactiveBody({ type: 'product', action: { catalog_id: CATALOG, product_retailer_id: 'pizza-margherita' } }),
		);
	});

	describe('bad inputs', () => {
		const product = (extra: INodeParameters) => message('sendProduct', { catalogId: CATALOG, productRetailerId: 'pizza-margherita', ...extra });
		itRefusesEach([
			{ name: 'an empty catalog ID', parameters: product({ catalogId: '={{ "" }}' }), message: /Catalog ID is empty/, field: 'Catalog ID' },
			{ name: 'a catalog ID that is not a number', parameters: product({ catalogId: '../1488' }), message: /Catalog ID "..\/1488": a catalog ID has only digits/, field: 'Catalog ID' },
			{ name: 'an empty retailer ID', parameters: product({ productRetailerId: '={{ "" }}' }), message: /Product Retailer ID is empty/, field: 'Product Retailer ID' },
			{ name: 'a retailer ID with spaces around it', parameters: product({ productRetailerId: ' pizza-margherita' }), message: /has leading or trailing spaces/, field: 'Product Retailer ID' },
			{ name: 'a retailer ID of 101 characters', parameters: product({ productRetailerId: 'x'.repeat(101) }), message: /Product Retailer ID is 101 characters/, field: 'Product Retailer ID' },
			{ name: 'a body of 1,025 characters', parameters: product({ options: { productBodyText: 'b'.repeat(1025) } }), message: /Body Text is 1025 characters/, field: 'Body Text' },
			{ name: 'a footer of 61 characters', parameters: product({ options: { footerText: 'f'.repeat(61) } }), message: /Footer Text is 61 characters/, field: 'Footer Text' },
		]);
	});
});

describe('Message › Send Product List', () => {
	it('sends the header, body and sections with their products', async () => {
		expect(await sentBodyOf(productList({ options: { footerText: 'Delivery in 30 minutes' } }))).toEqual(
			interactiveBody({
				type: 'product_list',
				header: { type: 'text', text: 'Our menu' },
				body: { text: 'Pick what you like' },
				footer: { text: 'Delivery in 30 minutes' },
				action: {
					catalog_id: CATALOG,
					sections: [
						{ title: 'Pizzas', product_items: [{ product_retailer_id: 'pizza-margherita' }, { product_retailer_id: 'pizza-marinara' }] },
						{ title: 'Drinks', product_items: [{ product_retailer_id: 'drink-lemonade' }, { product_retailer_id: 'drink-water' }] },
					],
				},
			}),
		);
	});

	it('takes the sections as JSON in WhatsApp\'s shape, one section without a title', async () => {
		const body = (await sentBodyOf(
			productList({
				specifySections: 'json',
				productSectionsJson: JSON.stringify([{ product_items: [{ product_retailer_id: 'pizza-diavola' }, { product_retailer_id: 'dessert-tiramisu' }] }]),
			}),
		)) as { interactive: { action: { sections: unknown } } };
		expect(body.interactive.action.sections).toEqual([
			{ product_items: [{ product_retailer_id: 'pizza-diavola' }, { product_retailer_id: 'dessert-tiramisu' }] },
		]);
	});

	describe('bad inputs', () => {
		const sections = (...section: Array<{ title?: string; productRetailerIds: string }>) => productList({ productSections: { section } });
		const ids = (count: number, prefix = 'sku') => Array.from({ length: count }, (_, index) => `${prefix}-${index}`).join(',');
		itRefusesEach([
			{ name: 'no header', parameters: productList({ headerText: '={{ "" }}' }), message: /Header Text is empty/, field: 'Header Text' },
			{ name: 'a header of 61 characters', parameters: productList({ headerText: 'h'.repeat(61) }), message: /Header Text is 61 characters/, field: 'Header Text' },
			{ name: 'no body', parameters: productList({ bodyText: '={{ "  " }}' }), message: /Body Text is empty/, field: 'Body Text' },
			{ name: 'a catalog ID that is not a number', parameters: productList({ catalogId: 'menu' }), message: /Catalog ID "menu"/, field: 'Catalog ID' },
			{ name: 'no section', parameters: productList({ productSections: {} }), message: /Sections is empty/, field: 'Sections' },
			{ name: 'a section without products', parameters: sections({ title: 'Pizzas', productRetailerIds: ' , ' }), message: /Section 1 Product Retailer IDs is empty/, field: 'Product Retailer IDs' },
			{
				name: 'two sections, one without a title',
				parameters: sections({ title: 'Pizzas', productRetailerIds: 'pizza-margherita' }, { title: '', productRetailerIds: 'drink-water' }),
				message: /Section 2 Title is empty/,
				field: 'Title',
			},
			{ name: 'a section title of 25 characters', parameters: sections({ title: 't'.repeat(25), productRetailerIds: 'pizza-margherita' }), message: /Section 1 Title is 25 characters/, field: 'Title' },
			{
				name: 'eleven sections (JSON)',
				parameters: productList({
					specifySections: 'json',
					productSectionsJson: JSON.stringify(Array.from({ length: 11 }, (_, index) => ({ title: `S${index}`, product_items: [{ product_retailer_id: `sku-${index}` }] }))),
				}),
				message: /Sections has 11 sections; WhatsApp allows 10/,
				field: 'Sections',
			},
			{
				name: '31 products',
				parameters: sections({ title: 'A', productRetailerIds: ids(16, 'a') }, { title: 'B', productRetailerIds: ids(15, 'b') }),
				message: /Sections hold 31 products; WhatsApp allows 30/,
				field: 'Sections',
			},
			{
				name: 'sections JSON that is not an array of objects',
				parameters: productList({ specifySections: 'json', productSectionsJson: '["pizza-margherita"]' }),
				message: /Sections \(JSON\) must be a JSON array of objects/,
				field: 'Sections (JSON)',
			},
			{
				name: 'a JSON product item without a retailer ID',
				parameters: productList({ specifySections: 'json', productSectionsJson: '[{"title": "A", "product_items": [{"id": "pizza"}]}]' }),
				message: /Section 1 Product Retailer IDs entry 1 is empty/,
				field: 'Product Retailer IDs',
			},
			{
				name: 'a product given twice',
				parameters: sections({ title: 'A', productRetailerIds: 'pizza-margherita' }, { title: 'B', productRetailerIds: 'pizza-margherita' }),
				message: /"pizza-margherita" is already in the message/,
				field: 'Product Retailer IDs',
			},
		]);
	});
});

describe('Message › Send Catalog', () => {
	it('sends the catalog message with its thumbnail and footer', async () => {
		expect(
			await sentBodyOf(
				message('sendCatalog', {
					bodyText: 'Browse our menu and order in the chat',
					options: { footerText: 'Open 11 to 23', thumbnailProductRetailerId: 'pizza-margherita' },
				}),
			),
		).toEqual(
			interactiveBody({
				type: 'catalog_message',
				body: { text: 'Browse our menu and order in the chat' },
				footer: { text: 'Open 11 to 23' },
				action: { name: 'catalog_message', parameters: { thumbnail_product_retailer_id: 'pizza-margherita' } },
			}),
		);
	});

	it('sends no parameters without a thumbnail', async () => {
		expect(await sentBodyOf(message('sendCatalog', { bodyText: 'Browse our menu' }))).toEqual(
			interactiveBody({ type: 'catalog_message', body: { text: 'Browse our menu' }, action: { name: 'catalog_message' } }),
		);
	});

	describe('bad inputs', () => {
		itRefusesEach([
			{ name: 'no body', parameters: message('sendCatalog', { bodyText: ' ' }), message: /Body Text is empty/, field: 'Body Text' },
			{
				name: 'a thumbnail retailer ID with spaces around it',
				parameters: message('sendCatalog', { bodyText: 'Browse', options: { thumbnailProductRetailerId: 'pizza ' } }),
				message: /Thumbnail Product Retailer ID "pizza " has leading or trailing spaces/,
				field: 'Thumbnail Product Retailer ID',
			},
		]);
	});
});

describe('the sandbox: product and catalog messages', () => {
	let sandbox: SandboxHandle;

	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		sandbox = await startSandbox({ port: 0, rateLimitPerSecond: 0 });
	});

	afterAll(async () => {
		await sandbox.close();
	});

	beforeEach(() => sandbox.reset());

	const onSandbox = async (parameters: INodeParameters) =>
		await runWhatsApp({ ...parameters, phoneNumberId: phoneNumberById(sandbox.ids.phoneNumberId) }, { credentials: sandbox.credentials() });

	it('accepts the three from the seeded catalog', async () => {
		for (const parameters of [
			message('sendProduct', { catalogId: sandbox.ids.catalogId, productRetailerId: 'pizza-diavola' }),
			productList({ catalogId: sandbox.ids.catalogId }),
			message('sendCatalog', { bodyText: 'Browse our menu', options: { thumbnailProductRetailerId: 'dessert-tiramisu' } }),
		]) {
			const { items, error } = await onSandbox(parameters);
			expect(error).toBeUndefined();
			expect((items[0].json.messages as Array<{ id: string }>)[0].id).toMatch(/^wamid\./);
		}
		expect(sandbox.state.messages.map((entry) => entry.type)).toEqual(['interactive', 'interactive', 'interactive']);
	});

	it('refuses a product that is not in the catalog, as Graph does (131009)', async () => {
		const { error } = await onSandbox(message('sendProduct', { catalogId: sandbox.ids.catalogId, productRetailerId: 'pizza-hawaii' }));
		expect(error?.message).toMatch(/131009|Parameter value is not valid/);
		expect(error?.description).toContain('pizza-hawaii is not in the catalog');
	});
});
