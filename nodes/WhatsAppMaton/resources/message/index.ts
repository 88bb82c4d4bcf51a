import type { INodeProperties } from 'n8n-workflow';

import { markAsReadFields, markAsReadOperation } from './markAsRead';
import { sendAudioFields, sendAudioOperation } from './sendAudio';
import { sendContactsFields, sendContactsOperation } from './sendContacts';
import { sendDocumentFields, sendDocumentOperation } from './sendDocument';
import { sendImageFields, sendImageOperation } from './sendImage';
import { sendListFields, sendListOperation } from './sendList';
import { sendLocationFields, sendLocationOperation } from './sendLocation';
import { sendReplyButtonsFields, sendReplyButtonsOperation } from './sendReplyButtons';
import { sendTemplateFields, sendTemplateOperation } from './sendTemplate';
import { sendTextFields, sendTextOperation } from './sendText';
import { sendVideoFields, sendVideoOperation } from './sendVideo';
import { operationSelector } from '../../shared/fields';

export const messageDescription: INodeProperties[] = [
	operationSelector('message', 'sendText', [
		markAsReadOperation,
		sendAudioOperation,
		sendContactsOperation,
		sendDocumentOperation,
		sendImageOperation,
		sendListOperation,
		sendLocationOperation,
		sendReplyButtonsOperation,
		sendTemplateOperation,
		sendTextOperation,
		sendVideoOperation,
	]),
	...markAsReadFields,
	...sendAudioFields,
	...sendContactsFields,
	...sendDocumentFields,
	...sendImageFields,
	...sendListFields,
	...sendLocationFields,
	...sendReplyButtonsFields,
	...sendTemplateFields,
	...sendTextFields,
	...sendVideoFields,
];
