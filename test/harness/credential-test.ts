import './environment';

import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunction,
	ICredentialType,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	ITaskDataConnections,
} from 'n8n-workflow';

import { HarnessCredentialsHelper } from './credentials-helper';
import { createAdditionalData } from './run-node';

/** The node type n8n's credential test borrows (its description is copied, then changed). */
const NO_OP_TYPE_NAME = 'n8n-nodes-base.noOp';

export interface RunCredentialTestOptions {
	/** Other credential types the tested one `extends` (their properties and defaults are merged). */
	parentCredentialTypes?: ICredentialType[];
	/**
	 * The nodes that use the credential (n8n's "supported nodes"): when the credential has no
	 * `test` of its own, the first of them whose credential entry names a `testedBy` function
	 * tests it, as n8n's CredentialsTester does.
	 */
	nodeTypes?: INodeType[];
}

/** A node's `testedBy` function for the credential type, found the way n8n's CLI looks for it. */
function testFunctionOf(typeName: string, nodeTypes: INodeType[]): ICredentialTestFunction | undefined {
	for (const nodeType of nodeTypes) {
		for (const { name, testedBy } of nodeType.description.credentials ?? []) {
			if (name === typeName && typeof testedBy === 'string') return nodeType.methods?.credentialTest?.[testedBy];
		}
	}
	return undefined;
}

/** The HTTP status line of the response behind a failed request, if there was one. */
function responseOf(error: unknown): { status: number; statusText?: string } | undefined {
	const cause: unknown = error instanceof Error ? error.cause : undefined;
	if (typeof cause !== 'object' || cause === null || !('response' in cause)) return undefined;
	const { response } = cause;
	if (typeof response !== 'object' || response === null || !('status' in response)) return undefined;
	const status = Number(response.status);
	const statusText =
		'statusText' in response && typeof response.statusText === 'string'
			? response.statusText
			: undefined;
	return { status, statusText };
}

/** A network-level failure code (`ECONNREFUSED`, `ENOTFOUND`, ...) behind a failed request. */
function codeOf(error: unknown): string | undefined {
	const cause: unknown = error instanceof Error ? error.cause : undefined;
	if (typeof cause !== 'object' || cause === null || !('code' in cause)) return undefined;
	return typeof cause.code === 'string' && cause.code !== '' ? cause.code : undefined;
}

function valueAtPath(data: IDataObject, path: string): unknown {
	let current: unknown = data;
	for (const key of path.split('.')) {
		if (typeof current !== 'object' || current === null) return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

/**
 * Tests credentials the way n8n's CLI CredentialsTester does (the "Test" button / automatic test
 * on save). A credential tested by a node's function (`testedBy`, see `nodeTypes`) gets it called
 * with a CredentialTestContext; for a declarative `test`: the credential data gets its
 * defaults and expressions resolved (mode `internal`), then a temporary NoOp node whose only
 * property `temp` has `routing.request` = the test's request is run by n8n-core's real RoutingNode,
 * with the credentials passed in decrypted (so the credential's `authenticate` is applied).
 *
 * Result mapping (as in n8n): a failed request with a response whose status matches a
 * `responseCode` rule gives that rule's message; any other non-2xx gives the status text (or
 * `Received HTTP status code: <code>`); a network error gives its code; a 2xx whose body matches a
 * `responseSuccessBody` rule gives that rule's message; otherwise `OK` / `Connection successful!`.
 */
export async function runCredentialTest(
	credentialType: ICredentialType,
	credentialsData: ICredentialDataDecryptedObject,
	options: RunCredentialTestOptions = {},
): Promise<INodeCredentialTestResult> {
	const testRequest = credentialType.test;
	const testFunction = testRequest === undefined ? testFunctionOf(credentialType.name, options.nodeTypes ?? []) : undefined;
	if (testRequest === undefined && testFunction === undefined) {
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}

	const typeName = credentialType.name;
	const credentialsHelper = new HarnessCredentialsHelper(
		[credentialType, ...(options.parentCredentialTypes ?? [])],
		{ [typeName]: credentialsData },
	);
	const additionalData = createAdditionalData(undefined, credentialsHelper, undefined);

	const credentialsDecrypted: ICredentialsDecrypted = {
		id: 'test-credential',
		name: `${typeName} (test)`,
		type: typeName,
		data: credentialsData,
	};
	try {
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndResolve(
			additionalData,
			structuredClone(credentialsData),
			typeName,
			'internal',
		);
	} catch (error) {
		return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
	}

	if (testRequest === undefined) {
		// A node's function: called with n8n-core's real CredentialTestContext (its `helpers.request`
		// is n8n's legacy request helper), as the CLI does, with the resolved credential.
		if (testFunction === undefined) return { status: 'Error', message: 'No testing function found for this credential.' };
		return await testFunction.call(new CredentialTestContext(), credentialsDecrypted);
	}

	const testNodeType: INodeType = {
		description: {
			displayName: 'No Operation, do nothing',
			name: NO_OP_TYPE_NAME,
			group: ['organization'],
			version: 1,
			description: 'No Operation',
			defaults: { name: 'No Operation, do nothing' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: typeName, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const nodeTypes: INodeTypes = {
		getByName: () => testNodeType,
		getByNameAndVersion: (_type, version) => NodeHelpers.getVersionedNodeType(testNodeType, version),
		getKnownTypes: () => ({}),
	};

	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: NO_OP_TYPE_NAME,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [typeName]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });

	const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData({ executionData: null }),
		0,
		[],
		inputData,
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, testNodeType, credentialsDecrypted);

	let response: INodeExecutionData[][] | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const failed = responseOf(error);
		if (failed) {
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === failed.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (failed.status < 199 || failed.status > 299) {
				return {
					status: 'Error',
					message: failed.statusText || `Received HTTP status code: ${failed.status}`,
				};
			}
		} else {
			const code = codeOf(error);
			if (code) return { status: 'Error', message: code };
		}
		return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
	}

	for (const rule of testRequest.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const body = response?.[0]?.[0]?.json ?? {};
		if (valueAtPath(body, rule.properties.key) === rule.properties.value) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
