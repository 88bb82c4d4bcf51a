import type { INodeProperties } from 'n8n-workflow';

import { gatewayOperation } from '../../transport/operation';
import { phoneNumberIdField } from '../../shared/fields/fields';
import { BLOCK_USERS_REQUEST, buildBlockUsers, reportUsers, usersField } from './blockUsers';

export const unblockOperation = gatewayOperation(
	{
		name: 'Unblock',
		value: 'unblock',
		action: 'Unblock users',
		description: 'Unblock WhatsApp users, so that they can write to this business phone number again',
	},
	{
		request: { method: 'DELETE', ...BLOCK_USERS_REQUEST },
		build: buildBlockUsers,
		// Meta documents `removed_users` for an unblock; `added_users` is read too, in case the
		// answer is shaped like a block's (the mixed-result example on Meta's page is).
		output: [reportUsers('unblocked', ['removed_users', 'added_users'])],
	},
);

export const unblockFields: INodeProperties[] = [phoneNumberIdField('blockedUser', ['unblock']), usersField('unblock')];
