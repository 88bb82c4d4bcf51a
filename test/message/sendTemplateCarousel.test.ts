/**
 * Send Template with a carousel template (docs/whatsapp-rules.md § Interactive media carousel and
 * § Template messages): Map Template Variables offers each card's header media, body placeholders
 * and button values (`card_<i>_…`), and the message carries them in a `carousel` component.
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { GATEWAY_ORIGIN, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';
import { runResourceMapping } from '../listSearch/loadOptionsContext';
import { expectRefusedBeforeSending } from '../refusal';

const card = (plant: string) => ({
	components: [
		{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2U='] } },
		{ type: 'BODY', text: `${plant}, now {{1}}`, example: { body_text: [['$12']] } },
		{
			type: 'BUTTONS',
			buttons: [
				{ type: 'QUICK_REPLY', text: 'Tell me more' },
				{ type: 'URL', text: 'Buy', url: 'https://shop.example.com/p/{{1}}', example: ['echeveria'] },
			],
		},
	],
});

const springCollection = {
	name: 'spring_collection',
	language: 'en_US',
	status: 'APPROVED',
	category: 'MARKETING',
	parameter_format: 'POSITIONAL',
	components: [
		{ type: 'BODY', text: 'Hi {{1}}, our spring collection is here:', example: { body_text: [['Anna']] } },
		{ type: 'CAROUSEL', cards: [card('Blue Echeveria'), card('Jade Plant')] },
	],
};

const sent = { messaging_product: 'whatsapp', contacts: [{ input: '15551234567', wa_id: '15551234567' }], messages: [{ id: 'wamid.carousel' }] };

const values = {
	body_1: 'Anna',
	card_0_header_image: 'https://cdn.example.com/echeveria.jpg',
	card_0_body_1: '$12',
	card_0_button_0_payload: 'more-echeveria',
	card_0_button_1_url: 'echeveria',
	card_1_header_image: 'https://cdn.example.com/jade.jpg',
	card_1_body_1: '$18',
	card_1_button_1_url: 'jade',
};

const sendTemplate = (value: Record<string, string>, phoneNumberId = phoneNumberById()): INodeParameters => ({
	resource: 'message',
	operation: 'sendTemplate',
	phoneNumberId,
	recipientPhoneNumber: '15551234567',
	template: { __rl: true, mode: 'list', value: 'spring_collection' },
	languageCode: 'en_US',
	templateVariables: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false },
});

describe('Message › Send Template › a carousel template', () => {
	it("offers each card's variables in the mapper", async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, { data: [springCollection] });
		const { fields } = await runResourceMapping('getTemplateVariables', {
			parameters: sendTemplate({}),
		});
		expect(fields.map((field) => field.id)).toEqual([
			'body_1',
			'card_0_header_image',
			'card_0_body_1',
			'card_0_button_0_payload',
			'card_0_button_1_url',
			'card_1_header_image',
			'card_1_body_1',
			'card_1_button_0_payload',
			'card_1_button_1_url',
		]);
		expect(fields.find((field) => field.id === 'card_1_body_1')?.displayName).toBe('Card 2 body {{1}} (e.g. $12)');
	});

	it('sends the body, then a carousel component with each card in order', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [springCollection] }).reply(200, sent);
		const { error } = await runWhatsApp(sendTemplate(values));
		expect(error).toBeUndefined();
		expect((gateway.requests[1].body as { template: unknown }).template).toEqual({
			name: 'spring_collection',
			language: { code: 'en_US' },
			components: [
				{ type: 'body', parameters: [{ type: 'text', text: 'Anna' }] },
				{
					type: 'carousel',
					cards: [
						{
							card_index: 0,
							components: [
								{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/echeveria.jpg' } }] },
								{ type: 'body', parameters: [{ type: 'text', text: '$12' }] },
								{ type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'more-echeveria' }] },
								{ type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'echeveria' }] },
							],
						},
						{
							card_index: 1,
							components: [
								{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/jade.jpg' } }] },
								{ type: 'body', parameters: [{ type: 'text', text: '$18' }] },
								{ type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'jade' }] },
							],
						},
					],
				},
			],
		});
	});

	it("refuses a card's missing header image before sending", async () => {
		const withoutImage: Record<string, string> = { ...values };
		delete withoutImage.card_1_header_image;
		await expectRefusedBeforeSending({
			parameters: sendTemplate(withoutImage),
			definition: { data: [springCollection] },
			message: /needs a value for Card 2 header image/,
			field: 'Card 2 header image',
		});
	});

	it('refuses a card header media link that is not https, from Using JSON', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...sendTemplate({}),
				specifyComponents: 'json',
				componentsJson: JSON.stringify([
					{
						type: 'carousel',
						cards: [0, 1].map((index) => ({
							card_index: index,
							components: [{ type: 'header', parameters: [{ type: 'image', image: { link: `http://cdn.example.com/${index}.jpg` } }] }],
						})),
					},
				]),
			},
			message: /Component 1 \(carousel\) card 1 Component 1 \(header\) parameter 1 image link must be a public https:\/\/ link/,
			field: 'card 1',
		});
	});

	it('refuses a carousel of one card, from Using JSON', async () => {
		await expectRefusedBeforeSending({
			parameters: {
				...sendTemplate({}),
				specifyComponents: 'json',
				componentsJson: JSON.stringify([{ type: 'carousel', cards: [{ card_index: 0, components: [] }] }]),
			},
			message: /Component 1 \(carousel\) has 1 cards; WhatsApp allows 2 to 10/,
			field: 'Component 1 (carousel)',
		});
	});
});

describe('the sandbox: a carousel template', () => {
	let sandbox: SandboxHandle;

	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		sandbox = await startSandbox({ port: 0, rateLimitPerSecond: 0 });
	});

	afterAll(async () => {
		await sandbox.close();
	});

	beforeEach(() => sandbox.reset());

	it("sends the seeded spring_collection with each card's values", async () => {
		const { items, error } = await runWhatsApp(sendTemplate(values, phoneNumberById(sandbox.ids.phoneNumberId)), {
			credentials: sandbox.credentials(),
		});
		expect(error).toBeUndefined();
		expect((items[0].json.messages as Array<{ id: string }>)[0].id).toMatch(/^wamid\./);
	});
});
