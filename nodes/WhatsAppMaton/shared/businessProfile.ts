import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodePropertyOptions } from 'n8n-workflow';

import { inputError } from './errors';
import { checkLength } from './text';

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

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** preSend for Business Profile › Update: WhatsApp's limits on every profile field. */
export async function checkBusinessProfile(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	const given = Object.keys(body).filter((key) => key !== 'messaging_product');
	if (given.length === 0) throw inputError(this, 'Update Fields is empty; add at least one field to change');
	if (body.about !== undefined) checkLength(this, 'About', String(body.about), { min: 1, max: 139 });
	if (body.address !== undefined) checkLength(this, 'Address', String(body.address), { max: 256 });
	if (body.description !== undefined) {
		checkLength(this, 'Description', String(body.description), { max: 512 });
	}
	if (body.email !== undefined) {
		const email = String(body.email).trim();
		checkLength(this, 'Email', email, { max: 128 });
		if (email !== '' && !EMAIL_SHAPE.test(email)) throw inputError(this, `Email "${email}" is not an email address`);
	}
	if (body.websites !== undefined) {
		const websites = (Array.isArray(body.websites) ? body.websites : [body.websites])
			.map((website) => String(website).trim())
			.filter((website) => website !== '');
		if (websites.length > 2) throw inputError(this, `Websites has ${websites.length} entries; WhatsApp allows 2`);
		websites.forEach((website, index) => {
			checkLength(this, `Website ${index + 1}`, website, { max: 256 });
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
