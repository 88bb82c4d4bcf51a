import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { phoneNumberIdField, showFor } from '../../shared/fields/fields';
import { inputError } from '../../shared/errors';
import { checkLength } from '../../shared/checks/text';
import {
	PROFILE_ABOUT_MAX,
	PROFILE_ADDRESS_MAX,
	PROFILE_DESCRIPTION_MAX,
	PROFILE_EMAIL_MAX,
	PROFILE_WEBSITE_MAX,
	PROFILE_WEBSITES_MAX,
} from '../../shared/limits';
import { requirePhoneNumberId } from '../../shared/fields/phoneNumberId';
import { gatewayOperation } from '../../transport/operation';

/** Graph's business verticals (docs/whatsapp-rules.md), listed by their names. */
const VERTICALS: Array<[string, string]> = [
	['APPAREL', 'Apparel'],
	['AUTO', 'Automotive'],
	['BEAUTY', 'Beauty, Spa and Salon'],
	['EDU', 'Education'],
	['ENTERTAIN', 'Entertainment'],
	['EVENT_PLAN', 'Event Planning and Service'],
	['FINANCE', 'Finance and Banking'],
	['GOVT', 'Public Service'],
	['GROCERY', 'Food and Grocery'],
	['HEALTH', 'Medical and Health'],
	['HOTEL', 'Hotel and Lodging'],
	['NONPROFIT', 'Non-Profit'],
	['NOT_A_BIZ', 'Not a Business'],
	['OTHER', 'Other'],
	['PROF_SERVICES', 'Professional Services'],
	['RESTAURANT', 'Restaurant'],
	['RETAIL', 'Shopping and Retail'],
	['TRAVEL', 'Travel and Transportation'],
	['UNDEFINED', 'Undefined'],
];

export const BUSINESS_VERTICAL_OPTIONS: INodePropertyOptions[] = VERTICALS.map(([value, name]) => ({
	name,
	value,
})).sort((a, b) => a.name.localeCompare(b.name));

/** The build hook of Business Profile › Update: the profile's fields, then the phone number's path. */
async function buildProfileUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await checkBusinessProfile.call(this, requestOptions);
	return await requirePhoneNumberId.call(this, requestOptions);
}

export const updateOperation = gatewayOperation(
	{
		name: 'Update',
		value: 'update',
		action: 'Update the business profile',
		description: 'Change fields of the WhatsApp business profile of a phone number',
	},
	{
		request: { method: 'POST', url: '/whatsapp_business_profile', body: { messaging_product: 'whatsapp' } },
		build: buildProfileUpdate,
	},
);

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


const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** preSend for Business Profile › Update: WhatsApp's limits on every profile field. */
export async function checkBusinessProfile(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	const given = Object.keys(body).filter((key) => key !== 'messaging_product');
	if (given.length === 0) throw inputError(this, 'Update Fields is empty; add at least one field to change');
	if (body.about !== undefined) checkLength(this, 'About', String(body.about), { min: 1, max: PROFILE_ABOUT_MAX });
	if (body.address !== undefined) checkLength(this, 'Address', String(body.address), { max: PROFILE_ADDRESS_MAX });
	if (body.description !== undefined) {
		checkLength(this, 'Description', String(body.description), { max: PROFILE_DESCRIPTION_MAX });
	}
	if (body.email !== undefined) {
		const email = String(body.email).trim();
		checkLength(this, 'Email', email, { max: PROFILE_EMAIL_MAX });
		if (email !== '' && !EMAIL_SHAPE.test(email)) throw inputError(this, `Email "${email}" is not an email address`);
	}
	if (body.websites !== undefined) {
		const websites = (Array.isArray(body.websites) ? body.websites : [body.websites])
			.map((website) => String(website).trim())
			.filter((website) => website !== '');
		if (websites.length > PROFILE_WEBSITES_MAX) {
			throw inputError(this, `Websites has ${websites.length} entries; WhatsApp allows ${PROFILE_WEBSITES_MAX}`);
		}
		websites.forEach((website, index) => {
			checkLength(this, `Website ${index + 1}`, website, { max: PROFILE_WEBSITE_MAX });
			if (!/^https?:\/\/\S+$/i.test(website)) {
				throw inputError(this, `Website ${index + 1} "${website}" must start with http:// or https://`);
			}
		});
		body.websites = websites;
	}
	if (body.vertical !== undefined && !VERTICALS.some(([value]) => value === body.vertical)) {
		throw inputError(
			this,
			`Industry "${String(body.vertical)}" is not one WhatsApp knows`,
			'Use one of ' + VERTICALS.map(([value]) => value).join(', '),
		);
	}
	return requestOptions;
}
