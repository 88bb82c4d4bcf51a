import type { INodeProperties } from 'n8n-workflow';

import { checkLocationRequest } from './actions';
import {
	interactiveBodyField,
	interactiveMessageOperation,
	LOCATION_REQUEST,
} from './fields';
import { messageOptionsField, senderAndRecipientFields } from '../common/messageFields';

export const sendLocationRequestOperation = interactiveMessageOperation(
	{
		name: 'Send Location Request',
		value: 'sendLocationRequest',
		action: 'Ask the recipient to share their location',
		description:
			'Send a message with a Send Location button that asks the recipient to share their current location; it comes back as a location message in the incoming message webhook',
	},
	LOCATION_REQUEST,
	checkLocationRequest,
	{ fixedAction: { name: 'send_location' } },
);

export const sendLocationRequestFields: INodeProperties[] = [
	...senderAndRecipientFields('sendLocationRequest'),
	interactiveBodyField('sendLocationRequest'),
	messageOptionsField('sendLocationRequest'),
];
