/**
 * Every ID the node puts into a URL path or a `name=` query, broken by shape on every operation
 * that takes it: `.` and `..` (which `encodeURIComponent` leaves alone, and which make the URL
 * mean another endpoint), `a/b`, `1?x` and an object from an expression. Each case is refused
 * naming the field, for the item, with neither the gateway nor the control API seeing a request
 * (expectRefusedBeforeSending). The cases are generated from one table of fields and operations.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';

import { splitUrl } from '../assertions';
import { CONNECTION_ID, CONTROL_ORIGIN, GATEWAY_ORIGIN, GRAPH, fakeApi, matonCredentials, runWhatsApp } from '../fixture';
import { type BadInput, expectRefusedBeforeSending } from '../refusal';
import { VALID_OPERATIONS, type ValidOperation, validOperation } from './validOperations';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The shapes that must never reach a URL, as a workflow would hold them. */
const BAD_SHAPES: Array<{ name: string; given: string; shown?: string }> = [
	{ name: '.', given: '.' },
	{ name: '..', given: '..' },
	{ name: 'a/b', given: 'a/b' },
	{ name: '1?x', given: '1?x' },
	{ name: 'an object', given: '={{ {a:1} }}' },
];

/** The error for a bad shape: the field first, then the value it was given or its type. */
function refusal(label: string, shape: (typeof BAD_SHAPES)[number]): RegExp {
	if (shape.given.startsWith('=')) {
		return new RegExp(`^${escape(label)} (must be text, got an object|is an object)`);
	}
	return new RegExp(`^${escape(label)} "${escape(shape.given)}"`);
}

interface IdField {
	/** What the table row is about, for the test names. */
	name: string;
	/** The field's display name, which the error must start with. */
	label: string;
	/** The operations that take it. */
	operations: ValidOperation[];
	/** The parameters with the field set to `value`. */
	set: (operation: ValidOperation, value: string) => INodeParameters;
	credentials?: (value: string) => ICredentialDataDecryptedObject;
}

const locator = (mode: string, value: string) => ({ __rl: true, mode, value });
const withParameter = (name: string, wrap: (value: string) => unknown = (value) => value) =>
	(operation: ValidOperation, value: string): INodeParameters => ({ ...operation.parameters, [name]: wrap(value) as string });

const shows = (name: string) => VALID_OPERATIONS.filter((operation) => name in operation.parameters);
const gatewayOperations = VALID_OPERATIONS.filter((operation) => operation.parameters.resource !== 'connection');
const accountOperations = [
	'analytics.getMessaging',
	'analytics.getPricing',
	'analytics.getTemplates',
	'phoneNumber.list',
	'template.create',
	'template.delete',
	'template.list',
].map(validOperation);
const mediaMessages = ['sendAudio', 'sendDocument', 'sendImage', 'sendSticker', 'sendVideo'].map((operation) =>
	validOperation(`message.${operation}`),
);

/** Send Template reads the template's definition (by business account and name) in this mode. */
const sendTemplateMapped = (extra: INodeParameters): INodeParameters => ({
	...validOperation('message.sendTemplate').parameters,
	template: locator('list', 'order_shipped'),
	specifyComponents: 'mapper',
	templateVariables: { mappingMode: 'defineBelow', value: {}, matchingColumns: [], schema: [] },
	...extra,
});
const mappedSendTemplate: ValidOperation = { key: 'message.sendTemplate (Map Template Variables)', parameters: sendTemplateMapped({}) };

