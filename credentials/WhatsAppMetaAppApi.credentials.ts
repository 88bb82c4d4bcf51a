import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/**
 * The user's own Meta app, for the WhatsApp (Maton) Trigger's "Own Meta App" mode: Meta signs every
 * delivery with the app secret and verifies the callback URL with the verify token the user typed
 * into the app's webhook settings. Nothing here is sent anywhere: the trigger only compares, so
 * the credential test (the trigger's `metaAppCredentialTest`) checks the values' shape offline.
 */
export class WhatsAppMetaAppApi implements ICredentialType {
	name = 'whatsAppMetaAppApi';

	displayName = 'WhatsApp Meta App API';

	icon: Icon = { light: 'file:../icons/whatsapp.svg', dark: 'file:../icons/whatsapp.dark.svg' };

	documentationUrl = 'https://github.com/maton-ai/n8n-nodes-whatsapp-maton#own-meta-app';

	properties: INodeProperties[] = [
		{
			displayName: 'Verify Token',
			name: 'verifyToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. a long random string',
			description:
				"The token you type into your Meta app's WhatsApp webhook settings (Verify token). Meta sends it back when it checks the callback URL; any other token is refused with 403.",
		},
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				"Your Meta app's secret (App settings › Basic › App secret). Every delivery must carry a valid X-Hub-Signature-256 made with it; anything else is refused with 401.",
		},
	];
}
