import type { INodeProperties } from 'n8n-workflow';

import { requirePhoneNumberId } from '../../shared/fields/phoneNumberId';
import { gatewayOperation } from '../../transport/operation';
import { phoneNumberIdField, showFor } from '../../shared/fields/fields';

export const getOperation = gatewayOperation(
	{
		name: 'Get',
		value: 'get',
		action: 'Get the business profile',
		description: 'Get the WhatsApp business profile of a phone number: about, address, description, email, websites, industry and picture',
	},
	{
		build: requirePhoneNumberId,
		request: { method: 'GET', url: '/whatsapp_business_profile' },
		output: [{ type: 'rootProperty', properties: { property: 'data' } }],
	},
);

const PROFILE_FIELDS: Array<[string, string]> = [
	['about', 'About'],
	['address', 'Address'],
	['description', 'Description'],
	['email', 'Email'],
	['profile_picture_url', 'Profile Picture URL'],
	['vertical', 'Industry (Vertical)'],
	['websites', 'Websites'],
];

/** Every profile field, in the order Maton's reference asks for them. */
const ALL_FIELDS = [
	'about',
	'address',
	'description',
	'email',
	'profile_picture_url',
	'websites',
	'vertical',
];

export const getFields: INodeProperties[] = [
	phoneNumberIdField('businessProfile', ['get']),
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'multiOptions',
		default: [
			'about',
			'address',
			'description',
			'email',
			'profile_picture_url',
			'vertical',
			'websites',
		],
		description: 'Which profile fields to return; leave empty for all of them',
		options: PROFILE_FIELDS.map(([value, name]) => ({ name, value })),
		displayOptions: showFor('businessProfile', ['get']),
		routing: {
			send: {
				type: 'query',
				property: 'fields',
				// An empty list would send `fields=` and get no profile field back: ask for all of them.
				// Not a list (an expression's text): the editor rules refuse it before anything is sent.
				value: `={{ (Array.isArray($value) && $value.length ? $value : ${JSON.stringify(ALL_FIELDS)}).join(",") }}`,
			},
		},
	},
];
