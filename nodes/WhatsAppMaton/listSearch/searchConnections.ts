import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { MATON_APP, matonRequest } from '../transport/gateway';

/** The account's WhatsApp Business connections on Maton, shown with their status. */
export async function searchConnections(this: ILoadOptionsFunctions): Promise<INodeListSearchResult> {
	const response = await matonRequest(this, 'control', '/connections', { app: MATON_APP });
	const connections = (response.connections as IDataObject[] | undefined) ?? [];
	return {
		results: connections.map((connection) => ({
			name: `${String(connection.connection_id)} · ${String(connection.status ?? 'UNKNOWN')}`,
			value: String(connection.connection_id),
		})),
	};
}
