import type {
	IAuthenticateGeneric,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The Graph API version the node puts in every gateway path unless the credential says otherwise.
 * v25.0 is served by Meta until 2028-07-29 (v21.0, the seed's, stops on 2027-01-21): see
 * docs/whatsapp-rules.md § Graph API version.
 */
export const DEFAULT_GRAPH_API_VERSION = 'v25.0';

export class MatonApi implements ICredentialType {
	name = 'matonApi';

	displayName = 'Maton API';

	icon: Icon = { light: 'file:../icons/maton.svg', dark: 'file:../icons/maton.dark.svg' };

	documentationUrl = 'https://github.com/maton-ai/n8n-nodes-whatsapp-maton#set-up-the-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Your Maton API key, from the settings page of your Maton account',
		},
		{
			displayName: 'Default Connection ID',
			name: 'connectionId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 21fd90f9-5935-43cd-b6c8-bde9d915ca80',
			description:
				'Maton connection to use when a node does not pick one (sent as the Maton-Connection header). Leave empty to let Maton use your oldest active WhatsApp Business connection.',
		},
		{
			displayName: 'Default WhatsApp Business Account ID',
			name: 'businessAccountId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 102290129340398',
			description:
				'Optional. The WhatsApp Business Account (WABA) ID used by template and phone number operations when the node does not set one. Leave empty to use the one account your Maton connection reaches; find the ID in Meta Business Suite › Settings › Accounts › WhatsApp accounts.',
		},
		{
			displayName: 'Graph API Version',
			name: 'graphApiVersion',
			type: 'string',
			default: DEFAULT_GRAPH_API_VERSION,
			placeholder: DEFAULT_GRAPH_API_VERSION,
			description:
				'Version of the WhatsApp Cloud (Graph) API used in request paths, such as v25.0. Meta retires each version about two years after its release.',
		},
		{
			displayName: 'Gateway Base URL',
			name: 'gatewayBaseUrl',
			type: 'string',
			default: 'https://gateway.maton.ai',
			placeholder: 'https://gateway.maton.ai',
			description:
				'Base URL of the Maton gateway that proxies the WhatsApp Business API. Change it only if Maton tells you to (for example https://api.maton.ai).',
		},
		{
			displayName: 'Control Base URL',
			name: 'controlBaseUrl',
			type: 'string',
			default: 'https://ctrl.maton.ai',
			placeholder: 'https://ctrl.maton.ai',
			description:
				'Base URL of the Maton control API that manages connections. Change it only if Maton tells you to (for example https://api.maton.ai).',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// Tested by the nodes (`testedBy: 'matonApiCredentialTest'`, shared/account/credentialTest.ts): the test
	// counts the business accounts and phone numbers the connection reaches, which a declarative
	// test cannot. n8n uses a credential's own `test` first, so there is none here.
}
