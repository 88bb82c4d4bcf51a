import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { OPTIONS_DESCRIPTION, phoneNumberIdField, showFor } from '../../shared/fields/fields';
import { requirePhoneNumberId } from '../../shared/fields/phoneNumberId';
import { inputError } from '../../shared/errors';
import { describeType } from '../../shared/checks/urlSegments';
import { QR_IMAGE_FORMATS, QR_IMAGE_HOSTS } from '../../shared/limits';
import { gatewayOperation } from '../../transport/operation';
import { checkPrefilledMessage, prefilledMessageField, QR_CODES_PATH } from './common';

type ImageFormat = (typeof QR_IMAGE_FORMATS)[number];

const MIME_TYPES: Record<ImageFormat, string> = { PNG: 'image/png', SVG: 'image/svg+xml' };

/**
 * Origins (`scheme://host:port`) the image may be fetched from besides Meta's CDN: empty in the
 * package, and nothing in the node adds to it. Tests add the sandbox's origin
 * (`http://127.0.0.1:<port>`), whose `/__sandbox/qr/…` stands for the CDN there.
 */
export const extraQrImageOrigins: string[] = [];

/** Redirects followed at most, each to an allowed host only (the CDN may move an image). */
const MAX_IMAGE_REDIRECTS = 3;

const hostAllowed = (host: string): boolean =>
	QR_IMAGE_HOSTS.some((rule) => (rule.startsWith('*.') ? host.endsWith(rule.slice(1)) : host === rule));

/**
 * Why the image at `url` is not fetched, or undefined when it may be: only https on the default
 * port, no user name or password, and a host of Meta's CDN (QR_IMAGE_HOSTS); else an origin a
 * test allowed.
 */
export function imageUrlRefusal(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'its URL is not a valid URL';
	}
	if (extraQrImageOrigins.includes(parsed.origin)) return undefined;
	if (parsed.protocol !== 'https:') return `its URL is not https (${parsed.protocol.replace(/:$/, '')})`;
	if (parsed.username !== '' || parsed.password !== '') return 'its URL carries a user name or password';
	if (parsed.port !== '') return `its URL names port ${parsed.port}`;
	const host = parsed.hostname.toLowerCase();
	if (!hostAllowed(host)) return `its host ${host} is not one of Meta's CDN hosts (${QR_IMAGE_HOSTS.join(', ')})`;
	return undefined;
}

/** The options of Create as the build hook checked them. */
function imageOptions(context: IExecuteSingleFunctions): { download: boolean; binaryPropertyName: string } {
	const download = context.getNodeParameter('options.downloadImage', true);
	if (typeof download !== 'boolean') {
		throw inputError(context, `Download Image must be true or false, got ${describeType(download)}`);
	}
	const name = context.getNodeParameter('options.binaryPropertyName', 'data');
	if (typeof name !== 'string' || name.trim() === '' || name.trim() === 'undefined') {
		throw inputError(
			context,
			'Put Image in Field is empty; give the name of the binary field for the image',
			'The default is data.',
		);
	}
	return { download, binaryPropertyName: name.trim() };
}

/** The build hook of QR Code › Create: the message, the image format, the options, the phone number's path. */
async function buildQrCodeCreation(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await checkPrefilledMessage.call(this, requestOptions);
	const body = requestOptions.body as IDataObject;
	const format = body.generate_qr_image;
	if (typeof format !== 'string' || !(QR_IMAGE_FORMATS as readonly string[]).includes(format)) {
		throw inputError(
			this,
			`Image Format "${String(body.generate_qr_image ?? '')}" is not one WhatsApp generates`,
			`Use ${QR_IMAGE_FORMATS.join(' or ')}.`,
		);
	}
	imageOptions(this);
	return await requirePhoneNumberId.call(this, requestOptions);
}

type Fetched = { ok: true; data: Buffer; mimeType?: string } | { ok: false; reason: string };

const headerOf = (headers: IDataObject | undefined, name: string): string | undefined => {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
};

/**
 * The image, fetched without the Maton key (a plain request: no Authorization header, no
 * credential) from an allowed host only. A redirect is followed by hand, and only when it points
 * at an allowed host too.
 */
