import { NodeHelpers, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INode,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodePropertyRegexValidation,
	PreSendAction,
} from 'n8n-workflow';

import { TEMPLATE_CATEGORY_OPTIONS, TEMPLATE_STATUS_OPTIONS } from '../shared/fields/templateOptions';
import { describeType } from '../shared/checks/urlSegments';

/**
 * The editor is not a guard: an expression gives whatever it computes, and the editor's rules
 * (required, types, minimums and maximums, option values, resource-locator patterns) never see
 * it. This preSend enforces those rules again at run time, read from the node's own description
 * so that they cannot drift: for the item, every field displayed for its resource and operation,
 * with its resolved value.
 *
 * Not checked here: `json` fields and the resource mapper (their hooks parse and check them),
 * hidden fields and notices, Delivery Options (the transport clamps those instead) and n8n's
 * own request options.
 */

/** Types that hold no value of their own, or whose value a hook reads and checks itself. */
const UNCHECKED_TYPES = new Set<string>(['hidden', 'notice', 'json', 'resourceMapper', 'button', 'callout']);
/**
 * Resource and Operation take no expression; Delivery Options are clamped, not refused; and
 * `requestOptions` (batching, proxy, timeout) is n8n's own, added to every declarative node when
 * n8n loads it, and read by its engine.
 */
const UNCHECKED_FIELDS = new Set(['resource', 'operation', 'deliveryOptions', 'requestOptions']);
const OPERATION_KEYS = new Set(['resource', 'operation']);

/**
 * Option lists whose fields are normalised by their hook before it checks them (checkOptionValue:
 * trimmed, upper-cased), as they always were: `" approved "` still means APPROVED.
 */
const OPTIONS_NORMALISED_BY_HOOK = new Set<INodePropertyOptions[]>([
	TEMPLATE_CATEGORY_OPTIONS,
	TEMPLATE_STATUS_OPTIONS,
]);

type Path = string[];

/** A top-level field's resolved value, by name (`/operation` or `operation`). */
type Root = (key: string) => unknown;

/** What displayOptions read of the node: its version, for `@version` conditions (null: none). */
type NodeVersion = Pick<INode, 'typeVersion'> | null;

const SEPARATOR = ' › ';
const labelOf = (path: Path) => path.join(SEPARATOR);

class RuleBroken extends Error {
	constructor(
		message: string,
		readonly hint?: string,
	) {
		super(message);
	}
}

const isPlainObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** What an expression gave, for a message: `"abc"` for text, else its type. */
const shown = (value: unknown): string =>
	typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' ? String(value) : describeType(value);

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

// ---------------------------------------------------------------------------------------------
// Which fields an operation shows: computed once per resource and operation.

/** Whether a field's displayOptions can hold for this resource and operation, whatever the rest. */
function shownForOperation(field: INodeProperties, resource: string, operation: string, node: NodeVersion): boolean {
	const { show, hide } = field.displayOptions ?? {};
	const pick = (conditions: IDataObject | undefined) =>
		conditions &&
		Object.fromEntries(Object.entries(conditions).filter(([key]) => OPERATION_KEYS.has(key)));
	const reduced = {
		...field,
		displayOptions: { show: pick(show as IDataObject | undefined), hide: pick(hide as IDataObject | undefined) },
	} as INodeProperties;
	return NodeHelpers.displayParameter({ resource, operation }, reduced, node, null);
}

/** Whether a field's displayOptions name anything besides the resource and operation. */
function hasOtherConditions(field: INodeProperties): boolean {
	const { show, hide } = field.displayOptions ?? {};
	return [show, hide].some(
		(conditions) => conditions !== undefined && Object.keys(conditions).some((key) => !OPERATION_KEYS.has(key)),
	);
}

interface OperationFields {
	fields: INodeProperties[];
	/** The fields whose displayOptions name more than the resource and operation. */
	conditional: Set<INodeProperties>;
	/** Whether any displayOptions read the node's version (then the node is read for each item). */
	readsVersion: boolean;
	/** Where the routing already put a field's resolved value, as it is: no need to resolve it again. */
	routed: Map<INodeProperties, { type: 'body' | 'qs'; path: string[] }>;
}

