import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { GATEWAY_ORIGIN, GRAPH, PHONE_NUMBER_ID, expectAuthorised, fakeApi, phoneNumberById, runWhatsApp } from '../fixture';
import { itRefusesEach } from '../refusal';
import { imageUrlRefusal } from '../../nodes/WhatsAppMaton/resources/qrCode/create';

const QR_CODES = `${GRAPH}/${PHONE_NUMBER_ID}/message_qrdls`;
const CODE = '4O4YGZEG3RIVE1';
const CDN = 'https://scontent-iad3-2.xx.fbcdn.net';
const IMAGE_PATH = `/m1/v/t6/An95pdRpUTWfK6wmOv7l.png?ccb=10-5&oh=00_AfA&oe=6760F4F5&_nc_sid=41b5c4`;
const PNG = Buffer.from('\x89PNG\r\n\x1a\n qr code pixels', 'binary');

const created = (qrImageUrl = `${CDN}${IMAGE_PATH}`) => ({
	code: CODE,
	prefilled_message: 'Cyber Monday',
	deep_link_url: `https://wa.me/message/${CODE}`,
	qr_image_url: qrImageUrl,
});

const create = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'qrCode',
	operation: 'create',
	phoneNumberId: phoneNumberById(),
	prefilledMessage: 'Cyber Monday',
	imageFormat: 'PNG',
	...extra,
});

/** The CDN: records each request's headers and answers with the image. */
function fakeCdn(origin = CDN, path = IMAGE_PATH.split('?')[0]) {
	const seen: Array<Record<string, string | string[] | undefined>> = [];
	const scope = nock(origin)
		.get((uri) => uri.startsWith(path))
		.reply(function () {
			seen.push(this.req.headers);
			return [200, PNG, { 'content-type': 'image/png' }];
		});
	return { seen, scope };
}

describe('QR Code › Create', () => {
	it('posts the message and format to /{phone}/message_qrdls and downloads the image without the Maton key', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, created());
		const cdn = fakeCdn();
		const { items, error } = await runWhatsApp(create());
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		const [request] = gateway.requests;
		expect(request.method).toBe('POST');
		expect(request.url).toBe(QR_CODES);
		expectAuthorised(request);
		expect(request.body).toEqual({ prefilled_message: 'Cyber Monday', generate_qr_image: 'PNG' });

		expect(cdn.seen).toHaveLength(1);
		expect(cdn.seen[0].authorization).toBeUndefined();
		expect(cdn.seen[0]['maton-connection']).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(created());
		const binary = items[0].binary?.data;
		expect(binary).toMatchObject({ mimeType: 'image/png', fileName: `${CODE}.png`, fileExtension: 'png' });
		expect(Buffer.from(String(binary?.data), 'base64')).toEqual(PNG);
	});

	it('asks for an SVG and puts the image in the binary field the option names', async () => {
		const svgUrl = `${CDN}/m1/v/t6/qr.svg?oh=1`;
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, created(svgUrl));
		nock(CDN)
			.get('/m1/v/t6/qr.svg?oh=1')
			.reply(200, '<svg xmlns="http://www.w3.org/2000/svg"/>', { 'content-type': 'image/svg+xml' });
		const { items, error } = await runWhatsApp(
			create({ imageFormat: 'SVG', options: { binaryPropertyName: 'qrImage' } }),
		);
		expect(error).toBeUndefined();
		expect(gateway.requests[0].body).toEqual({ prefilled_message: 'Cyber Monday', generate_qr_image: 'SVG' });
		expect(items[0].binary?.data).toBeUndefined();
		expect(items[0].binary?.qrImage).toMatchObject({ mimeType: 'image/svg+xml', fileName: `${CODE}.svg` });
	});

	it('downloads nothing with Download Image off', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, created());
		const cdn = fakeCdn();
		const { items, error } = await runWhatsApp(create({ options: { downloadImage: false } }));
		expect(error).toBeUndefined();
		expect(cdn.seen).toEqual([]);
		expect(items.map((item) => item.json)).toEqual([created()]);
		expect(items[0].binary).toBeUndefined();
	});

	it('does not fetch an image on a host that is not Meta’s CDN, and says why', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, created('https://images.example.com/qr.png'));
		const other = fakeCdn('https://images.example.com', '/qr.png');
		const { items, error } = await runWhatsApp(create());
		expect(error).toBeUndefined();
		expect(other.seen).toEqual([]);
		expect(items[0].binary).toBeUndefined();
		expect(items[0].json.qr_image_url).toBe('https://images.example.com/qr.png');
		expect(items[0].json.imageNotDownloaded).toMatch(/^Not downloaded: its host images\.example\.com is not one of Meta's CDN hosts/);
	});

	it('does not follow a redirect to another host', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, created());
		nock(CDN)
			.get((uri) => uri.startsWith('/m1/v/t6/'))
			.reply(302, '', { location: 'https://evil.example.com/steal.png' });
		const evil = fakeCdn('https://evil.example.com', '/steal.png');
		const { items, error } = await runWhatsApp(create());
		expect(error).toBeUndefined();
		expect(evil.seen).toEqual([]);
		expect(items[0].binary).toBeUndefined();
		expect(items[0].json.imageNotDownloaded).toMatch(/^Not downloaded: it was redirected, and its host evil\.example\.com/);
	});

	it('follows a redirect within Meta’s CDN', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, created());
		nock(CDN)
			.get((uri) => uri.startsWith('/m1/v/t6/'))
			.reply(302, '', { location: 'https://lookaside.fbsbx.com/qr/4O4YGZEG3RIVE1.png' });
		const lookaside = fakeCdn('https://lookaside.fbsbx.com', '/qr/');
		const { items, error } = await runWhatsApp(create());
		expect(error).toBeUndefined();
		expect(lookaside.seen).toHaveLength(1);
		expect(lookaside.seen[0].authorization).toBeUndefined();
		expect(items[0].binary?.data).toMatchObject({ mimeType: 'image/png' });
	});

	it('keeps the item when the CDN fails, with the URL and the reason', async () => {
		fakeApi(GATEWAY_ORIGIN).reply(200, created());
		nock(CDN).get((uri) => uri.startsWith('/m1/v/t6/')).reply(403, 'URL signature expired');
		const { items, error } = await runWhatsApp(create());
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ ...created(), imageNotDownloaded: 'Not downloaded: the image host answered HTTP 403' });
	});

	it('says so when Graph gave no image URL', async () => {
		const answer: Record<string, unknown> = created();
		delete answer.qr_image_url;
		fakeApi(GATEWAY_ORIGIN).reply(200, answer);
		const { items, error } = await runWhatsApp(create());
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ ...answer, imageNotDownloaded: 'Graph gave no qr_image_url' });
	});
});