async function fetchImage(context: IExecuteSingleFunctions, url: string, accept: string): Promise<Fetched> {
	let current = url;
	for (let hop = 0; hop <= MAX_IMAGE_REDIRECTS; hop++) {
		const refusal = imageUrlRefusal(current);
		if (refusal !== undefined) {
			return { ok: false, reason: hop === 0 ? refusal : `it was redirected, and ${refusal}` };
		}
		let response: IN8nHttpFullResponse;
		try {
			response = (await context.helpers.httpRequest({
				method: 'GET',
				url: current,
				headers: { Accept: accept },
				encoding: 'arraybuffer',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: 30_000,
			})) as IN8nHttpFullResponse;
		} catch (error) {
			return { ok: false, reason: `fetching it failed: ${(error as Error).message}` };
		}
		const status = response.statusCode;
		if (status >= 300 && status < 400) {
			const location = headerOf(response.headers as IDataObject, 'location');
			if (!location) return { ok: false, reason: `the image host answered ${status} without a Location` };
			try {
				current = new URL(location, current).toString();
			} catch {
				return { ok: false, reason: `the image host redirected to an invalid URL` };
			}
			continue;
		}
		if (status < 200 || status >= 300) return { ok: false, reason: `the image host answered HTTP ${status}` };
		const body = response.body as unknown;
		const data = Buffer.isBuffer(body)
			? body
			: body instanceof ArrayBuffer
				? Buffer.from(body)
				: typeof body === 'string'
					? Buffer.from(body)
					: undefined;
		if (data === undefined || data.length === 0) return { ok: false, reason: 'the image host answered with no image' };
		const mimeType = headerOf(response.headers as IDataObject, 'content-type')?.split(';')[0].trim().toLowerCase();
		return { ok: true, data, mimeType };
	}
	return { ok: false, reason: `it was redirected more than ${MAX_IMAGE_REDIRECTS} times` };
}

/**
 * postReceive of Create: with Download Image (the default), the image at `qr_image_url` becomes
 * the item's binary field. The QR code exists by now, so a download that cannot be made does not
 * fail the item: it keeps the URL and says why in `imageNotDownloaded`.
 */
async function downloadQrImage(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const { download, binaryPropertyName } = imageOptions(this);
	if (!download) return items;
	const format = String(this.getNodeParameter('imageFormat', 'PNG')) as ImageFormat;
	const expected = MIME_TYPES[format] ?? MIME_TYPES.PNG;
	return await Promise.all(
		items.map(async (item) => {
			const url = item.json.qr_image_url;
			if (typeof url !== 'string' || url === '') {
				return { ...item, json: { ...item.json, imageNotDownloaded: 'Graph gave no qr_image_url' } };
			}
			const fetched = await fetchImage(this, url, `${expected}, image/*;q=0.8`);
			if (!fetched.ok) {
				return { ...item, json: { ...item.json, imageNotDownloaded: `Not downloaded: ${fetched.reason}` } };
			}
			const mimeType = fetched.mimeType?.startsWith('image/') ? fetched.mimeType : expected;
			const extension = mimeType === MIME_TYPES.SVG ? 'svg' : 'png';
			const code = typeof item.json.code === 'string' && /^[A-Za-z0-9]+$/.test(item.json.code) ? item.json.code : 'qr-code';
			const binary = await this.helpers.prepareBinaryData(fetched.data, `${code}.${extension}`, mimeType);
			return { ...item, binary: { ...item.binary, [binaryPropertyName]: binary } };
		}),
	);
}

export const createOperation = gatewayOperation(
	{
		name: 'Create',
		value: 'create',
		action: 'Create a QR code',
		description:
			'Create a QR code and short link that open a chat with the business phone number, with a prefilled message; the image can be downloaded as binary data',
	},
	{
		request: { method: 'POST', url: QR_CODES_PATH },
		build: buildQrCodeCreation,
		output: [downloadQrImage],
	},
);

export const createFields: INodeProperties[] = [
	phoneNumberIdField('qrCode', ['create']),
	prefilledMessageField(['create']),
	{
		displayName: 'Image Format',
		name: 'imageFormat',
		type: 'options',
		default: 'PNG',
		description: 'The format of the QR code image WhatsApp generates',
		options: [
			{ name: 'PNG', value: 'PNG', description: 'A bitmap image' },
			{ name: 'SVG', value: 'SVG', description: 'A vector image, sharp at any print size' },
		],
		displayOptions: showFor('qrCode', ['create']),
		routing: { send: { type: 'body', property: 'generate_qr_image' } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		description: OPTIONS_DESCRIPTION,
		displayOptions: showFor('qrCode', ['create']),
		options: [
			{
				displayName: 'Download Image',
				name: 'downloadImage',
				type: 'boolean',
				default: true,
				description:
					"Whether to download the QR code image from Meta's CDN into a binary field (without the Maton key); when off, or when the URL is not on Meta's CDN, the item has only the image URL",
			},
			{
				displayName: 'Put Image in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				placeholder: 'e.g. data',
				hint: 'The name of the output binary field to put the image in',
				description: 'Binary field of the output item that receives the QR code image',
			},
		],
	},
];
