import { DirectoryLoader, RoutingNode } from 'n8n-core';
import type { ExecuteContext } from 'n8n-core';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

/** Package prefix used for node type names when the caller gives none (n8n names types `<package>.<node>`). */
export const DEFAULT_TEST_PACKAGE = 'n8n-nodes-test';

const isVersioned = (nodeType: INodeType | IVersionedNodeType): nodeType is IVersionedNodeType =>
	'nodeVersions' in nodeType;

/** True for a node n8n runs through its RoutingNode: no execute/poll/trigger/webhook, has requestDefaults. */
export function isDeclarativeNode(nodeType: INodeType): boolean {
	return (
		!nodeType.execute &&
		!nodeType.poll &&
		!nodeType.trigger &&
		!nodeType.webhook &&
		nodeType.description.requestDefaults !== undefined
	);
}

/** Names of the options n8n's loader adds to every declarative node (batching, proxy, timeout, ...). */
const COMMON_REQUEST_OPTION_NAMES: string[] = (() => {
	const probe: INodeType = {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			properties: [],
		},
	};
	DirectoryLoader.applyDeclarativeNodeOptionParameters(probe);
	const added = probe.description.properties.find((p) => p.name === 'requestOptions');
	return (added?.options ?? []).map((o) => o.name);
})();

function hasLoaderRequestOptions(nodeType: INodeType): boolean {
	const existing = nodeType.description.properties.find((p) => p.name === 'requestOptions');
	if (!existing) return false;
	const names = new Set((existing.options ?? []).map((o) => o.name));
	return COMMON_REQUEST_OPTION_NAMES.every((name) => names.has(name));
}

/**
 * Returns the node type as n8n's DirectoryLoader would hand it to the engine: declarative nodes get
 * the loader's `requestOptions` collection (batching/proxy/timeout/SSL), which RoutingNode reads.
 * Works on a copy (the caller's instance is never mutated); nodes already loaded by a loader are
 * returned unchanged.
 */
export function asLoadedNodeType(nodeType: INodeType): INodeType {
	if (nodeType.execute || nodeType.trigger || nodeType.webhook || nodeType.description.polling) {
		return nodeType;
	}
	if (hasLoaderRequestOptions(nodeType)) return nodeType;
	const copy = Object.assign(
		Object.create(Object.getPrototypeOf(nodeType) as object) as INodeType,
		nodeType,
		{
			description: {
				...nodeType.description,
				properties: [...nodeType.description.properties],
			},
		},
	);
	DirectoryLoader.applyDeclarativeNodeOptionParameters(copy);
	return copy;
}

/**
 * What n8n's NodeTypes (packages/cli node-types.ts, `shouldAssignExecuteMethod`) does to a
 * declarative node when the engine asks for it: gives it an `execute` that runs RoutingNode. A
 * declarative node with a `webhook()` (the waiting webhook of a send-and-wait operation) needs
 * this, or n8n-core's engine hands it no input items. On a copy; other nodes are returned as they are.
 */
export function withDeclarativeExecute(nodeType: INodeType): INodeType {
	const declarative = nodeType.description.requestDefaults !== undefined;
	if (
		!declarative ||
		nodeType.execute ||
		nodeType.supplyData ||
		nodeType.poll ||
		nodeType.trigger
	) {
		return nodeType;
	}
	const copy = Object.assign(Object.create(Object.getPrototypeOf(nodeType) as object) as INodeType, nodeType);
	copy.execute = async function (this: IExecuteFunctions) {
		const data = await new RoutingNode(this as unknown as ExecuteContext, copy).runNode();
		return data ?? [];
	};
	return copy;
}

function asLoadedAnyNodeType(nodeType: INodeType | IVersionedNodeType): INodeType | IVersionedNodeType {
	if (!isVersioned(nodeType)) return withDeclarativeExecute(asLoadedNodeType(nodeType));
	const nodeVersions: IVersionedNodeType['nodeVersions'] = {};
	for (const [version, versionNode] of Object.entries(nodeType.nodeVersions)) {
		nodeVersions[Number(version)] = withDeclarativeExecute(asLoadedNodeType(versionNode));
	}
	return Object.assign(
		Object.create(Object.getPrototypeOf(nodeType) as object) as IVersionedNodeType,
		nodeType,
		{ nodeVersions },
	);
}

/** The newest version a node type declares (what n8n's editor puts on a new node). */
export function latestVersionOf(nodeType: INodeType | IVersionedNodeType): number {
	if (isVersioned(nodeType)) {
		return nodeType.currentVersion;
	}
	const { version } = nodeType.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

/**
 * The `INodeTypes` registry the engine asks for node types (`workflow.nodeTypes`). Holds only the
 * node types registered on it, keyed by full type name (`<package>.<name>`).
 */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	/** Registers a node type under `typeName` (prepared like n8n's loader would) and returns it. */
	register(typeName: string, nodeType: INodeType | IVersionedNodeType): INodeType | IVersionedNodeType {
		const prepared = asLoadedAnyNodeType(nodeType);
		this.types.set(typeName, prepared);
		return prepared;
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const found = this.types.get(nodeType);
		if (!found) {
			throw new UnexpectedError(`Unrecognized node type: ${nodeType}`, {
				extra: { known: [...this.types.keys()] },
			});
		}
		return found;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const [name, type] of this.types) {
			known[name] = { className: type.constructor.name, sourcePath: '' };
		}
		return known;
	}
}
