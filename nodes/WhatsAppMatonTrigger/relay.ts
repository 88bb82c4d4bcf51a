import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { sendAndWaitClock } from '../WhatsAppMaton/resources/message/sendAndWait/execute';
import {
	digitsOf,
	looksLikeToken,
	relayMac,
	verifyToken,
	type TokenFields,
} from '../WhatsAppMaton/resources/message/sendAndWait/token';
import { RELAY_MAC_HEADER, type RelayedAnswer } from '../WhatsAppMaton/resources/message/sendAndWait/webhook';
import type { WebhookEvent } from './events';
import { WEBHOOK_PATH } from './registration';

/**
 * Answers to Message › Send and Wait for Response, recognised by the trigger and handed to the
 * waiting execution through n8n's own resume URL (`/webhook-waiting/<execution>/<node>`, signed by
 * n8n when the question was sent; the token carries that signature):
 * - a tap on a reply button whose ID is a token (Approval);
 * - a text that replies in context to a free-text question (its wamid learned from the question's
 *   status webhooks, which echo the token as `biz_opaque_callback_data`), or else the customer's
 *   next text while their latest question waits.
 * A reply that matches no waiting execution (forged, expired, from someone else, already answered)
 * resumes nothing and, by option, starts the trigger's workflow like any other message.
 */

/** The free-text questions this trigger saw go out and has not seen answered. */
interface PendingQuestion extends IDataObject {
	token: string;
	recipient: string;
	/** Seconds since the epoch, as in the token. */
	expiresAt: number;
	/** When the trigger learned of it (seconds): the latest question is the one answered. */
	learnedAt: number;
	/** Kept until it expires, so that a later status of the same message does not bring it back. */
	answered?: boolean;
}

type Pending = Record<string, PendingQuestion>;

/**
 * Pending questions live in the workflow's static data and, beside it, in this process's memory:
 * n8n saves static data only after an execution of the workflow, and a status webhook that
 * starts nothing would otherwise forget what it taught. (Several n8n webhook processes each learn
 * from the deliveries they receive: see docs/send-and-wait.md § Limits on free-text answers in queue mode.)
 */
const memory = new Map<string, Pending>();
/** A bound on what is kept, oldest expiry dropped first. */
export const MAX_PENDING_QUESTIONS = 500;

