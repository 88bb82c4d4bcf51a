import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { phoneNumberIdField } from '../../shared/fields/fields';
import { requirePhoneNumberId } from '../../shared/fields/phoneNumberId';
import { gatewayOperation } from '../../transport/operation';
import { outputQrCodes, placeQrCode, qrCodeField, QR_CODES_PATH } from './common';

/** The build hook of QR Code › Get: the phone number's path, then the code. */
async function buildQrCodeRead(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await requirePhoneNumberId.call(this, requestOptions);
	return await placeQrCode.call(this, requestOptions);
}

export const getOperation = gatewayOperation(
	{
		name: 'Get',
		value: 'get',
		action: 'Get a QR code',
		description: "Get a QR code's prefilled message and deep link by its code",
	},
	{ request: { method: 'GET', url: QR_CODES_PATH }, build: buildQrCodeRead, output: [outputQrCodes] },
);

export const getFields: INodeProperties[] = [phoneNumberIdField('qrCode', ['get']), qrCodeField(['get'])];
