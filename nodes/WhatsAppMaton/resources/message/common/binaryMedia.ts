import { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { withDelivery } from '../../../transport/delivery';
import { CREDENTIAL_TYPE, NO_REDIRECTS } from '../../../transport/gateway';
import { DOCUMENT_FILENAME_MAX } from '../../../shared/limits';
import type { MediaKind } from '../../../shared/media/mediaTypes';
import { mediaUploadForm, readUploadFile, type UploadFile } from '../../../shared/media/mediaUpload';
import { MEDIA_UPLOAD } from '../../../transport/requestSafety';

/**
 * A media message with Media Source "Binary File From Input" is two requests: the item's binary
 * file is uploaded to `POST /{phone-number-id}/media` (as Media › Upload does), then the message
 * goes out with `{ id: <the upload's id> }`. The upload happens in a preSend hook, so the routing
 * engine still sends the message itself; a postReceive hook adds the uploaded ID to the output.
 *
 * How the ID gets from the one hook to the other: n8n-core's RoutingNode (routing-node.js,
 * `runNode`) makes one `ExecuteSingleContext` per input item (`thisArgs`) and passes that same
 * object to every preSend (`makeRequest`: `preSendMethod.call(executeSingleFunctions, …)`) and
 * every postReceive (`runPostReceiveAction`: `action.call(executeSingleFunctions, …)`) of the
 * item. Items are sent concurrently, so a plain module variable would mix them up; a WeakMap keyed
 * by the item's context cannot, and it lets go of the entry with the context.
 */
const uploadedMediaIds = new WeakMap<IExecuteSingleFunctions, string>();

/** preSend: upload the item's binary file, checked for this kind of message, and send its ID. */
export async function uploadBinaryMedia(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = requestOptions.body as IDataObject;
	const kind = String(body.type) as MediaKind;
	const media = (body[kind] ?? {}) as IDataObject;
	const chosenFileName = typeof media.filename === 'string' ? media.filename.trim() : '';
	const { id, file } = await uploadItemFile(this, requestOptions, {
		kind,
		binaryPropertyName: this.getNodeParameter('binaryPropertyName', 'data'),
		field: 'Input Binary Field',
		fileName: chosenFileName || undefined,
		voiceNote: kind === 'audio' && media.voice === true,
	});
	// A document sent by ID shows no name unless the message gives one: keep the file's own.
	if (kind === 'document' && chosenFileName === '' && file.fileName.length <= DOCUMENT_FILENAME_MAX) {
		media.filename = file.fileName;
	}
	body[kind] = { id, ...media };
	return requestOptions;
}

/**
 * Uploads the item's binary file for a message (its own media, or an interactive header's) and
 * remembers the ID for addUploadedMediaId. `binaryPropertyName` is the field's value as given,
 * `field` its display name for errors.
 */
export async function uploadItemFile(
	context: IExecuteSingleFunctions,
	messageRequest: IHttpRequestOptions,
	target: {
		kind: MediaKind;
		binaryPropertyName: unknown;
		field: string;
		fileName?: string;
		voiceNote?: boolean;
	},
): Promise<{ id: string; file: UploadFile }> {
	const { kind, field } = target;
	const file = await readUploadFile(
		context,
		binaryPropertyNameOf(context, target.binaryPropertyName, field),
		{ fileName: target.fileName },
		kind,
		{ field, voiceNote: target.voiceNote },
	);
	let answer: IDataObject | undefined;
	try {
		answer = await uploadToGateway(context, messageRequest, file);
	} catch (error) {
		throw uploadFailed(kind, error);
	}
	const id = mediaIdOf(context, answer);
	uploadedMediaIds.set(context, id);
	return { id, file };
}

/** postReceive: the message answer, plus `uploadedMedia: { id }` of the file uploaded for it. */
export async function addUploadedMediaId(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const id = uploadedMediaIds.get(this);
	if (id === undefined) return items;
	uploadedMediaIds.delete(this);
	return items.map((item) => ({ ...item, json: { ...item.json, uploadedMedia: { id } } }));
}

function binaryPropertyNameOf(context: IExecuteSingleFunctions, value: unknown, field: string): string {
	const name = String(value ?? '').trim();
	if (name === '' || name === 'undefined') {
		throw inputError(context, `${field} is empty; give the name of the binary field holding the file`);
	}
	return name;
}

/**
 * `POST /{phone-number-id}/media` through the gateway, with the message request's base URL,
 * headers (Accept, Maton-Connection) and settings, and the credential's Authorization.
 */
async function uploadToGateway(
	context: IExecuteSingleFunctions,
	messageRequest: IHttpRequestOptions,
	file: UploadFile,
): Promise<IDataObject | undefined> {
	const { baseURL, headers, timeout, proxy, skipSslCertificateValidation, allowedDomains } =
		messageRequest;
	// Paced like the node's own requests (the upload counts against Maton's limit too), and not
	// resent when the gateway may have stored it already.
	return await withDelivery(
		context,
		MEDIA_UPLOAD,
		async () =>
			(await context.helpers.httpRequestWithAuthentication.call(context, CREDENTIAL_TYPE, {
				method: 'POST',
				baseURL,
				url: mediaPathOf(messageRequest.url),
				headers: { ...headers },
				// A form is read once as it is sent: each try builds its own.
				body: mediaUploadForm(file),
				json: true,
				timeout,
				proxy,
				skipSslCertificateValidation,
				allowedDomains,
				...NO_REDIRECTS,
			})) as IDataObject | undefined,
	);
}

/** Graph answers an upload with `{ id }`; without one there is nothing to send. */
function mediaIdOf(context: IExecuteSingleFunctions, answer: IDataObject | undefined): string {
	const raw = answer?.id;
	const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (id === '') {
		throw new NodeApiError(context.getNode(), (answer ?? {}) as JsonObject, {
			itemIndex: context.getItemIndex(),
			message: 'The media upload answered without a media ID, so the message was not sent',
		});
	}
	return id;
}

/**
 * The error of a failed upload says so, with Graph's own message (which n8n's NodeApiError keeps
 * in `description`, under a generic message such as "Bad request - please check your parameters").
 */
function uploadFailed(kind: MediaKind, error: unknown): unknown {
	if (!(error instanceof Error)) return error;
	const reason = (error as { description?: unknown }).description;
	error.message = `Uploading the ${kind} failed, so the message was not sent: ${typeof reason === 'string' && reason !== '' ? reason : error.message}`;
	return error;
}

/** `/{phone-number-id}/messages` → `/{phone-number-id}/media`. */
function mediaPathOf(messagesPath: string): string {
	return messagesPath.replace(/\/messages$/, '/media');
}
