/**
 * Loads n8n's built-in WhatsApp Business Cloud node (n8n-nodes-base) and its `whatsAppApi`
 * credential type from the n8n runtime that `npm run n8n:install` puts in `.n8n-runtime/`, so that
 * the CPU bench can run it through the same engine as ours.
 *
 * In n8n, n8n-nodes-base shares the engine's one copy of n8n-workflow and n8n-core. The runtime's
 * copy of n8n-nodes-base would otherwise load the runtime's own copies, and two n8n-workflow
 * instances break `instanceof NodeOperationError` in the engine and double the loaded code. So
 * while the node loads, its requests for those two packages resolve to ours, and only if the
 * versions are the same (else the bench says so instead of measuring a mismatched pair).
 */
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import type { ICredentialType, INodeType, INodeTypeDescription } from 'n8n-workflow';

/** The package root, from bench/ (ts source) or .bench/bench/ (compiled). */
const PACKAGE_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}.bench${path.sep}`) ? '../..' : '..');
export const RUNTIME_DIR = path.join(PACKAGE_ROOT, '.n8n-runtime');
const NODES_BASE_DIR = path.join(RUNTIME_DIR, 'node_modules', 'n8n-nodes-base');
const NODE_FILE = path.join(NODES_BASE_DIR, 'dist', 'nodes', 'WhatsApp', 'WhatsApp.node.js');
const SHARED_PACKAGES = ['n8n-workflow', 'n8n-core'];

export class BuiltinUnavailableError extends Error {}

const versionOf = (packageJson: string): string =>
	(JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version: string }).version;

type ResolveFilename = (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => string;

export interface BuiltinWhatsApp {
	nodeType: INodeType;
	credentialType: ICredentialType;
	version: string;
}

/** Throws a BuiltinUnavailableError saying what to do when the runtime is missing or mismatched. */
export function checkBuiltinAvailable(): void {
	if (!fs.existsSync(NODE_FILE)) {
		throw new BuiltinUnavailableError(
			`n8n's built-in WhatsApp node is not installed (${NODE_FILE} is missing). Run \`npm run n8n:install\` once (it installs n8n and n8n-nodes-base into .n8n-runtime/), then run the bench again.`,
		);
	}
	for (const name of SHARED_PACKAGES) {
		const theirs = versionOf(path.join(RUNTIME_DIR, 'node_modules', name, 'package.json'));
		const ours = versionOf(require.resolve(`${name}/package.json`));
		if (theirs !== ours) {
			throw new BuiltinUnavailableError(
				`The n8n runtime has ${name} ${theirs} but this package develops against ${ours}: align them (npm run n8n:install) to compare the nodes on one engine.`,
			);
		}
	}
}

/**
 * The built-in node with its request base URL pointed at `baseUrl` (it hard-codes
 * https://graph.facebook.com/v13.0/): a constant replaced by another constant, so its per-item
 * work is unchanged.
 */
export function loadBuiltinWhatsApp(baseUrl: string): BuiltinWhatsApp {
	checkBuiltinAvailable();
	const moduleInternals = Module as unknown as { _resolveFilename: ResolveFilename };
	const original = moduleInternals._resolveFilename;
	moduleInternals._resolveFilename = function (request, parent, ...rest) {
		const fromRuntime = parent?.filename?.startsWith(NODES_BASE_DIR) === true;
		if (fromRuntime && SHARED_PACKAGES.some((name) => request === name || request.startsWith(`${name}/`))) {
			return require.resolve(request);
		}
		return original.call(this, request, parent, ...rest);
	};
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { WhatsApp } = require(NODE_FILE) as { WhatsApp: new () => INodeType };
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { WhatsAppApi } = require(
			path.join(NODES_BASE_DIR, 'dist', 'credentials', 'WhatsAppApi.credentials.js'),
		) as { WhatsAppApi: new () => ICredentialType };
		const nodeType = new WhatsApp();
		const description: INodeTypeDescription = {
			...nodeType.description,
			requestDefaults: { ...nodeType.description.requestDefaults, baseURL: baseUrl },
		};
		nodeType.description = description;
		return {
			nodeType,
			credentialType: new WhatsAppApi(),
			version: versionOf(path.join(NODES_BASE_DIR, 'package.json')),
		};
	} finally {
		moduleInternals._resolveFilename = original;
	}
}
