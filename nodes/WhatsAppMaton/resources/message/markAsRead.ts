import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { phoneNumberIdField, OPTIONS_DESCRIPTION, showFor } from '../../shared/fields/fields';
import { requirePhoneNumberId } from '../../shared/fields/phoneNumberId';
import { gatewayOperation } from '../../transport/operation';
import { checkMessageId, messageIdField } from './common/messageFields';

/** The build hook of Mark as Read: the sender's ID in the path, the message marked. */
async function buildMarkAsRead(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await requirePhoneNumberId.call(this, requestOptions);
	checkMessageId(this, requestOptions.body as IDataObject);
	return requestOptions;
}

export const markAsReadOperation = gatewayOperation(
	{
		name: 'Mark as Read',
		value: 'markAsRead',
		action: 'Mark a received message as read',
		description:
			'Mark a message you received as read (blue ticks), optionally showing a typing indicator',
	},
	{
		request: { method: 'POST', url: '/messages', body: { messaging_product: 'whatsapp', status: 'read' } },
		build: buildMarkAsRead,
	},
);

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
