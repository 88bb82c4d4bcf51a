import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { showFor } from '../../shared/fields/fields';
import { inputError } from '../../shared/errors';
import { characterCount } from '../../shared/checks/text';
import { requireSegment } from '../../shared/checks/urlSegments';
import { QR_PREFILLED_MESSAGE_MAX } from '../../shared/limits';

/** The phone number's QR codes: `/{phone-number-id}/message_qrdls`, the phone number put in front by its hook. */
export const QR_CODES_PATH = '/message_qrdls';

/** Where a QR code's `code` comes from, for the errors that name the field. */
const QR_CODE_HINT = 'Give the code from QR Code › Create or List (e.g. 4O4YGZEG3RIVE1), not the deep link URL.';

/** The QR code acted on, by its `code`: of Get, Update and Delete. */
export function qrCodeField(operations: string[]): INodeProperties {
	return {
		displayName: 'QR Code',
		name: 'qrCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 4O4YGZEG3RIVE1',
		description: 'The code of the QR code (its ID, the end of its wa.me/message/… link), from QR Code › Create or List',
		displayOptions: showFor('qrCode', operations),
	};
}

/** The message the customer's chat opens with: of Create and Update, sent as `prefilled_message`. */
export function prefilledMessageField(operations: string[]): INodeProperties {
	return {
		displayName: 'Prefilled Message',
		name: 'prefilledMessage',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 2 },
		placeholder: 'e.g. Hi! I would like to know more about the Cyber Monday offer',
		description: `Text that appears, ready to send, in the chat the QR code opens; up to ${QR_PREFILLED_MESSAGE_MAX} characters`,
		displayOptions: showFor('qrCode', operations),
		routing: { send: { type: 'body', property: 'prefilled_message' } },
	};
}

/** The QR code's `code`, checked by shape so that `..` or `a/b` never reach the gateway. */
export function checkedQrCode(context: IExecuteSingleFunctions): string {
	return requireSegment(context, 'qrCode', 'QR Code', context.getNodeParameter('qrCode', ''), { hint: QR_CODE_HINT });
}

/**
 * preSend of Get and Delete: the checked code after the phone number's `/message_qrdls` (which
 * requirePhoneNumberId completed before).
 */
export async function placeQrCode(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const code = checkedQrCode(this);
	requestOptions.url = `${requestOptions.url ?? ''}/${encodeURIComponent(code)}`;
	return requestOptions;
}

/**
 * preSend of Create and Update: the prefilled message is text of 1 to 140 characters (Meta's
 * limit, counted in characters as WhatsApp counts them). It is sent as given, not trimmed.
 */
export async function checkPrefilledMessage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const message = body.prefilled_message;
	if (message === undefined || message === null || String(message).trim() === '') {
		throw inputError(
			this,
			'Prefilled Message is empty; WhatsApp requires it',
			'Give the text the chat opens with, e.g. "Hi! I would like to book a table".',
		);
	}
	const text = typeof message === 'number' ? String(message) : message;
	if (typeof text !== 'string') throw inputError(this, 'Prefilled Message must be text');
	const length = characterCount(text);
	if (length > QR_PREFILLED_MESSAGE_MAX) {
		throw inputError(
			this,
			`Prefilled Message is ${length} characters; WhatsApp allows ${QR_PREFILLED_MESSAGE_MAX}`,
		);
	}
	body.prefilled_message = text;
	requestOptions.body = body;
	return requestOptions;
}

/**
 * postReceive of Get: Graph answers a QR code read by its code as a list of one
 * (`{ data: [ {...} ] }`); the item is the QR code itself. An answer that is the QR code already
 * is kept as it is.
 */
export async function outputQrCodes(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body;
	if (body && typeof body === 'object' && !Array.isArray(body) && Array.isArray((body as IDataObject).data)) {
		return ((body as IDataObject).data as unknown[])
			.filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null && !Array.isArray(entry))
			.map((json) => ({ json }));
	}
	return items;
}
