import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../../../transport/gateway';
import { escapeHtml, formAnswers, formHtml, type FormField } from './form';
import { tokenKey, validRelayMac } from './token';

/** The header carrying the trigger's MAC of the answer it hands on. */
export const RELAY_MAC_HEADER = 'x-whatsapp-maton-relay';

/** An answer as the WhatsApp (Maton) Trigger hands it on. */
export interface RelayedAnswer extends IDataObject {
	answer: 'approve' | 'disapprove' | 'text';
	text?: string;
	/** The customer's WhatsApp ID (their number, digits). */
	from: string;
	/** Their profile name, when the webhook had it. */
	name?: string;
	/** The wamid of the customer's reply. */
	messageId: string;
}


function page(title: string, inner: string): string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#111}p.q{white-space:pre-wrap;font-size:1.1rem}button{font-size:1rem;padding:.6rem 1.2rem;margin:.3rem .3rem 0 0;border-radius:.4rem;border:1px solid #128c7e;background:#128c7e;color:#fff}button.secondary{background:#fff;color:#128c7e}textarea{width:100%;min-height:6rem;font-size:1rem}</style></head><body>${inner}</body></html>`;
}

export const ANSWER_RECORDED_PAGE = page('Answer recorded', '<h1>Thank you</h1><p>Your answer was recorded. You can close this page.</p>');

function reply(context: IWebhookFunctions, status: number, type: string, text: string): IWebhookResponseData {
	context.getResponseObject().status(status).type(type).send(text);
	return { noWebhookResponse: true };
}

interface ApprovalValues {
	approvalType?: 'single' | 'double';
	approveLabel?: string;
	disapproveLabel?: string;
}

const formFieldsOf = (context: IWebhookFunctions) => (context.getNodeParameter('formFields.values', []) ?? []) as FormField[];

/** The question's page for an answer by link: the buttons, a text box or the form, posting to itself. */
function questionPage(context: IWebhookFunctions): string {
	const message = escapeHtml(String(context.getNodeParameter('message', '') ?? ''));
	const responseType = context.getNodeParameter('responseType', 'approval') as string;
	let form: string;
	if (responseType === 'customForm') {
		form = formHtml(formFieldsOf(context));
	} else if (responseType === 'freeText') {
		form = '<textarea name="text" required aria-label="Your answer"></textarea><br><button type="submit">Send</button>';
	} else {
		const approval = (context.getNodeParameter('approvalOptions.values', {}) ?? {}) as ApprovalValues;
		const approve = escapeHtml(String(approval.approveLabel ?? '').trim() || 'Approve');
		form = `<button type="submit" name="approved" value="true">${approve}</button>`;
		if (approval.approvalType === 'double') {
			const decline = escapeHtml(String(approval.disapproveLabel ?? '').trim() || 'Decline');
			form += `<button type="submit" name="approved" value="false" class="secondary">${decline}</button>`;
		}
	}
	// n8n takes a custom form's answer only as multipart/form-data (its own forms' encoding).
	const encoding = responseType === 'customForm' ? ' enctype="multipart/form-data"' : '';
	return page('Your answer', `<p class="q">${message}</p><form method="post"${encoding}>${form}</form>`);
}

/**
 * The node's waiting webhook (GET and POST on `/webhook-waiting/<execution>/<node>`, every
 * request signed by n8n, which checks the signature before calling this):
 * - `?via=trigger`: a POST from the WhatsApp (Maton) Trigger with the customer's answer, taken
 *   only with a valid relay MAC (the trigger holds the same Maton API key);
 * - `?via=link`: the page of an answer by link; GET shows the question, POST records the answer.
 * Output as n8n's own send-and-wait nodes: `{ data: { approved } }` or `{ data: { text } }`, plus
 * who answered (`answeredBy`, `messageId`) when the answer came through WhatsApp.
 */
export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const method = this.getRequestObject().method;
	const via = (this.getQueryData() as IDataObject).via;
	const responseType = this.getNodeParameter('responseType', 'approval') as string;
	// Auto chose one of the two when it sent the question; n8n's signature of the URL (checked
	// before this runs) covers `via`, so only the way the node chose can be used.
	const answerThrough = String((this.getNodeParameter('options', {}) as IDataObject).answerThrough ?? 'auto');
	// A custom form always goes by link.
	const allowed = (way: string) =>
		via === way && (answerThrough === 'auto' || answerThrough === way || (responseType === 'customForm' && way === 'link'));

	if (allowed('trigger')) {
		if (method !== 'POST') return reply(this, 405, 'text/plain', 'Method Not Allowed');
		const request = this.getRequestObject();
		const raw = Buffer.isBuffer(request.rawBody) ? request.rawBody.toString('utf8') : '';
		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const key = tokenKey(String(credentials.apiKey ?? ''));
		if (!validRelayMac(key, raw, this.getHeaderData()[RELAY_MAC_HEADER])) {
			return reply(this, 401, 'text/plain', 'Unauthorized: not relayed by a WhatsApp (Maton) Trigger with this credential');
		}
		const relayed = this.getBodyData() as RelayedAnswer;
		const answeredBy = { phoneNumber: String(relayed.from ?? ''), ...(relayed.name ? { name: String(relayed.name) } : {}) };
		let data: IDataObject;
		if (responseType === 'approval' && (relayed.answer === 'approve' || relayed.answer === 'disapprove')) {
			data = { approved: relayed.answer === 'approve' };
		} else if (responseType === 'freeText' && relayed.answer === 'text' && typeof relayed.text === 'string') {
			data = { text: relayed.text };
		} else {
			return reply(this, 400, 'text/plain', 'Bad Request: not an answer to this question');
		}
		return {
			webhookResponse: { resumed: true },
			workflowData: [[{ json: { data: { ...data, answeredBy, messageId: String(relayed.messageId ?? '') } } }]],
		};
	}

	if (allowed('link')) {
		if (method === 'GET') return reply(this, 200, 'text/html', questionPage(this));
		const body = (this.getBodyData() ?? {}) as IDataObject;
		if (responseType === 'customForm') {
			// Multipart fields arrive under `data` (n8n's form parser), others at the top.
			const fields = typeof body.data === 'object' && body.data !== null && !Array.isArray(body.data) ? (body.data as IDataObject) : body;
			const answers = formAnswers(formFieldsOf(this), fields);
			if (!answers.ok) return reply(this, 400, 'text/plain', `Bad Request: ${answers.reason}`);
			return { webhookResponse: ANSWER_RECORDED_PAGE, workflowData: [[{ json: { data: answers.data } }]] };
		}
		if (responseType === 'freeText') {
			const text = typeof body.text === 'string' ? body.text.trim() : '';
			if (text === '') return reply(this, 400, 'text/plain', 'Bad Request: the answer is empty');
			return { webhookResponse: ANSWER_RECORDED_PAGE, workflowData: [[{ json: { data: { text } } }]] };
		}
		if (body.approved !== 'true' && body.approved !== 'false') {
			return reply(this, 400, 'text/plain', 'Bad Request: approved must be true or false');
		}
		return { webhookResponse: ANSWER_RECORDED_PAGE, workflowData: [[{ json: { data: { approved: body.approved === 'true' } } }]] };
	}

	return reply(this, 404, 'text/plain', 'Not Found');
}
