import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { matonApiCredentialTest } from '../WhatsAppMaton/shared/account/credentialTest';
import { discoverAccounts, discoveryProblem } from '../WhatsAppMaton/shared/account/discovery';
import { CREDENTIAL_TYPE } from '../WhatsAppMaton/transport/gateway';
import { firstDelivery } from './dedup';
import { triggerProperties } from './description';
import { eventsOf, wanted, type EventFilter, type EventType, type WebhookEvent } from './events';
import {
	checkOverrideUrl,
	gatewayRequest,
	isOwnUrl,
	overrideTarget,
	readOverride,
	removeOverride,
	setOverride,
	verifyTokenFor,
	WEBHOOK_PATH,
	type OverrideTarget,
	type Registration,
} from './registration';
import { sameSecret, validSignature } from './signature';
import { relayAnswers, type RelayResult } from './relay';
import { tokenKey } from '../WhatsAppMaton/resources/message/sendAndWait/token';

export const META_APP_CREDENTIAL_TYPE = 'whatsAppMetaAppApi';

/**
 * Bodies above this are refused with 413: Meta documents webhook payloads of at most 3 MB, and a
 * WhatsApp message webhook is a few kilobytes (media arrive as IDs, never inline).
 */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

type Setup = 'maton' | 'ownApp';

function reply(context: IWebhookFunctions, status: number, text: string): IWebhookResponseData {
	context.getResponseObject().status(status).type('text/plain').send(text);
	return { noWebhookResponse: true };
}