function pendingOf(context: IWebhookFunctions, staticData: IDataObject, nowSeconds: number): Pending {
	const key = `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
	const stored = (typeof staticData.sendAndWait === 'object' && staticData.sendAndWait !== null ? staticData.sendAndWait : {}) as Pending;
	const merged: Pending = { ...(memory.get(key) ?? {}), ...stored };
	for (const [wamid, question] of Object.entries(merged)) {
		if (typeof question?.expiresAt !== 'number' || question.expiresAt <= nowSeconds) delete merged[wamid];
	}
	const ids = Object.keys(merged);
	if (ids.length > MAX_PENDING_QUESTIONS) {
		ids
			.sort((a, b) => merged[a].expiresAt - merged[b].expiresAt)
			.slice(0, ids.length - MAX_PENDING_QUESTIONS)
			.forEach((id) => delete merged[id]);
	}
	staticData.sendAndWait = merged;
	memory.set(key, merged);
	return merged;
}

/** Forgets every question held in memory (tests). */
export function forgetPendingQuestions(): void {
	memory.clear();
}

/**
 * n8n's waiting-webhook base, from the trigger's own URL: `<base>/webhook/<id>/webhook` (or
 * `/webhook-test/...`) gives `<base>/webhook-waiting`, n8n's default endpoint names.
 */
export function waitingBaseUrl(context: IWebhookFunctions): string | undefined {
	const own = context.getNodeWebhookUrl('default');
	const webhookId = context.getNode().webhookId;
	if (!own || !webhookId) return undefined;
	const suffix = `/${webhookId}/${WEBHOOK_PATH}`;
	if (!own.endsWith(suffix)) return undefined;
	const endpoint = own.slice(0, -suffix.length);
	const slash = endpoint.lastIndexOf('/');
	return slash < 0 ? undefined : `${endpoint.slice(0, slash)}/webhook-waiting`;
}

export type RelayOutcome = 'resumed' | 'unmatched';

/** Hands an answer to the waiting execution; `resumed` only when the node said it took it. */
async function relay(context: IWebhookFunctions, key: Buffer, fields: TokenFields, answer: RelayedAnswer): Promise<RelayOutcome> {
	const base = waitingBaseUrl(context);
	if (!base) return 'unmatched';
	const url = `${base}/${encodeURIComponent(fields.executionId)}/${encodeURIComponent(fields.nodeId)}?via=trigger&signature=${fields.resumeSignature}`;
	const body = JSON.stringify(answer);
	try {
		const response = (await context.helpers.httpRequest({
			method: 'POST',
			url,
			body,
			headers: { 'content-type': 'application/json', [RELAY_MAC_HEADER]: relayMac(key, body) },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			json: false,
		})) as { statusCode: number; body: unknown };
		if (response.statusCode !== 200) return 'unmatched';
		// n8n answers an execution that no longer waits with its "no action required" page.
		const parsed: unknown = typeof response.body === 'string' ? JSON.parse(response.body) : response.body;
		return (parsed as IDataObject | null)?.resumed === true ? 'resumed' : 'unmatched';
	} catch {
		return 'unmatched';
	}
}

export interface RelayResult {
	/** Events that were answers resumed into a waiting execution: they start nothing. */
	consumed: Set<WebhookEvent>;
	/** Events that looked like answers but matched no waiting execution. */
	unmatched: Set<WebhookEvent>;
}

/**
 * Learns the free-text questions from status events, then relays every answer among the message
 * events, in order. `key` is the token key of the trigger's Maton API key; `fresh` says (and
 * records) whether a message is seen for the first time: a redelivered answer is not relayed
 * again, and only answers are recorded here.
 */
export async function relayAnswers(
	context: IWebhookFunctions,
	key: Buffer,
	events: WebhookEvent[],
	staticData: IDataObject,
	fresh: (event: WebhookEvent) => boolean,
): Promise<RelayResult> {
	const nowSeconds = Math.floor(sendAndWaitClock.now() / 1000);
	const result: RelayResult = { consumed: new Set(), unmatched: new Set() };
	const pending = pendingOf(context, staticData, nowSeconds);

	for (const event of events) {
		if (event.type !== 'status') continue;
		const opaque = (event.json.raw as IDataObject | undefined)?.biz_opaque_callback_data;
		const wamid = event.json.messageId;
		if (!looksLikeToken(opaque) || typeof wamid !== 'string' || event.json.status === 'failed') continue;
		const check = verifyToken(key, opaque, nowSeconds);
		if (check.ok && check.fields.answer === 'text' && pending[wamid] === undefined) {
			pending[wamid] = { token: opaque, recipient: check.fields.recipient, expiresAt: check.fields.expiresAt, learnedAt: nowSeconds };
		}
	}

	for (const event of events) {
		if (event.type !== 'message') continue;
		const json = event.json;
		const from = digitsOf(String(json.waId ?? json.from ?? ''));
		const answer = { from, ...(json.contactName ? { name: String(json.contactName) } : {}), messageId: String(json.messageId ?? '') };

		if (json.kind === 'buttonReply' && looksLikeToken(json.replyId)) {
			if (!fresh(event)) {
				result.consumed.add(event);
				continue;
			}
			const check = verifyToken(key, json.replyId, nowSeconds);
			const ok = check.ok && check.fields.answer !== 'text' && check.fields.recipient === from;
			const outcome = ok ? await relay(context, key, check.fields, { ...answer, answer: check.fields.answer }) : 'unmatched';
			(outcome === 'resumed' ? result.consumed : result.unmatched).add(event);
			continue;
		}

		if (json.kind !== 'text' || typeof json.text !== 'string') continue;
		const contextId = typeof json.contextMessageId === 'string' ? json.contextMessageId : '';
		const inContext = contextId !== '' && pending[contextId] !== undefined;
		// A reply in context to a question, else (not a reply to anything) the customer's latest
		// question that still waits; a reply to some other message is an ordinary message.
		const wamid = inContext
			? contextId
			: contextId === ''
				? Object.entries(pending)
						.filter(([, question]) => question.recipient === from && question.answered !== true)
						.sort(([, a], [, b]) => b.learnedAt - a.learnedAt)[0]?.[0]
				: undefined;
		if (wamid === undefined) continue;
		if (!fresh(event)) {
			result.consumed.add(event);
			continue;
		}
		const question = pending[wamid];
		if (question.answered === true) {
			result.unmatched.add(event);
			continue;
		}
		question.answered = true;
		const check = verifyToken(key, question.token, nowSeconds);
		const ok = check.ok && check.fields.recipient === from;
		const outcome = ok ? await relay(context, key, check.fields, { ...answer, answer: 'text', text: json.text }) : 'unmatched';
		if (outcome === 'resumed') result.consumed.add(event);
		// Matched only by being the customer's next text: if nothing waited, it is just a message.
		else if (inContext) result.unmatched.add(event);
	}
	return result;
}
