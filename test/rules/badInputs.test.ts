/**
 * Every rule of WhatsApp's that the node must check before sending (docs/whatsapp-rules.md, which
 * says where each comes from: "Every message", "Text and media messages", "Interactive messages",
 * "Template messages", "Media files", "Phone numbers and business profile"), broken once or
 * more, on every resource. Each case runs the node through n8n's engine and expects it to refuse
 * the input with a message naming the field, for the item that broke it, before any request
 * reaches the gateway or the control API (see expectRefusedBeforeSending).
 *
 * Values that n8n itself would refuse before the node runs (an empty required field, a number
 * outside the field's own min / max, more entries than a fixed collection allows) are fed through
 * expressions or JSON, so that the node's own check is what is tested.
 *
 * A case marked `missingRule` breaks a rule of docs/whatsapp-rules.md that the node does not check yet:
 * it runs as `it.failing`, so it turns red (and must be unmarked) once the node checks it.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { phoneNumberById } from '../fixture';
import { itemWithFile } from '../media/multipart';
import { type BadInput, expectRefusedBeforeSending } from './refusal';

interface Case extends BadInput {
	/** The node does not enforce this rule yet: the case is expected to fail. */
	missingRule?: true;
}

function table(cases: Case[]): void {
	const enforced = cases.filter((badInput) => !badInput.missingRule);
	const missing = cases.filter((badInput) => badInput.missingRule);
	if (enforced.length > 0) it.each(enforced)('$name', expectRefusedBeforeSending);
	if (missing.length > 0) {
		it.failing.each(missing)('$name (rule not enforced yet)', expectRefusedBeforeSending);
	}
}

const KB = 1024;
const MB = 1024 * KB;
const TO = '15551234567';
const WAMID = 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA';

/** `'={{ "x".repeat(21) }}'`: a long value fed by an expression, as a model or a mapping would. */
const repeated = (character: string, count: number) => `={{ "${character}".repeat(${count}) }}`;

/** A file of `size` bytes in the input item's binary field `data`. */
const file = (mimeType: string, size: number, fileName = 'file.bin'): INodeExecutionData[] =>
	itemWithFile(Buffer.alloc(size, 0x61), { mimeType, fileName });

/** A static (not animated) WebP: `RIFF`, `WEBP`, one `VP8 ` image chunk, no `ANIM`. */
function staticWebp(size: number): INodeExecutionData[] {
	const bytes = Buffer.alloc(size, 0);
	bytes.write('RIFF', 0, 'latin1');
	bytes.writeUInt32LE(size - 8, 4);
	bytes.write('WEBPVP8 ', 8, 'latin1');
	bytes.writeUInt32LE(size - 20, 16);
	return itemWithFile(bytes, { mimeType: 'image/webp', fileName: 'sticker.webp' });
}

// ---------------------------------------------------------------------------------------------
// Valid parameters of every operation; each case breaks one rule on top of them.
// ---------------------------------------------------------------------------------------------

const message = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'message',
	operation,
	phoneNumberId: phoneNumberById(),
	recipientPhoneNumber: TO,
	...extra,
});

const yesNo = { button: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: 'No' }] };
const oneSection = {
	section: [{ title: 'Pizzas', rows: { row: [{ id: 'margherita', title: 'Margherita' }] } }],
};

/** A valid message of each kind, but for what a case changes. */
const valid: Record<string, INodeParameters> = {
	sendText: { text: 'Hello!' },
	sendImage: { mediaSource: 'link', mediaLink: 'https://cdn.example.com/photo.jpg' },
	sendVideo: { mediaSource: 'link', mediaLink: 'https://cdn.example.com/clip.mp4' },
	sendAudio: { mediaSource: 'link', mediaLink: 'https://cdn.example.com/voice.ogg' },
	sendDocument: { mediaSource: 'link', mediaLink: 'https://cdn.example.com/invoice.pdf' },
	sendSticker: { mediaSource: 'link', mediaLink: 'https://cdn.example.com/smile.webp' },
	sendLocation: { latitude: 37.7749, longitude: -122.4194 },
	sendContacts: { contacts: { contact: [{ formattedName: 'Jane Doe', firstName: 'Jane' }] } },
	sendReaction: { messageId: WAMID, emoji: '👍' },
	sendReplyButtons: { bodyText: 'Would you like to proceed?', buttons: yesNo },
	sendList: { bodyText: 'What would you like?', buttonText: 'View menu', sections: oneSection },
	sendCallToActionUrl: {
		bodyText: 'Your order has shipped.',
		buttonText: 'Track order',
		url: 'https://example.com/orders/123',
	},
	sendLocationRequest: { bodyText: 'Please share your location' },
	sendTemplate: {
		template: { __rl: true, mode: 'name', value: 'order_shipped' },
		languageCode: 'en_US',
		specifyComponents: 'fields',
		components: {},
	},
};

const send = (operation: string, extra: INodeParameters = {}) =>
	message(operation, { ...valid[operation], ...extra });

const fromBinary = (operation: string, extra: INodeParameters = {}) =>
	message(operation, { mediaSource: 'binary', ...extra });

const upload = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'media',
	operation: 'upload',
	phoneNumberId: phoneNumberById(),
	...extra,
});

/** Send Template by its variables (the default mode), with the mapping as the editor saves it. */
const sendTemplateMapped = (value: Record<string, string>): INodeParameters =>
	message('sendTemplate', {
		template: { __rl: true, mode: 'list', value: 'order_shipped' },
		languageCode: 'en_US',
		templateVariables: {
			mappingMode: 'defineBelow',
			value,
			matchingColumns: [],
			schema: [],
			attemptToConvertTypes: false,
			convertFieldsToString: false,
		},
	});

/** The definition the list call answers: two numbered body placeholders and a dynamic URL button. */
const orderShipped = {
	name: 'order_shipped',
	language: 'en_US',
	status: 'APPROVED',
	category: 'UTILITY',
	parameter_format: 'POSITIONAL',
	id: '1407680676729941',
	components: [
		{
			type: 'BODY',
			text: 'Hi {{1}}, your order #{{2}} is on its way!',
			example: { body_text: [['Jane', '1234']] },
		},
		{
			type: 'BUTTONS',
			buttons: [
				{
					type: 'URL',
					text: 'Track order',
					url: 'https://shop.example.com/track/{{1}}',
					example: ['https://shop.example.com/track/1234'],
				},
			],
		},
	],
};
const definitionAnswer = (template: object = orderShipped) => ({ data: [template] });

const templateComponents = (component: INodeParameters[]): INodeParameters => ({ component });
const templateComponentsJson = (components: unknown[]) => ({
	specifyComponents: 'json',
	componentsJson: JSON.stringify(components),
});

const createTemplate = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'template',
	operation: 'create',
	templateName: 'order_confirmation',
	languageCode: 'en_US',
	category: 'UTILITY',
	bodyText: 'Hi {{1}}, your order #{{2}} has been confirmed!',
	bodyExamples: { example: [{ value: 'Jane' }, { value: '1234' }] },
	...extra,
});