/**
 * A field that routing sends as it is (`send.property` without a `value` transform) is resolved
 * by the engine before the first preSend: its value is read there, which halves the expression
 * work this check adds to an item. A resource locator's routed value is extracted, so it is not.
 */
function routedValuePlace(field: INodeProperties): { type: 'body' | 'qs'; path: string[] } | undefined {
	const send = field.routing?.send;
	if (!send || field.type === 'resourceLocator' || send.value !== undefined) return undefined;
	const { property } = send;
	if (typeof property !== 'string' || property.startsWith('=')) return undefined;
	const type = send.type === 'body' ? 'body' : send.type === 'query' ? 'qs' : undefined;
	if (!type) return undefined;
	return { type, path: send.propertyInDotNotation === false ? [property] : property.split('.') };
}

function routedValue(requestOptions: IHttpRequestOptions, place: { type: 'body' | 'qs'; path: string[] }): unknown {
	let value: unknown = requestOptions[place.type];
	for (const key of place.path) value = isPlainObject(value) ? value[key] : undefined;
	return value;
}

const fieldsByOperation = new WeakMap<INodeProperties[], Map<string, OperationFields>>();

function fieldsOfOperation(
	properties: INodeProperties[],
	resource: string,
	operation: string,
	node: NodeVersion,
): OperationFields {
	let byOperation = fieldsByOperation.get(properties);
	if (!byOperation) {
		byOperation = new Map();
		fieldsByOperation.set(properties, byOperation);
	}
	const key = `${resource}\u0000${operation}`;
	let known = byOperation.get(key);
	if (!known) {
		const fields = properties.filter(
			(field) =>
				!UNCHECKED_TYPES.has(field.type) &&
				!UNCHECKED_FIELDS.has(field.name) &&
				shownForOperation(field, resource, operation, node),
		);
		known = {
			fields,
			conditional: new Set(fields.filter(hasOtherConditions)),
			readsVersion: JSON.stringify(fields.map((field) => field.displayOptions ?? null)).includes('"@version"'),
			routed: new Map(
				fields.flatMap((field) => {
					const place = routedValuePlace(field);
					return place ? [[field, place] as const] : [];
				}),
			),
		};
		byOperation.set(key, known);
	}
	return known;
}

/** The condition keys of a field's displayOptions: `mediaSource`, `/resource`, `type`. */
function conditionKeys(field: INodeProperties): string[] {
	const { show, hide } = field.displayOptions ?? {};
	return [...Object.keys(show ?? {}), ...Object.keys(hide ?? {})].filter((key) => !key.startsWith('@'));
}

/**
 * Whether a field is shown for the values an expression resolved to. The editor decides on what
 * it sees (an expression shows every dependent field); the hooks act on the resolved value, so
 * that is what decides here: Media Source `{{ "link" }}` shows Media URL and not Media ID.
 */
function shownFor(field: INodeProperties, values: (key: string) => unknown, node: NodeVersion): boolean {
	const nodeValues: INodeParameters = {};
	for (const key of conditionKeys(field)) {
		const name = key.startsWith('/') ? key.slice(1) : key;
		(nodeValues as IDataObject)[name] = values(key) as IDataObject[keyof IDataObject];
	}
	return NodeHelpers.displayParameter(nodeValues, field, node, null, nodeValues);
}

// ---------------------------------------------------------------------------------------------
// The rules of each type.

/** The fallback that tells a parameter the node does not hold from one that is empty. */
const MISSING = Object.freeze({ missing: true });

/** Whether a parameter value holds an expression anywhere (`={{ … }}`, also inside a collection). */
function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (isPlainObject(value)) return Object.values(value).some(holdsExpression);
	return false;
}

const regexCache = new Map<string, RegExp>();
function compiled(source: string): RegExp {
	let regex = regexCache.get(source);
	if (!regex) {
		regex = new RegExp(source);
		regexCache.set(source, regex);
	}
	return regex;
}

