import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/fields/fields';
import { buildReplyButtonsAction } from './interactive';
import {
	interactiveBodyField,
	interactiveFooterTextOption,
	interactiveHeaderTextOption,
	interactiveMessageOperation,
} from './fields';
import {
	interactiveHeaderMediaOption,
} from './header';
import { specifyModeOptions } from '../../../shared/checks/json';
import { addUploadedMediaId } from '../common/binaryMedia';
import { messageOptionsField, senderAndRecipientFields } from '../common/messageFields';
import { REPLY_BUTTONS_MAX } from '../../../shared/limits';

export const sendReplyButtonsOperation = interactiveMessageOperation(
	{
		name: 'Send Reply Buttons',
		value: 'sendReplyButtons',
		action: 'Send a message with reply buttons',
		description:
			'Send a message with up to 3 quick-reply buttons and an optional text, image, video or document header; the reply carries the chosen button ID',
	},
	'button',
	buildReplyButtonsAction,
	// The uploaded header file's ID in the output (`uploadedMedia.id`).
	{ output: [addUploadedMediaId] },
);

const show = showFor('message', ['sendReplyButtons']);

export const sendReplyButtonsFields: INodeProperties[] = [
	...senderAndRecipientFields('sendReplyButtons'),
	interactiveBodyField('sendReplyButtons'),
	{
		displayName: 'Specify Buttons',
		name: 'specifyButtons',
		type: 'options',
		default: 'fields',
		description: 'How to give the buttons',
		options: specifyModeOptions('buttons'),
		displayOptions: show,
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		placeholder: 'Add Button',
		default: {},
		typeOptions: { multipleValues: true, maxAllowedFields: REPLY_BUTTONS_MAX, sortable: true },
		description: 'One to three buttons. IDs and titles must be unique.',
		displayOptions: { show: { ...show.show, specifyButtons: ['fields'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'ID',
						name: 'id',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. confirm',
						description:
							'Your identifier for the button, returned in the reply webhook: up to 256 characters, unique among the buttons',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'e.g. Confirm',
						description: 'Text on the button, 1 to 20 characters, unique among the buttons',
					},
				],
			},
		],
	},
	{
		displayName: 'Buttons (JSON)',
		name: 'buttonsJson',
		type: 'json',
		default: '[\n  { "id": "confirm", "title": "Confirm" },\n  { "id": "cancel", "title": "Cancel" }\n]',
		description:
			"A JSON array of 1 to 3 buttons, each with an ID and a title as in the example (WhatsApp's own reply-button objects work too)",
		displayOptions: { show: { ...show.show, specifyButtons: ['json'] } },
	},
	messageOptionsField('sendReplyButtons', [
		interactiveHeaderTextOption,
		interactiveHeaderMediaOption,
		interactiveFooterTextOption,
	]),
];
