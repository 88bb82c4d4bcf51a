import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared/fields/fields';
import { buildListAction } from './interactive';
import {
	interactiveBodyField,
	interactiveFooterTextOption,
	interactiveHeaderTextOption,
	interactiveMessageOperation,
	sectionTitleValue,
	specifySectionsField,
} from './fields';
import { messageOptionsField, senderAndRecipientFields } from '../common/messageFields';
import { LIST_ROWS_MAX, LIST_SECTIONS_MAX } from '../../../shared/limits';

export const sendListOperation = interactiveMessageOperation(
	{
		name: 'Send List',
		value: 'sendList',
		action: 'Send a list message',
		description:
			'Send a message with a button that opens a menu of up to 10 rows in sections; the reply carries the chosen row ID',
	},
	'list',
	buildListAction,
);

const show = showFor('message', ['sendList']);

export const sendListFields: INodeProperties[] = [
	...senderAndRecipientFields('sendList'),
	interactiveBodyField('sendList'),
	{
		displayName: 'List Button Text',
		name: 'buttonText',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. View options',
		description: 'Label of the button that opens the list, 1 to 20 characters',
		displayOptions: show,
		routing: { send: { type: 'body', property: 'interactive.action.button' } },
	},
	specifySectionsField('sendList'),
	{
		displayName: 'Sections',
		name: 'sections',
		type: 'fixedCollection',
		placeholder: 'Add Section',
		default: {},
		typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: LIST_SECTIONS_MAX },
		description:
			'One to ten sections with at most 10 rows in all. Section titles (up to 24 characters) are required when there are two or more.',
		displayOptions: { show: { ...show.show, specifySections: ['fields'] } },
		options: [
			{
				displayName: 'Section',
				name: 'section',
				values: [
					sectionTitleValue,
					{
						displayName: 'Rows',
						name: 'rows',
						type: 'fixedCollection',
						placeholder: 'Add Row',
						default: {},
						// At most 10 rows in all: no section can have more.
						typeOptions: { multipleValues: true, sortable: true, maxAllowedFields: LIST_ROWS_MAX },
						description: 'The choices in this section: at most 10 rows in all sections together',
						options: [
							{
								displayName: 'Row',
								name: 'row',
								// WhatsApp's own order (id, title, description), not the alphabet's.
								values: [
									{
										displayName: 'ID',
										name: 'id',
										type: 'string',
										required: true,
										default: '',
										placeholder: 'e.g. margherita',
										description:
											'Your identifier for the row, returned in the reply webhook: up to 200 characters, unique in the list',
									},
									{
										displayName: 'Title',
										name: 'title',
										type: 'string',
										required: true,
										default: '',
										placeholder: 'e.g. Margherita',
										description: 'Text of the row, 1 to 24 characters',
									},
									{
										displayName: 'Description',
										name: 'description',
										type: 'string',
										default: '',
										placeholder: 'e.g. Tomato, mozzarella, basil',
										description: 'Grey text under the title, up to 72 characters (optional)',
									},
								],
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Sections (JSON)',
		name: 'sectionsJson',
		type: 'json',
		default:
			'[\n  {\n    "title": "Pizzas",\n    "rows": [\n      { "id": "margherita", "title": "Margherita", "description": "Tomato, mozzarella, basil" }\n    ]\n  }\n]',
		description:
			'A JSON array of sections, each with a title and rows; each row has an ID, a title and an optional description (see the example)',
		displayOptions: { show: { ...show.show, specifySections: ['json'] } },
	},
	messageOptionsField('sendList', [interactiveHeaderTextOption, interactiveFooterTextOption]),
];
