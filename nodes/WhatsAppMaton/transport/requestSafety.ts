import type { INodeProperties } from 'n8n-workflow';

/**
 * Whether a request may be sent again when its answer is lost. A request that is not safe to
 * repeat (a message, an upload, something created) is resent only when the gateway certainly did
 * not act on it (a rate limit, a connection that never opened); after a timeout, a reset or a 5xx
 * it fails with `uncertain`, which says what may have happened and how to check.
 */
export interface RequestSafety {
	safeToRepeat: boolean;
	uncertain?: { maybe: string; check: string };
}

const SAFE: RequestSafety = { safeToRepeat: true };

export const MESSAGE_SEND: RequestSafety = {
	safeToRepeat: false,
	uncertain: {
		maybe: 'The message may have been delivered',
		check:
			"It was not sent again, so that the recipient does not get it twice. Before sending it again, check the recipient's chat, your status webhooks (sent / delivered for this recipient) or a later message status, and rerun only the items you confirmed failed. (Delivery Options › Retry When Delivery Is Uncertain resends automatically, at the risk of duplicates.)",
	},
};

export const MEDIA_UPLOAD: RequestSafety = {
	safeToRepeat: false,
	uncertain: {
		maybe: 'The file may have been uploaded',
		check:
			'It was not uploaded again, so that no second media ID is made for it. Rerun the item to upload it again (an upload ID lives 30 days).',
	},
};

const CREATED = (what: string, list: string): RequestSafety => ({
	safeToRepeat: false,
	uncertain: {
		maybe: `The ${what} may have been created`,
		check: `It was not sent again, so that no second ${what} is made. Look for it with ${list} before creating it again.`,
	},
});

/** Reading a template's definition before a send, and other lookups by hooks: GETs. */
export const LOOKUP: RequestSafety = SAFE;

/**
 * By `resource.operation`; `resource.*` stands for every other operation of the resource.
 * Operations not listed go by their method (below).
 */
export const REQUEST_SAFETY: Record<string, RequestSafety> = {
	// Marking the same message read twice changes nothing.
	'message.markAsRead': SAFE,
	// Every other message operation sends a message (text, media, template, reaction…).
	'message.*': MESSAGE_SEND,
	'media.upload': MEDIA_UPLOAD,
	// Sets the profile's fields to the given values: the same result however often it is sent.
	'businessProfile.update': SAFE,
	// Blocking a user who is already blocked leaves them blocked: the same result however often it
	// is sent (and a user who cannot be blocked fails the same way each time). Unblock is a DELETE.
	'blockedUser.block': SAFE,
	'template.create': CREATED('template', 'Template › List'),
	'connection.create': CREATED('connection', 'Connection › List'),
	'qrCode.create': CREATED('QR code', 'QR Code › List'),
	// Sets the code's prefilled message to the given text: sent twice, the same message stays
	// (the code, its link and image do not change), so a lost answer may be resent.
	'qrCode.update': SAFE,
};

/** GET, HEAD and DELETE change nothing more the second time; anything else might. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);

const NOT_SAFE_BY_METHOD: RequestSafety = {
	safeToRepeat: false,
	uncertain: {
		maybe: 'The request may have been carried out',
		check: 'It was not sent again. Check its effect before running the item again.',
	},
};

export function requestSafetyOf(resource: string, operation: string, method = 'GET'): RequestSafety {
	return (
		REQUEST_SAFETY[`${resource}.${operation}`] ??
		(SAFE_METHODS.has(method.toUpperCase()) ? SAFE : (REQUEST_SAFETY[`${resource}.*`] ?? NOT_SAFE_BY_METHOD))
	);
}

/** "Message › Send Text" by `message.sendText`, from the node's own Resource and Operation options. */
const operationLabels = new Map<string, string>();

export function registerOperationLabels(properties: INodeProperties[]): void {
	const resources = new Map<string, string>();
	for (const property of properties) {
		if (property.name !== 'resource') continue;
		for (const option of property.options ?? []) {
			if ('value' in option) resources.set(String(option.value), option.name);
		}
	}
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const resource of property.displayOptions?.show?.resource ?? []) {
			for (const option of property.options ?? []) {
				if ('value' in option) {
					const resourceName = resources.get(String(resource)) ?? String(resource);
					operationLabels.set(`${String(resource)}.${String(option.value)}`, `${resourceName} › ${option.name}`);
				}
			}
		}
	}
}

export function operationLabel(resource: string, operation: string): string {
	return operationLabels.get(`${resource}.${operation}`) ?? `${resource} › ${operation}`;
}
