import type { IDataObject } from 'n8n-workflow';

/**
 * Meta's webhook body (`object: "whatsapp_business_account"`) turned into one flat item per
 * message, status or error, so that a no-code user maps `text` or `replyId` instead of digging
 * through `entry[0].changes[0].value.messages[0]`. The original object stays under `raw`.
 */

export const MESSAGE_KINDS = [
	'text',
	'image',
	'audio',
	'voice',
	'video',
	'document',
	'sticker',
	'location',
	'contacts',
	'buttonReply',
	'listReply',
	'templateButton',
	'flowReply',
	'reaction',
	'order',
	'system',
	'unsupported',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const STATUS_VALUES = ['sent', 'delivered', 'read', 'failed'] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];

export type EventType = 'message' | 'status' | 'error';

/** One event of a delivery, with the key that identifies it across redeliveries. */
export interface WebhookEvent {
	type: EventType;
	/** `message:<wamid>` or `status:<wamid>:<status>`; undefined for errors (they carry no ID). */
	dedupKey?: string;
	phoneNumberId: string | null;
	businessAccountId: string | null;
	json: IDataObject;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const asObject = (value: unknown): IDataObject => (isObject(value) ? value : {});

const asArray = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? value.filter(isObject) : [];

/** A string field, or null: Meta sends numbers as strings, and some fields may be absent. */
const text = (value: unknown): string | null =>
	typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

const num = (value: unknown): number | null => {
	const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
	return Number.isFinite(parsed) ? parsed : null;
};

/** Meta's timestamps are Unix seconds as strings. */
export function isoTimestamp(value: unknown): string | null {
	const seconds = num(value);
	if (seconds === null) return null;
	const date = new Date(seconds * 1000);
	return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * Who wrote: a phone number (`wa_id`) or, since Meta introduced usernames, a business-scoped user
 * ID. The field names for the latter are not settled in Meta's documentation, so every known
 * spelling is read and whatever identifier is there is returned.
 */
function senderOf(message: IDataObject, contact: IDataObject | undefined) {
	const waId = text(contact?.wa_id) ?? (typeof message.from === 'string' && /^\d+$/.test(message.from) ? message.from : null);
	const userId = text(message.from_user_id) ?? text(contact?.user_id) ?? text(message.user_id);
	const from = text(message.from) ?? waId ?? userId;
	return { from, waId, userId };
}

function contactFor(contacts: IDataObject[], message: IDataObject): IDataObject | undefined {
	const from = text(message.from);
	return (
		contacts.find((contact) => from !== null && (contact.wa_id === from || contact.user_id === from)) ??
		(contacts.length === 1 ? contacts[0] : undefined)
	);
}

interface KindFields {
	kind: MessageKind;
	text: string | null;
	replyId: string | null;
	replyTitle: string | null;
	replyDescription: string | null;
	mediaId: string | null;
	mimeType: string | null;
	caption: string | null;
	fileName: string | null;
	latitude: number | null;
	longitude: number | null;
	locationName: string | null;
	locationAddress: string | null;
	emoji: string | null;
	reactedMessageId: string | null;
}

const EMPTY_FIELDS: Omit<KindFields, 'kind'> = {
	text: null,
	replyId: null,
	replyTitle: null,
	replyDescription: null,
	mediaId: null,
	mimeType: null,
	caption: null,
	fileName: null,
	latitude: null,
	longitude: null,
	locationName: null,
	locationAddress: null,
	emoji: null,
	reactedMessageId: null,
};

const MEDIA_TYPES = new Set(['image', 'audio', 'video', 'document', 'sticker']);

function kindFields(message: IDataObject): KindFields {
	const type = text(message.type) ?? '';
	const fields: KindFields = { kind: 'unsupported', ...EMPTY_FIELDS };
	if (type === 'text') {
		return { ...fields, kind: 'text', text: text(asObject(message.text).body) };
	}
	if (MEDIA_TYPES.has(type)) {
		const media = asObject(message[type]);
		// A voice note is an audio message Meta flags with `voice: true` (OGG/Opus recorded in the app).
		const kind = (type === 'audio' && media.voice === true ? 'voice' : type) as MessageKind;
		return {
			...fields,
			kind,
			mediaId: text(media.id),
			mimeType: text(media.mime_type),
			caption: text(media.caption),
			fileName: text(media.filename),
			text: text(media.caption),
		};
	}
	if (type === 'location') {
		const location = asObject(message.location);
		return {
			...fields,
			kind: 'location',
			latitude: num(location.latitude),
			longitude: num(location.longitude),
			locationName: text(location.name),
			locationAddress: text(location.address),
		};
	}
	if (type === 'contacts') {
		const names = asArray(message.contacts)
			.map((contact) => text(asObject(contact.name).formatted_name))
			.filter((name): name is string => name !== null);
		return { ...fields, kind: 'contacts', text: names.length > 0 ? names.join(', ') : null };
	}
	if (type === 'button') {
		// A tap on a template's quick-reply button: the payload is what the template was sent with.
		const button = asObject(message.button);
		return { ...fields, kind: 'templateButton', text: text(button.text), replyId: text(button.payload), replyTitle: text(button.text) };
	}
	if (type === 'interactive') {
		const interactive = asObject(message.interactive);
		if (interactive.type === 'button_reply') {
			const reply = asObject(interactive.button_reply);
			return { ...fields, kind: 'buttonReply', text: text(reply.title), replyId: text(reply.id), replyTitle: text(reply.title) };
		}
		if (interactive.type === 'list_reply') {
			const reply = asObject(interactive.list_reply);
			return {
				...fields,
				kind: 'listReply',
				text: text(reply.title),
				replyId: text(reply.id),
				replyTitle: text(reply.title),
				replyDescription: text(reply.description),
			};
		}
		if (interactive.type === 'nfm_reply') {
			const reply = asObject(interactive.nfm_reply);
			return { ...fields, kind: 'flowReply', text: text(reply.response_json), replyTitle: text(reply.name) };
		}
		return fields;
	}
	if (type === 'reaction') {
		const reaction = asObject(message.reaction);
		// An empty emoji (or none) means the customer removed their reaction.
		const emoji = text(reaction.emoji) ?? '';
		return { ...fields, kind: 'reaction', text: emoji, emoji, reactedMessageId: text(reaction.message_id) };
	}
	if (type === 'order') {
		const order = asObject(message.order);
		return { ...fields, kind: 'order', text: text(order.text) };
	}
	if (type === 'system') {
		const system = asObject(message.system);
		return { ...fields, kind: 'system', text: text(system.body) };
	}
	return fields;
}

function firstError(errors: unknown) {
	const error = asArray(errors)[0];
	if (!error) return { errorCode: null, errorTitle: null, errorMessage: null, errorDetails: null };
	return {
		errorCode: num(error.code),
		errorTitle: text(error.title),
		errorMessage: text(error.message) ?? text(error.title),
		errorDetails: text(asObject(error.error_data).details) ?? text(error.details),
	};
}

function messageItem(message: IDataObject, value: IDataObject, context: ChangeContext): WebhookEvent {
	const contact = contactFor(asArray(value.contacts), message);
	const sender = senderOf(message, contact);
	const replyContext = asObject(message.context);
	const id = text(message.id);
	return {
		type: 'message',
		dedupKey: id === null ? undefined : `message:${id}`,
		phoneNumberId: context.phoneNumberId,
		businessAccountId: context.businessAccountId,
		json: {
			event: 'message',
			messageId: id,
			from: sender.from,
			waId: sender.waId,
			userId: sender.userId,
			contactName: text(asObject(contact?.profile).name),
			...kindFields(message),
			type: text(message.type),
			contextMessageId: text(replyContext.id),
			contextFrom: text(replyContext.from),
			timestamp: isoTimestamp(message.timestamp),
			...firstError(message.errors),
			phoneNumberId: context.phoneNumberId,
			displayPhoneNumber: context.displayPhoneNumber,
			businessAccountId: context.businessAccountId,
			raw: message,
		},
	};
}

function statusItem(status: IDataObject, context: ChangeContext): WebhookEvent {
	const id = text(status.id);
	const value = text(status.status);
	const conversation = asObject(status.conversation);
	const pricing = asObject(status.pricing);
	return {
		type: 'status',
		dedupKey: id === null ? undefined : `status:${id}:${value ?? ''}`,
		phoneNumberId: context.phoneNumberId,
		businessAccountId: context.businessAccountId,
		json: {
			event: 'status',
			messageId: id,
			status: value,
			recipientId: text(status.recipient_id) ?? text(status.recipient_user_id),
			timestamp: isoTimestamp(status.timestamp),
			conversationId: text(conversation.id),
			conversationOrigin: text(asObject(conversation.origin).type),
			pricingCategory: text(pricing.category),
			billable: typeof pricing.billable === 'boolean' ? pricing.billable : null,
			...firstError(status.errors),
			phoneNumberId: context.phoneNumberId,
			displayPhoneNumber: context.displayPhoneNumber,
			businessAccountId: context.businessAccountId,
			raw: status,
		},
	};
}

function errorItem(error: IDataObject, context: ChangeContext): WebhookEvent {
	return {
		type: 'error',
		phoneNumberId: context.phoneNumberId,
		businessAccountId: context.businessAccountId,
		json: {
			event: 'error',
			...firstError([error]),
			phoneNumberId: context.phoneNumberId,
			displayPhoneNumber: context.displayPhoneNumber,
			businessAccountId: context.businessAccountId,
			raw: error,
		},
	};
}

interface ChangeContext {
	phoneNumberId: string | null;
	displayPhoneNumber: string | null;
	businessAccountId: string | null;
}

/** Every message, status and error in the body, in the order Meta sent them. */
export function eventsOf(body: IDataObject): WebhookEvent[] {
	const events: WebhookEvent[] = [];
	for (const entry of asArray(body.entry)) {
		for (const change of asArray(entry.changes)) {
			// Only `messages` changes follow an override; other fields (templates, account) are not ours.
			if (change.field !== undefined && change.field !== 'messages') continue;
			const value = asObject(change.value);
			const metadata = asObject(value.metadata);
			const context: ChangeContext = {
				phoneNumberId: text(metadata.phone_number_id),
				displayPhoneNumber: text(metadata.display_phone_number),
				businessAccountId: text(entry.id),
			};
			for (const message of asArray(value.messages)) events.push(messageItem(message, value, context));
			for (const status of asArray(value.statuses)) events.push(statusItem(status, context));
			for (const error of asArray(value.errors)) events.push(errorItem(error, context));
		}
	}
	return events;
}

export interface EventFilter {
	events: EventType[];
	/** Empty: every kind. */
	messageKinds: string[];
	/** Empty: every status. */
	statuses: string[];
	/** Empty: every business phone number. */
	phoneNumberIds: string[];
}

/** Whether the user asked for this event. */
export function wanted(event: WebhookEvent, filter: EventFilter): boolean {
	if (!filter.events.includes(event.type)) return false;
	if (filter.phoneNumberIds.length > 0 && !filter.phoneNumberIds.includes(event.phoneNumberId ?? '')) return false;
	if (event.type === 'message' && filter.messageKinds.length > 0) {
		return filter.messageKinds.includes(String(event.json.kind));
	}
	if (event.type === 'status' && filter.statuses.length > 0) {
		return filter.statuses.includes(String(event.json.status));
	}
	return true;
}
