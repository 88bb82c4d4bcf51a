import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { listSearch } from './listSearch';
import { analyticsDescription } from './resources/analytics';
import { resourceMapping } from './resourceMapping';
import { blockedUserDescription } from './resources/blockedUser';
import { businessProfileDescription } from './resources/businessProfile';
import { connectionDescription } from './resources/connection';
import { mediaDescription } from './resources/media';
import { messageDescription } from './resources/message';
import { phoneNumberDescription } from './resources/phoneNumber';
import { qrCodeDescription } from './resources/qrCode';
import { templateDescription } from './resources/template';
import { registerEditorRules } from './description/editorRules';
import { matonApiCredentialTest } from './shared/account/credentialTest';
import { defineEachFieldOnce } from './description/defineOnce';
import { matonConnectionField } from './shared/fields/fields';
import { deliveryOptionsField } from './transport/deliveryOptions';
import { GATEWAY_BASE_URL_EXPRESSION, NO_REDIRECTS } from './transport/gateway';
import { guardPreSendHooks } from './description/guardPreSend';
import { registerOperationLabels } from './transport/requestSafety';
import { requestOptionsField } from './transport/requestOptions';
import { sendAndWaitExecute } from './resources/message/sendAndWait/execute';
import { sendAndWaitWebhook } from './resources/message/sendAndWait/webhook';

/**
 * Each field defined once (description/defineOnce.ts), every preSend hook guarded (its failure stops
 * the run like a failed request), and the operations' names kept for errors ("Message › Send Text").
 */
function prepared(properties: INodeProperties[]): INodeProperties[] {
	registerOperationLabels(properties);
	return registerEditorRules(guardPreSendHooks(defineEachFieldOnce(properties)));
}

// The node's only webhook is n8n's waiting webhook of Send and Wait for Response
// (restartWebhook): n8n serves it while an execution waits and never registers it anywhere, so
// there is nothing for checkExists/create/delete to do (n8n's own send-and-wait nodes have none).
// eslint-disable-next-line @n8n/community-nodes/webhook-lifecycle-complete
export class WhatsAppMaton implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp (Maton)',
		name: 'whatsAppMaton',
		icon: { light: 'file:../../icons/whatsapp.svg', dark: 'file:../../icons/whatsapp.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			"Send WhatsApp Business messages and manage templates, media, phone numbers, blocked users, QR codes, the business profile and Maton connections, and read the account's analytics, through Maton's managed OAuth gateway",
		defaults: { name: 'WhatsApp (Maton)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'matonApi', required: true, testedBy: 'matonApiCredentialTest' }],
		// Message › Send and Wait for Response: the waiting execution's resume URL
		// (`/webhook-waiting/<execution>/<node>`), the way n8n's own send-and-wait nodes declare it.
		// `responseData: ''` so that n8n answers with the webhook's own response (unset, n8n would
		// answer its default, the text "firstEntryJson").
		webhooks: [
			{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', responseData: '', path: '={{ $nodeId }}', restartWebhook: true, isFullPath: true },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: '={{ $nodeId }}', restartWebhook: true, isFullPath: true },
		],
		requestDefaults: {
			baseURL: GATEWAY_BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json' },
			// Failures come back as answers so that explainApiFailures can say what Graph said.
			ignoreHttpStatusErrors: true,
			// The key stays with the configured hosts: a 3xx is an error, never followed.
			...NO_REDIRECTS,
		},
		properties: prepared([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Analytics', value: 'analytics' },
					{ name: 'Blocked User', value: 'blockedUser' },
					{ name: 'Business Profile', value: 'businessProfile' },
					{ name: 'Connection', value: 'connection' },
					{ name: 'Media', value: 'media' },
					{ name: 'Message', value: 'message' },
					{ name: 'Phone Number', value: 'phoneNumber' },
					{ name: 'QR Code', value: 'qrCode' },
					{ name: 'Template', value: 'template' },
				],
				default: 'message',
			},
			...analyticsDescription,
			...blockedUserDescription,
			...businessProfileDescription,
			...connectionDescription,
			...mediaDescription,
			...messageDescription,
			...phoneNumberDescription,
			...qrCodeDescription,
			...templateDescription,
			matonConnectionField,
			deliveryOptionsField,
			requestOptionsField,
		]),
	};

	methods = { credentialTest: { matonApiCredentialTest }, listSearch, resourceMapping };

	/** The one programmatic operation; n8n's engine runs it instead of the routing. */
	customOperations = {
		message: {
			sendAndWait: async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
				return await sendAndWaitExecute.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await sendAndWaitWebhook.call(this);
	}
}
