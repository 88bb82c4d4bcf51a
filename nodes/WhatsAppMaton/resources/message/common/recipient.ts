import type { IExecuteSingleFunctions, IHttpRequestOptions, IDataObject } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';

/** Separators people type in phone numbers. */
const PHONE_NUMBER_SEPARATORS = /[\s\-.()]/g;

export type RecipientCheck = { ok: true; number: string } | { ok: false; reason: string };

/**
 * WhatsApp wants the number in international form as bare digits: country code first, no `+`,
 * no `00` prefix, 7 to 15 digits.
 */
export function normaliseRecipientNumber(raw: string): RecipientCheck {
	// One leading `+` is the international prefix WhatsApp does not want; a `+` elsewhere is a typo.
	const number = raw.replace(PHONE_NUMBER_SEPARATORS, '').replace(/^\+/, '');
	if (number === '') return { ok: false, reason: 'is empty' };
	if (!/^[0-9]+$/.test(number)) return { ok: false, reason: `"${raw}" has characters other than digits` };
	if (number.startsWith('00')) {
		return { ok: false, reason: `"${raw}" starts with 00: write the country code without it` };
	}
	if (number.length < 7 || number.length > 15) {
		return { ok: false, reason: `"${raw}" has ${number.length} digits; WhatsApp wants 7 to 15` };
	}
	return { ok: true, number };
}

/** preSend: puts the normalised recipient in `to`, or stops the item with the reason. */
export async function normaliseRecipient(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	const check = normaliseRecipientNumber(String(body.to ?? ''));
	if (!check.ok) {
		throw inputError(
			this,
			`Recipient Phone Number ${check.reason}`,
			'Give the number in international format with its country code, for example 15551234567 or +1 555 123 4567.',
		);
	}
	body.to = check.number;
	return requestOptions;
}
