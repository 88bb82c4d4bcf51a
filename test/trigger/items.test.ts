import { BUSINESS_ACCOUNT_ID, PHONE_NUMBER_ID } from '../fixture';
import { callWebhook } from './harness';
import {
	CONTEXT_ID,
	CUSTOMER,
	CUSTOMER_NAME,
	DISPLAY_NUMBER,
	envelope,
	incoming,
	MESSAGE_ID,
	samples,
	statusUpdate,
	systemError,
	TIMESTAMP,
	TIMESTAMP_ISO,
} from './payloads';

const maton = (parameters = {}) => ({
	parameters: { registerFor: 'phoneNumber', phoneNumberId: { __rl: true, mode: 'id', value: PHONE_NUMBER_ID }, ...parameters },
});

/** The item of an incoming message: every field present, null where the kind has none. */
function messageItem(sample: Record<string, unknown>, fields: Record<string, unknown>) {
	return {
		event: 'message',
		messageId: MESSAGE_ID,
		from: CUSTOMER,
		waId: CUSTOMER,
		userId: null,
		contactName: CUSTOMER_NAME,
		kind: 'unsupported',
		text: null,
		replyId: null,
		replyTitle: null,
		replyDescription: null,
		mediaId: null,
		mimeType: null,
		caption: null,
		fileName: null,
		latitude: null,
		longitude: null,
		locationName: null,
		locationAddress: null,
		emoji: null,
		reactedMessageId: null,
		type: sample.type,
		contextMessageId: null,
		contextFrom: null,
		timestamp: TIMESTAMP_ISO,
		errorCode: null,
		errorTitle: null,
		errorMessage: null,
		errorDetails: null,
		phoneNumberId: PHONE_NUMBER_ID,
		displayPhoneNumber: DISPLAY_NUMBER,
		businessAccountId: BUSINESS_ACCOUNT_ID,
		raw: { from: CUSTOMER, id: MESSAGE_ID, timestamp: TIMESTAMP, ...sample },
		...fields,
	};
}

const replyContext = { contextMessageId: CONTEXT_ID, contextFrom: DISPLAY_NUMBER };

const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
	['text', samples.text, { kind: 'text', text: 'this is a text message' }],
	['image', samples.image, { kind: 'image', mediaId: '2754859441498128', mimeType: 'image/jpeg', caption: 'This is a caption', text: 'This is a caption' }],
	['audio', samples.audio, { kind: 'audio', mediaId: '1003383421387256', mimeType: 'audio/mpeg' }],
	['voice', samples.voice, { kind: 'voice', mediaId: '1003383421387257', mimeType: 'audio/ogg; codecs=opus' }],
	['video', samples.video, { kind: 'video', mediaId: '1166846181421424', mimeType: 'video/mp4', caption: 'Our new office', text: 'Our new office' }],
	[
		'document',
		samples.document,
		{ kind: 'document', mediaId: '1074489680829316', mimeType: 'application/pdf', caption: 'Invoice', text: 'Invoice', fileName: 'invoice-2024-12.pdf' },
	],
	['sticker', samples.sticker, { kind: 'sticker', mediaId: '1056843345700937', mimeType: 'image/webp' }],
	[
		'location',
		samples.location,
		{ kind: 'location', latitude: 37.4852, longitude: -122.1484, locationName: 'Philz Coffee', locationAddress: '101 Forest Ave, Palo Alto, CA 94301' },
	],
	['contacts', samples.contacts, { kind: 'contacts', text: 'Barbara J. Johnson' }],
	[
		'button reply',
		samples.buttonReply,
		{ kind: 'buttonReply', text: 'button-text', replyId: 'unique-button-identifier-here', replyTitle: 'button-text', ...replyContext },
	],
	[
		'list reply',
		samples.listReply,
		{
			kind: 'listReply',
			text: 'list_reply_title',
			replyId: 'list_reply_id',
			replyTitle: 'list_reply_title',
			replyDescription: 'list_reply_description',
			...replyContext,
		},
	],
	['template quick reply', samples.templateButton, { kind: 'templateButton', text: 'No', replyId: 'No-Button-Payload', replyTitle: 'No', ...replyContext }],
	['flow reply', samples.flowReply, { kind: 'flowReply', text: '{"flow_token":"abc","rating":"5"}', replyTitle: 'flow', ...replyContext }],
	['reaction', samples.reaction, { kind: 'reaction', text: '\u{1F44D}', emoji: '\u{1F44D}', reactedMessageId: CONTEXT_ID }],
	['order', samples.order, { kind: 'order', text: 'Two of these, please' }],
	['system', samples.system, { kind: 'system', text: 'Kerry Fisher changed from 16315551181 to 16315551182' }],
	[
		'unsupported',
		samples.unsupported,
		{
			kind: 'unsupported',
			errorCode: 131051,
			errorTitle: 'Message type unknown',
			errorMessage: 'Message type unknown',
			errorDetails: 'Message type is currently not supported.',
		},
	],
];

