/**
 * Message › Send Carousel (resources/message/interactive/sendCarousel.ts): the interactive media
 * carousel, docs/whatsapp-rules.md § Interactive media carousel.
 */
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { startSandbox, type SandboxHandle } from '../../sandbox/server';
import { GATEWAY_ORIGIN, GRAPH, PHONE_NUMBER_ID, expectAuthorised, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';
import { itRefusesEach } from '../refusal';

const sent = {
	messaging_product: 'whatsapp',
	contacts: [{ input: '15551234567', wa_id: '15551234567' }],
	messages: [{ id: 'wamid.carousel' }],
};

const linkCard = (name: string, extra: Record<string, unknown> = {}) => ({
	header: { type: 'image', image: { link: `https://example.com/${name}.jpg` } },
	body: { text: `*${name}*` },
	action: { name: 'cta_url', parameters: { display_text: 'Buy now', url: `https://shop.example.com/p/${name}` } },
	...extra,
});

const replyCard = (name: string, buttons = 2) => ({
	header: { type: 'video', video: { link: `https://example.com/${name}.mp4` } },
	action: {
		buttons: Array.from({ length: buttons }, (_, index) => ({
			type: 'quick_reply',
			quick_reply: { id: `${name}-${index}`, title: index === 0 ? 'Learn more' : 'Add to favourites' },
		})),
	},
});

const carousel = (cards: unknown, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation: 'sendCarousel',
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: '15551234567',
	bodyText: 'Three of our latest arrivals, each under $25:',
	carouselCardsJson: typeof cards === 'string' ? cards : JSON.stringify(cards),
	...extra,
});

describe('Message › Send Carousel', () => {
	it('sends the body and the cards in order, each with its card_index and type', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const { items, error } = await runWhatsApp(carousel([linkCard('echeveria'), linkCard('jade', { card_index: 1 })]));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([sent]);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(`${GRAPH}/${PHONE_NUMBER_ID}/messages`);
		expectAuthorised(request);
		expect(request.body).toEqual({
			messaging_product: 'whatsapp',
			recipient_type: 'individual',
			to: '15551234567',
			type: 'interactive',
			interactive: {
				type: 'carousel',
				body: { text: 'Three of our latest arrivals, each under $25:' },
				action: {
					cards: [
						{ card_index: 0, type: 'cta_url', ...linkCard('echeveria') },
						{ card_index: 1, type: 'cta_url', ...linkCard('jade') },
					],
				},
			},
		});
	});

	it('sends quick-reply cards without a type, and takes the array from an expression', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, sent);
		const cards = [replyCard('echeveria'), replyCard('jade'), replyCard('aloe')];
		const { error } = await runWhatsApp(carousel('={{ $json.cards }}'), { input: [{ json: { cards } }] });
		expect(error).toBeUndefined();
		expect((gateway.requests[0].body as { interactive: { action: unknown } }).interactive.action).toEqual({
			cards: cards.map((card, index) => ({ card_index: index, ...card })),
		});
	});

	describe('bad inputs', () => {
		const field = 'Cards (JSON)';
		itRefusesEach([
			{ name: 'no body', parameters: carousel([linkCard('a'), linkCard('b')], { bodyText: '={{ "" }}' }), message: /Body Text is empty/, field: 'Body Text' },
			{ name: 'cards that are not JSON', parameters: carousel('[{"header": '), message: /Cards \(JSON\) is not valid JSON/, field },
			{ name: 'one card', parameters: carousel([linkCard('a')]), message: /has 1 card; WhatsApp allows 2 to 10/, field },
			{ name: 'eleven cards', parameters: carousel(Array.from({ length: 11 }, (_, index) => linkCard(`p${index}`))), message: /has 11 cards; WhatsApp allows 2 to 10/, field },
			{
				name: 'a card_index out of order',
				parameters: carousel([linkCard('a'), linkCard('b', { card_index: 5 })]),
				message: /card 2 card_index is 5; cards are shown in order, so it must be 1/,
				field,
			},
			{
				name: 'a document header',
				parameters: carousel([linkCard('a'), { ...linkCard('b'), header: { type: 'document', document: { link: 'https://example.com/b.pdf' } } }]),
				message: /card 2 header type is "document"/,
				field,
			},
			{
				name: 'a header link that is not https',
				parameters: carousel([linkCard('a'), { ...linkCard('b'), header: { type: 'image', image: { link: 'http://example.com/b.jpg' } } }]),
				message: /card 2 header image link "http:\/\/example.com\/b.jpg" is not an https:\/\/ link/,
				field,
			},
			{
				name: 'an image card beside a video card',
				parameters: carousel([linkCard('a'), { ...linkCard('b'), header: { type: 'video', video: { link: 'https://example.com/b.mp4' } } }]),
				message: /card 2 header is video, card 1's is image; every card of a carousel has the same header type/,
				field,
			},
			{ name: 'a card body of 161 characters', parameters: carousel([linkCard('a'), linkCard('b', { body: { text: 'x'.repeat(161) } })]), message: /card 2 body text is 161 characters; WhatsApp allows 160/, field },
			{ name: 'a card body with three line breaks', parameters: carousel([linkCard('a', { body: { text: 'a\nb\nc\nd' } }), linkCard('b')]), message: /card 1 body text has 3 line breaks; WhatsApp allows 2/, field },
			{
				name: 'a link button label of 21 characters',
				parameters: carousel([linkCard('a'), linkCard('b', { action: { name: 'cta_url', parameters: { display_text: 'Buy it now, today, ok', url: 'https://shop.example.com' } } })]),
				message: /card 2 button display_text is 21 characters; WhatsApp allows 20/,
				field,
			},
			{ name: 'a link card beside a quick-reply card', parameters: carousel([linkCard('a'), { ...replyCard('b'), header: linkCard('b').header }]), message: /card 2 has 2 quick-reply buttons, card 1 has a link button/, field },
			{ name: 'cards with different numbers of quick replies', parameters: carousel([replyCard('a', 2), replyCard('b', 1)]), message: /card 2 has 1 quick-reply button, card 1 has 2 quick-reply buttons/, field },
			{
				name: 'a quick-reply ID with spaces around it',
				parameters: carousel([replyCard('a', 1), { ...replyCard('b', 1), action: { buttons: [{ type: 'quick_reply', quick_reply: { id: ' b ', title: 'More' } }] } }]),
				message: /card 2 button 1 id " b " has leading or trailing spaces/,
				field,
			},
			{ name: 'a card without an action', parameters: carousel([linkCard('a'), { header: linkCard('b').header }]), message: /card 2 has no action/, field },
		]);
	});
});

describe('the sandbox: a media carousel', () => {
	let sandbox: SandboxHandle;

	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		sandbox = await startSandbox({ port: 0, rateLimitPerSecond: 0 });
	});

	afterAll(async () => {
		await sandbox.close();
	});

	beforeEach(() => sandbox.reset());

	it('accepts the carousel the node builds', async () => {
		const { items, error } = await runWhatsApp(
			{ ...carousel([replyCard('echeveria'), replyCard('jade')]), phoneNumberId: phoneNumberById(sandbox.ids.phoneNumberId) },
			{ credentials: sandbox.credentials() },
		);
		expect(error).toBeUndefined();
		expect((items[0].json.messages as Array<{ id: string }>)[0].id).toMatch(/^wamid\./);
	});
});
