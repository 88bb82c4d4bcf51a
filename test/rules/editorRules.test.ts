/**
 * The editor is not a guard: every rule the editor enforces (text not an object, required,
 * minimums and maximums, option values, booleans, resource-locator patterns) is enforced again
 * at run time for values that expressions give, before anything is sent.
 *
 * The text-field cases are generated from the node's own description: every `string` field
 * each operation shows (inside collections and fixed collections too, with the conditions that
 * show it derived from its displayOptions) gets an object and an array, so a field added later is
 * covered without touching this file.
 */
import type { INodeParameters, INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { LISTS_READ_BY_HOOK } from '../../nodes/WhatsAppMaton/description/editorRules';
import { CONTROL_ORIGIN, GATEWAY_ORIGIN, fakeApi, runWhatsApp } from '../fixture';
import { type BadInput, expectRefusedBeforeSending } from '../refusal';
import { VALID_OPERATIONS, type ValidOperation, validOperation } from './validOperations';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const UNCHECKED_TYPES = new Set(['hidden', 'notice', 'json', 'resourceMapper']);

// ---------------------------------------------------------------------------------------------
// Walking the description: every string field an operation shows, and how to give it a value.

interface TextField {
	/** The name the error must start with: `Text`, `Buttons › Button 1 › Title`. */
	label: string;
	multipleValues: boolean;
	/** The operation's parameters with this field set to `value` (and what shows it). */
	build: (value: string) => INodeParameters;
}

/** Conditions on the resource and operation: top-level, or in a shared collection's sub-options. */
const PLACE_KEYS = new Set(['resource', 'operation', '/resource', '/operation']);

/** The first value each `show` condition (but resource and operation) accepts. */
function conditionsOf(field: INodeProperties): Record<string, unknown> {
	const show = field.displayOptions?.show ?? {};
	return Object.fromEntries(
		Object.entries(show)
			.filter(([key]) => !PLACE_KEYS.has(key) && !key.startsWith('@'))
			.map(([key, values]) => [key, (values as unknown[])[0]]),
	);
}

function shownFor(field: INodeProperties, resource: string, operation: string): boolean {
	const show = field.displayOptions?.show;
	if (!show) return true;
	const matches = (key: string, value: string) => !(key in show) || (show[key] as unknown[]).includes(value);
	return (
		matches('resource', resource) &&
		matches('operation', operation) &&
		matches('/resource', resource) &&
		matches('/operation', operation)
	);
}

/** An entry of a fixed collection whose required text fields are filled, so that only the tested one breaks a rule. */
function validEntry(values: INodeProperties[]): Record<string, unknown> {
	return Object.fromEntries(
		values.filter((value) => value.required && value.type === 'string').map((value) => [value.name, 'x']),
	);
}

/** The text fields under `definitions`, each with a builder of the value that holds it. */
function nestedTextFields(
	definitions: INodeProperties[],
	path: string[],
	wrap: (inner: Record<string, unknown>) => unknown,
): Array<Omit<TextField, 'build'> & { value: (text: string) => unknown }> {
	const found: Array<Omit<TextField, 'build'> & { value: (text: string) => unknown }> = [];
	for (const definition of definitions) {
		if (UNCHECKED_TYPES.has(definition.type)) continue;
		const around = (inner: Record<string, unknown>) =>
			wrap({ ...validEntry(definitions), ...conditionsOf(definition), ...inner });
		if (definition.type === 'string') {
			found.push({
				label: [...path, definition.displayName].join(' › '),
				multipleValues: definition.typeOptions?.multipleValues === true,
				value: (text) => around({ [definition.name]: text }),
			});
		} else if (definition.type === 'fixedCollection') {
			found.push(...fixedCollectionTextFields(definition, path, (inner) => around({ [definition.name]: inner })));
		}
	}
	return found;
}

function fixedCollectionTextFields(
	field: INodeProperties,
	path: string[],
	wrap: (inner: unknown) => unknown,
) {
	const multiple = field.typeOptions?.multipleValues === true;
	return ((field.options ?? []) as INodePropertyCollection[]).flatMap((group) =>
		nestedTextFields(
			group.values,
			[...path, field.displayName, ...(multiple ? [`${group.displayName} 1`] : [])],
			(entry) => wrap({ [group.name]: multiple ? [entry] : entry }),
		),
	);
}

function textFieldsOf(operation: ValidOperation): TextField[] {
	const { parameters } = operation;
	const resource = String(parameters.resource);
	const name = String(parameters.operation);
	const properties = new WhatsAppMaton().description.properties.filter(
		// n8n's own Request Options (declared by the node since it has a waiting webhook, as n8n's
		// loader adds them to other declarative nodes): read by n8n's engine, not held to the rules.
		(property) => !UNCHECKED_TYPES.has(property.type) && property.name !== 'requestOptions' && shownFor(property, resource, name),
	);
	return properties.flatMap((property): TextField[] => {
		const base = { ...parameters, ...conditionsOf(property) } as INodeParameters;
		if (property.type === 'string') {
			return [
				{
					label: property.displayName,
					// A field whose hook takes a list too is held to the rule of each entry.
					multipleValues: property.typeOptions?.multipleValues === true || LISTS_READ_BY_HOOK.has(property.name),
					build: (value) => ({ ...base, [property.name]: value }),
				},
			];
		}
		if (property.type === 'collection') {
			// A collection's options are named on their own ("Caption", not "Options › Caption").
			const options = (property.options as INodeProperties[]).filter((option) => shownFor(option, resource, name));
			return nestedTextFields(options, [], (inner) => inner).map((field) => ({
				...field,
				build: (value: string) => ({
					...base,
					[property.name]: { ...((parameters[property.name] as object) ?? {}), ...(field.value(value) as object) },
				}),
			}));
		}
		if (property.type === 'fixedCollection') {
			return fixedCollectionTextFields(property, [], (inner) => inner).map((field) => ({
				...field,
				build: (value: string) => ({ ...base, [property.name]: field.value(value) as INodeParameters }),
			}));
		}
		return [];
	});
}

const OBJECT = '={{ { a: 1 } }}';
const ARRAY = '={{ ["a", "b"] }}';
const ARRAY_OF_OBJECTS = '={{ [{ a: 1 }] }}';

const textCases: BadInput[] = VALID_OPERATIONS.flatMap((operation) =>
	textFieldsOf(operation).flatMap((field): BadInput[] => [
		{
			name: `${operation.key} › ${field.label} ← object`,
			parameters: field.build(OBJECT),
			input: operation.input,
			message: new RegExp(`^${escape(field.label)} must be text, got an object`),
			field: field.label,
		},
		field.multipleValues
			? {
					name: `${operation.key} › ${field.label} ← array of objects`,
					parameters: field.build(ARRAY_OF_OBJECTS),
					input: operation.input,
					message: new RegExp(`^${escape(field.label)} entry 1 must be text, got an object`),
					field: field.label,
				}
			: {
					name: `${operation.key} › ${field.label} ← array`,
					parameters: field.build(ARRAY),
					input: operation.input,
					message: new RegExp(`^${escape(field.label)} must be text, got an array`),
					field: field.label,
				},
	]),
);

describe('every text field of every operation: an object or an array from an expression is refused', () => {
	it('covers the fields the issue measured, and fields inside collections and fixed collections', () => {
		const names = new Set(textCases.map((badInput) => badInput.name));
		for (const expected of [
			'message.sendText › Text ← object',
			'message.sendText › Reply To Message ID ← array',
			'message.sendImage › Caption ← object',
			'message.sendImage › Media ID ← object',
			'message.sendDocument › File Name ← array',
			'businessProfile.update › About ← object',
			'businessProfile.update › Email ← array',
			'businessProfile.update › Websites ← array of objects',
			'message.sendReplyButtons › Buttons › Button 1 › Title ← object',
			'message.sendList › Sections › Section 1 › Rows › Row 1 › ID ← object',
			'message.sendTemplate › Components › Component 1 › Parameters › Parameter 1 › Value ← array',
			'template.create › Buttons › Button 1 › URL ← object',
			'template.list › Name ← object',
		]) {
			expect(names).toContain(expected);
		}
	});

	it.each(textCases)('$name', expectRefusedBeforeSending);
});

// ---------------------------------------------------------------------------------------------

const set = (key: string, extra: INodeParameters): INodeParameters => ({ ...validOperation(key).parameters, ...extra });

const locator = (mode: string, value: string) => ({ __rl: true, mode, value });

describe('the measured cases', () => {
	const cases: BadInput[] = [
		{
			name: 'message.sendTemplate › Language Code ← "" from an expression',
			parameters: set('message.sendTemplate', { languageCode: '={{ "" }}' }),
			message: /^Language Code is empty/,
			field: 'Language Code',
		},
		{
			name: 'message.sendTemplate › Language Code ← spaces from an expression',
			parameters: set('message.sendTemplate', { languageCode: '={{ $json.language ?? "  " }}' }),
			message: /^Language Code is empty/,
			field: 'Language Code',
		},
		{
			name: 'template.create › Language Code ← "" from an expression',
			parameters: set('template.create', { languageCode: '={{ $json.language }}' }),
			message: /^Language Code is empty/,
			field: 'Language Code',
		},
		...['template.list', 'phoneNumber.list', 'connection.list'].map((key) => ({
			name: `${key} › Limit ← -1 from an expression`,
			parameters: set(key, { limit: '={{ -1 }}' }),
			message: /^Limit is -1; it must be at least 1/,
			field: 'Limit',
		})),
		{
			name: 'template.list › Limit ← 0',
			parameters: set('template.list', { limit: '={{ 0 }}' }),
			message: /^Limit is 0; it must be at least 1/,
			field: 'Limit',
		},
	];
	it.each(cases)('$name', expectRefusedBeforeSending);
});

describe('numbers: finite, within the minimum and maximum', () => {
	const cases: BadInput[] = [
		{
			name: 'template.list › Limit ← "abc"',
			parameters: set('template.list', { limit: '={{ "abc" }}' }),
			message: /^Limit is "abc"; it must be a number/,
			field: 'Limit',
		},
		{
			name: 'template.list › Limit ← NaN',
			parameters: set('template.list', { limit: '={{ NaN }}' }),
			message: /^Limit is NaN; it must be a number/,
			field: 'Limit',
		},
		{
			name: 'template.list › Limit ← an object',
			parameters: set('template.list', { limit: '={{ { n: 5 } }}' }),
			message: /^Limit must be a number, got an object/,
			field: 'Limit',
		},
		{
			name: 'template.list › Limit ← nothing (an expression that found nothing)',
			parameters: set('template.list', { limit: '={{ $json.limit }}' }),
			message: /^Limit is empty; it must be a number/,
			field: 'Limit',
		},
		{
			name: 'message.sendLocation › Longitude ← 180.5',
			parameters: set('message.sendLocation', { longitude: '={{ 180.5 }}' }),
			message: /^Longitude is 180.5; it must be between -180 and 180/,
			field: 'Longitude',
		},
		{
			name: 'message.sendTemplate › Components › Component 1 › Button Index ← -1',
			parameters: set('message.sendTemplate', {
				components: { component: [{ type: 'button', subType: 'url', index: '={{ -1 }}', parameters: {} }] },
			}),
			message: /^Components › Component 1 › Button Index is -1; it must be between 0 and 9/,
			field: 'Button Index',
		},
		{
			name: 'message.sendTemplate › … › Amount × 1000 ← "lots"',
			parameters: set('message.sendTemplate', {
				components: {
					component: [
						{ type: 'body', parameters: { parameter: [{ type: 'currency', value: '$5', currencyCode: 'USD', amount1000: '={{ "lots" }}' }] } },
					],
				},
			}),
			message: /^Components › Component 1 › Parameters › Parameter 1 › Amount × 1000 is "lots"; it must be a number/,
			field: 'Amount × 1000',
		},
	];
	it.each(cases)('$name', expectRefusedBeforeSending);
});

describe('options: a value among the options', () => {
	const cases: BadInput[] = [
		{
			name: 'message.sendImage › Media Source ← "ftp"',
			// With Media Source an expression, n8n shows (and requires) every source's field.
			parameters: set('message.sendImage', { mediaSource: '={{ "ftp" }}', mediaId: '1037543291543636' }),
			message: /^Media Source "ftp" is not one of binary, link, id/,
			field: 'Media Source',
		},
		{
			name: 'message.sendImage › Media Source ← "LINK" (options are exact)',
			parameters: set('message.sendImage', { mediaSource: '={{ "LINK" }}', mediaId: '1037543291543636' }),
			message: /^Media Source "LINK" is not one of/,
			field: 'Media Source',
		},
		{
			name: 'message.sendTemplate › Specify Parameters ← an object',
			parameters: set('message.sendTemplate', { specifyComponents: '={{ { mode: "fields" } }}' }),
			message: /^Specify Parameters is an object; it must be one of mapper, fields, json/,
			field: 'Specify Parameters',
		},
		{
			name: 'message.sendTemplate › Components › Component 1 › Component Type ← "footer"',
			parameters: set('message.sendTemplate', { components: { component: [{ type: '={{ "footer" }}' }] } }),
			message: /^Components › Component 1 › Component Type "footer" is not one of body, button, header/,
			field: 'Component Type',
		},
		{
			name: 'connection.list › Status ← "active" (no hook upper-cases it)',
			parameters: set('connection.list', { filters: { status: '={{ "active" }}' } }),
			message: /^Status "active" is not one of ACTIVE, FAILED, PENDING/,
			field: 'Status',
		},
		{
			name: 'businessProfile.get › Fields ← "about" (text, not a list)',
			parameters: set('businessProfile.get', { fields: '={{ "about" }}' }),
			message: /^Fields must be a list of options, got text/,
			field: 'Fields',
		},
		{
			name: 'phoneNumber.get › Fields ← ["id", "secret"]',
			parameters: set('phoneNumber.get', { options: { fields: '={{ ["id", "secret"] }}' } }),
			message: /^Fields has "secret", which is not one of/,
			field: 'Fields',
		},
	];
	it.each(cases)('$name', expectRefusedBeforeSending);
});

describe('required fields, booleans, resource locators and collections', () => {
	const cases: BadInput[] = [
		{
			name: 'message.sendText › Text ← spaces',
			parameters: set('message.sendText', { text: '={{ "   " }}' }),
			message: /^Text is empty/,
			field: 'Text',
		},
		{
			name: 'message.sendText › Text ← null',
			parameters: set('message.sendText', { text: '={{ null }}' }),
			message: /^Text must be text, got null/,
			field: 'Text',
		},
		{
			name: 'message.sendReplyButtons › Buttons › Button 1 › Title ← an object, among valid buttons',
			parameters: set('message.sendReplyButtons', {
				buttons: { button: [{ id: 'yes', title: 'Yes' }, { id: 'no', title: '={{ { text: "No" } }}' }] },
			}),
			message: /^Buttons › Button 2 › Title must be text, got an object/,
			field: 'Buttons › Button 2 › Title',
		},
		{
			name: 'message.markAsRead › Show Typing Indicator ← "yes"',
			parameters: set('message.markAsRead', { options: { typingIndicator: '={{ "yes" }}' } }),
			message: /^Show Typing Indicator is "yes"; it must be true or false/,
			field: 'Show Typing Indicator',
		},
		{
			name: 'message.markAsRead › Show Typing Indicator ← "false" (text would be read as true)',
			parameters: set('message.markAsRead', { options: { typingIndicator: '={{ "false" }}' } }),
			message: /^Show Typing Indicator is "false"; it must be true or false/,
			field: 'Show Typing Indicator',
		},
		{
			name: 'template.list › Return All ← 1',
			parameters: set('template.list', { returnAll: '={{ 1 }}' }),
			message: /^Return All is 1; it must be true or false/,
			field: 'Return All',
		},
		{
			name: 'message.sendText › Business Phone Number By ID ← "+1 555 0100"',
			parameters: set('message.sendText', { phoneNumberId: locator('id', '={{ "+1 555 0100" }}') }),
			message: /^Business Phone Number "\+1 555 0100": a phone number ID has only digits/,
			field: 'Business Phone Number',
		},
		{
			name: 'message.sendTemplate › Template By Name ← "Order Shipped"',
			parameters: set('message.sendTemplate', { template: locator('name', '={{ "Order Shipped" }}') }),
			message: /^Template "Order Shipped": template names have only lowercase letters, digits and underscores/,
			field: 'Template',
		},
		{
			name: 'message.sendText › Business Phone Number ← an expression for the whole locator',
			parameters: set('message.sendText', { phoneNumberId: '={{ { id: "106540352242922" } }}' }),
			message: /^Business Phone Number must be text, got an object/,
			field: 'Business Phone Number',
		},
		{
			name: 'connection.get › Connection ← empty',
			parameters: set('connection.get', { connectionId: locator('list', '={{ "" }}') }),
			message: /^Connection is empty/,
			field: 'Connection',
		},
	];
	it.each(cases)('$name', expectRefusedBeforeSending);
});

// ---------------------------------------------------------------------------------------------

/** A plausible answer for each operation, so that the valid run ends with output items. */
function answerFor(key: string): unknown {
	if (key === 'connection.list') return { connections: [] };
	if (key.startsWith('connection.')) return { connection: { connection_id: 'c' } };
	if (key.endsWith('.list') || key === 'businessProfile.get') return { data: [] };
	if (key === 'media.upload') return { id: '1037543291543636' };
	if (key.startsWith('blockedUser.')) return { block_users: { added_users: [] } };
	return { success: true, messages: [{ id: 'wamid.ok' }] };
}

describe('valid inputs still go out', () => {
	it.each(VALID_OPERATIONS)('$key: sent once', async (operation) => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, answerFor(operation.key));
		const control = fakeApi(CONTROL_ORIGIN).reply(200, answerFor(operation.key));
		const { error } = await runWhatsApp(operation.parameters, { input: operation.input });
		expect(error).toBeUndefined();
		expect(gateway.requests.length + control.requests.length).toBe(1);
	});

	it('takes numbers and numeric text from expressions where numbers belong, and numbers as text', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { messages: [{ id: 'wamid.ok' }] }).reply(200, { data: [] });
		const located = await runWhatsApp(
			set('message.sendLocation', { latitude: '={{ $json.lat }}', longitude: '={{ -122.4194 }}', options: { locationName: '={{ 42 }}' } }),
			{ input: [{ json: { lat: ' 37.7749 ' } }] },
		);
		expect(located.error).toBeUndefined();
		const listed = await runWhatsApp(set('template.list', { limit: '={{ "5" }}' }));
		expect(listed.error).toBeUndefined();
		expect(gateway.requests[0].body).toMatchObject({ location: { latitude: 37.7749, longitude: -122.4194, name: 42 } });
		expect(new URL(gateway.requests[1].url).searchParams.get('limit')).toBe('5');
	});

	it('reads the fields an expression shows: Specify Components "json" leaves Body Text unchecked', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { id: '1', status: 'PENDING' });
		const { error } = await runWhatsApp(
			set('template.create', {
				specifyDefinition: '={{ "json" }}',
				// Shown only with "Using Fields Below": not sent, so not refused.
				bodyText: '={{ { unused: true } }}',
			}),
		);
		expect(error).toBeUndefined();
		expect(gateway.requests).toHaveLength(1);
		expect(gateway.requests[0].body).toMatchObject({ name: 'order_confirmation', components: expect.any(Array) });
	});

	it('keeps the hooks’ own readings: lower-case template filters, Show Link Preview as text', async () => {
		const gateway = fakeApi(GATEWAY_ORIGIN).reply(200, { data: [] }).reply(200, { messages: [{ id: 'wamid.ok' }] });
		const listed = await runWhatsApp(set('template.list', { filters: { category: '={{ " marketing " }}' } }));
		expect(listed.error).toBeUndefined();
		const sent = await runWhatsApp(set('message.sendText', { options: { previewUrl: '={{ "TRUE" }}' } }));
		expect(sent.error).toBeUndefined();
		expect(new URL(gateway.requests[0].url).searchParams.get('category')).toBe('MARKETING');
		expect(gateway.requests[1].body).toMatchObject({ text: { preview_url: true } });
	});
});
