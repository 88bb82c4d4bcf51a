import type { INodeProperties } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { showFor } from '../../shared/fields/fields';
import { placeMediaId, mediaIdField } from '../../shared/fields/media';

export const getOperation = gatewayOperation(
	{
		name: 'Get URL',
		value: 'get',
		action: 'Get the download URL of a media file',
		description: "Get a media file's temporary download URL (valid 5 minutes), MIME type, size and SHA-256",
	},
	{ build: placeMediaId, request: { method: 'GET' } },
);

export const getFields: INodeProperties[] = [
	mediaIdField('media', ['get']),
	{
		displayName:
			"This returns the file's details and a download URL valid for 5 minutes. The file itself cannot be downloaded through Maton: Meta's media server needs Meta's own access token, which Maton keeps.",
		name: 'downloadNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor('media', ['get']),
	},
];
