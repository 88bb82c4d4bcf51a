import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { showFor } from '../../shared/fields/fields';
import {
	messageOptionsField,
	senderAndRecipientFields,
	sendMessageOperation,
} from './common/messageFields';
import { inputError } from '../../shared/errors';

export const sendLocationOperation = sendMessageOperation(
	{
		name: 'Send Location',
		value: 'sendLocation',
		action: 'Send a location message',
		description: 'Send a map pin by latitude and longitude, with an optional name and address',
	},
	'location',
	checkCoordinates,
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
		routing: { send: { type: 'body', property: 'location.latitude' } },
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

/** preSend: a pin off the globe would only be refused by Meta. */
async function checkCoordinates(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const location = (requestOptions.body as IDataObject).location as IDataObject;
	const bounds = { latitude: 90, longitude: 180 } as const;
	for (const axis of ['latitude', 'longitude'] as const) {
		const value = Number(location[axis]);
		if (!Number.isFinite(value) || Math.abs(value) > bounds[axis]) {
			const label = axis === 'latitude' ? 'Latitude' : 'Longitude';
			throw inputError(
				this,
				`${label} is ${String(location[axis])}; it must be between -${bounds[axis]} and ${bounds[axis]}`,
			);
		}
		location[axis] = value;
	}
	return requestOptions;
}
