import type {
	IDataObject,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
} from 'n8n-workflow';

import { DEFAULT_GRAPH_API_VERSION } from '../../../credentials/MatonApi.credentials';

/** Maton's name for the WhatsApp Business app: the gateway path prefix and the connection `app`. */
export const MATON_APP = 'whatsapp-business';

export const CREDENTIAL_TYPE = 'matonApi';

/** Trailing slashes in a pasted base URL would double up in every path. */
const trimmed = (credentialField: string): string =>
	`$credentials.${credentialField}.replace(/\\/+$/, '')`;

/**
 * Routing expression for the gateway root, version included:
 * `https://gateway.maton.ai/whatsapp-business/v25.0`.
 */
export const GATEWAY_BASE_URL_EXPRESSION = `={{ ${trimmed('gatewayBaseUrl')} }}/${MATON_APP}/{{ $credentials.graphApiVersion || '${DEFAULT_GRAPH_API_VERSION}' }}`;

/** Routing expression for the control API root (connections): `https://ctrl.maton.ai`. */
export const CONTROL_BASE_URL_EXPRESSION = `={{ ${trimmed('controlBaseUrl')} }}`;

/**
 * On every request of the node, its hooks, list searches and the credential test: a redirect is
 * never followed (n8n would resend the Authorization header and the body to wherever it points),
 * and if a helper ever did follow one, it would not carry the credential to another origin.
 */
export const NO_REDIRECTS = {
	disableFollowRedirect: true,
	sendCredentialsOnCrossOriginRedirect: false,
} as const;

export interface MatonBaseUrls {
	gateway: string;
	control: string;
}

/** Base URLs from decrypted credentials, for code that builds requests itself (list search). */
export function matonBaseUrls(credentials: IDataObject): MatonBaseUrls {
	const strip = (value: unknown, fallback: string) =>
		(typeof value === 'string' && value !== '' ? value : fallback).replace(/\/+$/, '');
	const version =
		typeof credentials.graphApiVersion === 'string' && credentials.graphApiVersion !== ''
			? credentials.graphApiVersion
			: DEFAULT_GRAPH_API_VERSION;
	return {
		gateway: `${strip(credentials.gatewayBaseUrl, 'https://gateway.maton.ai')}/${MATON_APP}/${version}`,
		control: strip(credentials.controlBaseUrl, 'https://ctrl.maton.ai'),
	};
}

type MatonContext = ILoadOptionsFunctions | IExecuteSingleFunctions;

/**
 * A JSON GET to the gateway or control API, authenticated with the Maton credential, never
 * following a redirect. A GET is safe to repeat: the template lookup runs it through the delivery
 * loop (resources/message/sendTemplate/templateLookup.ts); list searches in the editor run it once.
 */
export async function matonRequest(
	context: MatonContext,
	api: keyof MatonBaseUrls,
	path: string,
	qs: IDataObject = {},
	headers: IDataObject = {},
): Promise<IDataObject> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const base = matonBaseUrls(credentials)[api];
	return (await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
		method: 'GET',
		url: `${base}${path}`,
		qs,
		headers,
		json: true,
		...NO_REDIRECTS,
	})) as IDataObject;
}
