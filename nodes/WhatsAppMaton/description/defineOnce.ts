import { NodeHelpers } from 'n8n-workflow';
import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Each field defined once in the node's description. Operations keep their fields beside them
 * (`showFor(resource, [operation])`), and the description joins every set of definitions that
 * differ only in which resource and operation show them into one definition listing them all.
 *
 * Why: for every top-level definition, displayed or not, n8n's RoutingNode evaluates the field's
 * value for each item (twice in n8n-core 2.41), so a field defined 14 times costs the user's
 * expression 28 times per item (docs/performance.md). Collections (the per-operation Options)
 * join into one whose sub-options carry `displayOptions` on `/operation`, which the editor and
 * RoutingNode both honour.
 *
 * What an operation sees does not change: the joined description is ordered so that every
 * operation's fields keep their order, so its requests are built, and its hooks run, exactly as
 * before. A description where that is impossible fails when the node loads.
 */

type Pair = string;
type Option = INodeProperties;

const pairOf = (resource: string, operation: string): Pair => `${resource}\u0000${operation}`;

/** The resources and operations of the description, as pairs, in the editor's order. */
function operationPairs(properties: INodeProperties[]): Array<{ resource: string; operation: string }> {
	const resourceField = properties.find((property) => property.name === 'resource');
	const pairs: Array<{ resource: string; operation: string }> = [];
	for (const resourceOption of resourceField?.options ?? []) {
		if (!('value' in resourceOption) || 'type' in resourceOption) continue;
		const resource = resourceOption.value;
		for (const selector of properties) {
			if (selector.name !== 'operation') continue;
			const resources = selector.displayOptions?.show?.resource as unknown[] | undefined;
			if (!resources?.includes(resource)) continue;
			for (const option of selector.options ?? []) {
				if ('value' in option && !('type' in option)) pairs.push({ resource: String(resource), operation: String(option.value) });
			}
		}
	}
	return pairs;
}