describe('WhatsApp (Maton) Trigger: one flat item per incoming message', () => {
	it.each(cases)('%s → its item, answered 200 at once', async (_name, sample, fields) => {
		const call = await callWebhook(maton(), { body: incoming(sample) });
		expect(call.response).toEqual({ status: 200, contentType: 'text/plain', body: 'EVENT_RECEIVED' });
		expect(call.result.noWebhookResponse).toBe(true);
		expect(call.items).toEqual([{ json: messageItem(sample, fields) }]);
	});

	it('a removed reaction (no emoji) has an empty emoji', async () => {
		const sample = { type: 'reaction', reaction: { message_id: CONTEXT_ID } };
		const call = await callWebhook(maton(), { body: incoming(sample) });
		expect(call.items).toEqual([{ json: messageItem(sample, { kind: 'reaction', text: '', emoji: '', reactedMessageId: CONTEXT_ID }) }]);
	});

	it('several messages in one POST give one item each, in order', async () => {
		const body = envelope({
			contacts: [
				{ profile: { name: 'Ann' }, wa_id: '15550001111' },
				{ profile: { name: 'Bob' }, wa_id: '15550002222' },
			],
			messages: [
				{ from: '15550001111', id: 'wamid.A', timestamp: TIMESTAMP, type: 'text', text: { body: 'one' } },
				{ from: '15550002222', id: 'wamid.B', timestamp: TIMESTAMP, type: 'text', text: { body: 'two' } },
			],
		});
		const call = await callWebhook(maton(), { body });
		expect(call.items.map((item) => [item.json.messageId, item.json.from, item.json.contactName, item.json.text])).toEqual([
			['wamid.A', '15550001111', 'Ann', 'one'],
			['wamid.B', '15550002222', 'Bob', 'two'],
		]);
	});

	it('a sender known only by a business-scoped user ID (no phone number) still gives an item', async () => {
		const body = incoming(
			{ from: undefined, from_user_id: 'US.13491208655302741918', type: 'text', text: { body: 'hello' } },
			{ contacts: [{ profile: { name: 'anon_user' }, user_id: 'US.13491208655302741918' }] },
		);
		const call = await callWebhook(maton(), { body });
		expect(call.items).toHaveLength(1);
		expect(call.items[0].json).toMatchObject({
			from: 'US.13491208655302741918',
			waId: null,
			userId: 'US.13491208655302741918',
			contactName: 'anon_user',
			kind: 'text',
			text: 'hello',
		});
	});

	it('a message whose type this version does not know is "unsupported", with the raw object kept', async () => {
		const sample = { type: 'poll_vote', poll_vote: { option: 2 } };
		const call = await callWebhook(maton(), { body: incoming(sample) });
		expect(call.items).toEqual([{ json: messageItem(sample, { kind: 'unsupported' }) }]);
	});
});

