import './environment';

import { PackageDirectoryLoader } from 'n8n-core';
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';

export interface LoadedPackage {
	/** `name` from the package's package.json. */
	packageName: string;
	/** Loaded node types by their short name (`description.name`, e.g. `whatsAppMaton`). */
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	/** Loaded credential types by name (e.g. `matonApi`). */
	credentialTypes: Record<string, ICredentialType>;
	/** Full node type names as n8n registers them (`<packageName>.<description.name>`). */
	fullNodeTypeNames: string[];
	/** The loader itself, for anything else (`known`, `types`, `nodesByCredential`, ...). */
	loader: PackageDirectoryLoader;
}

/**
 * Loads a built package directory with n8n-core's `PackageDirectoryLoader`, as n8n does when a
 * community package is installed: reads `package.json`'s `n8n.nodes` / `n8n.credentials` (paths
 * such as `dist/nodes/X/X.node.js`), instantiates each class (the class must be exported under the
 * file name's first segment), validates node descriptions, rewrites `file:` icons (they must stay
 * inside the package) and adds the declarative `requestOptions` parameters. Throws what n8n would
 * throw on install for a broken package. Build the package first (`npm run build`).
 */
export async function loadPackageFromDist(packageDir: string): Promise<LoadedPackage> {
	const loader = new PackageDirectoryLoader(packageDir);
	await loader.loadAll();

	const nodeTypes: LoadedPackage['nodeTypes'] = {};
	for (const [name, { type }] of Object.entries(loader.nodeTypes)) nodeTypes[name] = type;
	const credentialTypes: LoadedPackage['credentialTypes'] = {};
	for (const [name, { type }] of Object.entries(loader.credentialTypes)) credentialTypes[name] = type;

	return {
		packageName: loader.packageName,
		nodeTypes,
		credentialTypes,
		fullNodeTypeNames: Object.keys(nodeTypes).map((name) => `${loader.packageName}.${name}`),
		loader,
	};
}
