import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { checkSegment } from '../checks/urlSegments';
import { CREDENTIAL_TYPE, matonBaseUrls, NO_REDIRECTS } from '../gateway';
import { readApiFailure } from '../graphErrors';
import { INTERACTIVE_BODY_MAX, REPLY_BUTTON_TITLE_MAX, TEXT_BODY_MAX } from '../limits';
import { normaliseRecipientNumber } from '../recipient';
import { signToken, tokenKey, type TokenAnswer } from './token';

/** Time as Send and Wait sees it; tests replace `now`. */
export const sendAndWaitClock = { now: (): number => Date.now() };

/** A token lives as long as the wait, and at most this long when the wait has no limit. */
export const MAX_TOKEN_LIFETIME_MS = 30 * 24 * 3600 * 1000;
/** n8n's "wait indefinitely" date (n8n-workflow's WAIT_INDEFINITELY). */
const WAIT_INDEFINITELY = new Date('3000-01-01T00:00:00.000Z');
const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type ResponseType = 'approval' | 'freeText';
export type AnswerThrough = 'trigger' | 'link';

interface LimitWaitTime {
	limitType?: 'afterTimeInterval' | 'atSpecifiedTime';
	resumeAmount?: number;
	resumeUnit?: keyof typeof UNIT_MS;
	maxDateAndTime?: string;
}

interface ApprovalValues {
	approvalType?: 'single' | 'double';
	approveLabel?: string;
	disapproveLabel?: string;
}

const fail = (context: IExecuteFunctions, message: string, description?: string) =>
	new NodeOperationError(context.getNode(), message, { itemIndex: 0, description });

/** When the wait ends by itself: the limit, or n8n's "indefinitely". */
export function waitTillOf(context: IExecuteFunctions, now: number): Date {
	const limit = (context.getNodeParameter('options.limitWaitTime.values', 0, {}) ?? {}) as LimitWaitTime;
	if (Object.keys(limit).length === 0) return WAIT_INDEFINITELY;
	if ((limit.limitType ?? 'afterTimeInterval') === 'afterTimeInterval') {
		const amount = Number(limit.resumeAmount ?? 1);
		const unit = limit.resumeUnit ?? 'hours';
		if (!Number.isFinite(amount) || amount <= 0) {
			throw fail(context, `Limit Wait Time › Amount must be a number above 0, not "${String(limit.resumeAmount)}"`);
		}
		if (!(unit in UNIT_MS)) {
			throw fail(context, `Limit Wait Time › Unit must be minutes, hours or days, not "${String(unit)}"`);
		}
		return new Date(now + amount * UNIT_MS[unit]);
	}
	const at = new Date(String(limit.maxDateAndTime ?? ''));
	if (Number.isNaN(at.getTime())) {
		throw fail(context, `Limit Wait Time › Max Date and Time "${String(limit.maxDateAndTime ?? '')}" is not a date and time`);
	}
	if (at.getTime() <= now) {
		throw fail(context, `Limit Wait Time › Max Date and Time ${at.toISOString()} is in the past`);
	}
	return at;
}

function label(context: IExecuteFunctions, field: string, value: unknown, fallback: string): string {
	const text = String(value ?? '').trim() || fallback;
	if (text.length > REPLY_BUTTON_TITLE_MAX) {
		throw fail(context, `Approval Options › ${field} has ${text.length} characters; WhatsApp allows ${REPLY_BUTTON_TITLE_MAX} on a button`);
	}
	return text;
}

/** The `signature` of n8n's signed resume URL for this node, with the given query. */
function resumeUrl(context: IExecuteFunctions, via: AnswerThrough): URL {
	return new URL(context.getSignedResumeUrl({ via }));
}

/** Puts the node's request out once: a message whose fate is unknown is never sent again. */
async function sendMessage(
	context: IExecuteFunctions,
	credentials: IDataObject,
	phoneNumberId: string,
	connectionId: string,
	body: IDataObject,
): Promise<IDataObject> {
	const url = `${matonBaseUrls(credentials).gateway}/${phoneNumberId}/messages`;
	const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
		method: 'POST',
		url,
		body,
		json: true,
		headers: { Accept: 'application/json', ...(connectionId ? { 'Maton-Connection': connectionId } : {}) },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		...NO_REDIRECTS,
	})) as { statusCode: number; body: unknown };
	if (response.statusCode >= 200 && response.statusCode < 300) return (response.body ?? {}) as IDataObject;
	const failure = readApiFailure(response.statusCode, response.body);
	throw new NodeApiError(context.getNode(), (response.body ?? {}) as JsonObject, {
		message: failure.message,
		httpCode: String(response.statusCode),
		itemIndex: 0,
		description:
			response.statusCode >= 300 && response.statusCode < 400
				? 'The gateway answered with a redirect, which is never followed (the API key stays with the configured gateway).'
				: failure.details,
	});
}

/**
 * Message › Send and Wait for Response, for the first item (as n8n's own send-and-wait nodes):
 * every field is checked, the question sent once, and the execution put to wait. It continues
 * with the answer from the node's waiting webhook (shared/sendAndWait/webhook.ts), or with its
 * input when the wait limit ends (n8n then runs the node disabled).
 */
