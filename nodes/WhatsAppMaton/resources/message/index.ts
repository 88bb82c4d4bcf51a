import type { INodeProperties } from 'n8n-workflow';

import { markAsReadFields, markAsReadOperation } from './markAsRead';
import { sendAndWaitFields, sendAndWaitOperation } from './sendAndWait';
import { sendAudioFields, sendAudioOperation } from './sendAudio';
import { sendCallToActionUrlFields, sendCallToActionUrlOperation } from './sendCallToActionUrl';
import { sendContactsFields, sendContactsOperation } from './sendContacts';
import { sendDocumentFields, sendDocumentOperation } from './sendDocument';
import { sendImageFields, sendImageOperation } from './sendImage';
import { sendListFields, sendListOperation } from './sendList';
import { sendLocationFields, sendLocationOperation } from './sendLocation';
import { sendLocationRequestFields, sendLocationRequestOperation } from './sendLocationRequest';
import { sendReactionFields, sendReactionOperation } from './sendReaction';
import { sendReplyButtonsFields, sendReplyButtonsOperation } from './sendReplyButtons';
import { sendStickerFields, sendStickerOperation } from './sendSticker';
import { sendTemplateFields, sendTemplateOperation } from './sendTemplate';
import { sendTextFields, sendTextOperation } from './sendText';
import { sendVideoFields, sendVideoOperation } from './sendVideo';
import { operationSelector } from '../../shared/fields';

export const messageDescription: INodeProperties[] = [
	operationSelector('message', 'sendText', [
		markAsReadOperation,
		sendAndWaitOperation,
		sendAudioOperation,
		sendCallToActionUrlOperation,
		sendContactsOperation,
		sendDocumentOperation,
		sendImageOperation,
		sendListOperation,
		sendLocationOperation,
		sendLocationRequestOperation,
		sendReactionOperation,
		sendReplyButtonsOperation,
		sendStickerOperation,
		sendTemplateOperation,
		sendTextOperation,
		sendVideoOperation,
	]),
	...markAsReadFields,
	...sendAndWaitFields,
	...sendAudioFields,
	...sendCallToActionUrlFields,
	...sendContactsFields,
	...sendDocumentFields,
	...sendImageFields,
	...sendListFields,
	...sendLocationFields,
	...sendLocationRequestFields,
	...sendReactionFields,
	...sendReplyButtonsFields,
	...sendStickerFields,
	...sendTemplateFields,
	...sendTextFields,
	...sendVideoFields,
];