const updateProfile = (updateFields: INodeParameters, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'businessProfile',
	operation: 'update',
	phoneNumberId: phoneNumberById(),
	updateFields,
	...extra,
});

// An empty business account ID is no longer a bad input: the node asks the Maton connection which
// account it reaches (account discovery). What it says when it finds none or several is tested
// with the operations (test/template/*.test.ts, test/phoneNumber/list.test.ts, test/discovery).

// ---------------------------------------------------------------------------------------------

describe('Message limits › all messages: the recipient (digits with country code, 7 to 15, no 00)', () => {
	table([
		{
			name: 'sendText: letters in the number',
			parameters: send('sendText', { recipientPhoneNumber: '1555CALLNOW' }),
			message: /^Recipient Phone Number "1555CALLNOW" has characters other than digits/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendImage: a leading 00',
			parameters: send('sendImage', { recipientPhoneNumber: '00 44 7700 900123' }),
			message: /^Recipient Phone Number "00 44 7700 900123" starts with 00/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendVideo: 6 digits',
			parameters: send('sendVideo', { recipientPhoneNumber: '123-456' }),
			message: /^Recipient Phone Number "123-456" has 6 digits; WhatsApp wants 7 to 15/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendAudio: 16 digits',
			parameters: send('sendAudio', { recipientPhoneNumber: '+1 234 567 890 123 456' }),
			message: /^Recipient Phone Number "\+1 234 567 890 123 456" has 16 digits; WhatsApp wants 7 to 15/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendDocument: a + inside the number',
			parameters: send('sendDocument', { recipientPhoneNumber: '+1 555 +123 4567' }),
			message: /^Recipient Phone Number "\+1 555 \+123 4567" has characters other than digits/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendSticker: empty once the expression is resolved',
			parameters: send('sendSticker', { recipientPhoneNumber: '={{ $json.phone }}' }),
			message: /^Recipient Phone Number is empty/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendLocation: 5 digits with brackets',
			parameters: send('sendLocation', { recipientPhoneNumber: '(555) 12' }),
			message: /^Recipient Phone Number "\(555\) 12" has 5 digits/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendContacts: 00 prefix without spaces',
			parameters: send('sendContacts', { recipientPhoneNumber: '00442079460958' }),
			message: /^Recipient Phone Number "00442079460958" starts with 00/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendReaction: not a number at all',
			parameters: send('sendReaction', { recipientPhoneNumber: 'jane@example.com' }),
			message: /^Recipient Phone Number "jane@example\.com" has characters other than digits/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendReplyButtons: 16 digits from an expression',
			parameters: send('sendReplyButtons', { recipientPhoneNumber: '={{ "1".repeat(16) }}' }),
			message: /^Recipient Phone Number "1{16}" has 16 digits/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendList: only separators',
			parameters: send('sendList', { recipientPhoneNumber: '={{ " + ( ) - " }}' }),
			message: /^Recipient Phone Number is empty/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendCallToActionUrl: a tel: link',
			parameters: send('sendCallToActionUrl', { recipientPhoneNumber: 'tel:15551234567' }),
			message: /^Recipient Phone Number "tel:15551234567" has characters other than digits/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendLocationRequest: 00 and a + together',
			parameters: send('sendLocationRequest', { recipientPhoneNumber: '+00 1 555 123 4567' }),
			message: /^Recipient Phone Number "\+00 1 555 123 4567" starts with 00/,
			field: 'Recipient Phone Number',
		},
		{
			name: 'sendTemplate: 5 digits',
			parameters: send('sendTemplate', { recipientPhoneNumber: '12345' }),
			message: /^Recipient Phone Number "12345" has 5 digits/,
			field: 'Recipient Phone Number',
		},
	]);
});

describe('Message limits › text (body 1..4096, preview_url boolean)', () => {
	table([
		{
			name: 'a text of 4097 characters',
			parameters: send('sendText', { text: repeated('x', 4097) }),
			message: /^Text is 4097 characters; WhatsApp allows 4096/,
			field: 'Text',
		},
		{
			name: 'a text left blank by its expression',
			parameters: send('sendText', { text: '={{ $json.reply }}' }),
			message: /^Text is empty/,
			field: 'Text',
		},
		{
			name: 'Show Link Preview that is not a boolean',
			parameters: send('sendText', { options: { previewUrl: '={{ "yes please" }}' } }),
			message: /^Show Link Preview\b.*"yes please"/,
			field: 'Show Link Preview',
		},
	]);
});

describe('Message limits › image / video / audio / document / sticker (link or id, caption, file name)', () => {
	table([
		{
			name: 'sendImage: an http:// link',
			parameters: send('sendImage', { mediaLink: 'http://cdn.example.com/photo.jpg' }),
			message: /^Media URL must be a public https:\/\/ link; got "http:\/\/cdn\.example\.com\/photo\.jpg"/,
			field: 'Media URL',
		},
		{
			name: 'sendAudio: a link without a scheme',
			parameters: send('sendAudio', { mediaLink: 'cdn.example.com/voice.ogg' }),
			message: /^Media URL must be a public https:\/\/ link/,
			field: 'Media URL',
		},
		{
			name: 'sendVideo: a link an expression left undefined (neither link nor id)',
			parameters: send('sendVideo', { mediaLink: '={{ $json.url }}' }),
			message: /^Media URL is empty/,
			field: 'Media URL',
		},
		{
			name: 'sendSticker: a media ID left blank by its expression',
			parameters: send('sendSticker', { mediaSource: 'id', mediaId: '={{ "  " }}' }),
			message: /^Media ID is empty/,
			field: 'Media ID',
		},
		{
			name: 'sendAudio: a media ID an expression left undefined (neither link nor id)',
			parameters: send('sendAudio', { mediaSource: 'id', mediaId: '={{ $json.mediaId }}' }),
			message: /^Media ID is empty/,
			field: 'Media ID',
		},
		{
			name: 'sendImage: a caption of 1025 characters',
			parameters: send('sendImage', { options: { caption: repeated('c', 1025) } }),
			message: /^Caption is 1025 characters; WhatsApp allows 1024/,
			field: 'Caption',
		},
		{
			name: 'sendVideo: a caption of 1025 characters (emoji count as one)',
			parameters: send('sendVideo', { options: { caption: repeated('🎬', 1025) } }),
			message: /^Caption is 1025 characters; WhatsApp allows 1024/,
			field: 'Caption',
		},
		{
			name: 'sendDocument: a caption of 1025 characters',
			parameters: send('sendDocument', { options: { caption: repeated('c', 1025) } }),
			message: /^Caption is 1025 characters; WhatsApp allows 1024/,
			field: 'Caption',
		},
		{
			name: 'sendDocument: a file name of 241 characters',
			parameters: send('sendDocument', { options: { filename: `={{ "f".repeat(237) + ".pdf" }}` } }),
			message: /^File Name is 241 characters; WhatsApp allows 240/,
			field: 'File Name',
		},
	]);
});

