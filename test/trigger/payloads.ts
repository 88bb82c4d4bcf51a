/**
 * Meta's sample webhook payloads (WhatsApp Cloud API › Webhooks › Payload examples), with the
 * placeholders filled in with this package's test IDs. Each message sample is wrapped in the same
 * envelope Meta sends: object, entry[].id (the business account), changes[].value.metadata.
 */
import { BUSINESS_ACCOUNT_ID, PHONE_NUMBER_ID } from '../fixture';

export const CUSTOMER = '16315551181';
export const CUSTOMER_NAME = 'Kerry Fisher';
export const DISPLAY_NUMBER = '15550783881';
export const TIMESTAMP = '1733140800'; // 2024-12-02T12:00:00.000Z
export const TIMESTAMP_ISO = '2024-12-02T12:00:00.000Z';

export interface Envelope {
	phoneNumberId?: string;
	businessAccountId?: string;
	contacts?: unknown[];
}

export function envelope<V extends Record<string, unknown>>(value: V, options: Envelope = {}) {
	return {
		object: 'whatsapp_business_account',
		entry: [
			{
				id: options.businessAccountId ?? BUSINESS_ACCOUNT_ID,
				changes: [
					{
						value: {
							messaging_product: 'whatsapp',
							metadata: { display_phone_number: DISPLAY_NUMBER, phone_number_id: options.phoneNumberId ?? PHONE_NUMBER_ID },
							...value,
						},
						field: 'messages',
					},
				],
			},
		],
	};
}

export const defaultContacts = [{ profile: { name: CUSTOMER_NAME }, wa_id: CUSTOMER }];

/** A delivery of one incoming message (Meta's shape: contacts + messages). */
export function incoming(message: Record<string, unknown>, options: Envelope = {}) {
	return envelope(
		{
			contacts: options.contacts ?? defaultContacts,
			messages: [{ from: CUSTOMER, id: 'wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTdBMjQ3RjQ1RTk5NDM0QkNBNAA=', timestamp: TIMESTAMP, ...message }],
		},
		options,
	);
}

export const MESSAGE_ID = 'wamid.HBgLMTYzMTU1NTExODEVAgASGBQzQTdBMjQ3RjQ1RTk5NDM0QkNBNAA=';
export const CONTEXT_ID = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJBRkQxNzc2RjQ0NzM3RjE3OTkA';

export const samples = {
	text: { type: 'text', text: { body: 'this is a text message' } },
	image: {
		type: 'image',
		image: { caption: 'This is a caption', mime_type: 'image/jpeg', sha256: 'NjA0ZjNiYmQ5N2I0ZDk4N2FlOWQ2M2I4', id: '2754859441498128' },
	},
	audio: { type: 'audio', audio: { mime_type: 'audio/mpeg', sha256: 'wWZ1hT7RFpsB5kA1dTXf', id: '1003383421387256' } },
	voice: { type: 'audio', audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'KnVH3Q5EDZIEbgqIbBsE', id: '1003383421387257', voice: true } },
	video: { type: 'video', video: { caption: 'Our new office', mime_type: 'video/mp4', sha256: 'Jfdy0RWW/dMBQQu0jnw3', id: '1166846181421424' } },
	document: {
		type: 'document',
		document: { caption: 'Invoice', filename: 'invoice-2024-12.pdf', mime_type: 'application/pdf', sha256: 'Ko7ACyb8ep+Ux/kl6xQC', id: '1074489680829316' },
	},
	sticker: { type: 'sticker', sticker: { mime_type: 'image/webp', sha256: 'o5XfJQ0Br9R8kW1yIk4j', id: '1056843345700937', animated: false } },
	location: {
		type: 'location',
		location: { latitude: 37.4852, longitude: -122.1484, name: 'Philz Coffee', address: '101 Forest Ave, Palo Alto, CA 94301' },
	},
	contacts: {
		type: 'contacts',
		contacts: [
			{
				name: { formatted_name: 'Barbara J. Johnson', first_name: 'Barbara', last_name: 'Johnson' },
				phones: [{ phone: '+1 (415) 555-0100', wa_id: '14155550100', type: 'WORK' }],
			},
		],
	},
	buttonReply: {
		type: 'interactive',
		context: { from: DISPLAY_NUMBER, id: CONTEXT_ID },
		interactive: { type: 'button_reply', button_reply: { id: 'unique-button-identifier-here', title: 'button-text' } },
	},
	listReply: {
		type: 'interactive',
		context: { from: DISPLAY_NUMBER, id: CONTEXT_ID },
		interactive: {
			type: 'list_reply',
			list_reply: { id: 'list_reply_id', title: 'list_reply_title', description: 'list_reply_description' },
		},
	},
	templateButton: {
		type: 'button',
		context: { from: DISPLAY_NUMBER, id: CONTEXT_ID },
		button: { text: 'No', payload: 'No-Button-Payload' },
	},
	flowReply: {
		type: 'interactive',
		context: { from: DISPLAY_NUMBER, id: CONTEXT_ID },
		interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{"flow_token":"abc","rating":"5"}', body: 'Sent', name: 'flow' } },
	},
	reaction: { type: 'reaction', reaction: { message_id: CONTEXT_ID, emoji: '\u{1F44D}' } },
	order: {
		type: 'order',
		order: {
			catalog_id: '219837417821',
			text: 'Two of these, please',
			product_items: [{ product_retailer_id: 'sku-1', quantity: '2', item_price: '12.5', currency: 'USD' }],
		},
	},
	system: {
		type: 'system',
		system: { body: 'Kerry Fisher changed from 16315551181 to 16315551182', new_wa_id: '16315551182', type: 'user_changed_number' },
	},
	unsupported: {
		type: 'unsupported',
		errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }],
	},
} as const;

/** A status update of a message the business sent (Meta's shape: statuses). */
export function statusUpdate(status: 'sent' | 'delivered' | 'read' | 'failed', options: Envelope & { id?: string } = {}) {
	return envelope(
		{
			statuses: [
				{
					id: options.id ?? 'wamid.HBgLMTYzMTU1NTExODEVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA',
					status,
					timestamp: TIMESTAMP,
					recipient_id: CUSTOMER,
					...(status === 'failed'
						? {
								errors: [
									{
										code: 131047,
										title: 'Re-engagement message',
										message: 'Re-engagement message',
										error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
									},
								],
							}
						: {
								conversation: { id: 'CONVERSATION_ID_1', origin: { type: 'service' } },
								pricing: { billable: false, pricing_model: 'PMP', category: 'service' },
							}),
				},
			],
		},
		options,
	);
}

/** A system-level error for the number (Meta's shape: value.errors). */
export function systemError(options: Envelope = {}) {
	return envelope(
		{
			errors: [
				{ code: 130429, title: 'Rate limit hit', message: 'Rate limit hit', error_data: { details: 'Cloud API message throughput has been reached.' } },
			],
		},
		options,
	);
}
