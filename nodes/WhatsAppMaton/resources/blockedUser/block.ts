import type { INodeProperties } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { phoneNumberIdField } from '../../shared/fields/fields';
import { BLOCK_USERS_REQUEST, buildBlockUsers, reportUsers, usersField } from './blockUsers';

export const blockOperation = gatewayOperation(
	{
		name: 'Block',
		value: 'block',
		action: 'Block users',
		description:
			'Block WhatsApp users from writing to this business phone number; only users who wrote in the last 24 hours can be blocked',
	},
	{
		request: { method: 'POST', ...BLOCK_USERS_REQUEST },
		build: buildBlockUsers,
		output: [reportUsers('blocked', ['added_users'])],
	},
);

export const blockFields: INodeProperties[] = [phoneNumberIdField('blockedUser', ['block']), usersField('block')];