describe('Media › MIME types and sizes of each kind, on a media message sent from a binary field', () => {
	const refusedType = (kind: string) =>
		new RegExp(`^Input Binary Field "data" has MIME type "[^"]+", which WhatsApp does not accept in an? ${kind} message`);
	table([
		{
			name: 'image: a PDF',
			parameters: fromBinary('sendImage'),
			input: file('application/pdf', 100, 'a.pdf'),
			message: refusedType('image'),
			field: 'Input Binary Field "data"',
		},
		{
			name: 'image: a WebP (stickers only)',
			parameters: fromBinary('sendImage'),
			input: file('image/webp', 100, 'a.webp'),
			message: refusedType('image'),
			field: 'Input Binary Field "data"',
		},
		{
			name: 'image: a GIF',
			parameters: fromBinary('sendImage'),
			input: file('image/gif', 100, 'a.gif'),
			message: refusedType('image'),
			field: 'Input Binary Field "data"',
		},
		{
			name: 'image: 5 MB and one byte',
			parameters: fromBinary('sendImage'),
			input: file('image/jpeg', 5 * MB + 1, 'big.jpg'),
			message: /^Input Binary Field "data" is 5\.01 MB; WhatsApp allows 5 MB for image files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'video: a QuickTime movie',
			parameters: fromBinary('sendVideo'),
			input: file('video/quicktime', 100, 'a.mov'),
			message: refusedType('video'),
			field: 'Input Binary Field "data"',
		},
		{
			name: 'video: 16 MB and one byte',
			parameters: fromBinary('sendVideo'),
			input: file('video/mp4', 16 * MB + 1, 'big.mp4'),
			message: /^Input Binary Field "data" is 16\.01 MB; WhatsApp allows 16 MB for video files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'audio: a WAV file',
			parameters: fromBinary('sendAudio'),
			input: file('audio/wav', 100, 'a.wav'),
			message: refusedType('audio'),
			field: 'Input Binary Field "data"',
		},
		{
			name: 'audio: an Ogg that says it is Vorbis, not Opus',
			parameters: fromBinary('sendAudio'),
			input: file('audio/ogg; codecs=vorbis', 100, 'a.ogg'),
			message: /^Input Binary Field "data" has MIME type "audio\/ogg; codecs=vorbis", which WhatsApp does not accept in an audio message/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'audio: 16 MB and one byte',
			parameters: fromBinary('sendAudio'),
			input: file('audio/mpeg', 16 * MB + 1, 'big.mp3'),
			message: /^Input Binary Field "data" is 16\.01 MB; WhatsApp allows 16 MB for audio files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'document: a ZIP archive',
			parameters: fromBinary('sendDocument'),
			input: file('application/zip', 100, 'a.zip'),
			message: refusedType('document'),
			field: 'Input Binary Field "data"',
		},
		{
			name: 'document: a PNG (images go in image messages)',
			parameters: fromBinary('sendDocument'),
			input: file('image/png', 100, 'a.png'),
			message: refusedType('document'),
			field: 'Input Binary Field "data"',
		},
		{
			name: 'document: 100 MB and one byte',
			parameters: fromBinary('sendDocument'),
			input: file('application/pdf', 100 * MB + 1, 'big.pdf'),
			message: /^Input Binary Field "data" is 100\.01 MB; WhatsApp allows 100 MB for document files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'sticker: a PNG',
			parameters: fromBinary('sendSticker'),
			input: file('image/png', 100, 'a.png'),
			message: refusedType('sticker'),
			field: 'Input Binary Field "data"',
		},
		{
			name: 'sticker: 500 KB and one byte',
			parameters: fromBinary('sendSticker'),
			input: file('image/webp', 500 * KB + 1, 'big.webp'),
			message: /^Input Binary Field "data" is 501 KB; WhatsApp allows 500 KB for sticker files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'sticker: a static WebP of 100 KB and one byte',
			parameters: fromBinary('sendSticker'),
			input: staticWebp(100 * KB + 1),
			message: /^Input Binary Field "data" is 101 KB; WhatsApp allows 100 KB for (?:a )?static sticker/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'a message that names no binary field',
			parameters: fromBinary('sendImage', { binaryPropertyName: '={{ "" }}' }),
			input: file('image/png', 100, 'a.png'),
			message: /^Input Binary Field is empty/,
			field: 'Input Binary Field',
		},
	]);
});

describe('Media › Upload: a MIME type WhatsApp accepts, within the size of its kind', () => {
	table([
		{
			name: 'a GIF',
			parameters: upload(),
			input: file('image/gif', 100, 'a.gif'),
			message: /^Input Binary Field "data" has MIME type "image\/gif", which WhatsApp does not accept/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'a file without a MIME type',
			parameters: upload(),
			input: file('', 100, 'mystery'),
			message: /^Input Binary Field "data" has MIME type "unknown", which WhatsApp does not accept/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'the MIME Type option set to one WhatsApp does not accept',
			parameters: upload({ options: { mimeType: 'video/quicktime' } }),
			input: file('video/mp4', 100, 'a.mp4'),
			message: /^Input Binary Field "data" has MIME type "video\/quicktime", which WhatsApp does not accept/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'an image of 5 MB and one byte',
			parameters: upload(),
			input: file('image/png', 5 * MB + 1, 'big.png'),
			message: /^Input Binary Field "data" is 5\.01 MB; WhatsApp allows 5 MB for image files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'a 3GPP video of 16 MB and one byte',
			parameters: upload(),
			input: file('video/3gpp', 16 * MB + 1, 'big.3gp'),
			message: /^Input Binary Field "data" is 16\.01 MB; WhatsApp allows 16 MB for video files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'an AMR audio of 16 MB and one byte',
			parameters: upload(),
			input: file('audio/amr', 16 * MB + 1, 'big.amr'),
			message: /^Input Binary Field "data" is 16\.01 MB; WhatsApp allows 16 MB for audio files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'a WebP (sticker) of 500 KB and one byte',
			parameters: upload(),
			input: file('image/webp', 500 * KB + 1, 'big.webp'),
			message: /^Input Binary Field "data" is 501 KB; WhatsApp allows 500 KB for sticker files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'a Word document, announced as a PNG by the MIME Type option, of 5 MB and one byte',
			parameters: upload({ options: { mimeType: 'image/png' } }),
			input: file('application/msword', 5 * MB + 1, 'big.doc'),
			message: /^Input Binary Field "data" is 5\.01 MB; WhatsApp allows 5 MB for image files/,
			field: 'Input Binary Field "data"',
		},
		{
			name: 'an input item without the binary field',
			parameters: upload({ binaryPropertyName: 'attachment' }),
			input: file('image/png', 100, 'a.png'),
			message: /'attachment'/,
			field: 'attachment',
		},
	]);
});

