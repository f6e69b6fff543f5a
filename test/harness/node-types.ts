import path from 'node:path';
import type { INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/** The prefix n8n gives this package's nodes when it is installed as a community package. */
export const PACKAGE_PREFIX = 'n8n-nodes-exact-outsmart';

const baseNodesDir = path.dirname(require.resolve('n8n-nodes-base/package.json'));

/** n8n core nodes the templates and tests use, by type name → file below n8n-nodes-base/dist/nodes. */
const BASE_NODES: Record<string, string> = {
	aggregate: 'Transform/Aggregate/Aggregate.node.js',
	code: 'Code/Code.node.js',
	errorTrigger: 'ErrorTrigger/ErrorTrigger.node.js',
	filter: 'Filter/Filter.node.js',
	httpRequest: 'HttpRequest/HttpRequest.node.js',
	if: 'If/If.node.js',
	manualTrigger: 'ManualTrigger/ManualTrigger.node.js',
	merge: 'Merge/Merge.node.js',
	noOp: 'NoOp/NoOp.node.js',
	scheduleTrigger: 'Schedule/ScheduleTrigger.node.js',
	set: 'Set/Set.node.js',
	splitInBatches: 'SplitInBatches/SplitInBatches.node.js',
	splitOut: 'Transform/SplitOut/SplitOut.node.js',
	stickyNote: 'StickyNote/StickyNote.node.js',
	stopAndError: 'StopAndError/StopAndError.node.js',
	summarize: 'Transform/Summarize/Summarize.node.js',
	switch: 'Switch/Switch.node.js',
	wait: 'Wait/Wait.node.js',
	webhook: 'Webhook/Webhook.node.js',
};

/** This package's nodes, by type name → source file below nodes/ (loaded from TypeScript by ts-jest). */
const PACKAGE_NODES: Record<string, string> = {
	exactOnline: 'ExactOnline/ExactOnline.node',
	exactOnlineTrigger: 'ExactOnline/ExactOnlineTrigger.node',
	exactOutSmart: 'ExactOutSmart/ExactOutSmart.node',
	outSmart: 'OutSmart/OutSmart.node',
	outSmartTrigger: 'OutSmart/OutSmartTrigger.node',
};

const projectNodesDir = path.resolve(__dirname, '..', '..', 'nodes');

type NodeClass = new () => INodeType | IVersionedNodeType;

function loadClass(file: string): NodeClass {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const moduleExports = require(file) as Record<string, unknown>;
	const nodeClass = Object.values(moduleExports).find((value) => typeof value === 'function');
	if (!nodeClass) throw new Error(`No node class exported by ${file}`);
	return nodeClass as NodeClass;
}

/**
 * Node types as n8n's engine asks for them. Node classes are loaded on first use, so a test that runs
 * only our nodes never pays for loading n8n-nodes-base's heavier ones.
 */
export class TestNodeTypes implements INodeTypes {
	private readonly cache = new Map<string, INodeType | IVersionedNodeType>();

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const cached = this.cache.get(nodeType);
		if (cached) return cached;
		const instance = new (loadClass(this.fileFor(nodeType)))();
		this.cache.set(nodeType, instance);
		return instance;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}

	private fileFor(nodeType: string): string {
		const [prefix, name] = splitType(nodeType);
		if (prefix === 'n8n-nodes-base' && BASE_NODES[name]) {
			return path.join(baseNodesDir, 'dist', 'nodes', BASE_NODES[name]);
		}
		if (prefix === PACKAGE_PREFIX && PACKAGE_NODES[name]) {
			return path.join(projectNodesDir, PACKAGE_NODES[name]);
		}
		throw new Error(
			`Unknown node type "${nodeType}" for the test harness. Add it to test/harness/node-types.ts.`,
		);
	}
}

function splitType(nodeType: string): [string, string] {
	const dot = nodeType.lastIndexOf('.');
	return [nodeType.slice(0, dot), nodeType.slice(dot + 1)];
}
