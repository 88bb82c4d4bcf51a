import { mediaMessageFields, mediaMessageOperation } from './mediaMessage';

const sendAudioSpec = {
	kind: 'audio',
	operation: 'sendAudio',
	label: 'Send Audio',
	action: 'Send an audio message',
	description:
		'Send an audio file or voice note (AAC, AMR, MP3, M4A or OGG Opus, up to 16 MB) by public URL, uploaded media ID or binary file from the input',
	caption: false,
	filename: false,
	voiceNote: true,
} as const;

export const sendAudioOperation = mediaMessageOperation(sendAudioSpec);

export const sendAudioFields = mediaMessageFields(sendAudioSpec);