describe('Message limits › location (latitude -90..90, longitude -180..180)', () => {
	table([
		{
			name: 'a latitude of 91',
			parameters: send('sendLocation', { latitude: '={{ 91 }}' }),
			message: /^Latitude is 91; it must be between -90 and 90/,
			field: 'Latitude',
		},
		{
			name: 'a latitude of -90.5',
			parameters: send('sendLocation', { latitude: '={{ -90.5 }}' }),
			message: /^Latitude is -90\.5; it must be between -90 and 90/,
			field: 'Latitude',
		},
		{
			name: 'a longitude of 180.01',
			parameters: send('sendLocation', { longitude: '={{ 180.01 }}' }),
			message: /^Longitude is 180\.01; it must be between -180 and 180/,
			field: 'Longitude',
		},
		{
			name: 'a latitude that is not a number',
			parameters: send('sendLocation', { latitude: '={{ "north" }}' }),
			message: /^Latitude is north; it must be between -90 and 90/,
			field: 'Latitude',
		},
	]);
});

describe('Message limits › contacts (one or more, each with name.formatted_name, birthday YYYY-MM-DD)', () => {
	table([
		{
			name: 'no contact in the fields',
			parameters: send('sendContacts', { contacts: {} }),
			message: /^Contacts is empty; add at least one contact/,
			field: 'Contacts',
		},
		{
			name: 'an empty JSON array',
			parameters: send('sendContacts', { specifyContacts: 'json', contactsJson: '[]' }),
			message: /^Contacts is empty; add at least one contact/,
			field: 'Contacts',
		},
		{
			name: 'a JSON contact without name.formatted_name',
			parameters: send('sendContacts', {
				specifyContacts: 'json',
				contactsJson: JSON.stringify([{ name: { first_name: 'Jane' }, phones: [{ phone: '+15551234567' }] }]),
			}),
			message: /^Contact 1 has no Formatted Name; WhatsApp requires one/,
			field: 'Contact 1',
		},
		{
			name: 'a second contact whose Formatted Name an expression left blank',
			parameters: send('sendContacts', {
				contacts: {
					contact: [
						{ formattedName: 'Jane Doe', firstName: 'Jane' },
						{ formattedName: '={{ $json.name }}', firstName: 'Bo' },
					],
				},
			}),
			message: /^Contacts › Contact 2 › Formatted Name is empty/,
			field: 'Contact 2',
		},
		{
			name: 'a birthday written DD/MM/YYYY',
			parameters: send('sendContacts', { contacts: { contact: [{ formattedName: 'Jane Doe', firstName: 'Jane', birthday: '23/04/1990' }] } }),
			message: /^Contact 1 Birthday "23\/04\/1990" must be a date written YYYY-MM-DD/,
			field: 'Contact 1 Birthday',
		},
		{
			name: 'a birthday that is no calendar day (JSON)',
			parameters: send('sendContacts', {
				specifyContacts: 'json',
				contactsJson: JSON.stringify([
					{ name: { formatted_name: 'Jane Doe', first_name: 'Jane' }, birthday: '1990-02-30' },
				]),
			}),
			message: /^Contact 1 Birthday "1990-02-30" must be a date written YYYY-MM-DD/,
			field: 'Contact 1 Birthday',
		},
		{
			name: 'JSON that is one object, not an array',
			parameters: send('sendContacts', {
				specifyContacts: 'json',
				contactsJson: JSON.stringify({ name: { formatted_name: 'Jane Doe' } }),
			}),
			message: /^Contacts \(JSON\) must be a JSON array of objects/,
			field: 'Contacts (JSON)',
		},
	]);
});

describe('Message limits › reaction ({ message_id, emoji }: one emoji, or empty to remove)', () => {
	table([
		{
			name: 'two emoji',
			parameters: send('sendReaction', { emoji: '👍👍' }),
			message: /^Emoji "👍👍" is 2 characters; WhatsApp takes exactly one emoji/,
			field: 'Emoji',
		},
		{
			name: 'a word instead of an emoji',
			parameters: send('sendReaction', { emoji: 'ok' }),
			message: /^Emoji "ok" is not an emoji/,
			field: 'Emoji',
		},
		{
			name: 'a message ID left blank by its expression',
			parameters: send('sendReaction', { messageId: '={{ $json.wamid }}' }),
			message: /^Message ID is empty/,
			field: 'Message ID',
		},
	]);
});

describe('Message limits › mark as read ({ status: "read", message_id })', () => {
	table([
		{
			name: 'a message ID left blank by its expression',
			parameters: {
				resource: 'message',
				operation: 'markAsRead',
				phoneNumberId: phoneNumberById(),
				messageId: '={{ $json.wamid }}',
				options: { typingIndicator: true },
			},
			message: /^Message ID is empty/,
			field: 'Message ID',
		},
	]);
});

describe('Message limits › interactive: reply buttons (1..3, id ≤ 256 unique, title 1..20 unique, body 1..1024, header / footer ≤ 60)', () => {
	const buttonsJson = (buttons: unknown[]) => ({ specifyButtons: 'json', buttonsJson: JSON.stringify(buttons) });
	table([
		{
			name: 'no button',
			parameters: send('sendReplyButtons', { buttons: {} }),
			message: /^Buttons has 0 buttons; WhatsApp allows 1 to 3/,
			field: 'Buttons',
		},
		{
			name: 'four buttons (JSON)',
			parameters: send(
				'sendReplyButtons',
				buttonsJson(['a', 'b', 'c', 'd'].map((id) => ({ id, title: id.toUpperCase() }))),
			),
			message: /^Buttons has 4 buttons; WhatsApp allows 1 to 3/,
			field: 'Buttons',
		},
		{
			name: 'a button title of 21 characters',
			parameters: send('sendReplyButtons', {
				buttons: { button: [{ id: 'yes', title: 'Yes' }, { id: 'long', title: repeated('x', 21) }] },
			}),
			message: /^Button 2 title is 21 characters; WhatsApp allows 20/,
			field: 'Button 2 title',
		},
		{
			name: 'a button title left blank by its expression',
			parameters: send('sendReplyButtons', { buttons: { button: [{ id: 'yes', title: '={{ $json.label }}' }] } }),
			// A required field: the editor's rule, naming the field's place.
			message: /^Buttons › Button 1 › Title is empty/,
			field: 'Buttons › Button 1 › Title',
		},
		{
			name: 'a button ID of 257 characters',
			parameters: send('sendReplyButtons', buttonsJson([{ id: 'i'.repeat(257), title: 'Yes' }])),
			message: /^Button 1 ID is 257 characters; WhatsApp allows 256/,
			field: 'Button 1 ID',
		},
		{
			name: 'two buttons with the same ID',
			parameters: send('sendReplyButtons', buttonsJson([{ id: 'yes', title: 'Yes' }, { id: 'yes', title: 'Sure' }])),
			message: /^Button ID "yes" is used twice/,
			field: 'Button ID',
		},
		{
			name: 'two buttons with the same title',
			parameters: send('sendReplyButtons', {
				buttons: { button: [{ id: 'yes', title: 'Yes' }, { id: 'yes-please', title: 'Yes' }] },
			}),
			message: /^Button title "Yes" is used twice/,
			field: 'Button title',
		},
		{
			name: 'a body of 1025 characters',
			parameters: send('sendReplyButtons', { bodyText: repeated('b', 1025) }),
			message: /^Body Text is 1025 characters; WhatsApp allows 1024/,
			field: 'Body Text',
		},
		{
			name: 'a body left blank by its expression',
			parameters: send('sendReplyButtons', { bodyText: '={{ $json.question }}' }),
			message: /^Body Text is empty/,
			field: 'Body Text',
		},
		{
			name: 'a header text of 61 characters',
			parameters: send('sendReplyButtons', { options: { headerText: repeated('h', 61) } }),
			message: /^Header Text is 61 characters; WhatsApp allows 60/,
			field: 'Header Text',
		},
		{
			name: 'a footer text of 61 characters',
			parameters: send('sendReplyButtons', { options: { footerText: repeated('f', 61) } }),
			message: /^Footer Text is 61 characters; WhatsApp allows 60/,
			field: 'Footer Text',
		},
	]);
});

