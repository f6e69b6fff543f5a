import path from 'node:path';
import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { ExactOnlineOAuth2Api } from '../../credentials/ExactOnlineOAuth2Api.credentials';
import { OutSmartApi } from '../../credentials/OutSmartApi.credentials';

const baseCredentialsDir = path.join(
	path.dirname(require.resolve('n8n-nodes-base/package.json')),
	'dist',
	'credentials',
);

function loadBaseCredential(file: string): ICredentialType {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const moduleExports = require(path.join(baseCredentialsDir, file)) as Record<
		string,
		new () => ICredentialType
	>;
	return new (Object.values(moduleExports)[0])();
}

/** Credential types known to the harness: this package's, plus the n8n parents they extend. */
export class TestCredentialTypes {
	private readonly types = new Map<string, ICredentialType>();

	constructor() {
		for (const type of [
			new ExactOnlineOAuth2Api(),
			new OutSmartApi(),
			loadBaseCredential('OAuth2Api.credentials.js'),
		]) {
			this.types.set(type.name, type);
		}
	}

	getByName(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type "${name}" in the test harness`);
		return type;
	}

	/** All ancestors, nearest first, as n8n's own CredentialTypes reports them. */
	getParentTypes(name: string): string[] {
		const parents = this.getByName(name).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	/** The merged property list (parents first, children override), as n8n's CredentialsHelper builds it. */
	getProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		const combined: INodeProperties[] = [];
		for (const parent of type.extends ?? []) {
			NodeHelpers.mergeNodeProperties(combined, this.getProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}
}