/** Whether a field's resource and operation conditions hold for the pair, whatever the rest. */
function shownForPair(
	field: INodeProperties,
	resource: string,
	operation: string,
	keys: { resource: string; operation: string },
): boolean {
	const show = field.displayOptions?.show as IDataObject | undefined;
	const hide = field.displayOptions?.hide as IDataObject | undefined;
	const pick = (conditions: IDataObject | undefined) =>
		conditions &&
		Object.fromEntries(
			Object.entries(conditions).filter(([key]) => key === keys.resource || key === keys.operation),
		);
	const reduced = { ...field, displayOptions: { show: pick(show), hide: pick(hide) } } as INodeProperties;
	const values = {
		[keys.resource.replace(/^\//, '')]: resource,
		[keys.operation.replace(/^\//, '')]: operation,
	};
	return NodeHelpers.displayParameter(values, reduced, null, null, values);
}

const TOP_KEYS = { resource: 'resource', operation: 'operation' };
const NESTED_KEYS = { resource: '/resource', operation: '/operation' };

/** A stable text of a definition; hooks by identity, so two factories' closures never join. */
function fingerprint(value: unknown, hookIds: WeakMap<object, number>): string {
	return JSON.stringify(value, (_key, item: unknown) => {
		if (typeof item !== 'function') return item;
		let id = hookIds.get(item);
		if (id === undefined) {
			id = nextHookId++;
			hookIds.set(item, id);
		}
		return `hook#${id}`;
	});
}
let nextHookId = 0;

/** The definition without its resource and operation conditions (and, for a collection, options). */
function withoutPlace(field: INodeProperties, keys: typeof TOP_KEYS, dropOptions: boolean): unknown {
	const show = { ...((field.displayOptions?.show ?? {}) as IDataObject) };
	delete show[keys.resource];
	delete show[keys.operation];
	const { displayOptions, options, ...rest } = field;
	return {
		...rest,
		...(dropOptions ? {} : { options }),
		displayOptions: { ...displayOptions, show },
	};
}

/** Only fields placed by a plain resource (and operation) list, and nothing hidden, are joined. */
function joinable(field: INodeProperties, keys: typeof TOP_KEYS): boolean {
	const { show, hide } = field.displayOptions ?? {};
	if (hide !== undefined || !show) return false;
	const resource = show[keys.resource];
	const operation = show[keys.operation];
	const plain = (list: unknown) =>
		Array.isArray(list) && list.every((item) => typeof item === 'string');
	return keys === NESTED_KEYS
		? (resource === undefined || plain(resource)) && (operation === undefined || plain(operation))
		: plain(resource) && plain(operation);
}

interface Joined {
	members: Option[];
	pairs: Set<Pair>;
}

/**
 * Orders the joined definitions so that every pair's fields come in their original order:
 * a topological sort of "follows in some operation", earliest first definition first.
 */
function orderFor(
	original: Option[],
	nodeOf: Map<Option, Joined>,
	pairsOfField: Map<Option, Set<Pair>>,
	allPairs: Pair[],
	label: string,
): Joined[] {
	const firstIndex = new Map<Joined, number>();
	original.forEach((field, index) => {
		const node = nodeOf.get(field)!;
		if (!firstIndex.has(node)) firstIndex.set(node, index);
	});
	const successors = new Map<Joined, Set<Joined>>();
	const indegree = new Map<Joined, number>();
	for (const node of firstIndex.keys()) {
		successors.set(node, new Set());
		indegree.set(node, 0);
	}
	for (const pair of allPairs) {
		let previous: Joined | undefined;
		for (const field of original) {
			if (!pairsOfField.get(field)!.has(pair)) continue;
			const node = nodeOf.get(field)!;
			if (previous && previous !== node && !successors.get(previous)!.has(node)) {
				successors.get(previous)!.add(node);
				indegree.set(node, indegree.get(node)! + 1);
			}
			previous = node;
		}
	}
	const ordered: Joined[] = [];
	const ready = [...firstIndex.keys()].filter((node) => indegree.get(node) === 0);
	while (ready.length) {
		ready.sort((a, b) => firstIndex.get(a)! - firstIndex.get(b)!);
		const node = ready.shift()!;
		ordered.push(node);
		for (const next of successors.get(node)!) {
			indegree.set(next, indegree.get(next)! - 1);
			if (indegree.get(next) === 0) ready.push(next);
		}
	}
	if (ordered.length !== firstIndex.size) {
		const stuck = [...firstIndex.keys()].filter((node) => !ordered.includes(node));
		throw new Error(
			`${label}: the operations order these fields in ways no single list can keep: ${stuck.map((node) => node.members[0].name).join(', ')}`,
		);
	}
	return ordered;
}

/**
 * The definitions one joined set becomes: one per group of resources that show it for the same
 * operations (`show` ANDs its keys, so resources and operations must form a full grid).
 */
function definitionsOf(
	joined: Joined,
	keys: typeof TOP_KEYS,
	allPairs: Array<{ resource: string; operation: string }>,
	buildOptions: (field: Option, pairs: Set<Pair>) => Option[] | undefined,
): Option[] {
	const [first] = joined.members;
	if (joined.members.length === 1 && keys === TOP_KEYS && !buildOptions(first, joined.pairs)) return [first];
	const operationsByResource = new Map<string, string[]>();
	for (const { resource, operation } of allPairs) {
		if (!joined.pairs.has(pairOf(resource, operation))) continue;
		operationsByResource.set(resource, [...(operationsByResource.get(resource) ?? []), operation]);
	}
	// Groups of resources that can share one `show`: every pair of the grid of their resources and
	// operations that exists is one the field is shown for (pairs that do not exist never occur).
	const exists = new Set(allPairs.map(({ resource, operation }) => pairOf(resource, operation)));
	const fits = (resources: string[], operations: string[]) =>
		resources.every((resource) =>
			operations.every((operation) => {
				const pair = pairOf(resource, operation);
				return !exists.has(pair) || joined.pairs.has(pair);
			}),
		);
	const groups: Array<{ resources: string[]; operations: string[] }> = [];
	for (const [resource, operations] of operationsByResource) {
		const group = groups.find((candidate) => {
			const union = [...new Set([...candidate.operations, ...operations])];
			return fits([...candidate.resources, resource], union);
		});
		if (group) {
			group.resources.push(resource);
			group.operations = [...new Set([...group.operations, ...operations])];
		} else {
			groups.push({ resources: [resource], operations: [...operations] });
		}
	}
	return groups.map(({ resources, operations }) => {
		const pairs = new Set(
			resources
				.flatMap((resource) => operations.map((operation) => pairOf(resource, operation)))
				.filter((pair) => exists.has(pair)),
		);
		const show = { ...((first.displayOptions?.show ?? {}) as IDataObject) };
		delete show[keys.resource];
		delete show[keys.operation];
		const place: IDataObject = {
			...(keys === TOP_KEYS || first.displayOptions?.show?.[keys.resource] ? { [keys.resource]: resources } : {}),
			[keys.operation]: operations,
		};
		const displayOptions = { ...first.displayOptions, show: { ...place, ...show } } as IDisplayOptions;
		const options = buildOptions(first, pairs);
		return { ...first, displayOptions, ...(options ? { options } : {}) } as Option;
	});
}

/** Joins a list of definitions; `scope` are the pairs the list is shown for. */
function join(
	fields: Option[],
	keys: typeof TOP_KEYS,
	scope: Set<Pair>,
	allPairs: Array<{ resource: string; operation: string }>,
	hookIds: WeakMap<object, number>,
	label: string,
): Option[] {
	const pairsOfField = new Map<Option, Set<Pair>>();
	for (const field of fields) {
		pairsOfField.set(
			field,
			new Set(
				allPairs
					.filter(({ resource, operation }) => shownForPair(field, resource, operation, keys))
					.map(({ resource, operation }) => pairOf(resource, operation))
					.filter((pair) => scope.has(pair)),
			),
		);
	}
	const isCollection = (field: Option) => keys === TOP_KEYS && field.type === 'collection';
	const nodes = new Map<string, Joined>();
	const nodeOf = new Map<Option, Joined>();
	fields.forEach((field, index) => {
		const key = joinable(field, keys)
			? fingerprint(withoutPlace(field, keys, isCollection(field)), hookIds)
			: `unique#${index}`;
		const node = nodes.get(key) ?? { members: [], pairs: new Set<Pair>() };
		node.members.push(field);
		for (const pair of pairsOfField.get(field)!) node.pairs.add(pair);
		nodes.set(key, node);
		nodeOf.set(field, node);
	});

	// A joined collection's options: every member's, joined for the pairs each member is shown for.
	const buildOptions = (first: Option, pairs: Set<Pair>): Option[] | undefined => {
		if (!isCollection(first)) return undefined;
		const members = nodeOf.get(first)!.members;
		if (members.length === 1) return undefined;
		const subOptions: Option[] = [];
		const subScope = new Map<Option, Set<Pair>>();
		for (const member of members) {
			for (const option of (member.options ?? []) as Option[]) {
				const placed = [...pairsOfField.get(member)!].filter((pair) => pairs.has(pair));
				if (!placed.length) continue;
				// Each member's option, shown only where the member was.
				const copy = withPlace(option, placed, allPairs);
				subOptions.push(copy);
				subScope.set(copy, new Set(placed));
			}
		}
		return join(subOptions, NESTED_KEYS, pairs, allPairs, hookIds, `${label} › ${first.displayName}`).map(
			(option) => simplify(option, pairs, allPairs),
		);
	};

	return orderFor(fields, nodeOf, pairsOfField, [...scope], label).flatMap((node) =>
		definitionsOf(node, keys, allPairs, buildOptions),
	);
}

/** A sub-option of a joined collection, shown only for the pairs its collection was shown for. */
function withPlace(
	option: Option,
	pairs: Pair[],
	allPairs: Array<{ resource: string; operation: string }>,
): Option {
	if (option.displayOptions?.show?.['/operation'] || option.displayOptions?.show?.['/resource']) {
		throw new Error(`${option.displayName}: a sub-option placed by operation cannot be joined`);
	}
	const chosen = allPairs.filter(({ resource, operation }) => pairs.includes(pairOf(resource, operation)));
	return {
		...option,
		displayOptions: {
			...option.displayOptions,
			show: {
				...option.displayOptions?.show,
				'/resource': [...new Set(chosen.map(({ resource }) => resource))],
				'/operation': [...new Set(chosen.map(({ operation }) => operation))],
			},
		},
	};
}

/** Drops a sub-option's conditions that its collection already implies. */
function simplify(option: Option, pairs: Set<Pair>, allPairs: Array<{ resource: string; operation: string }>): Option {
	const show = { ...option.displayOptions?.show };
	const inCollection = allPairs.filter(({ resource, operation }) => pairs.has(pairOf(resource, operation)));
	const resources = new Set(inCollection.map(({ resource }) => resource));
	const operations = new Set(inCollection.map(({ operation }) => operation));
	const covers = (key: string, all: Set<string>) =>
		Array.isArray(show[key]) && [...all].every((value) => (show[key] as string[]).includes(value));
	if (covers('/resource', resources)) delete show['/resource'];
	if (covers('/operation', operations)) delete show['/operation'];
	const { displayOptions, ...rest } = option;
	const rebuilt: IDisplayOptions = { ...displayOptions };
	if (Object.keys(show).length) rebuilt.show = show;
	else delete rebuilt.show;
	return Object.keys(rebuilt).length ? { ...rest, displayOptions: rebuilt } : (rest as Option);
}

export function defineEachFieldOnce(properties: INodeProperties[]): INodeProperties[] {
	const allPairs = operationPairs(properties);
	const scope = new Set(allPairs.map(({ resource, operation }) => pairOf(resource, operation)));
	return join(properties, TOP_KEYS, scope, allPairs, new WeakMap(), 'WhatsApp (Maton)');
}