describe('the image URL allow-list', () => {
	it.each([
		['https://scontent.xx.fbcdn.net/m1/qr.png', undefined],
		['https://scontent-iad3-2.xx.fbcdn.net/m1/qr.png', undefined],
		['https://lookaside.fbsbx.com/qr.png', undefined],
		['http://scontent.xx.fbcdn.net/qr.png', /not https/],
		['https://fbcdn.net/qr.png', /not one of Meta's CDN hosts/],
		['https://fbcdn.net.example.com/qr.png', /not one of Meta's CDN hosts/],
		['https://evilfbcdn.net/qr.png', /not one of Meta's CDN hosts/],
		['https://x.lookaside.fbsbx.com/qr.png', /not one of Meta's CDN hosts/],
		['https://scontent.xx.fbcdn.net:8443/qr.png', /port 8443/],
		['https://user:pw@scontent.xx.fbcdn.net/qr.png', /user name or password/],
		['http://127.0.0.1:8787/__sandbox/qr/x.png', /not https/],
		['not a url', /not a valid URL/],
	])('%s', (url, refusal) => {
		const reason = imageUrlRefusal(url);
		if (refusal === undefined) expect(reason).toBeUndefined();
		else expect(reason).toMatch(refusal);
	});
});

describe('bad inputs', () => {
	itRefusesEach([
		{
			name: 'an empty prefilled message from an expression',
			parameters: create({ prefilledMessage: '={{ $json.missing }}' }),
			message: /^Prefilled Message is empty/,
			field: 'Prefilled Message',
		},
		{
			name: 'a prefilled message of spaces from an expression',
			parameters: create({ prefilledMessage: '={{ "   " }}' }),
			message: /^Prefilled Message is empty/,
			field: 'Prefilled Message',
		},
		{
			name: 'a prefilled message of 141 characters',
			parameters: create({ prefilledMessage: '={{ "a".repeat(141) }}' }),
			message: /^Prefilled Message is 141 characters; WhatsApp allows 140/,
			field: 'Prefilled Message',
		},
		{
			name: 'an image format WhatsApp does not generate',
			parameters: create({ imageFormat: '={{ "GIF" }}' }),
			message: /GIF/,
			field: 'Image Format',
		},
		{
			name: 'an empty binary field name',
			parameters: create({ options: { binaryPropertyName: '={{ "" }}' } }),
			message: /^Put Image in Field is empty/,
			field: 'Put Image in Field',
		},
		{
			name: 'no phone number from an expression',
			parameters: create({ phoneNumberId: { __rl: true, mode: 'id', value: '={{ $json.missing }}' } }),
			message: /^Business Phone Number is empty/,
			field: 'Business Phone Number',
		},
	]);
});
