import { getAdditionalKeys } from 'n8n-core';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	UnexpectedError,
	Workflow,
	isExpression,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentialsEncrypted,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

/** Test credentials by credential type name, as a user would have saved them (decrypted). */
export type TestCredentials = Record<string, ICredentialDataDecryptedObject>;

/** Stand-in node used to resolve credential expressions outside a run (n8n's CLI does the same). */
const CREDENTIAL_RESOLUTION_NODE: INode = {
	id: 'credential-resolution',
	name: '',
	type: 'mock',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const CREDENTIAL_RESOLUTION_NODE_TYPES: INodeTypes = (() => {
	const mockType: INodeType = {
		description: {
			displayName: 'Mock',
			name: 'mock',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			properties: [],
		},
	};
	return {
		getByName: () => mockType,
		getByNameAndVersion: () => mockType,
		getKnownTypes: () => ({}),
	};
})();

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const copyOf = (data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject =>
	structuredClone(data);

/** `ICredentials` over the harness's in-memory store (n8n's own one encrypts into the database). */
class InMemoryCredentials extends ICredentials {
	constructor(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		private readonly store: Map<string, ICredentialDataDecryptedObject>,
	) {
		super(nodeCredentials, type);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return copyOf(this.store.get(this.type) ?? {});
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.store.set(this.type, copyOf(data));
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: Array<keyof ICredentialDataDecryptedObject> = [],
	): Promise<void> {
		const next: ICredentialDataDecryptedObject = { ...(this.store.get(this.type) ?? {}) };
		for (const [key, value] of Object.entries(toUpdate)) {
			if (value !== undefined) next[key] = value;
		}
		for (const key of toDelete) delete next[key];
		this.store.set(this.type, next);
	}
}

/**
 * The `ICredentialsHelper` the engine calls for credentials (`additionalData.credentialsHelper`).
 * It serves the test credentials by type name and otherwise behaves like n8n's CLI
 * CredentialsHelper:
 * - `getDecrypted` fills in the credential type's defaults (properties the test data leaves out
 *   get their `default`, unknown keys are dropped) and resolves `=`-expressions in the data;
 * - `authenticate` runs a function-style `authenticate`, or applies the generic form
 *   (`{ type: 'generic', properties: { headers, qs, body, auth } }`), resolving each key and value
 *   with the workflow's expression engine and `$credentials` as an additional key; a value that
 *   resolves to something falsy becomes `''` (so the header/query/body field is still set);
 * - `preAuthentication` calls the type's `preAuthentication` when it has an expirable hidden
 *   property that is empty or expired, and stores what it returns.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly credentialTypes = new Map<string, ICredentialType>();

	private readonly store = new Map<string, ICredentialDataDecryptedObject>();

	constructor(credentialTypes: ICredentialType[] = [], credentials: TestCredentials = {}) {
		super();
		for (const type of credentialTypes) this.addCredentialType(type);
		for (const [type, data] of Object.entries(credentials)) this.setCredentials(type, data);
	}

	addCredentialType(credentialType: ICredentialType): void {
		this.credentialTypes.set(credentialType.name, credentialType);
	}

	/** Sets (replaces) the stored test credentials of one type. */
	setCredentials(type: string, data: ICredentialDataDecryptedObject): void {
		this.store.set(type, copyOf(data));
	}

	/** The stored credentials of a type, including what a node or preAuthentication wrote back. */
	getStoredCredentials(type: string): ICredentialDataDecryptedObject | undefined {
		const data = this.store.get(type);
		return data === undefined ? undefined : copyOf(data);
	}

	getCredentialType(name: string): ICredentialType {
		const type = this.credentialTypes.get(name);
		if (!type) {
			throw new UnexpectedError(`Unknown credential type "${name}": pass it to the harness`, {
				extra: { known: [...this.credentialTypes.keys()] },
			});
		}
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.credentialTypes.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const typeDef = this.credentialTypes.get(credentialType);
		if (!typeDef?.restrictToSupportedNodes) return true;
		const shortName = nodeType.slice(nodeType.lastIndexOf('.') + 1);
		const supported = typeDef.supportedNodes ?? [];
		return supported.includes(nodeType) || supported.includes(shortName);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.getCredentialType(typeName);
		if (authenticate === undefined) return requestOptions;

		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}

		if (!workflow || !node) {
			throw new UnexpectedError(
				'Workflow and node are required for declarative credential authentication',
			);
		}
		requestOptions.headers ??= {};
		if (authenticate.type !== 'generic') return requestOptions;

		const additionalKeys: IWorkflowDataProxyAdditionalKeys = { $credentials: credentials };
		const target = requestOptions as unknown as Record<string, unknown>;
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			if (!isPlainObject(outerValue)) {
				// `url` / `skipSslCertificateValidation`: a single value, not a map of fields.
				target[outerKey] =
					typeof outerValue === 'string'
						? this.resolveValue(outerValue, additionalKeys, workflow, node)
						: outerValue;
				continue;
			}
			const section = isPlainObject(target[outerKey]) ? target[outerKey] : {};
			target[outerKey] = section;
			for (const [key, value] of Object.entries(outerValue)) {
				const keyResolved = this.resolveValue(key, additionalKeys, workflow, node);
				section[keyResolved] =
					typeof value === 'string'
						? this.resolveValue(value, additionalKeys, workflow, node)
						: value;
			}
		}
		return requestOptions;
	}

	/** Resolves one `=`-expression like n8n's CLI does: falsy results become `''`, others strings. */
	private resolveValue(
		value: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(value)) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		if (!resolved) return '';
		return resolved.toString();
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.getCredentialType(typeName);
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof credentialType.preAuthentication !== 'function') {
			return undefined;
		}
		// n8n's credential test runs through a temporary NoOp node with one `temp` parameter.
		const isCredentialTest = node.parameters?.temp === '' && node.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isCredentialTest) {
			return undefined;
		}
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const updates = output as ICredentialDataDecryptedObject;
		if (node.credentials?.[typeName]) {
			this.store.set(typeName, { ...(this.store.get(typeName) ?? {}), ...updates });
		}
		return Object.assign(credentials, updates);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const { preAuthentication } = this.getCredentialType(typeName);
		if (typeof preAuthentication !== 'function') return undefined;
		return (await preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		return new InMemoryCredentials(nodeCredentials, type, this.store);
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.get(type);
		if (stored === undefined) {
			throw new UnexpectedError(`No test credentials of type "${type}" were given to the harness`);
		}
		if (raw === true) return copyOf(stored);
		return await this.applyDefaultsAndResolve(
			additionalData,
			copyOf(stored),
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/**
	 * What n8n's CLI `applyDefaultsAndOverwrites` does (minus admin overwrites and external
	 * secrets): adds the credential type's defaults and resolves expressions in the data.
	 */
	async applyDefaultsAndResolve(
		additionalData: IWorkflowExecuteAdditionalData,
		data: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const properties = this.getCredentialsProperties(type);
		let decrypted = (NodeHelpers.getNodeParameters(
			properties,
			data as INodeParameters,
			true,
			false,
			null,
			null,
		) ?? {}) as ICredentialDataDecryptedObject;
		if (data.oauthTokenData !== undefined) decrypted.oauthTokenData = data.oauthTokenData;

		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (expressionResolveValues) {
			const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } =
				expressionResolveValues;
			try {
				decrypted = workflow.expression.getParameterValue(
					decrypted as INodeParameters,
					runExecutionData,
					runIndex,
					itemIndex,
					node.name,
					connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decrypted,
				) as ICredentialDataDecryptedObject;
			} catch (error) {
				if (error instanceof Error) error.message += ' [Error resolving credentials]';
				throw error;
			}
			return decrypted;
		}

		const workflow = new Workflow({
			nodes: [{ ...CREDENTIAL_RESOLUTION_NODE }],
			connections: {},
			active: false,
			nodeTypes: CREDENTIAL_RESOLUTION_NODE_TYPES,
		});
		return (workflow.expression.getComplexParameterValue(
			CREDENTIAL_RESOLUTION_NODE,
			decrypted as INodeParameters,
			mode,
			additionalKeys,
			undefined,
			undefined,
			decrypted,
		) ?? {}) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(type, copyOf(data));
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(type, { ...(this.store.get(type) ?? {}), oauthTokenData: data.oauthTokenData });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.getCredentialType(type);
		if (credentialType.extends === undefined) {
			if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
				return [
					...credentialType.properties,
					{
						displayName: 'oauthTokenData',
						name: 'oauthTokenData',
						type: 'json',
						required: false,
						default: {},
					},
				];
			}
			return credentialType.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}
}
