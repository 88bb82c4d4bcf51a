import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { phoneNumberIdField, OPTIONS_DESCRIPTION, showFor } from '../../shared/fields/fields';
import { messageIdField } from './common/messageFields';

export const markAsReadOperation: INodePropertyOptions = {
	name: 'Mark as Read',
	value: 'markAsRead',
	action: 'Mark a received message as read',
	description:
		'Mark a message you received as read (blue ticks), optionally showing a typing indicator',
	routing: {
		request: { method: 'POST', url: '/messages', body: { messaging_product: 'whatsapp', status: 'read' } },
	},
};

export const markAsReadFields: INodeProperties[] = [
	phoneNumberIdField('message', ['markAsRead']),
	messageIdField('markAsRead'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		description: OPTIONS_DESCRIPTION,
		displayOptions: showFor('message', ['markAsRead']),
		options: [
			{
				displayName: 'Show Typing Indicator',
				name: 'typingIndicator',
				type: 'boolean',
				default: false,
				description:
					'Whether to also show "typing…" to the sender until you reply or for up to 25 seconds',
				routing: {
					send: {
						type: 'body',
						property: 'typing_indicator',
						value: '={{ $value ? { type: "text" } : undefined }}',
					},
				},
			},
		],
	},
];
