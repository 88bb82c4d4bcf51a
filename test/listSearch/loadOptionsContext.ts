/**
 * Runs the node's list-search methods the way n8n's editor backend does
 * (DynamicNodeParametersService.getResourceLocatorResults): a one-node workflow holding the
 * node's current parameters and credential, n8n-core's real LoadOptionsContext over it, and
 * `additionalData.currentNodeParameters` set to the parameters the editor sent. Requests go
 * through n8n-core's real `httpRequestWithAuthentication`, so `fakeApi` records them.
 */
import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	ResourceMapperFields,
} from 'n8n-workflow';

import { MatonApi } from '../../credentials/MatonApi.credentials';
import { WhatsAppMaton } from '../../nodes/WhatsAppMaton/WhatsAppMaton.node';
import { WhatsAppMatonTrigger } from '../../nodes/WhatsAppMatonTrigger/WhatsAppMatonTrigger.node';
import { matonCredentials } from '../fixture';
import { DEFAULT_TEST_PACKAGE, HarnessCredentialsHelper, HarnessNodeTypes, createAdditionalData } from '../harness';

export type ListSearchMethod = keyof WhatsAppMaton['methods']['listSearch'];

export interface ListSearchOptions {
	/** The node's parameters as the editor holds them while the list is open. */
	parameters?: INodeParameters;
	credentials?: ICredentialDataDecryptedObject;
	/** The resource locator the list belongs to, e.g. `phoneNumberId`. */
	parameterPath?: string;
	filter?: string;
	paginationToken?: string;
}

/** n8n-core's LoadOptionsContext over a one-node workflow holding the node's current parameters. */
function createLoadOptionsContext<T extends INodeType = WhatsAppMaton>(
	options: ListSearchOptions,
	nodeType: T = new WhatsAppMaton() as unknown as T,
): { nodeType: T; context: LoadOptionsContext } {
	const typeName = `${DEFAULT_TEST_PACKAGE}.${nodeType.description.name}`;
	const nodeTypes = new HarnessNodeTypes();
	nodeTypes.register(typeName, nodeType);

	const parameters = structuredClone(options.parameters ?? {});
	const node: INode = {
		id: 'node-under-test',
		name: 'Temp-Node',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { matonApi: { id: 'test-matonApi', name: 'matonApi (test)' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const credentialsHelper = new HarnessCredentialsHelper([new MatonApi()], {
		matonApi: options.credentials ?? matonCredentials(),
	});
	// The Workflow constructor fills in every unset parameter's default, as the editor's copy has.
	const workflowNode = workflow.getNode(node.name) ?? node;
	const additionalData = createAdditionalData(undefined, credentialsHelper, undefined);
	additionalData.currentNodeParameters = workflowNode.parameters;

	const context = new LoadOptionsContext(
		workflow,
		workflowNode,
		additionalData,
		`parameters.${options.parameterPath ?? 'phoneNumberId'}`,
	);
	return { nodeType, context };
}

export async function runListSearch(
	method: ListSearchMethod,
	options: ListSearchOptions = {},
): Promise<INodeListSearchResult> {
	const { nodeType, context } = createLoadOptionsContext(options);
	return await nodeType.methods.listSearch[method].call(context, options.filter, options.paginationToken);
}

/** Runs a list search of the WhatsApp (Maton) Trigger, the same way. */
export async function runTriggerListSearch(
	method: keyof WhatsAppMatonTrigger['methods']['listSearch'],
	options: ListSearchOptions = {},
): Promise<INodeListSearchResult> {
	const { nodeType, context } = createLoadOptionsContext(options, new WhatsAppMatonTrigger());
	return await nodeType.methods.listSearch[method].call(context, options.filter, options.paginationToken);
}

/** Runs a resource mapper method as the editor does when it shows the mapping's fields. */
export async function runResourceMapping(
	method: keyof WhatsAppMaton['methods']['resourceMapping'],
	options: ListSearchOptions = {},
): Promise<ResourceMapperFields> {
	const { nodeType, context } = createLoadOptionsContext(options);
	return await nodeType.methods.resourceMapping[method].call(context);
}