const isBlank = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const isText = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * Text fields whose hook also takes a list from an expression and checks each entry itself
 * (Blocked User › Users: numbers separated by commas, or an array of them).
 */
export const LISTS_READ_BY_HOOK = new Set(['users']);

function checkString(field: INodeProperties, value: unknown, path: Path): void {
	const label = labelOf(path);
	if (value === undefined) {
		if (field.required) throw new RuleBroken(`${label} is empty`, `${field.displayName} is required.`);
		return;
	}
	if (LISTS_READ_BY_HOOK.has(field.name) && Array.isArray(value)) return;
	if (field.typeOptions?.multipleValues && Array.isArray(value)) {
		value.forEach((entry, index) => {
			if (!isText(entry)) {
				throw new RuleBroken(`${label} entry ${index + 1} must be text, got ${describeType(entry)}`);
			}
		});
		if (field.required && value.every(isBlank)) {
			throw new RuleBroken(`${label} is empty`, `${field.displayName} is required.`);
		}
		return;
	}
	if (!isText(value)) {
		throw new RuleBroken(
			`${label} must be text, got ${describeType(value)}`,
			'Give text, or an expression that returns text: pick one property of the object, or join the array.',
		);
	}
	if (field.required && String(value).trim() === '') {
		throw new RuleBroken(`${label} is empty`, `${field.displayName} is required.`);
	}
}

function checkNumber(field: INodeProperties, value: unknown, path: Path): void {
	const label = labelOf(path);
	if (isBlank(value)) throw new RuleBroken(`${label} is empty; it must be a number`);
	if (typeof value !== 'number' && typeof value !== 'string') {
		throw new RuleBroken(`${label} must be a number, got ${describeType(value)}`);
	}
	// An expression gives numbers as text often enough (a CSV, a form): "12.5" is a number.
	const number = typeof value === 'number' ? value : Number(value.trim());
	const min = field.typeOptions?.minValue;
	const max = field.typeOptions?.maxValue;
	if (!Number.isFinite(number)) {
		throw new RuleBroken(
			min !== undefined && max !== undefined
				? `${label} is ${String(value)}; it must be between ${min} and ${max}`
				: `${label} is ${shown(value)}; it must be a number`,
		);
	}
	const below = min !== undefined && number < min;
	const above = max !== undefined && number > max;
	if (!below && !above) return;
	if (min !== undefined && max !== undefined) {
		throw new RuleBroken(`${label} is ${number}; it must be between ${min} and ${max}`);
	}
	throw new RuleBroken(
		below ? `${label} is ${number}; it must be at least ${min}` : `${label} is ${number}; it must be at most ${max}`,
	);
}

/**
 * Booleans whose hook reads the texts "true" and "false" as the boolean, as it always did
 * (checkTextMessage). Elsewhere the text "false" would be taken as true by the routing.
 */
const BOOLEANS_READ_AS_TEXT = new Set(['previewUrl']);

function checkBoolean(field: INodeProperties, value: unknown, path: Path): void {
	if (typeof value === 'boolean') return;
	if (
		BOOLEANS_READ_AS_TEXT.has(field.name) &&
		typeof value === 'string' &&
		['true', 'false'].includes(value.trim().toLowerCase())
	) {
		return;
	}
	throw new RuleBroken(
		`${labelOf(path)} is ${value === undefined ? 'empty' : JSON.stringify(value) ?? describeType(value)}; it must be true or false`,
		'Turn the option on or off, or give an expression that returns a boolean.',
	);
}

function optionValues(field: INodeProperties): Array<string | number | boolean> {
	return ((field.options ?? []) as INodePropertyOptions[]).map((option) => option.value);
}

const loadsItsOptions = (field: INodeProperties) =>
	field.typeOptions?.loadOptionsMethod !== undefined || field.typeOptions?.loadOptions !== undefined;

function isOptionValue(field: INodeProperties, value: unknown): boolean {
	const values = optionValues(field);
	if (values.includes(value as string)) return true;
	if (typeof value === 'string' && OPTIONS_NORMALISED_BY_HOOK.has(field.options as INodePropertyOptions[])) {
		return values.includes(value.trim().toUpperCase());
	}
	return false;
}

