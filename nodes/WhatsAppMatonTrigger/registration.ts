import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
} from 'n8n-workflow';

import { WHERE_TO_FIND_THE_ACCOUNT_ID } from '../WhatsAppMaton/shared/account/discovery';
import { CREDENTIAL_TYPE, matonBaseUrls } from '../WhatsAppMaton/transport/gateway';
import { derivedVerifyToken } from './signature';

/**
 * Meta's webhook overrides, called through Maton's gateway with the connection's token:
 * - business account: `POST /{waba_id}/subscribed_apps` `{ override_callback_uri, verify_token }`,
 *   read back with `GET /{waba_id}/subscribed_apps`, removed by the same POST without them;
 * - phone number: `POST /{phone_number_id}` `{ webhook_configuration: { override_callback_uri,
 *   verify_token } }`, read back with `GET /{phone_number_id}?fields=webhook_configuration`,
 *   removed with an empty `override_callback_uri`.
 * Whether Maton's gateway passes these calls through is unverified: a refusal is reported as
 * it came, with the "Own Meta App" mode as the way out.
 */

/** The path under the node's webhook ID; both webhooks (GET setup, POST default) share it. */
export const WEBHOOK_PATH = 'webhook';

/** Meta's limit for `override_callback_uri`. */
export const MAX_OVERRIDE_URL_LENGTH = 200;

export type OverrideScope = 'phoneNumber' | 'businessAccount';

export interface OverrideTarget {
	scope: OverrideScope;
	/** The phone number ID or business account ID the override is set on. */
	id: string;
}

/** What `create()` registered, kept in the workflow's static data for `delete()`. */
export interface Registration extends IDataObject {
	scope: OverrideScope;
	id: string;
	url: string;
	/** The override that was there before ours (null: none, so Meta used the app's own URL). */
	previousUrl: string | null;
}

const DIGITS = /^\d{1,30}$/;
const CONNECTION_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * The trigger's URL as Meta will call it: at most 200 characters, https (Meta calls nothing
 * else), or http on a loopback host only, for the local sandbox.
 */
export function checkOverrideUrl(node: INode, url: string | undefined): string {
	if (!url) throw new NodeOperationError(node, 'n8n gave this trigger no webhook URL to register');
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		throw new NodeOperationError(node, `The webhook URL "${url}" is not a valid URL`);
	}
	if (url.length > MAX_OVERRIDE_URL_LENGTH) {
		throw new NodeOperationError(node, `The webhook URL is ${url.length} characters long; Meta accepts at most ${MAX_OVERRIDE_URL_LENGTH}`, {
			description: 'Shorten n8n\'s public URL (WEBHOOK_URL) or use the "Own Meta App" setup.',
		});
	}
	const loopback = LOOPBACK_HOSTS.has(parsed.hostname);
	if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
		throw new NodeOperationError(node, `Meta only calls https webhook URLs, and this one is "${parsed.protocol}//${parsed.host}"`, {
			description:
				'Serve n8n over https and set WEBHOOK_URL to its public https address. (Plain http is allowed only for 127.0.0.1 and localhost, for the local sandbox.)',
		});
	}
	return url;
}

/** Whether `url` is this trigger node's own webhook URL (production or test). */
export function isOwnUrl(node: INode, ownUrl: string, url: string | null): boolean {
	if (url === null) return false;
	if (url === ownUrl) return true;
	return node.webhookId !== undefined && url.endsWith(`/${node.webhookId}/${WEBHOOK_PATH}`);
}

/** The node functions both the hooks and the webhook handler offer. */
type ParameterContext = Pick<IHookFunctions, 'getNode' | 'getNodeParameter' | 'getCredentials'>;

/** Where the override goes: the chosen phone number, or the whole business account. */
export async function overrideTarget(context: ParameterContext): Promise<OverrideTarget> {
	const node = context.getNode();
	const scope = context.getNodeParameter('registerFor', 'phoneNumber') as OverrideScope;
	if (scope === 'businessAccount') {
		const id = await businessAccountIdOf(context);
		if (!DIGITS.test(id)) {
			throw new NodeOperationError(node, `WhatsApp Business Account ID: "${id}" is not a business account ID (digits only)`, {
				description: `Set it on the node, or as the Default WhatsApp Business Account ID of the Maton API credential. ${WHERE_TO_FIND_THE_ACCOUNT_ID}`,
			});
		}
		return { scope, id };
	}
	const phoneNumberId = String(
		context.getNodeParameter('phoneNumberId', '', { extractValue: true }) ?? '',
	).trim();
	if (!DIGITS.test(phoneNumberId)) {
		throw new NodeOperationError(node, `Phone Number: "${phoneNumberId}" is not a phone number ID (digits only)`, {
			description: 'Pick the number from the list, or paste its ID from WhatsApp Manager (not the phone number itself).',
		});
	}
	return { scope: 'phoneNumber', id: phoneNumberId };
}

/** The node's business account ID, else the credential's default ('' when neither is set). */
async function businessAccountIdOf(context: ParameterContext): Promise<string> {
	// A picked or typed account ({ __rl, mode, value }), or the plain ID of a workflow saved before the picker.
	const own = String(context.getNodeParameter('businessAccountId', '', { extractValue: true }) ?? '').trim();
	if (own !== '') return own;
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return String(credentials.businessAccountId ?? '').trim();
}

