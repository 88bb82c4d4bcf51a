/**
 * The MIME types and sizes WhatsApp accepts for each media kind (docs/whatsapp-rules.md, "Media
 * files"), on a media message sent from an input item's binary field.
 */
import { KB, MB, file, fromBinary, staticWebp } from '../inputs';
import { itRefusesEach } from '../refusal';

describe('bad inputs', () => {
	// Media › MIME types and sizes of each kind, on a media message sent from a binary field
	const refusedType = (kind: string) =>
		new RegExp(`^Input Binary Field "data" has MIME type "[^"]+", which WhatsApp does not accept in an? ${kind} message`);
	itRefusesEach([
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