const ID_FIELDS: IdField[] = [
	{
		name: 'phone number ID, picked from the list',
		label: 'Business Phone Number',
		operations: shows('phoneNumberId'),
		set: withParameter('phoneNumberId', (value) => locator('list', value)),
	},
	{
		name: 'phone number ID, By ID from an expression',
		label: 'Business Phone Number',
		operations: shows('phoneNumberId'),
		set: withParameter('phoneNumberId', (value) => locator('id', value.startsWith('=') ? value : `={{ ${JSON.stringify(value)} }}`)),
	},
	{
		name: 'business account ID, as saved before the picker (plain text)',
		label: 'WhatsApp Business Account',
		operations: [...accountOperations, mappedSendTemplate],
		set: withParameter('businessAccountId'),
	},
	{
		name: 'business account ID, By ID from an expression',
		label: 'WhatsApp Business Account',
		operations: [...accountOperations, mappedSendTemplate],
		set: withParameter('businessAccountId', (value) => locator('id', value.startsWith('=') ? value : `={{ ${JSON.stringify(value)} }}`)),
	},
	{
		name: "business account ID, the credential's default",
		label: 'WhatsApp Business Account ID',
		operations: [...accountOperations, mappedSendTemplate],
		set: (operation) => operation.parameters,
		credentials: (value) => matonCredentials({ businessAccountId: value }),
	},
	{ name: 'media ID', label: 'Media ID', operations: shows('mediaId'), set: withParameter('mediaId') },
	{
		name: 'media ID of a media message',
		label: 'Media ID',
		operations: mediaMessages,
		set: (operation, value) => {
			const parameters: INodeParameters = { ...operation.parameters, mediaSource: 'id', mediaId: value };
			delete parameters.mediaLink;
			return parameters;
		},
	},
	{ name: 'QR code', label: 'QR Code', operations: shows('qrCode'), set: withParameter('qrCode') },
	{
		name: 'template ID (hsm_id)',
		label: 'Template ID',
		operations: [validOperation('template.delete')],
		set: (operation, value) => ({ ...operation.parameters, options: { templateId: value } }),
	},
	{
		name: 'connection ID, picked from the list',
		label: 'Connection',
		operations: shows('connectionId'),
		set: withParameter('connectionId', (value) => locator('list', value)),
	},
	{
		name: 'connection ID, By ID from an expression',
		label: 'Connection',
		operations: shows('connectionId'),
		set: withParameter('connectionId', (value) => locator('id', value.startsWith('=') ? value : `={{ ${JSON.stringify(value)} }}`)),
	},
	{
		name: 'Maton Connection (the Maton-Connection header)',
		label: 'Maton Connection',
		operations: gatewayOperations,
		set: withParameter('matonConnection', (value) => locator('list', value)),
	},
	{
		name: "Maton Connection, the credential's default",
		label: 'Maton Connection',
		operations: gatewayOperations,
		set: (operation) => operation.parameters,
		credentials: (value) => matonCredentials({ connectionId: value }),
	},
	{
		name: 'template name',
		label: 'Template Name',
		operations: ['template.create', 'template.delete'].map(validOperation),
		set: withParameter('templateName'),
	},
	{
		name: 'template to send, picked from the list',
		label: 'Template',
		operations: [validOperation('message.sendTemplate'), mappedSendTemplate],
		set: withParameter('template', (value) => locator('list', value)),
	},
	{
		name: 'template to send, By Name from an expression',
		label: 'Template',
		operations: [validOperation('message.sendTemplate')],
		set: withParameter('template', (value) => locator('name', value.startsWith('=') ? value : `={{ ${JSON.stringify(value)} }}`)),
	},
];

/** A credential value cannot be an expression: its object case is left out. */
const casesOf = (field: IdField): BadInput[] =>
	field.operations.flatMap((operation) =>
		BAD_SHAPES.filter((shape) => !(field.credentials && shape.given.startsWith('='))).map((shape) => ({
			name: `${operation.key} › ${field.label} ← ${shape.name}`,
			parameters: field.set(operation, shape.given),
			input: operation.input,
			credentials: field.credentials?.(shape.given),
			message: refusal(field.label, shape),
			field: field.label,
		})),
	);

describe.each(ID_FIELDS)('$name: refused by shape before sending', (field) => {
	it.each(casesOf(field))('$name', expectRefusedBeforeSending);
});

