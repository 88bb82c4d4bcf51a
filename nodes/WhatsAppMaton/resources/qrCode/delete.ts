import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { phoneNumberIdField } from '../../shared/fields/fields';
import { normaliseDeletion } from '../../shared/fields/deletion';
import { requirePhoneNumberId } from '../../shared/fields/phoneNumberId';
import { gatewayOperation } from '../../transport/operation';
import { placeQrCode, qrCodeField, QR_CODES_PATH } from './common';

/** The build hook of QR Code › Delete: the phone number's path, then the code. */
async function buildQrCodeDeletion(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await requirePhoneNumberId.call(this, requestOptions);
	return await placeQrCode.call(this, requestOptions);
}

export const deleteOperation = gatewayOperation(
	{
		name: 'Delete',
		value: 'delete',
		action: 'Delete a QR code',
		description: 'Delete a QR code and its short link; printed copies stop opening the chat',
	},
	{
		request: { method: 'DELETE', url: QR_CODES_PATH },
		build: buildQrCodeDeletion,
		output: [normaliseDeletion],
	},
);

export const deleteFields: INodeProperties[] = [phoneNumberIdField('qrCode', ['delete']), qrCodeField(['delete'])];
