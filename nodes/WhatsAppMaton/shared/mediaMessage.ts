import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { showFor } from './fields';
import { messageOptionsField, senderAndRecipientFields, sendMessageOperation } from './message';
import { checkMediaReference } from './mediaReference';

/** The media a message can carry, and the fields WhatsApp allows on each. */
export type MessageMediaKind = 'audio' | 'document' | 'image' | 'video';

interface MediaMessageSpec {
	kind: MessageMediaKind;
	operation: string;
	label: string;
	action: string;
	description: string;
	linkExample: string;
	/** Image, video and document take a caption; audio does not. */
	caption: boolean;
	/** Documents show a file name to the recipient. */
	filename: boolean;
}

export function mediaMessageOperation(spec: MediaMessageSpec): INodePropertyOptions {
	return sendMessageOperation(
		{ name: spec.label, value: spec.operation, action: spec.action, description: spec.description },
		spec.kind,
	);
}

export function mediaMessageFields(spec: MediaMessageSpec): INodeProperties[] {
	const show = showFor('message', [spec.operation]);
	const showForSource = (source: string) => ({
		show: { resource: ['message'], operation: [spec.operation], mediaSource: [source] },
	});
	const extraOptions: INodeProperties[] = [];
	if (spec.caption) {
		extraOptions.push({
			displayName: 'Caption',
			name: 'caption',
			type: 'string',
			default: '',
			typeOptions: { rows: 2 },
			description: `Text shown under the ${spec.kind}, up to 1024 characters`,
			routing: { send: { type: 'body', property: `${spec.kind}.caption` } },
		});
	}
	if (spec.filename) {
		extraOptions.push({
			displayName: 'File Name',
			name: 'filename',
			type: 'string',
			default: '',
			placeholder: 'e.g. invoice-2026-11.pdf',
			description:
				'Name the recipient sees for the document, with its extension, up to 240 characters',
			routing: { send: { type: 'body', property: `${spec.kind}.filename` } },
		});
	}
	return [
		...senderAndRecipientFields(spec.operation),
		{
			displayName: 'Media Source',
			name: 'mediaSource',
			type: 'options',
			default: 'link',
			description: `Where WhatsApp gets the ${spec.kind} from`,
			options: [
				{
					name: 'Public URL',
					value: 'link',
					description: `A public https link that WhatsApp downloads the ${spec.kind} from`,
				},
				{
					name: 'Uploaded Media ID',
					value: 'id',
					description: 'The ID returned by Media › Upload (valid for 30 days)',
				},
			],
			displayOptions: show,
			routing: { send: { preSend: [checkMediaReference] } },
		},
		{
			displayName: 'Media URL',
			name: 'mediaLink',
			type: 'string',
			required: true,
			default: '',
			placeholder: `e.g. ${spec.linkExample}`,
			description: `Public https URL of the ${spec.kind}`,
			displayOptions: showForSource('link'),
			routing: { send: { type: 'body', property: `${spec.kind}.link` } },
		},
		{
			displayName: 'Media ID',
			name: 'mediaId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1037543291543636',
			description: 'ID of media uploaded to WhatsApp with Media › Upload',
			displayOptions: showForSource('id'),
			routing: { send: { type: 'body', property: `${spec.kind}.id` } },
		},
		messageOptionsField(spec.operation, extraOptions),
	];
}
