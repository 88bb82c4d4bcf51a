/** What WhatsApp accepts for each kind of media: MIME types and the largest file size in bytes. */
export type MediaKind = 'audio' | 'document' | 'image' | 'sticker' | 'video';

const MB = 1024 * 1024;

export const MEDIA_RULES: Record<MediaKind, { mimeTypes: string[]; maxBytes: number }> = {
	audio: {
		mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
		maxBytes: 16 * MB,
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
		maxBytes: 100 * MB,
	},
	image: { mimeTypes: ['image/jpeg', 'image/png'], maxBytes: 5 * MB },
	// 100 KB for a static sticker, 500 KB for an animated one; which one it is is not known here.
	sticker: { mimeTypes: ['image/webp'], maxBytes: 500 * 1024 },
	video: { mimeTypes: ['video/mp4', 'video/3gpp'], maxBytes: 16 * MB },
};

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