describe('WhatsApp (Maton) Trigger: statuses and errors', () => {
	const withAll = maton({ events: ['message', 'status', 'error'] });

	it.each(['sent', 'delivered', 'read'] as const)('a "%s" status → its item when statuses are on', async (status) => {
		const call = await callWebhook(withAll, { body: statusUpdate(status) });
		expect(call.items).toEqual([
			{
				json: {
					event: 'status',
					messageId: 'wamid.HBgLMTYzMTU1NTExODEVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA',
					status,
					recipientId: CUSTOMER,
					timestamp: TIMESTAMP_ISO,
					conversationId: 'CONVERSATION_ID_1',
					conversationOrigin: 'service',
					pricingCategory: 'service',
					billable: false,
					errorCode: null,
					errorTitle: null,
					errorMessage: null,
					errorDetails: null,
					phoneNumberId: PHONE_NUMBER_ID,
					displayPhoneNumber: DISPLAY_NUMBER,
					businessAccountId: BUSINESS_ACCOUNT_ID,
					raw: statusUpdate(status).entry[0].changes[0].value.statuses[0],
				},
			},
		]);
	});

	it('a "failed" status carries the error code, title and details', async () => {
		const call = await callWebhook(withAll, { body: statusUpdate('failed') });
		expect(call.items[0].json).toMatchObject({
			event: 'status',
			status: 'failed',
			errorCode: 131047,
			errorTitle: 'Re-engagement message',
			errorMessage: 'Re-engagement message',
			errorDetails: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
			conversationId: null,
			billable: null,
		});
	});

	it('an error event → its item', async () => {
		const call = await callWebhook(withAll, { body: systemError() });
		expect(call.items).toEqual([
			{
				json: {
					event: 'error',
					errorCode: 130429,
					errorTitle: 'Rate limit hit',
					errorMessage: 'Rate limit hit',
					errorDetails: 'Cloud API message throughput has been reached.',
					phoneNumberId: PHONE_NUMBER_ID,
					displayPhoneNumber: DISPLAY_NUMBER,
					businessAccountId: BUSINESS_ACCOUNT_ID,
					raw: systemError().entry[0].changes[0].value.errors[0],
				},
			},
		]);
	});

	it('with the default options a status starts no run (answered 200, no items)', async () => {
		const call = await callWebhook(maton(), { body: statusUpdate('delivered') });
		expect(call.response.status).toBe(200);
		expect(call.result).toEqual({ noWebhookResponse: true });
		expect(call.items).toEqual([]);
	});

	it('with the default options an error event starts no run', async () => {
		const call = await callWebhook(maton(), { body: systemError() });
		expect(call.response.status).toBe(200);
		expect(call.result.workflowData).toBeUndefined();
	});

	it('Statuses picks which statuses start a run', async () => {
		const parameters = { events: ['status'], options: { statuses: ['read', 'failed'] } };
		expect((await callWebhook(maton(parameters), { body: statusUpdate('delivered') })).items).toEqual([]);
		expect((await callWebhook(maton(parameters), { body: statusUpdate('read') })).items).toHaveLength(1);
	});

	it('statuses on and messages off: the message of a mixed POST starts nothing, its status does', async () => {
		const body = incoming(samples.text);
		body.entry[0].changes[0].value = { ...body.entry[0].changes[0].value, ...statusUpdate('sent').entry[0].changes[0].value };
		const call = await callWebhook(maton({ events: ['status'] }), { body });
		expect(call.items.map((item) => item.json.event)).toEqual(['status']);
	});
});

describe('WhatsApp (Maton) Trigger: filters', () => {
	it('Message Kinds lets only the chosen kinds start a run', async () => {
		const parameters = { options: { messageKinds: ['buttonReply', 'listReply'] } };
		expect((await callWebhook(maton(parameters), { body: incoming(samples.text) })).items).toEqual([]);
		expect((await callWebhook(maton(parameters), { body: incoming(samples.buttonReply) })).items).toHaveLength(1);
	});

	it('Only Business Phone Number IDs drops events of other numbers (still 200)', async () => {
		const setup = {
			parameters: { setup: 'maton', registerFor: 'businessAccount', businessAccountId: BUSINESS_ACCOUNT_ID, options: { phoneNumberIds: ' 106540352242923 ,106540352242924' } },
		};
		const other = await callWebhook(setup, { body: incoming(samples.text) });
		expect(other.response.status).toBe(200);
		expect(other.items).toEqual([]);
		const mine = await callWebhook(setup, { body: incoming(samples.text, { phoneNumberId: '106540352242923' }) });
		expect(mine.items).toHaveLength(1);
	});

	it('changes of other webhook fields (not "messages") are ignored', async () => {
		const body = incoming(samples.text);
		(body.entry[0].changes[0] as { field: string }).field = 'message_template_status_update';
		const call = await callWebhook(maton(), { body });
		expect(call.response.status).toBe(200);
		expect(call.items).toEqual([]);
	});
});
