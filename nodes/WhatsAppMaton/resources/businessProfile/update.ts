import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { BUSINESS_VERTICAL_OPTIONS, checkBusinessProfile } from '../../shared/businessProfile';
import { phoneNumberIdField, showFor } from '../../shared/fields';

export const updateOperation: INodePropertyOptions = {
	name: 'Update',
	value: 'update',
	action: 'Update the business profile',
	description: 'Change fields of the WhatsApp business profile of a phone number',
	routing: {
		request: { method: 'POST', url: '/whatsapp_business_profile', body: { messaging_product: 'whatsapp' } },
		send: { preSend: [checkBusinessProfile] },
	},
};

export const updateFields: INodeProperties[] = [
	phoneNumberIdField('businessProfile', ['update']),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The profile fields to change; fields not added stay as they are',
		displayOptions: showFor('businessProfile', ['update']),
		options: [
			{
				displayName: 'About',
				name: 'about',
				type: 'string',
				default: '',
				placeholder: 'e.g. Your trusted partner',
				description: "The profile's About text, 1 to 139 characters",
				routing: { send: { type: 'body', property: 'about' } },
			},
			{
				displayName: 'Address',
				name: 'address',
				type: 'string',
				default: '',
				placeholder: 'e.g. 123 Business St, Springfield',
				description: 'Business address, up to 256 characters',
				routing: { send: { type: 'body', property: 'address' } },
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				typeOptions: { rows: 3 },
				placeholder: 'e.g. We provide excellent services',
				description: 'Description of the business, up to 512 characters',
				routing: { send: { type: 'body', property: 'description' } },
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'e.g. contact@example.com',
				description: 'Contact email address, up to 128 characters',
				routing: { send: { type: 'body', property: 'email' } },
			},
			{
				displayName: 'Industry',
				name: 'vertical',
				type: 'options',
				default: 'OTHER',
				description: 'The industry (vertical) of the business',
				options: BUSINESS_VERTICAL_OPTIONS,
				routing: { send: { type: 'body', property: 'vertical' } },
			},
			{
				displayName: 'Profile Picture Handle',
				name: 'profilePictureHandle',
				type: 'string',
				default: '',
				placeholder: 'e.g. 4::aW1hZ2UvanBlZw==:ARZ…',
				description: "Handle of an image uploaded with Meta's Resumable Upload API, to set as profile picture",
				routing: { send: { type: 'body', property: 'profile_picture_handle' } },
			},
			{
				displayName: 'Websites',
				name: 'websites',
				type: 'string',
				default: [],
				typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Website' },
				placeholder: 'e.g. https://example.com',
				description: 'Up to two website URLs, each starting with http:// or https://',
				routing: { send: { type: 'body', property: 'websites' } },
			},
		],
	},
];