function checkOptions(field: INodeProperties, value: unknown, path: Path): void {
	if (loadsItsOptions(field) || isOptionValue(field, value)) return;
	const label = labelOf(path);
	const values = optionValues(field).map(String).join(', ');
	let message: string;
	if (value === undefined || value === null) message = `${label} is empty; it must be one of ${values}`;
	else if (isText(value)) message = `${label} ${JSON.stringify(value)} is not one of ${values}`;
	else message = `${label} is ${describeType(value)}; it must be one of ${values}`;
	throw new RuleBroken(message, `Pick one of the options, or give an expression that returns one of ${values}.`);
}

function checkMultiOptions(field: INodeProperties, value: unknown, path: Path): void {
	if (loadsItsOptions(field)) return;
	const label = labelOf(path);
	if (!Array.isArray(value)) {
		throw new RuleBroken(
			`${label} must be a list of options, got ${typeof value === 'string' ? 'text' : describeType(value)}`,
			'Give an expression that returns an array, for example ["about", "email"].',
		);
	}
	for (const entry of value) {
		if (!isOptionValue(field, entry)) {
			const values = optionValues(field).map(String).join(', ');
			throw new RuleBroken(`${label} has ${shown(entry)}, which is not one of ${values}`);
		}
	}
}

function checkResourceLocator(field: INodeProperties, value: unknown, path: Path): void {
	const label = labelOf(path);
	// Saved by the editor as { __rl, mode, value }; older or hand-written workflows may hold the value alone.
	const locator = isPlainObject(value) && value.__rl === true ? value : undefined;
	if (isPlainObject(value) && !locator) {
		throw new RuleBroken(`${label} must be text, got an object`);
	}
	const inner: unknown = locator ? locator.value : value;
	if (inner !== undefined && inner !== null && typeof inner !== 'string' && typeof inner !== 'number') {
		throw new RuleBroken(
			`${label} must be text, got ${describeType(inner)}`,
			'Give the ID as text, or an expression that returns it: pick the property of the object that holds the ID.',
		);
	}
	if (isBlank(inner)) {
		if (field.required) throw new RuleBroken(`${label} is empty`, `${field.displayName} is required.`);
		return;
	}
	const mode = field.modes?.find((candidate) => candidate.name === locator?.mode);
	const text = String(inner).trim();
	for (const validation of mode?.validation ?? []) {
		if (typeof validation === 'function' || validation.type !== 'regex') continue;
		const { regex, errorMessage } = (validation as INodePropertyRegexValidation).properties;
		if (!compiled(regex).test(text)) {
			throw new RuleBroken(`${label} "${text}": ${lowerFirst(errorMessage)}`);
		}
	}
}

function checkCollection(
	field: INodeProperties,
	value: unknown,
	path: Path,
	node: NodeVersion,
	root: Root,
): void {
	if (value === undefined) return;
	if (!isPlainObject(value)) {
		throw new RuleBroken(`${labelOf(path)} must be a set of fields, got ${describeType(value)}`);
	}
	// A collection is a bag of options, each named on its own in the editor: "Show Link Preview",
	// not "Options › Show Link Preview".
	checkNested(field.options as INodeProperties[], value, path.slice(0, -1), node, root);
}

function checkFixedCollection(
	field: INodeProperties,
	value: unknown,
	path: Path,
	node: NodeVersion,
	root: Root,
): void {
	if (value === undefined) return;
	const label = labelOf(path);
	if (!isPlainObject(value)) throw new RuleBroken(`${label} must be a set of fields, got ${describeType(value)}`);
	const multiple = field.typeOptions?.multipleValues === true;
	for (const group of (field.options ?? []) as INodePropertyCollection[]) {
		const entries = value[group.name];
		if (entries === undefined) continue;
		const list: unknown[] = multiple ? (Array.isArray(entries) ? entries : [entries]) : [entries];
		list.forEach((entry, index) => {
			const entryPath = multiple ? [...path, `${group.displayName} ${index + 1}`] : path;
			if (!isPlainObject(entry)) {
				throw new RuleBroken(`${labelOf(entryPath)} must be a set of fields, got ${describeType(entry)}`);
			}
			checkNested(group.values, entry, entryPath, node, root);
		});
	}
}

