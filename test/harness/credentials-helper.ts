import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';
import { Credentials } from 'n8n-core';

import { TestCredentialTypes } from './credential-types';
import { getClock } from '../../nodes/shared/clock';

/**
 * n8n-core stamps a refreshed token with `n8n_expires_at` = Date.now() + expires_in. The engine under test runs on
 * the transports' clock (simulated in tests), so the stamp is restated on that clock, as a real n8n has it.
 */
function onEngineClock(tokenData: IDataObject | undefined): IDataObject | undefined {
	if (!tokenData || tokenData.n8n_expires_at === undefined) return tokenData;
	const expiresIn = Number(tokenData.expires_in);
	if (!Number.isFinite(expiresIn) || expiresIn <= 0) return tokenData;
	return { ...tokenData, n8n_expires_at: String(getClock().now() + expiresIn * 1000) };
}

/** One stored credential: its type and its (decrypted) data, as n8n keeps it in its database. */
export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

const expressionNode: INode = {
	id: 'credentials',
	name: 'Credentials',
	type: 'n8n-nodes-base.noOp',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * The credentials store and helper n8n's engine talks to, kept in memory. It behaves like n8n's own
 * (packages/cli CredentialsHelper) where it matters for these nodes: parent types (so OAuth2 requests
 * take n8n-core's signing and refresh path), defaults and `$self` expressions in hidden fields, generic
 * `authenticate` blocks, and persisting refreshed OAuth2 tokens — so a rotated refresh token is what
 * the next request uses, exactly as in production.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly types = new TestCredentialTypes();

	private readonly store = new Map<string, StoredCredential>();

	/** Every OAuth2 token update n8n-core persisted, oldest first (tests assert on refresh behaviour). */
	readonly tokenUpdates: Array<{ credentialId: string; oauthTokenData: IDataObject }> = [];

	constructor(private readonly nodeTypes: ConstructorParameters<typeof Workflow>[0]['nodeTypes']) {
		super();
	}

	add(credential: StoredCredential): void {
		this.store.set(credential.id, { ...credential, data: { ...credential.data } });
	}

	/** The stored credential of a type (the harness gives each type one credential). */
	byType(type: string): StoredCredential | undefined {
		return [...this.store.values()].find((credential) => credential.type === type);
	}

	getParentTypes(name: string): string[] {
		return this.types.getParentTypes(name);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.getProperties(type);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions;
		const { authenticate } = this.types.getByName(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		const resolver = workflow ?? this.expressionWorkflow();
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			const bag = ((requestOptions as unknown as IDataObject)[target] ?? {}) as IDataObject;
			for (const [key, value] of Object.entries(entries as IDataObject)) {
				bag[this.resolve(key, credentials, resolver, node)] = this.resolve(
					value as string,
					credentials,
					resolver,
					node,
				);
			}
			(requestOptions as unknown as IDataObject)[target] = bag;
		}
		return requestOptions;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		_node: INode,
		_credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const stored = this.find(nodeCredentials, type);
		const credentials = new Credentials({ id: stored.id, name: stored.name }, type);
		credentials.setData(stored.data);
		return credentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		_mode: WorkflowExecuteMode,
		_executeData?: unknown,
		raw?: boolean,
		_expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.find(nodeCredentials, type);
		const original = structuredClone(stored.data);
		if (raw === true) return original;
		// Defaults first, then expressions in them (hidden URL fields read the other fields through $self).
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			original as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (original.oauthTokenData !== undefined) withDefaults.oauthTokenData = original.oauthTokenData;
		return this.expressionWorkflow().expression.getComplexParameterValue(
			expressionNode,
			withDefaults as INodeParameters,
			'internal',
			{},
			undefined,
			undefined,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.find(nodeCredentials, type);
		stored.data = structuredClone(data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const stored = this.find(nodeCredentials, type);
		const tokenData = onEngineClock(structuredClone(data.oauthTokenData) as IDataObject | undefined);
		stored.data = { ...stored.data, oauthTokenData: tokenData as ICredentialDataDecryptedObject[string] };
		this.tokenUpdates.push({
			credentialId: stored.id,
			oauthTokenData: structuredClone(tokenData) as IDataObject,
		});
	}

	private find(nodeCredentials: INodeCredentialsDetails, type: string): StoredCredential {
		const byId = nodeCredentials.id ? this.store.get(nodeCredentials.id) : undefined;
		const stored = byId?.type === type ? byId : this.byType(type);
		if (!stored) throw new Error(`No test credential of type "${type}"`);
		return stored;
	}

	private resolve(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node?: INode,
	): string {
		if (typeof value !== 'string' || !value.startsWith('=')) return value;
		const resolved = workflow.expression.getSimpleParameterValue(
			node ?? expressionNode,
			value,
			'internal',
			{ $credentials: credentials } as never,
			undefined,
			'',
		);
		return resolved === undefined || resolved === null ? '' : String(resolved);
	}

	private expressionWorkflow(): Workflow {
		return new Workflow({
			nodes: [expressionNode],
			connections: {},
			active: false,
			nodeTypes: this.nodeTypes,
		});
	}
}