const splitIds = (value: unknown): string[] =>
	String(value ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter((id) => id !== '');

/** Whether an event is for the number or account this trigger registered (Through Maton). */
function forRegisteredTarget(event: WebhookEvent, target: OverrideTarget): boolean {
	return target.scope === 'phoneNumber'
		? event.phoneNumberId === target.id
		: event.businessAccountId === target.id;
}

export class WhatsAppMatonTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp (Maton) Trigger',
		name: 'whatsAppMatonTrigger',
		icon: { light: 'file:../../icons/whatsapp.svg', dark: 'file:../../icons/whatsapp.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["setup"] === "ownApp" ? "Own Meta App" : "Through Maton" }}',
		description:
			'Starts a workflow when a WhatsApp Business customer writes to you (and, if you want, on message statuses), set up through Maton or your own Meta app',
		defaults: { name: 'WhatsApp (Maton) Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// `hide` rather than `show`: n8n's editor takes a parameter that credentials `show` on for
		// the node's authentication field and moves it out of the parameters panel, and Setup is
		// more than authentication (it decides whether the trigger registers itself).
		credentials: [
			{
				name: CREDENTIAL_TYPE,
				required: true,
				testedBy: 'matonApiCredentialTest',
				displayOptions: { hide: { setup: ['ownApp'] } },
			},
			{
				name: 'whatsAppMetaAppApi',
				required: true,
				testedBy: 'metaAppCredentialTest',
				displayOptions: { hide: { setup: ['maton'] } },
			},
		],
		webhooks: [
			// Meta's GET verification (hub.challenge) and its POST deliveries share one URL.
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: WEBHOOK_PATH },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: WEBHOOK_PATH },
		],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: {
			/** The same test as the WhatsApp (Maton) node's: key, connection, accounts, numbers. */
			matonApiCredentialTest,
			/**
			 * Nothing of a Meta app can be checked without calling Meta with more than these two
			 * values, so this checks their shape: an app secret is 32 hexadecimal characters.
			 */
			async metaAppCredentialTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const data = credential.data ?? {};
				const verifyToken = String(data.verifyToken ?? '');
				const appSecret = String(data.appSecret ?? '').trim();
				if (verifyToken.length < 8) {
					return { status: 'Error', message: 'Verify Token: use at least 8 characters (a long random string is best)' };
				}
				if (!/^[0-9a-f]{32}$/i.test(appSecret)) {
					return { status: 'Error', message: "App Secret: a Meta app secret is 32 hexadecimal characters (App settings › Basic)" };
				}
				return { status: 'OK', message: 'Both values look right. Meta checks them when it verifies and signs deliveries.' };
			},
		},
		listSearch: {
			/** The business accounts the Maton connection reaches (account discovery). */
			async searchBusinessAccounts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
				let accounts;
				try {
					accounts = await discoverAccounts(async (path, qs) => await gatewayRequest(this, 'GET', path, { qs, action: 'find your business accounts' }));
				} catch (error) {
					const problem = discoveryProblem({ failure: (error as Error).message });
					throw new NodeOperationError(this.getNode(), 'The Maton connection could not list its business accounts', {
						description: `${problem.description} Or pick "By ID".`,
					});
				}
				const needle = (filter ?? '').toLowerCase();
				return {
					results: accounts
						.map((account) => ({ name: account.name || account.id, value: account.id, description: `${account.id} · ${account.business}` }))
						.filter((result) => !needle || `${result.name} ${result.value}`.toLowerCase().includes(needle)),
				};
			},
			async searchPhoneNumbers(
				this: ILoadOptionsFunctions,
				filter?: string,
				paginationToken?: string,
			): Promise<INodeListSearchResult> {
				const credentials = await this.getCredentials(CREDENTIAL_TYPE);
				const waba = String(credentials.businessAccountId ?? '').trim();
				const listOf = async (account: string, after?: string) =>
					await gatewayRequest(this, 'GET', `/${account}/phone_numbers`, {
						qs: { fields: 'id,display_phone_number,verified_name', limit: 100, ...(after ? { after } : {}) },
						action: 'list the phone numbers',
					});
				const needle = (filter ?? '').toLowerCase();
				const itemsOf = (body: IDataObject) =>
					(Array.isArray(body.data) ? (body.data as IDataObject[]) : [])
						.map((phone) => ({
							name: [phone.display_phone_number, phone.verified_name].filter(Boolean).join(' · ') || String(phone.id),
							value: String(phone.id),
						}))
						.filter((result) => !needle || `${result.name} ${result.value}`.toLowerCase().includes(needle));
				if (!/^\d{1,30}$/.test(waba)) {
					// Only the API key: the numbers of the accounts the connection reaches (first pages).
					let accounts;
					try {
						accounts = await discoverAccounts(async (path, qs) => await gatewayRequest(this, 'GET', path, { qs, action: 'find your business accounts' }));
					} catch (error) {
						const problem = discoveryProblem({ failure: (error as Error).message });
						throw new NodeOperationError(this.getNode(), problem.message, { description: problem.description });
					}
					if (accounts.length === 0) {
						const problem = discoveryProblem({ accounts });
						throw new NodeOperationError(this.getNode(), problem.message, { description: problem.description });
					}
					const results = [];
					for (const account of accounts) results.push(...itemsOf(await listOf(account.id)));
					return { results };
				}
				const body = await listOf(waba, paginationToken);
				const results = itemsOf(body);
				const paging = (body.paging ?? {}) as IDataObject;
				const after = ((paging.cursors ?? {}) as IDataObject).after;
				return { results, paginationToken: paging.next && typeof after === 'string' ? after : undefined };
			},
		},
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if ((this.getNodeParameter('setup', 'maton') as Setup) !== 'maton') return true;
				const url = checkOverrideUrl(this.getNode(), this.getNodeWebhookUrl('default'));
				const target = await overrideTarget(this);
				return (await readOverride(this, target, url)) === url;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				if ((this.getNodeParameter('setup', 'maton') as Setup) !== 'maton') return true;
				const node = this.getNode();
				const url = checkOverrideUrl(node, this.getNodeWebhookUrl('default'));
				const target = await overrideTarget(this);
				const options = this.getNodeParameter('options', {}) as IDataObject;
				const current = await readOverride(this, target, url);
				if (current !== null && current !== url && !isOwnUrl(node, url, current) && options.replaceExisting !== true) {
					throw new NodeOperationError(
						node,
						`${target.scope === 'phoneNumber' ? `Phone number ${target.id}` : `Business account ${target.id}`} already sends its webhooks to ${current}`,
						{
							description:
								'Another trigger or service is using this number. Deactivate it first, pick another number, or turn on Options › Replace Existing Override.',
						},
					);
				}
				await setOverride(this, target, url, await verifyTokenFor(this));
				const registration: Registration = { scope: target.scope, id: target.id, url, previousUrl: current === url ? null : current };
				this.getWorkflowStaticData('node').registration = registration;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				if ((this.getNodeParameter('setup', 'maton') as Setup) !== 'maton') return true;
				const node = this.getNode();
				const staticData = this.getWorkflowStaticData('node');
				const stored = staticData.registration as Registration | undefined;
				const url = this.getNodeWebhookUrl('default') ?? stored?.url ?? '';
				// The target as registered: the node's parameters may have changed since.
				const target: OverrideTarget = stored ? { scope: stored.scope, id: stored.id } : await overrideTarget(this);
				const current = await readOverride(this, target, url);
				// Someone else took the number over meanwhile: theirs stays.
				if (current !== url) {
					delete staticData.registration;
					return true;
				}
				const previous = stored?.previousUrl ?? null;
				if (previous !== null && isOwnUrl(node, url, previous)) {
					// This node's other URL (production after a test listen): same node, same token.
					await setOverride(this, target, previous, await verifyTokenFor(this));
				} else {
					await removeOverride(this, target);
				}
				delete staticData.registration;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const setup = this.getNodeParameter('setup', 'maton') as Setup;
		const metaApp = setup === 'ownApp' ? await this.getCredentials(META_APP_CREDENTIAL_TYPE) : undefined;

		if (this.getWebhookName() === 'setup') {
			// Meta's check of the callback URL: echo hub.challenge when the token is ours.
			const query = this.getQueryData() as IDataObject;
			const expected = metaApp ? String(metaApp.verifyToken ?? '') : await verifyTokenFor(this);
			const challenge = query['hub.challenge'];
			if (query['hub.mode'] === 'subscribe' && typeof challenge === 'string' && sameSecret(query['hub.verify_token'], expected)) {
				return reply(this, 200, challenge);
			}
			return reply(this, 403, 'Forbidden: wrong or missing verify token');
		}

		const request = this.getRequestObject();
		const raw: Buffer = Buffer.isBuffer(request.rawBody) ? request.rawBody : Buffer.alloc(0);
		if (raw.length > MAX_BODY_BYTES) return reply(this, 413, 'Payload Too Large');
		if (metaApp && !validSignature(raw, this.getHeaderData()['x-hub-signature-256'], String(metaApp.appSecret ?? ''))) {
			return reply(this, 401, 'Unauthorized: missing or wrong X-Hub-Signature-256');
		}
		const body = this.getBodyData();
		if (body?.object !== 'whatsapp_business_account') {
			return reply(this, 400, 'Bad Request: not a WhatsApp Business Account webhook');
		}
		const events = eventsOf(body);

		if (setup === 'maton') {
			// No signature to check: refuse what is not for the number or account we registered.
			// (A phone number ID names one number of one account, so it is the whole check there;
			// the credential's default account may be another of the user's accounts.)
			const target = await overrideTarget(this);
			if (events.some((event) => !forRegisteredTarget(event, target))) {
				return reply(this, 403, 'Forbidden: not the registered phone number or business account');
			}
		}

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const filter: EventFilter = {
			events: this.getNodeParameter('events', ['message']) as EventType[],
			messageKinds: (options.messageKinds as string[] | undefined) ?? [],
			statuses: (options.statuses as string[] | undefined) ?? [],
			phoneNumberIds: splitIds(options.phoneNumberIds),
		};
		const staticData = this.getWorkflowStaticData('node');
		const now = Date.now();
		const seen = new Map<WebhookEvent, boolean>();
		const fresh = (event: WebhookEvent): boolean => {
			if (!seen.has(event)) seen.set(event, event.dedupKey === undefined || firstDelivery(staticData, event.dedupKey, now));
			return seen.get(event) === true;
		};

		// 200 at once: Meta retries what is not answered quickly, whatever the workflow then does.
		reply(this, 200, 'EVENT_RECEIVED');

		// Answers to Send and Wait for Response resume their execution instead (Through Maton: the
		// tokens are keyed with the Maton API key, which an Own Meta App trigger does not hold).
		let relayed: RelayResult = { consumed: new Set(), unmatched: new Set() };
		if (setup === 'maton') {
			const credentials = await this.getCredentials(CREDENTIAL_TYPE);
			relayed = await relayAnswers(this, tokenKey(String(credentials.apiKey ?? '')), events, staticData, fresh);
		}
		const startUnmatched = options.unmatchedAnswers === 'startWorkflow';
		const items = events
			.filter((event) => !relayed.consumed.has(event) && (startUnmatched || !relayed.unmatched.has(event)))
			.filter((event) => wanted(event, filter))
			.filter(fresh)
			.map((event) => ({ json: event.json }));
		if (items.length === 0) return { noWebhookResponse: true };
		return { noWebhookResponse: true, workflowData: [items] };
	}
}