/**
 * The fields of a collection or of one fixed-collection entry: those given, if shown. A condition
 * on `/operation` (a joined Options collection, description/defineOnce.ts) reads the top-level field.
 */
function checkNested(
	definitions: INodeProperties[],
	values: IDataObject,
	path: Path,
	node: NodeVersion,
	root: Root,
): void {
	const valueOf = (key: string) => (key.startsWith('/') ? root(key) : values[key]);
	for (const definition of definitions) {
		if (!(definition.name in values) || UNCHECKED_TYPES.has(definition.type)) continue;
		if (definition.displayOptions && !shownFor(definition, valueOf, node)) continue;
		checkValue(definition, values[definition.name], [...path, definition.displayName], node, root);
	}
}

function checkValue(field: INodeProperties, value: unknown, path: Path, node: NodeVersion, root: Root): void {
	switch (field.type) {
		case 'string':
			return checkString(field, value, path);
		case 'number':
			return checkNumber(field, value, path);
		case 'boolean':
			return checkBoolean(field, value, path);
		case 'options':
			return checkOptions(field, value, path);
		case 'multiOptions':
			return checkMultiOptions(field, value, path);
		case 'resourceLocator':
			return checkResourceLocator(field, value, path);
		case 'collection':
			return checkCollection(field, value, path, node, root);
		case 'fixedCollection':
			return checkFixedCollection(field, value, path, node, root);
		default:
			return;
	}
}

// ---------------------------------------------------------------------------------------------

let nodeProperties: INodeProperties[] = [];

/** The node's description, as the editor shows it: the rules checkEditorRules applies. */
export function registerEditorRules(properties: INodeProperties[]): INodeProperties[] {
	nodeProperties = properties;
	return properties;
}

/**
 * The editor's rules for the values of the item's operation, expressions resolved. It must run
 * before every other hook of the item, since some of them send a request.
 */
export const checkEditorRules: PreSendAction = async function (
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
) {
	// Raw parameters, without the copy of the whole node that getNode() makes for each call.
	const raw = (name: string): unknown => this.getNodeParameter(name, MISSING, { rawExpressions: true });
	const resource = String(raw('resource'));
	const operation = String(raw('operation'));
	const plan = fieldsOfOperation(nodeProperties, resource, operation, null);
	const version: NodeVersion = plan.readsVersion ? this.getNode() : null;
	const resolved = new Map<string, unknown>();
	const valueOf = (name: string, field?: INodeProperties): unknown => {
		if (OPERATION_KEYS.has(name)) return name === 'resource' ? resource : operation;
		if (!resolved.has(name)) {
			const value = raw(name);
			const place = field && plan.routed.get(field);
			// Only an expression needs resolving; a value typed in the editor is what it is.
			resolved.set(
				name,
				value === MISSING
					? undefined
					: !holdsExpression(value)
						? value
						: place
							? routedValue(requestOptions, place)
							: this.getNodeParameter(name, undefined, { skipValidation: true }),
			);
		}
		return resolved.get(name);
	};
	// `/operation` and `operation` both name a top-level field here.
	const atRoot = (key: string) => valueOf(key.replace(/^\//, ''));
	for (const field of plan.fields) {
		if (raw(field.name) === MISSING) continue;
		if (plan.conditional.has(field) && !shownFor(field, atRoot, version)) continue;
		try {
			checkValue(field, valueOf(field.name, field), [field.displayName], version, atRoot);
		} catch (error) {
			const itemIndex = this.getItemIndex();
			const node = this.getNode();
			if (!(error instanceof RuleBroken)) throw new NodeOperationError(node, error as Error, { itemIndex });
			throw new NodeOperationError(node, error.message, { itemIndex, description: error.hint });
		}
	}
	return requestOptions;
};
