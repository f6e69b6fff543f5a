import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';
import { WorkflowHarness } from '../../test/harness';
import { TestNodeTypes } from '../../test/harness/node-types';

/** Node and credential types from outside this package (the peer node), registered for a benchmark run. */
const extraNodeTypes = new Map<string, INodeType | IVersionedNodeType>();
const extraCredentialTypes = new Map<string, ICredentialType>();

export function registerNodeType(typeName: string, instance: INodeType | IVersionedNodeType): void {
	extraNodeTypes.set(typeName, instance);
}

export function registerCredentialType(instance: ICredentialType): void {
	extraCredentialTypes.set(instance.name, instance);
}

class BenchNodeTypes extends TestNodeTypes {
	override getByName(nodeType: string): INodeType | IVersionedNodeType {
		return extraNodeTypes.get(nodeType) ?? super.getByName(nodeType);
	}
}

/** The test harness (n8n's engine in-process) that also knows the registered peer node and its credential. */
export class BenchHarness extends WorkflowHarness {
	override readonly nodeTypes: TestNodeTypes = new BenchNodeTypes();

	constructor(credentials: ConstructorParameters<typeof WorkflowHarness>[0] = {}) {
		super({});
		const types = this.credentialsHelper.types;
		const known = types.getByName.bind(types);
		types.getByName = (name: string) => extraCredentialTypes.get(name) ?? known(name);
		for (const [type, data] of Object.entries(credentials)) {
			if (data) this.setCredential(type, data);
		}
	}
}
