import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { showFor } from '../../shared/fields/fields';
import { mediaIdField } from '../../shared/fields/media';

export const getOperation: INodePropertyOptions = {
	name: 'Get URL',
	value: 'get',
	action: 'Get the download URL of a media file',
	description:
		"Get a media file's temporary download URL (valid 5 minutes), MIME type, size and SHA-256",
	routing: { request: { method: 'GET' } },
};

export const getFields: INodeProperties[] = [
	mediaIdField('get'),
	{
		displayName:
			"This returns the file's details and a download URL valid for 5 minutes. The file itself cannot be downloaded through Maton: Meta's media server needs Meta's own access token, which Maton keeps.",
		name: 'downloadNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor('media', ['get']),
	},
];
