import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { phoneNumberIdField } from '../../shared/fields/fields';
import { requirePhoneNumberId } from '../../shared/fields/phoneNumberId';
import { gatewayOperation } from '../../transport/operation';
import { checkedQrCode, checkPrefilledMessage, prefilledMessageField, qrCodeField, QR_CODES_PATH } from './common';

/**
 * The build hook of QR Code › Update: the new message, the code in the body (Graph updates by
 * posting `code` to the same edge that creates), the phone number's path.
 */
async function buildQrCodeUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await checkPrefilledMessage.call(this, requestOptions);
	const code = checkedQrCode(this);
	const body = requestOptions.body as IDataObject;
	requestOptions.body = { code, prefilled_message: body.prefilled_message };
	return await requirePhoneNumberId.call(this, requestOptions);
}

export const updateOperation = gatewayOperation(
	{
		name: 'Update',
		value: 'update',
		action: 'Update a QR code',
		description: "Change a QR code's prefilled message; its code, link and image stay the same",
	},
	{ request: { method: 'POST', url: QR_CODES_PATH }, build: buildQrCodeUpdate },
);

export const updateFields: INodeProperties[] = [
	phoneNumberIdField('qrCode', ['update']),
	qrCodeField(['update']),
	prefilledMessageField(['update']),
];