describe('template names follow Meta’s rule at run time', () => {
	const upperCase: BadInput[] = [
		{
			name: 'message.sendTemplate › Template ← Order_Shipped, picked from the list',
			parameters: { ...validOperation('message.sendTemplate').parameters, template: locator('list', 'Order_Shipped') },
			message: /^Template "Order_Shipped" is not allowed: use only lowercase letters, digits and underscores/,
			field: 'Template',
		},
		{
			name: 'message.sendTemplate › Template ← Order_Shipped, By Name from an expression',
			parameters: { ...validOperation('message.sendTemplate').parameters, template: locator('name', '={{ "Order_Shipped" }}') },
			message: /^Template "Order_Shipped": template names have only lowercase letters, digits and underscores/,
			field: 'Template',
		},
		{
			name: 'template.delete › Template Name ← Order_Confirmation',
			parameters: { ...validOperation('template.delete').parameters, templateName: '={{ "Order_Confirmation" }}' },
			message: /^Template Name "Order_Confirmation" is not allowed: use only lowercase letters/,
			field: 'Template Name',
		},
		{
			name: 'template.create › Template Name ← Order_Confirmation',
			parameters: { ...validOperation('template.create').parameters, templateName: '={{ "Order_Confirmation" }}' },
			message: /^Template Name "Order_Confirmation" is not allowed: use only lowercase letters/,
			field: 'Template Name',
		},
		{
			name: 'template.delete › Template Name ← 513 characters',
			parameters: { ...validOperation('template.delete').parameters, templateName: '={{ "a".repeat(513) }}' },
			message: /^Template Name "a{513}" is not allowed: .*up to 512 characters/,
			field: 'Template Name',
		},
	];
	it.each(upperCase)('$name', expectRefusedBeforeSending);
});

describe('IDs of the right shape are sent as they always were', () => {
	it('trims a padded phone number ID, media ID and connection ID from an expression', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { messages: [{ id: 'wamid.x' }] }).reply(200, { id: '1' });
		const control = fakeApi(CONTROL_ORIGIN).reply(200, { connection: { connection_id: CONNECTION_ID } });
		const sent = await runWhatsApp(
			{ ...validOperation('message.sendText').parameters, phoneNumberId: locator('id', '={{ " 106540352242922 " }}') },
			{ credentials: matonCredentials({ connectionId: ` ${CONNECTION_ID} ` }) },
		);
		expect(sent.error).toBeUndefined();
		const read = await runWhatsApp({ resource: 'media', operation: 'get', mediaId: '={{ " 1037543291543636 " }}' });
		expect(read.error).toBeUndefined();
		const connection = await runWhatsApp({
			resource: 'connection',
			operation: 'get',
			connectionId: locator('list', `  ${CONNECTION_ID}  `),
		});
		expect(connection.error).toBeUndefined();
		expect(gateway.requests.map((request) => request.url)).toEqual([
			`${GRAPH}/106540352242922/messages`,
			`${GRAPH}/1037543291543636`,
		]);
		expect(gateway.requests[0].headers['maton-connection']).toBe(CONNECTION_ID);
		expect(control.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
			`GET ${CONTROL_ORIGIN}/connections/${CONNECTION_ID}`,
		]);
	});

	it('sends a template ID (hsm_id) of digits, and none when the option is left empty', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { success: true }).reply(200, { success: true });
		const remove = validOperation('template.delete').parameters;
		await runWhatsApp({ ...remove, options: { templateId: '={{ 1407680676729941 }}' } });
		await runWhatsApp({ ...remove, options: { templateId: '' } });
		expect(gateway.requests.map((request) => splitUrl(request.url).query)).toEqual([
			{ name: 'order_confirmation', hsm_id: '1407680676729941' },
			{ name: 'order_confirmation' },
		]);
	});
});
