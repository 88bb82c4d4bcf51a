import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/fields';
import { checkCoordinates } from '../../shared/location';
import {
	messageOptionsField,
	senderAndRecipientFields,
	sendMessageOperation,
} from '../../shared/message';

export const sendLocationOperation = sendMessageOperation(
	{
		name: 'Send Location',
		value: 'sendLocation',
		action: 'Send a location message',
		description: 'Send a map pin by latitude and longitude, with an optional name and address',
	},
	'location',
);

export const sendLocationFields: INodeProperties[] = [
	...senderAndRecipientFields('sendLocation'),
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 7 },
		placeholder: 'e.g. 37.7749',
		description: 'Latitude of the place, from -90 to 90',
		displayOptions: showFor('message', ['sendLocation']),
		routing: { send: { type: 'body', property: 'location.latitude', preSend: [checkCoordinates] } },
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 7 },
		placeholder: 'e.g. -122.4194',
		description: 'Longitude of the place, from -180 to 180',
		displayOptions: showFor('message', ['sendLocation']),
		routing: { send: { type: 'body', property: 'location.longitude' } },
	},
	messageOptionsField('sendLocation', [
		{
			displayName: 'Location Name',
			name: 'locationName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Ferry Building',
			description: 'Name of the place, shown above the address',
			routing: { send: { type: 'body', property: 'location.name' } },
		},
		{
			displayName: 'Address',
			name: 'address',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1 Ferry Building, San Francisco, CA 94111',
			description: 'Address of the place, shown under its name',
			routing: { send: { type: 'body', property: 'location.address' } },
		},
	]),
];