describe('Message limits › interactive: list (button 1..20, 1..10 sections, ≤ 10 rows, row id ≤ 200 unique, title 1..24, description ≤ 72, section title ≤ 24 and required from 2 sections, body 1..4096, header / footer ≤ 60)', () => {
	const sectionsJson = (sections: unknown[]) => ({ specifySections: 'json', sectionsJson: JSON.stringify(sections) });
	const rows = (count: number, prefix: string) =>
		Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index + 1}`, title: `${prefix} ${index + 1}` }));
	table([
		{
			name: 'a list button text of 21 characters',
			parameters: send('sendList', { buttonText: repeated('b', 21) }),
			message: /^List Button Text is 21 characters; WhatsApp allows 20/,
			field: 'List Button Text',
		},
		{
			name: 'a list button text left blank by its expression',
			parameters: send('sendList', { buttonText: '={{ $json.label }}' }),
			message: /^List Button Text is empty/,
			field: 'List Button Text',
		},
		{
			name: 'no section',
			parameters: send('sendList', { sections: {} }),
			message: /^Sections has 0 sections; WhatsApp allows 1 to 10/,
			field: 'Sections',
		},
		{
			name: 'eleven sections (JSON)',
			parameters: send(
				'sendList',
				sectionsJson(Array.from({ length: 11 }, (_, index) => ({ title: `S${index}`, rows: [{ id: `r${index}`, title: 'Row' }] }))),
			),
			message: /^Sections has 11 sections; WhatsApp allows 1 to 10/,
			field: 'Sections',
		},
		{
			name: 'eleven rows in all, over two sections',
			parameters: send('sendList', sectionsJson([{ title: 'A', rows: rows(6, 'a') }, { title: 'B', rows: rows(5, 'b') }])),
			message: /^Sections have 11 rows in all; WhatsApp allows 10/,
			field: 'Sections',
		},
		{
			name: 'a section without rows',
			parameters: send('sendList', sectionsJson([{ title: 'A', rows: [] }])),
			message: /^Section 1 has no rows/,
			field: 'Section 1',
		},
		{
			name: 'a row ID of 201 characters',
			parameters: send('sendList', sectionsJson([{ rows: [{ id: 'r'.repeat(201), title: 'Row' }] }])),
			message: /^Section 1 row 1 ID is 201 characters; WhatsApp allows 200/,
			field: 'Section 1 row 1 ID',
		},
		{
			name: 'the same row ID in two sections',
			parameters: send('sendList', sectionsJson([
				{ title: 'A', rows: [{ id: 'same', title: 'One' }] },
				{ title: 'B', rows: [{ id: 'same', title: 'Two' }] },
			])),
			message: /^Row ID "same" is used twice/,
			field: 'Row ID',
		},
		{
			name: 'a row title of 25 characters',
			parameters: send('sendList', {
				sections: { section: [{ title: 'Pizzas', rows: { row: [{ id: 'm', title: repeated('t', 25) }] } }] },
			}),
			message: /^Section 1 row 1 title is 25 characters; WhatsApp allows 24/,
			field: 'Section 1 row 1 title',
		},
		{
			name: 'a row title left blank by its expression (a required field)',
			parameters: send('sendList', {
				sections: { section: [{ title: 'Pizzas', rows: { row: [{ id: 'm', title: '={{ $json.title }}' }] } }] },
			}),
			message: /^Sections › Section 1 › Rows › Row 1 › Title is empty/,
			field: 'Sections › Section 1 › Rows › Row 1 › Title',
		},
		{
			name: 'a row without a title',
			parameters: send('sendList', sectionsJson([{ rows: [{ id: 'm', title: '' }] }])),
			message: /^Section 1 row 1 title is empty/,
			field: 'Section 1 row 1 title',
		},
		{
			name: 'a row description of 73 characters',
			parameters: send('sendList', sectionsJson([{ rows: [{ id: 'm', title: 'Margherita', description: 'd'.repeat(73) }] }])),
			message: /^Section 1 row 1 description is 73 characters; WhatsApp allows 72/,
			field: 'Section 1 row 1 description',
		},
		{
			name: 'a section title of 25 characters',
			parameters: send('sendList', sectionsJson([{ title: 's'.repeat(25), rows: [{ id: 'm', title: 'Margherita' }] }])),
			message: /^Section 1 title is 25 characters; WhatsApp allows 24/,
			field: 'Section 1 title',
		},
		{
			name: 'two sections, the second without a title',
			parameters: send('sendList', sectionsJson([
				{ title: 'Pizzas', rows: [{ id: 'm', title: 'Margherita' }] },
				{ rows: [{ id: 'c', title: 'Cola' }] },
			])),
			message: /^Section 2 title is empty/,
			field: 'Section 2 title',
		},
		{
			name: 'a body of 4097 characters',
			parameters: send('sendList', { bodyText: repeated('b', 4097) }),
			message: /^Body Text is 4097 characters; WhatsApp allows 4096/,
			field: 'Body Text',
		},
		{
			name: 'a header text of 61 characters',
			parameters: send('sendList', { options: { headerText: repeated('h', 61) } }),
			message: /^Header Text is 61 characters; WhatsApp allows 60/,
			field: 'Header Text',
		},
		{
			name: 'a footer text of 61 characters',
			parameters: send('sendList', { options: { footerText: repeated('f', 61) } }),
			message: /^Footer Text is 61 characters; WhatsApp allows 60/,
			field: 'Footer Text',
		},
		{
			name: 'Sections (JSON) that is not JSON',
			parameters: send('sendList', { specifySections: 'json', sectionsJson: '[{ title: "Pizzas" }' }),
			message: /^Sections \(JSON\) is not valid JSON/,
			field: 'Sections (JSON)',
		},
	]);
});

describe('Message limits › interactive: call-to-action URL (display_text ≤ 20, url https, body ≤ 1024)', () => {
	table([
		{
			name: 'a button text of 21 characters',
			parameters: send('sendCallToActionUrl', { buttonText: repeated('x', 21) }),
			message: /^Button Text is 21 characters; WhatsApp allows 20/,
			field: 'Button Text',
		},
		{
			name: 'a button text left blank by its expression',
			parameters: send('sendCallToActionUrl', { buttonText: '={{ $json.label }}' }),
			message: /^Button Text is empty/,
			field: 'Button Text',
		},
		{
			name: 'an http:// URL',
			parameters: send('sendCallToActionUrl', { url: 'http://example.com/orders/123' }),
			message: /^URL must be an https:\/\/ link; got "http:\/\/example\.com\/orders\/123"/,
			field: 'URL',
		},
		{
			name: 'a URL without a scheme',
			parameters: send('sendCallToActionUrl', { url: 'example.com/orders/123' }),
			message: /^URL must be an https:\/\/ link/,
			field: 'URL',
		},
		{
			name: 'a URL left blank by its expression',
			parameters: send('sendCallToActionUrl', { url: '={{ $json.link }}' }),
			message: /^URL is empty/,
			field: 'URL',
		},
		{
			name: 'a body of 1025 characters',
			parameters: send('sendCallToActionUrl', { bodyText: repeated('b', 1025) }),
			message: /^Body Text is 1025 characters; WhatsApp allows 1024/,
			field: 'Body Text',
		},
		{
			name: 'a header text of 61 characters',
			parameters: send('sendCallToActionUrl', { options: { headerText: repeated('h', 61) } }),
			message: /^Header Text is 61 characters; WhatsApp allows 60/,
			field: 'Header Text',
		},
	]);
});

describe('Message limits › interactive: location request (body ≤ 1024)', () => {
	table([
		{
			name: 'a body of 1025 characters',
			parameters: send('sendLocationRequest', { bodyText: repeated('b', 1025) }),
			message: /^Body Text is 1025 characters; WhatsApp allows 1024/,
			field: 'Body Text',
		},
		{
			name: 'a body left blank by its expression',
			parameters: send('sendLocationRequest', { bodyText: '={{ " " }}' }),
			message: /^Body Text is empty/,
			field: 'Body Text',
		},
	]);
});

describe('Templates › Send: the values match the definition (132000), header, buttons, named or numbered', () => {
	table([
		{
			name: 'mapped: a body placeholder without a value',
			parameters: sendTemplateMapped({ body_1: 'Jane', button_0_url: 'A1' }),
			definition: definitionAnswer(),
			message: /^Template "order_shipped" \(en_US\) needs a value for Body \{\{2\}\}/,
			field: 'Body {{2}}',
		},
		{
			name: 'mapped: the URL button suffix without a value',
			parameters: sendTemplateMapped({ body_1: 'Jane', body_2: '1234' }),
			definition: definitionAnswer(),
			message: /^Template "order_shipped" \(en_US\) needs a value for Button 1 "Track order" URL suffix/,
			field: 'Button 1 "Track order" URL suffix',
		},
		{
			name: 'mapped: a value for a placeholder the template does not have',
			parameters: sendTemplateMapped({ body_1: 'Jane', body_2: '1234', body_3: 'extra', button_0_url: 'A1' }),
			definition: definitionAnswer(),
			message: /^Template "order_shipped" \(en_US\) has no placeholder for body_3/,
			field: 'body_3',
		},
		{
			name: 'mapped: a template that is not approved',
			parameters: sendTemplateMapped({ body_1: 'Jane', body_2: '1234', button_0_url: 'A1' }),
			definition: definitionAnswer({ ...orderShipped, status: 'PAUSED' }),
			message: /^Template "order_shipped" \(en_US\) is PAUSED; only approved templates can be sent/,
			field: 'Template "order_shipped"',
		},
		{
			name: 'mapped: a language the template has no translation in',
			parameters: sendTemplateMapped({ body_1: 'Jane', body_2: '1234', button_0_url: 'A1' }),
			definition: definitionAnswer({ ...orderShipped, language: 'pt_BR' }),
			message: /^Template "order_shipped" has no "en_US" translation \(it has pt_BR\)/,
			field: 'Template "order_shipped"',
		},
		{
			name: 'a template name left blank by its expression',
			parameters: send('sendTemplate', { template: { __rl: true, mode: 'name', value: '={{ $json.template }}' } }),
			message: /^Template is empty/,
			field: 'Template',
		},
		{
			name: 'fields: a header with two parameters',
			parameters: send('sendTemplate', {
				components: templateComponents([
					{ type: 'header', parameters: { parameter: [{ type: 'text', value: 'A' }, { type: 'text', value: 'B' }] } },
				]),
			}),
			message: /^Component 1 \(header\) has 2 parameters; a template header takes one/,
			field: 'Component 1 (header)',
		},
		{
			name: 'fields: a header text parameter of 61 characters',
			parameters: send('sendTemplate', {
				components: templateComponents([
					{ type: 'header', parameters: { parameter: [{ type: 'text', value: repeated('h', 61) }] } },
				]),
			}),
			message: /^Component 1 \(header\) parameter 1 text is 61 characters; WhatsApp allows 60/,
			field: 'Component 1 (header) parameter 1 text',
		},
		{
			name: 'fields: a button index of 10',
			parameters: send('sendTemplate', {
				components: templateComponents([
					{ type: 'button', subType: 'quick_reply', index: '={{ 10 }}', parameters: { parameter: [{ value: 'stop' }] } },
				]),
			}),
			message: /^Components › Component 1 › Button Index is 10; it must be between 0 and 9/,
			field: 'Component 1 › Button Index',
		},
		{
			name: 'JSON: a button index of "12"',
			parameters: send(
				'sendTemplate',
				templateComponentsJson([
					{ type: 'button', sub_type: 'url', index: '12', parameters: [{ type: 'text', text: 'A1' }] },
				]),
			),
			message: /^Component 1\b.*\bIndex\b.*"?12"?.*0 to 9/i,
			field: 'Component 1',
		},
		{
			name: 'JSON: a header image by an http:// link',
			parameters: send(
				'sendTemplate',
				templateComponentsJson([
					{ type: 'header', parameters: [{ type: 'image', image: { link: 'http://cdn.example.com/p.jpg' } }] },
				]),
			),
			message: /^Component 1 \(header\) parameter 1 image link must be a public https:\/\/ link/,
			field: 'Component 1 (header) parameter 1 image link',
		},
		{
			name: 'JSON: named and numbered parameters mixed',
			parameters: send(
				'sendTemplate',
				templateComponentsJson([
					{
						type: 'body',
						parameters: [
							{ type: 'text', parameter_name: 'customer_name', text: 'Jane' },
							{ type: 'text', text: '1234' },
						],
					},
				]),
			),
			message: /^Component 1 \(body\) parameter 2 has no Parameter Name while others have one/,
			field: 'Component 1 (body) parameter 2',
		},
		{
			name: 'fields: a currency parameter without its currency code',
			parameters: send('sendTemplate', {
				components: templateComponents([
					{ type: 'body', parameters: { parameter: [{ type: 'currency', value: '$12.99', amount1000: 12990 }] } },
				]),
			}),
			message: /^Component 1 \(body\) parameter 1\b.*currency code/i,
			field: 'Component 1 (body) parameter 1',
		},
		{
			name: 'JSON: a date_time parameter without its fallback_value',
			parameters: send(
				'sendTemplate',
				templateComponentsJson([{ type: 'body', parameters: [{ type: 'date_time', date_time: {} }] }]),
			),
			message: /^Component 1 \(body\) parameter 1\b.*fallback_value/i,
			field: 'Component 1 (body) parameter 1',
		},
		{
			name: 'JSON: a copy_code button whose parameter is not a coupon_code',
			parameters: send(
				'sendTemplate',
				templateComponentsJson([
					{ type: 'button', sub_type: 'copy_code', index: '0', parameters: [{ type: 'text', text: 'SAVE20' }] },
				]),
			),
			message: /^Component 1\b.*coupon_code/i,
			field: 'Component 1',
		},
		{
			name: 'JSON: components that are not an array',
			parameters: send('sendTemplate', { specifyComponents: 'json', componentsJson: '{ "type": "body" }' }),
			message: /^Components \(JSON\) must be a JSON array of objects/,
			field: 'Components (JSON)',
		},
	]);
});

describe('Templates › Create (name [a-z0-9_] ≤ 512, category, examples for every variable)', () => {
	table([
		{
			name: 'a name with an uppercase letter',
			parameters: createTemplate({ templateName: 'Order_confirmation' }),
			message: /^Template Name "Order_confirmation" is not allowed: use only lowercase letters, digits and underscores/,
			field: 'Template Name',
		},
		{
			name: 'a name with a dash and a space',
			parameters: createTemplate({ templateName: 'order-confirmation v2' }),
			message: /^Template Name "order-confirmation v2" is not allowed/,
			field: 'Template Name',
		},
		{
			name: 'a name of 513 characters',
			parameters: createTemplate({ templateName: repeated('a', 513) }),
			message: /^Template Name "a{513}" is not allowed: .*up to 512 characters/,
			field: 'Template Name',
		},
		{
			name: 'a name left blank by its expression',
			parameters: createTemplate({ templateName: '={{ $json.name }}' }),
			message: /^Template Name is empty/,
			field: 'Template Name',
		},
		{
			name: 'a category WhatsApp does not have',
			parameters: createTemplate({ category: '={{ "PROMOTIONAL" }}' }),
			message: /^Category "PROMOTIONAL"/,
			field: 'Category',
		},
		{
			name: 'two numbered body placeholders with one example',
			parameters: createTemplate({ bodyExamples: { example: [{ value: 'Jane' }] } }),
			message: /^Body Text has 2 placeholders but 1 example$/,
			field: 'Body Text',
		},
		{
			name: 'a named body placeholder without its example',
			parameters: createTemplate({
				bodyText: 'Hi {{customer_name}}, order {{order_id}} shipped',
				bodyExamples: { example: [{ parameterName: 'customer_name', value: 'Jane' }] },
			}),
			message: /^Body Text has \{\{order_id\}\} but no example for it/,
			field: 'Body Text',
		},
		{
			name: 'a header placeholder without an example',
			parameters: createTemplate({ templateOptions: { headerText: 'Order #{{1}}' } }),
			message: /^Header Text has 1 placeholder but 0 examples$/,
			field: 'Header Text',
		},
		{
			name: 'numbered and named placeholders mixed',
			parameters: createTemplate({
				bodyText: 'Hi {{1}}, order {{order_id}} shipped',
				bodyExamples: { example: [{ value: 'Jane' }, { parameterName: 'order_id', value: '1' }] },
			}),
			message: /^Body Text mixes numbered and named placeholders/,
			field: 'Body Text',
		},
		{
			name: 'JSON: a body with placeholders but no example',
			parameters: createTemplate({
				specifyDefinition: 'json',
				definitionJson: JSON.stringify([{ type: 'BODY', text: 'Hi {{1}}, your order #{{2}} is ready' }]),
			}),
			message: /^Components \(JSON\): the BODY text has placeholders but no example/,
			field: 'Components (JSON)',
		},
		{
			name: 'JSON: a header with a named placeholder but no example',
			parameters: createTemplate({
				specifyDefinition: 'json',
				definitionJson: JSON.stringify([
					{ type: 'HEADER', format: 'TEXT', text: 'Order {{order_id}}' },
					{ type: 'BODY', text: 'Thanks!' },
				]),
			}),
			message: /^Components \(JSON\): the HEADER text has placeholders but no example/,
			field: 'Components (JSON)',
		},
		{
			name: 'JSON: components that are not valid JSON',
			parameters: createTemplate({ specifyDefinition: 'json', definitionJson: '[{ "type": "BODY" ' }),
			message: /^Components \(JSON\) is not valid JSON/,
			field: 'Components (JSON)',
		},
		{
			name: 'a body of 1025 characters',
			parameters: createTemplate({ bodyText: repeated('b', 1025), bodyExamples: {} }),
			message: /^Body Text is 1025 characters; WhatsApp allows 1024/,
			field: 'Body Text',
		},
		{
			name: 'a body left blank by its expression',
			parameters: createTemplate({ bodyText: '={{ $json.body }}', bodyExamples: {} }),
			message: /^Body Text is empty/,
			field: 'Body Text',
		},
		{
			name: 'a header text of 61 characters',
			parameters: createTemplate({ templateOptions: { headerText: repeated('h', 61) } }),
			message: /^Header Text is 61 characters; WhatsApp allows 60/,
			field: 'Header Text',
		},
		{
			name: 'a footer text of 61 characters',
			parameters: createTemplate({ templateOptions: { footerText: repeated('f', 61) } }),
			message: /^Footer Text is 61 characters; WhatsApp allows 60/,
			field: 'Footer Text',
		},
		{
			name: 'a dynamic URL button without an example',
			parameters: createTemplate({
				templateButtons: { button: [{ type: 'url', text: 'Track', url: 'https://shop.example.com/t/{{1}}' }] },
			}),
			message: /^Button 1 URL has \{\{1\}\} but no full example URL/,
			field: 'Button 1 URL',
		},
		{
			name: 'a button text of 26 characters',
			parameters: createTemplate({ templateButtons: { button: [{ type: 'quick_reply', text: repeated('x', 26) }] } }),
			message: /^Button 1 text is 26 characters; WhatsApp allows 25/,
			field: 'Button 1 text',
		},
	]);
});

describe('Templates › Delete (name=X, optional hsm_id) and List (filters, statuses)', () => {
	const list = (extra: INodeParameters = {}): INodeParameters => ({
		resource: 'template',
		operation: 'list',
		returnAll: false,
		limit: 10,
		...extra,
	});
	table([
		{
			name: 'delete: a template name left blank by its expression',
			parameters: { resource: 'template', operation: 'delete', templateName: '={{ $json.name }}' },
			message: /^Template Name is empty/,
			field: 'Template Name',
		},
		{
			name: 'list: a status filter WhatsApp does not have',
			parameters: list({ filters: { status: '={{ "ACTIVE" }}' } }),
			message: /^Status "ACTIVE"/,
			field: 'Status',
		},
		{
			name: 'list: a category filter WhatsApp does not have',
			parameters: list({ filters: { category: '={{ "PROMOTIONAL" }}' } }),
			message: /^Category "PROMOTIONAL"/,
			field: 'Category',
		},
	]);
});

describe('Phone numbers (GET /{phone-number-id}, GET /{waba-id}/phone_numbers)', () => {
	table([
		{
			name: 'get: the phone number itself where its ID belongs',
			parameters: { resource: 'phoneNumber', operation: 'get', phoneNumberId: phoneNumberById('={{ "+1 555 123 4567" }}') },
			message: /^Business Phone Number "\+1 555 123 4567": a phone number ID has only digits/,
			field: 'Business Phone Number',
		},
		{
			name: 'get: a phone number ID left blank by its expression',
			parameters: { resource: 'phoneNumber', operation: 'get', phoneNumberId: phoneNumberById('={{ $json.id }}') },
			message: /^Business Phone Number is empty/,
			field: 'Business Phone Number',
		},
		{
			name: 'sendText: a phone number ID that is not one',
			parameters: send('sendText', { phoneNumberId: phoneNumberById('={{ "+15551234567" }}') }),
			message: /^Business Phone Number "\+15551234567": a phone number ID has only digits/,
			field: 'Business Phone Number',
		},
	]);
});

describe('Business profile › Update (about 1..139, address ≤ 256, description ≤ 512, email ≤ 128 and valid, websites ≤ 2 each ≤ 256 http(s), vertical)', () => {
	table([
		{
			name: 'an About of 140 characters',
			parameters: updateProfile({ about: repeated('a', 140) }),
			message: /^About is 140 characters; WhatsApp allows 139/,
			field: 'About',
		},
		{
			name: 'an empty About',
			parameters: updateProfile({ about: '' }),
			message: /^About is empty/,
			field: 'About',
		},
		{
			name: 'an address of 257 characters',
			parameters: updateProfile({ address: repeated('x', 257) }),
			message: /^Address is 257 characters; WhatsApp allows 256/,
			field: 'Address',
		},
		{
			name: 'a description of 513 characters',
			parameters: updateProfile({ description: repeated('d', 513) }),
			message: /^Description is 513 characters; WhatsApp allows 512/,
			field: 'Description',
		},
		{
			name: 'an email of 129 characters',
			parameters: updateProfile({ email: `={{ "e".repeat(117) + "@example.com" }}` }),
			message: /^Email is 129 characters; WhatsApp allows 128/,
			field: 'Email',
		},
		{
			name: 'an email without @',
			parameters: updateProfile({ email: 'contact.example.com' }),
			message: /^Email "contact\.example\.com" is not an email address/,
			field: 'Email',
		},
		{
			name: 'an email without a domain',
			parameters: updateProfile({ email: 'contact@localhost' }),
			message: /^Email "contact@localhost" is not an email address/,
			field: 'Email',
		},
		{
			name: 'three websites',
			parameters: updateProfile({ websites: ['https://a.example', 'https://b.example', 'https://c.example'] }),
			message: /^Websites has 3 entries; WhatsApp allows 2/,
			field: 'Websites',
		},
		{
			name: 'a website without http:// or https://',
			parameters: updateProfile({ websites: ['https://a.example', 'www.example.com'] }),
			message: /^Website 2 "www\.example\.com" must start with http:\/\/ or https:\/\//,
			field: 'Website 2',
		},
		{
			name: 'an ftp:// website',
			parameters: updateProfile({ websites: ['ftp://files.example.com'] }),
			message: /^Website 1 "ftp:\/\/files\.example\.com" must start with http:\/\/ or https:\/\//,
			field: 'Website 1',
		},
		{
			name: 'a website of 257 characters',
			parameters: updateProfile({ websites: `={{ "https://example.com/" + "p".repeat(237) }}` }),
			message: /^Website 1 is 257 characters; WhatsApp allows 256/,
			field: 'Website 1',
		},
		{
			name: 'an industry WhatsApp does not know',
			parameters: updateProfile({ vertical: '={{ "SPACE_TRAVEL" }}' }),
			message: /^Industry "SPACE_TRAVEL" is not one of APPAREL, AUTO, /,
			field: 'Industry',
		},
		{
			name: 'no field to update',
			parameters: updateProfile({}),
			message: /^Update Fields is empty/,
			field: 'Update Fields',
		},
		{
			name: 'a phone number ID left blank by its expression',
			parameters: updateProfile({ about: 'Open 9 to 5' }, { phoneNumberId: phoneNumberById('={{ $json.id }}') }),
			message: /^Business Phone Number is empty/,
			field: 'Business Phone Number',
		},
	]);
});

describe('Media › Get URL and Delete, and Connection › Get and Delete (an ID is the whole path)', () => {
	table([
		{
			name: 'media get: a media ID left blank by its expression',
			parameters: { resource: 'media', operation: 'get', mediaId: '={{ $json.mediaId }}' },
			message: /^Media ID is empty/,
			field: 'Media ID',
		},
		{
			name: 'media delete: a media ID of spaces',
			parameters: { resource: 'media', operation: 'delete', mediaId: '={{ "   " }}' },
			message: /^Media ID is empty/,
			field: 'Media ID',
		},
		{
			name: 'connection get: a connection ID left blank by its expression',
			parameters: {
				resource: 'connection',
				operation: 'get',
				connectionId: { __rl: true, mode: 'id', value: '={{ $json.connection }}' },
			},
			message: /^Connection is empty/,
			field: 'Connection',
		},
		{
			name: 'connection delete: a connection ID left blank by its expression',
			parameters: {
				resource: 'connection',
				operation: 'delete',
				connectionId: { __rl: true, mode: 'id', value: '={{ "" }}' },
			},
			message: /^Connection is empty/,
			field: 'Connection',
		},
	]);
});
