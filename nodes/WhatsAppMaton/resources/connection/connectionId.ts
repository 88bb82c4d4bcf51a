import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { requireSegment } from '../../shared/checks/urlSegments';
import { connectionLocatorField, showFor } from '../../shared/fields/fields';

/**
 * The build hook of Connection › Get and Delete: the connection's path, its ID checked by shape
 * (`.` would make `DELETE /connections/.` delete from the collection's own path).
 */
export async function placeConnectionId(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const connectionId = requireSegment(
		this,
		'connectionId',
		'Connection',
		this.getNodeParameter('connectionId', '', { extractValue: true }),
		{ hint: 'Pick a connection from the list, or give its ID (connection_id in Connection › List).' },
	);
	requestOptions.url = `/connections/${encodeURIComponent(connectionId)}`;
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
	return connectionLocatorField({
		displayName: 'Connection',
		name: 'connectionId',
		required: true,
		description: 'The Maton connection, picked from your WhatsApp Business connections or given by ID',
		displayOptions: showFor('connection', [operation]),
	});
}
