import type { INodeProperties } from 'n8n-workflow';

import { markAsReadFields, markAsReadOperation } from './markAsRead';
import { sendAndWaitFields, sendAndWaitOperation } from './sendAndWait/index';
import { sendAudioFields, sendAudioOperation } from './media/sendAudio';
import { sendCatalogFields, sendCatalogOperation } from './commerce/sendCatalog';
import { sendCallToActionUrlFields, sendCallToActionUrlOperation } from './interactive/sendCallToActionUrl';
import { sendCarouselFields, sendCarouselOperation } from './interactive/sendCarousel';
import { sendContactsFields, sendContactsOperation } from './sendContacts';
import { sendDocumentFields, sendDocumentOperation } from './media/sendDocument';
import { sendFlowFields, sendFlowOperation } from './interactive/sendFlow';
import { sendImageFields, sendImageOperation } from './media/sendImage';
import { sendListFields, sendListOperation } from './interactive/sendList';
import { sendLocationFields, sendLocationOperation } from './sendLocation';
import { sendLocationRequestFields, sendLocationRequestOperation } from './interactive/sendLocationRequest';
import { sendProductFields, sendProductOperation } from './commerce/sendProduct';
import { sendProductListFields, sendProductListOperation } from './commerce/sendProductList';
import { sendReactionFields, sendReactionOperation } from './sendReaction';
import { sendReplyButtonsFields, sendReplyButtonsOperation } from './interactive/sendReplyButtons';
import { sendStickerFields, sendStickerOperation } from './media/sendSticker';
import { sendTemplateFields, sendTemplateOperation } from './sendTemplate/index';
import { sendTextFields, sendTextOperation } from './sendText';
import { sendVideoFields, sendVideoOperation } from './media/sendVideo';
import { operationSelector } from '../../shared/fields/fields';

export const messageDescription: INodeProperties[] = [
	operationSelector('message', 'sendText', [
		markAsReadOperation,
		sendAndWaitOperation,
		sendAudioOperation,
		sendCallToActionUrlOperation,
		sendCarouselOperation,
		sendCatalogOperation,
		sendContactsOperation,
		sendDocumentOperation,
		sendFlowOperation,
		sendImageOperation,
		sendListOperation,
		sendLocationOperation,
		sendLocationRequestOperation,
		sendProductOperation,
		sendProductListOperation,
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
	...sendCarouselFields,
	...sendCatalogFields,
	...sendContactsFields,
	...sendDocumentFields,
	...sendFlowFields,
	...sendImageFields,
	...sendListFields,
	...sendLocationFields,
	...sendLocationRequestFields,
	...sendProductFields,
	...sendProductListFields,
	...sendReactionFields,
	...sendReplyButtonsFields,
	...sendStickerFields,
	...sendTemplateFields,
	...sendTextFields,
	...sendVideoFields,
];
