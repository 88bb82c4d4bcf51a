import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { checkSegment } from '../../../shared/checks/urlSegments';
import { CREDENTIAL_TYPE, matonBaseUrls, NO_REDIRECTS } from '../../../transport/gateway';
import { readApiFailure } from '../../../transport/graphErrors';
import { INTERACTIVE_BODY_MAX, REPLY_BUTTON_TITLE_MAX, TEXT_BODY_MAX } from '../../../shared/limits';
import { normaliseRecipientNumber } from '../common/recipient';
import { formFieldsProblem, type FormField } from './form';
import { signToken, tokenKey, type TokenAnswer } from './token';

/** Time as Send and Wait sees it; tests replace `now`. */
export const sendAndWaitClock = { now: (): number => Date.now() };

/** A token lives as long as the wait, and at most this long when the wait has no limit. */
export const MAX_TOKEN_LIFETIME_MS = 30 * 24 * 3600 * 1000;
/** n8n's "wait indefinitely" date (n8n-workflow's WAIT_INDEFINITELY). */
const WAIT_INDEFINITELY = new Date('3000-01-01T00:00:00.000Z');
const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type ResponseType = 'approval' | 'freeText' | 'customForm';
const RESPONSE_TYPES: ResponseType[] = ['approval', 'freeText', 'customForm'];
export type AnswerThrough = 'auto' | 'trigger' | 'link';
const ANSWER_THROUGH: AnswerThrough[] = ['auto', 'trigger', 'link'];

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

/** The approval's button titles, checked: at most 20 characters, two distinct ones. */
function approvalLabels(context: IExecuteFunctions): { approve: string; decline?: string } {
	const approval = (context.getNodeParameter('approvalOptions.values', 0, {}) ?? {}) as ApprovalValues;
	const approve = label(context, 'Approve Button Label', approval.approveLabel, 'Approve');
	if (approval.approvalType !== 'double') return { approve };
	const decline = label(context, 'Disapprove Button Label', approval.disapproveLabel, 'Decline');
	if (decline === approve) {
		throw fail(context, 'Approval Options › Disapprove Button Label is the same as the Approve Button Label; WhatsApp wants distinct button titles');
	}
	return { approve, decline };
}

/** n8n's signed resume URL for this node, with the given query. */
function resumeUrl(context: IExecuteFunctions, via: 'trigger' | 'link'): URL {
	return new URL(context.getSignedResumeUrl({ via }));
}

/**
 * Answer Through › Auto: whether the number's webhooks go to a WhatsApp (Maton) Trigger of this
 * n8n, read from Meta's override (`GET /{phone-number-id}?fields=webhook_configuration`, the
 * number's own override before its account's). The trigger registers its production URL,
 * `<WEBHOOK_URL>/webhook/<id>/webhook` (n8n's default endpoint name). Anything else (no override, another URL, a refused or failed
 * read) means no trigger will hear the answer: the question then goes by link.
 */
export async function triggerIsActive(
	context: IExecuteFunctions,
	credentials: IDataObject,
	phoneNumberId: string,
	connectionId: string,
): Promise<boolean> {
	// The production webhook base, from this node's waiting URL (`<base>/webhook-waiting/<execution>/<node>`):
	// n8n's WEBHOOK_URL, which is what the trigger registered (the editor's URL may be another).
	const waiting = resumeUrl(context, 'trigger');
	const base = `${waiting.origin}${waiting.pathname.split('/').slice(0, -3).join('/')}/webhook/`;
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
			method: 'GET',
			url: `${matonBaseUrls(credentials).gateway}/${phoneNumberId}`,
			qs: { fields: 'webhook_configuration' },
			json: true,
			headers: { Accept: 'application/json', ...(connectionId ? { 'Maton-Connection': connectionId } : {}) },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			...NO_REDIRECTS,
		})) as { statusCode: number; body: unknown };
		if (response.statusCode !== 200) return false;
		const configuration = ((response.body ?? {}) as IDataObject).webhook_configuration as IDataObject | undefined;
		const url = configuration?.phone_number ?? configuration?.whatsapp_business_account;
		return typeof url === 'string' && url.startsWith(base) && url.endsWith('/webhook');
	} catch {
		return false;
	}
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
 * with the answer from the node's waiting webhook (resources/message/sendAndWait/webhook.ts), or with its
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

	const responseType = this.getNodeParameter('responseType', 0, 'approval') as ResponseType;
	if (!RESPONSE_TYPES.includes(responseType)) {
		throw fail(this, `Response Type must be approval, freeText or customForm, not "${responseType}"`);
	}
	if (responseType === 'customForm') {
		const problem = formFieldsProblem((this.getNodeParameter('formFields.values', 0, []) ?? []) as FormField[]);
		if (problem) throw fail(this, problem);
	}
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const chosen = String(options.answerThrough ?? 'auto') as AnswerThrough;
	if (!ANSWER_THROUGH.includes(chosen)) {
		throw fail(this, `Options › Answer Through must be auto, trigger or link, not "${chosen}"`);
	}
	const replyTo = String(options.replyToMessageId ?? '').trim();
	const waitTill = waitTillOf(this, now);
	const labels = responseType === 'approval' ? approvalLabels(this) : undefined;
	// A free-text question through the trigger is a text (4096); everything else is an
	// interactive body (1024). What does not fit either is refused before Auto looks.
	const textOnly = responseType === 'freeText' && chosen !== 'link';
	const longest = textOnly ? TEXT_BODY_MAX : INTERACTIVE_BODY_MAX;
	if (message.length > longest) {
		throw fail(this, `Message has ${message.length} characters; WhatsApp allows ${longest} in this kind of message`);
	}

	// A custom form is always a page of this n8n: nothing to ask the trigger.
	const answerThrough =
		responseType === 'customForm'
			? 'link'
			: chosen !== 'auto'
				? chosen
				: (await triggerIsActive(this, credentials, phone.value, connectionId))
					? 'trigger'
					: 'link';
	if (answerThrough === 'link' && message.length > INTERACTIVE_BODY_MAX) {
		throw fail(this, `Message has ${message.length} characters; WhatsApp allows ${INTERACTIVE_BODY_MAX} with a link button (no active WhatsApp (Maton) Trigger was found for this number)`);
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
			throw fail(
				this,
				`Options › Answer Through: a link button needs an https address, and this n8n's is ${url.origin}`,
				chosen === 'auto'
					? 'No active WhatsApp (Maton) Trigger was found for this number, so the answer would come by link. Activate a trigger for it, or serve n8n over https (WEBHOOK_URL).'
					: 'Serve n8n over https (WEBHOOK_URL), or answer through the WhatsApp (Maton) Trigger.',
			);
		}
		let buttonText: string;
		if (labels) {
			buttonText = labels.approve;
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
		if (labels) {
			const buttons = [{ type: 'reply', reply: { id: token('approve'), title: labels.approve } }];
			if (labels.decline !== undefined) buttons.push({ type: 'reply', reply: { id: token('disapprove'), title: labels.decline } });
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