interface Gateway {
	base: string;
	headers: IDataObject;
}

async function gatewayOf(context: IHookFunctions | ILoadOptionsFunctions): Promise<Gateway> {
	const node = context.getNode();
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const connectionId = String(options.connectionId ?? '').trim() || String(credentials.connectionId ?? '').trim();
	if (connectionId !== '' && !CONNECTION_ID.test(connectionId)) {
		throw new NodeOperationError(node, `Maton Connection ID: "${connectionId}" is not a connection ID`);
	}
	return {
		base: matonBaseUrls(credentials).gateway,
		headers: connectionId ? { 'Maton-Connection': connectionId } : {},
	};
}

/** The verify token for this workflow's trigger node (see `derivedVerifyToken`). */
export async function verifyTokenFor(
	context: Pick<IHookFunctions, 'getNode' | 'getCredentials' | 'getWorkflow'>,
): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return derivedVerifyToken(
		String(credentials.apiKey ?? ''),
		String(context.getWorkflow().id ?? ''),
		context.getNode().id,
	);
}

/** One gateway call; a refusal becomes an error that says what Graph or Maton answered. */
export async function gatewayRequest(
	context: IHookFunctions | ILoadOptionsFunctions,
	method: 'GET' | 'POST',
	path: string,
	options: { qs?: IDataObject; body?: IDataObject; action: string },
): Promise<IDataObject> {
	const gateway = await gatewayOf(context);
	const request: IHttpRequestOptions = {
		method,
		url: `${gateway.base}${path}`,
		qs: options.qs,
		body: options.body,
		headers: { Accept: 'application/json', ...gateway.headers },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	let response: IN8nHttpFullResponse;
	try {
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			request,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		// Network failures only (HTTP statuses come back as answers); the message has no key in it.
		throw new NodeOperationError(context.getNode(), `Could not reach Maton to ${options.action}: ${(error as Error).message}`);
	}
	const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as IDataObject;
	if (response.statusCode >= 400) {
		const graphError = (body.error ?? {}) as IDataObject;
		const message =
			typeof graphError.message === 'string'
				? graphError.message
				: typeof body.message === 'string'
					? body.message
					: typeof response.body === 'string' && response.body !== ''
						? response.body.slice(0, 300)
						: `HTTP ${response.statusCode}`;
		throw new NodeOperationError(context.getNode(), `Maton refused to ${options.action} (HTTP ${response.statusCode}): ${message}`, {
			description:
				"Setting Meta's webhook override through Maton is not confirmed to work for every connection. If Maton keeps refusing it, use the \"Own Meta App\" setup: point your own Meta app's webhook at this trigger's production URL.",
		});
	}
	return body;
}

/** The override currently set on the target (null when Meta uses the app's own URL). */
export async function readOverride(
	context: IHookFunctions,
	target: OverrideTarget,
	ownUrl: string,
): Promise<string | null> {
	if (target.scope === 'businessAccount') {
		const body = await gatewayRequest(context, 'GET', `/${target.id}/subscribed_apps`, {
			action: 'read the business account\'s webhook override',
		});
		const urls = (Array.isArray(body.data) ? (body.data as IDataObject[]) : [])
			.map((app) => (typeof app.override_callback_uri === 'string' && app.override_callback_uri !== '' ? app.override_callback_uri : null))
			.filter((url): url is string => url !== null);
		// Several apps may be subscribed; the connection's app is the one that carries our URL, if any.
		return urls.find((url) => url === ownUrl) ?? urls[0] ?? null;
	}
	const body = await gatewayRequest(context, 'GET', `/${target.id}`, {
		qs: { fields: 'webhook_configuration' },
		action: 'read the phone number\'s webhook override',
	});
	const configuration = (body.webhook_configuration ?? {}) as IDataObject;
	return typeof configuration.phone_number === 'string' && configuration.phone_number !== ''
		? configuration.phone_number
		: null;
}

export async function setOverride(
	context: IHookFunctions,
	target: OverrideTarget,
	url: string,
	verifyToken: string,
): Promise<void> {
	if (target.scope === 'businessAccount') {
		await gatewayRequest(context, 'POST', `/${target.id}/subscribed_apps`, {
			body: { override_callback_uri: url, verify_token: verifyToken },
			action: "set the business account's webhook override",
		});
		return;
	}
	await gatewayRequest(context, 'POST', `/${target.id}`, {
		body: { webhook_configuration: { override_callback_uri: url, verify_token: verifyToken } },
		action: "set the phone number's webhook override",
	});
}

export async function removeOverride(context: IHookFunctions, target: OverrideTarget): Promise<void> {
	if (target.scope === 'businessAccount') {
		await gatewayRequest(context, 'POST', `/${target.id}/subscribed_apps`, {
			body: {},
			action: "remove the business account's webhook override",
		});
		return;
	}
	await gatewayRequest(context, 'POST', `/${target.id}`, {
		body: { webhook_configuration: { override_callback_uri: '' } },
		action: "remove the phone number's webhook override",
	});
}