export async function sendAndWaitExecute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const now = sendAndWaitClock.now();
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);

	const phone = checkSegment('phoneNumberId', this.getNodeParameter('phoneNumberId', 0, '', { extractValue: true }));
	if (!phone.ok) throw fail(this, `Business Phone Number ${phone.reason}`);
	const recipientRaw = this.getNodeParameter('recipientPhoneNumber', 0, '');
	const recipient = normaliseRecipientNumber(typeof recipientRaw === 'string' ? recipientRaw : String(recipientRaw ?? ''));
	if (!recipient.ok) {
		throw fail(this, `Recipient Phone Number ${recipient.reason}`, 'Give the number in international format with its country code, for example 15551234567.');
	}
	const connectionRaw =
		String(this.getNodeParameter('matonConnection', 0, '', { extractValue: true }) ?? '').trim() ||
		String(credentials.connectionId ?? '').trim();
	let connectionId = '';
	if (connectionRaw !== '') {
		const connection = checkSegment('connectionId', connectionRaw);
		if (!connection.ok) throw fail(this, `Maton Connection ${connection.reason}`);
		connectionId = connection.value;
	}

	const messageValue = this.getNodeParameter('message', 0, '');
	if (typeof messageValue !== 'string') throw fail(this, 'Message must be text');
	const message = messageValue.trim();
	if (message === '') throw fail(this, 'Message is empty');

	const responseType = this.getNodeParameter('responseType', 0, 'approval') as string;
	if (responseType !== 'approval' && responseType !== 'freeText') {
		throw fail(this, `Response Type must be approval or freeText, not "${responseType}"`);
	}
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const answerThrough = String(options.answerThrough ?? 'trigger');
	if (answerThrough !== 'trigger' && answerThrough !== 'link') {
		throw fail(this, `Options › Answer Through must be trigger or link, not "${answerThrough}"`);
	}
	const replyTo = String(options.replyToMessageId ?? '').trim();
	const waitTill = waitTillOf(this, now);

	const max = answerThrough === 'trigger' && responseType === 'freeText' ? TEXT_BODY_MAX : INTERACTIVE_BODY_MAX;
	if (message.length > max) {
		throw fail(this, `Message has ${message.length} characters; WhatsApp allows ${max} in this kind of message`);
	}

	const body: IDataObject = {
		messaging_product: 'whatsapp',
		recipient_type: 'individual',
		to: recipient.number,
		...(replyTo ? { context: { message_id: replyTo } } : {}),
	};

	if (answerThrough === 'link') {
		const url = resumeUrl(this, 'link');
		if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
			throw fail(this, `Options › Answer Through: a link button needs an https address, and this n8n's is ${url.origin}`, 'Serve n8n over https (WEBHOOK_URL), or answer through the WhatsApp (Maton) Trigger.');
		}
		let buttonText: string;
		if (responseType === 'approval') {
			buttonText = label(this, 'Approve Button Label', (this.getNodeParameter('approvalOptions.values', 0, {}) as ApprovalValues).approveLabel, 'Approve');
		} else {
			buttonText = String(options.messageButtonLabel ?? '').trim() || 'Respond';
			if (buttonText.length > REPLY_BUTTON_TITLE_MAX) {
				throw fail(this, `Options › Message Button Label has ${buttonText.length} characters; WhatsApp allows ${REPLY_BUTTON_TITLE_MAX} on a button`);
			}
		}
		Object.assign(body, {
			type: 'interactive',
			interactive: {
				type: 'cta_url',
				body: { text: message },
				action: { name: 'cta_url', parameters: { display_text: buttonText, url: url.toString() } },
			},
		});
	} else {
		const signature = resumeUrl(this, 'trigger').searchParams.get('signature') ?? '';
		const key = tokenKey(String(credentials.apiKey ?? ''));
		const expiresAt = Math.ceil(Math.min(waitTill.getTime(), now + MAX_TOKEN_LIFETIME_MS) / 1000);
		const token = (answer: TokenAnswer) => {
			try {
				return signToken(key, {
					expiresAt,
					answer,
					recipient: recipient.number,
					executionId: String(this.getExecutionId() ?? ''),
					nodeId: this.getNode().id,
					resumeSignature: signature,
				});
			} catch (error) {
				throw fail(this, `Send and Wait cannot address the answer to this execution: ${(error as Error).message}`);
			}
		};
		if (responseType === 'approval') {
			const approval = (this.getNodeParameter('approvalOptions.values', 0, {}) ?? {}) as ApprovalValues;
			const buttons = [{ type: 'reply', reply: { id: token('approve'), title: label(this, 'Approve Button Label', approval.approveLabel, 'Approve') } }];
			if (approval.approvalType === 'double') {
				const decline = label(this, 'Disapprove Button Label', approval.disapproveLabel, 'Decline');
				if (decline === buttons[0].reply.title) {
					throw fail(this, 'Approval Options › Disapprove Button Label is the same as the Approve Button Label; WhatsApp wants distinct button titles');
				}
				buttons.push({ type: 'reply', reply: { id: token('disapprove'), title: decline } });
			}
			Object.assign(body, {
				type: 'interactive',
				interactive: { type: 'button', body: { text: message }, action: { buttons } },
			});
		} else {
			// The token comes back in this message's status webhooks, which tell the trigger its wamid.
			Object.assign(body, { type: 'text', text: { body: message }, biz_opaque_callback_data: token('text') });
		}
	}

	await sendMessage(this, credentials, phone.value, connectionId, body);
	await this.putExecutionToWait(waitTill);
	return [this.getInputData()];
}
