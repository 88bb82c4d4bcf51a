import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { inputError } from './errors';
import { showFor } from './fields';

/**
 * preSend for Connection › Get and Delete: the ID is the last path segment, so an empty one (an
 * expression that found nothing) would turn Delete into `DELETE /connections/`.
 */
export async function requireConnectionId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const connectionId = String(
		this.getNodeParameter('connectionId', '', { extractValue: true }) ?? '',
	).trim();
	if (connectionId === '') {
		throw inputError(
			this,
			'Connection is empty',
			'Pick a connection from the list, or give its ID (connection_id in Connection › List).',
		);
	}
	return requestOptions;
}

/**
 * postReceive: the control API wraps one connection as `{ connection: {...} }`; the item is the
 * connection itself so that `{{ $json.url }}` and `{{ $json.status }}` work in the next node.
 */
export async function unwrapConnection(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return items.map((item) => {
		const connection = (item.json as IDataObject).connection;
		return connection && typeof connection === 'object' && !Array.isArray(connection)
			? { json: connection as IDataObject }
			: item;
	});
}

/** The connection that Connection › Get and Delete act on. */
export function connectionIdField(operation: string): INodeProperties {
	return {
		displayName: 'Connection',
		name: 'connectionId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The Maton connection, picked from your WhatsApp Business connections or given by ID',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a connection…',
				typeOptions: { searchListMethod: 'searchConnections', searchable: false },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 21fd90f9-5935-43cd-b6c8-bde9d915ca80',
			},
		],
		displayOptions: showFor('connection', [operation]),
		routing: {
			// String(): an expression may give something other than text.
			request: { url: "=/connections/{{ encodeURIComponent(String($value ?? '').trim()) }}" },
			send: { preSend: [requireConnectionId] },
		},
	};
}
