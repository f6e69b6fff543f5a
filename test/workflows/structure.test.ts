/**
 * Every file in workflows/ is a clean n8n export a user can import: valid JSON, execution order v1, no
 * credential ids or instance id, sticky notes first, only node types n8n and this package provide (no Code
 * nodes), package nodes under the package's prefix at the version their description declares, and
 * connections between nodes that exist.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IDataObject, INode, INodeType, IVersionedNodeType } from 'n8n-workflow';
import { PACKAGE_PREFIX, TestNodeTypes } from '../harness/node-types';
import { WORKFLOWS_DIR } from './setup';

const FILES = readdirSync(WORKFLOWS_DIR).filter((file) => !file.startsWith('.')).sort();
const PACKAGE_NODE_NAMES = ['exactOnline', 'exactOnlineTrigger', 'exactOutSmart', 'outSmart', 'outSmartTrigger'];
const CODE_NODE_TYPES = ['n8n-nodes-base.code', 'n8n-nodes-base.function', 'n8n-nodes-base.functionItem', 'n8n-nodes-base.executeCommand'];
const CREDENTIAL_NAMES: Record<string, string> = { exactOnlineOAuth2Api: 'Exact Online account', outSmartApi: 'OutSmart account' };

interface WorkflowFile {
	id?: unknown;
	name?: unknown;
	nodes: INode[];
	connections: Record<string, { main?: Array<Array<{ node: string }> | null> }>;
	settings?: IDataObject;
	meta?: IDataObject;
}

const nodeTypes = new TestNodeTypes();

/** The versions a node type declares: a versioned type's nodeVersions, or its description's version(s). */
function declaredVersions(type: INodeType | IVersionedNodeType): number[] {
	if ('nodeVersions' in type) return Object.keys(type.nodeVersions).map(Number);
	const version = type.description.version;
	return Array.isArray(version) ? version : [version];
}

function read(file: string): WorkflowFile {
	return JSON.parse(readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')) as WorkflowFile;
}

describe('Template workflows: structure', () => {
	test('the folder holds the templates', () => {
		expect(FILES.length).toBeGreaterThanOrEqual(10);
		expect(FILES.every((file) => file.endsWith('.json'))).toBe(true);
	});

	test('ids are fixed, 16 characters and unique; names are unique', () => {
		const workflows = FILES.map(read);
		for (const [index, workflow] of workflows.entries()) {
			expect({ file: FILES[index], id: workflow.id }).toEqual({ file: FILES[index], id: expect.stringMatching(/^[A-Za-z0-9]{16}$/) });
			expect(typeof workflow.name).toBe('string');
		}
		expect(new Set(workflows.map((workflow) => workflow.id)).size).toBe(workflows.length);
		expect(new Set(workflows.map((workflow) => workflow.name)).size).toBe(workflows.length);
	});

	describe.each(FILES)('%s', (file) => {
		let workflow: WorkflowFile;

		beforeAll(() => {
			workflow = read(file);
		});

		test('is an export without instance or credential ids, in execution order v1', () => {
			expect(workflow.settings?.executionOrder).toBe('v1');
			expect(workflow.meta?.instanceId).toBeUndefined();
			for (const node of workflow.nodes) {
				for (const [type, credential] of Object.entries(node.credentials ?? {})) {
					expect({ node: node.name, type, credential }).toEqual({ node: node.name, type, credential: { name: CREDENTIAL_NAMES[type] } });
				}
			}
			expect(readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8')).not.toMatch(/"instanceId"|"pinData":\s*\{\s*"/);
		});

		test('starts with a sticky note', () => {
			expect(workflow.nodes[0].type).toBe('n8n-nodes-base.stickyNote');
			expect(String(workflow.nodes[0].parameters.content)).toMatch(/^## \S/);
		});

		test('uses only node types n8n and this package provide, at a version they declare, and no Code node', () => {
			for (const node of workflow.nodes) {
				expect(CODE_NODE_TYPES).not.toContain(node.type);
				const [prefix, name] = [node.type.slice(0, node.type.lastIndexOf('.')), node.type.slice(node.type.lastIndexOf('.') + 1)];
				expect({ node: node.name, prefix }).toEqual({ node: node.name, prefix: expect.stringMatching(new RegExp(`^(n8n-nodes-base|${PACKAGE_PREFIX})$`)) });
				if (prefix === PACKAGE_PREFIX) expect(PACKAGE_NODE_NAMES).toContain(name);
				const type = nodeTypes.getByName(node.type);
				const versions = declaredVersions(type);
				expect({ node: node.name, version: node.typeVersion }).toEqual({ node: node.name, version: versions.includes(node.typeVersion) ? node.typeVersion : versions });
			}
		});

		test('has unique node names and ids, and connects only nodes that exist', () => {
			const names = workflow.nodes.map((node) => node.name);
			expect(new Set(names).size).toBe(names.length);
			expect(new Set(workflow.nodes.map((node) => node.id)).size).toBe(names.length);
			for (const [source, outputs] of Object.entries(workflow.connections)) {
				expect(names).toContain(source);
				for (const connection of (outputs.main ?? []).flat()) expect(names).toContain(connection?.node);
			}
		});
	});
});
