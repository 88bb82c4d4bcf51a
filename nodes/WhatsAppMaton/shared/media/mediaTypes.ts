import {
	ANIMATED_STICKER_MAX_BYTES,
	AUDIO_MAX_BYTES,
	DOCUMENT_MAX_BYTES,
	IMAGE_MAX_BYTES,
	STATIC_STICKER_MAX_BYTES,
	VIDEO_MAX_BYTES,
} from '../limits';

/**
 * What WhatsApp accepts for each kind of media: MIME types and the largest file size in bytes
 * (docs/whatsapp-rules.md § Media files).
 */
export type MediaKind = 'audio' | 'document' | 'image' | 'sticker' | 'video';

const MB = 1024 * 1024;

export const MEDIA_RULES: Record<MediaKind, { mimeTypes: string[]; maxBytes: number }> = {
	audio: {
		mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
		maxBytes: AUDIO_MAX_BYTES,
	},
	document: {
		mimeTypes: [
			'text/plain',
			'application/pdf',
			'application/msword',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'application/vnd.ms-excel',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'application/vnd.ms-powerpoint',
			'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		],
		maxBytes: DOCUMENT_MAX_BYTES,
	},
	image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: IMAGE_MAX_BYTES },
	// 500 KB for an animated sticker; a static one may be at most STATIC_STICKER_MAX_BYTES.
	sticker: { mimeTypes: ['image/webp'], maxBytes: ANIMATED_STICKER_MAX_BYTES },
	video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: VIDEO_MAX_BYTES },
};

/** A sticker that is not animated: at most 100 KB. */
export { STATIC_STICKER_MAX_BYTES };

/** `audio/ogg; codecs=opus` → `audio/ogg`. */
export function baseMimeType(mimeType: string): string {
	return mimeType.split(';')[0].trim().toLowerCase();
}

/** The kind of media a MIME type is sent as, or undefined when WhatsApp takes it as none. */
export function mediaKindOfMimeType(mimeType: string): MediaKind | undefined {
	const base = baseMimeType(mimeType);
	return (Object.keys(MEDIA_RULES) as MediaKind[]).find((kind) =>
		MEDIA_RULES[kind].mimeTypes.includes(base),
	);
}

/**
 * A size for messages, rounded up so that a file just over a limit never reads as the limit
 * itself: 5 MB + 1 byte is "5.01 MB", 500 KB + 1 byte is "501 KB".
 */
export function describeSize(bytes: number): string {
	if (bytes >= MB) return `${Math.ceil((bytes / MB) * 100) / 100} MB`;
	return `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Why WhatsApp refuses a MIME type whose base type it accepts, from its parameters: Ogg audio
 * only with the Opus codec, so `audio/ogg; codecs=vorbis` is refused (a plain `audio/ogg` is not).
 */
export function refusedCodecOfMimeType(mimeType: string): string | undefined {
	if (baseMimeType(mimeType) !== 'audio/ogg') return undefined;
	const codecs = /;\s*codecs\s*=\s*"?([^";]*)"?/i.exec(mimeType)?.[1];
	if (codecs === undefined) return undefined;
	const refused = codecs
		.split(',')
		.map((codec) => codec.trim().toLowerCase())
		.find((codec) => codec !== '' && codec !== 'opus');
	return refused;
}

/**
 * The codec of an Ogg file's first stream, from the identification packet on its first page,
 * when it is one WhatsApp refuses (Vorbis, FLAC, Speex); undefined for Opus or anything unknown.
 */
export function refusedCodecOfOggFile(bytes: Uint8Array): string | undefined {
	if (latin1(bytes, 0, 4) !== 'OggS' || bytes.length < 27) return undefined;
	const packetStart = 27 + bytes[26];
	const packet = latin1(bytes, packetStart, packetStart + 8);
	if (packet.startsWith('\x01vorbis')) return 'vorbis';
	if (packet.startsWith('\x7fFLAC')) return 'flac';
	if (packet.startsWith('Speex   ')) return 'speex';
	return undefined;
}

/**
 * Whether a WebP file is animated: a `VP8X` chunk whose flags have the animation bit, or an
 * `ANIM` / `ANMF` chunk. Undefined when the bytes are not a RIFF WebP file at all.
 */
export function isAnimatedWebp(bytes: Uint8Array): boolean | undefined {
	if (bytes.length < 12 || latin1(bytes, 0, 4) !== 'RIFF' || latin1(bytes, 8, 12) !== 'WEBP') {
		return undefined;
	}
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let offset = 12;
	while (offset + 8 <= bytes.length) {
		const chunk = latin1(bytes, offset, offset + 4);
		if (chunk === 'ANIM' || chunk === 'ANMF') return true;
		if (chunk === 'VP8X' && offset + 8 < bytes.length && (bytes[offset + 8] & 0x02) !== 0) {
			return true;
		}
		const size = view.getUint32(offset + 4, true);
		// Chunks are padded to an even size.
		offset += 8 + size + (size % 2);
	}
	return false;
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
	return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
}
