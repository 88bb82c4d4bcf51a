import type { INodePropertyMode } from 'n8n-workflow';

import { SEGMENT_REGEX } from '../checks/urlSegments';

/** Business account pickers (the node's and the trigger's): From List, or By ID checked by shape. */
/* eslint-disable n8n-nodes-base/node-param-default-missing -- modes of a resource locator take no default */
export const businessAccountModes: INodePropertyMode[] = [
	{
		displayName: 'From List',
		name: 'list',
		type: 'list',
		placeholder: 'Select a business account…',
		typeOptions: { searchListMethod: 'searchBusinessAccounts', searchable: true },
	},
	{
		displayName: 'By ID',
		name: 'id',
		type: 'string',
		placeholder: 'e.g. 102290129340398',
		validation: [
			{
				type: 'regex',
				properties: {
					regex: SEGMENT_REGEX.businessAccountId,
					errorMessage: 'A business account ID has only digits',
				},
			},
		],
	},
];
/* eslint-enable n8n-nodes-base/node-param-default-missing */
