import type { INodeProperties } from 'n8n-workflow';

import { checkLocationRequest } from '../../shared/interactiveActions';
import { interactiveBodyField, interactiveMessageOperation } from '../../shared/interactiveFields';
import { messageOptionsField, senderAndRecipientFields } from '../../shared/message';

export const sendLocationRequestOperation = interactiveMessageOperation(
	{
		name: 'Send Location Request',
		value: 'sendLocationRequest',
		action: 'Ask the recipient to share their location',
		description:
			'Send a message with a Send Location button that asks the recipient to share their current location; it comes back as a location message in the incoming message webhook',
	},
	'location_request_message',
	{ name: 'send_location' },
);

const bodyField = interactiveBodyField('sendLocationRequest', 1024);

export const sendLocationRequestFields: INodeProperties[] = [
	...senderAndRecipientFields('sendLocationRequest'),
	{
		...bodyField,
		placeholder: 'e.g. Please share your location so we can find the nearest store',
		description:
			'The message text shown above the Send Location button, up to 1024 characters: say why you need the location',
		routing: { send: { ...bodyField.routing?.send, preSend: [checkLocationRequest] } },
	},
	{
		...messageOptionsField('sendLocationRequest'),
		description: 'Optionally, the message this one replies to',
	},
];
