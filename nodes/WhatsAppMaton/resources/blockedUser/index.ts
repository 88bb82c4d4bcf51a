import type { INodeProperties } from 'n8n-workflow';

import { blockFields, blockOperation } from './block';
import { listFields, listOperation } from './list';
import { unblockFields, unblockOperation } from './unblock';
import { operationSelector } from '../../shared/fields/fields';

export const blockedUserDescription: INodeProperties[] = [
	operationSelector('blockedUser', 'block', [blockOperation, listOperation, unblockOperation]),
	...blockFields,
	...listFields,
	...unblockFields,
];
