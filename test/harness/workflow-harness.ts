import { readFileSync } from 'node:fs';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	ITaskData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, LoadOptionsContext, PollContext, WorkflowExecute } from 'n8n-core';

import { TestCredentialsHelper } from './credentials-helper';
import { workflowDefinition } from './workflow-definition';
import { PACKAGE_PREFIX, TestNodeTypes } from './node-types';

/** Credentials by type, as a user fills them in n8n (OAuth2 ones with their `oauthTokenData`). */
export type HarnessCredentials = Partial<Record<string, ICredentialDataDecryptedObject>>;

export interface RunOptions {
	/** Items given to the start node (default: one empty item). */
	input?: IDataObject[] | INodeExecutionData[];
	/** Name of the node to start at (default: the Manual Trigger, else the first trigger, else n8n's choice). */
	startNode?: string;
	/** 'manual' like the editor's "Test workflow"; 'trigger' like an active workflow. */
	mode?: WorkflowExecuteMode;
	/** Workflow static data (what triggers remember between runs); mutated by the run, as in n8n. */
	staticData?: IDataObject;
}

export interface RunResult {
	status: IRun['status'];
	/** The workflow-level error, if the run failed. */
	error?: Error & { description?: string; node?: { name: string } };
	runData: Record<string, ITaskData[]>;
	staticData: IDataObject;
	/** Names of the nodes that ran, in order. */
	executedNodes: string[];
	/** Items a node emitted on an output (0 = main, 1 = e.g. the error output) in its last run. */
	items(nodeName: string, outputIndex?: number, runIndex?: number): INodeExecutionData[];
	/** The json of those items. */
	output(nodeName: string, outputIndex?: number, runIndex?: number): IDataObject[];
	/** The error a node stopped with (when it did not continue on fail). */
	nodeError(nodeName: string): (Error & { description?: string }) | undefined;
}

function toExecutionData(input: RunOptions['input']): INodeExecutionData[] {
	if (!input) return [{ json: {} }];
	return input.map((entry) =>
		typeof entry === 'object' && entry !== null && 'json' in entry
			? (entry as INodeExecutionData)
			: { json: entry as IDataObject },
	);
}

function createDeferred<T>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((done) => (resolve = done));
	return { promise, resolve };
}

/**
 * Runs workflows (n8n's export JSON) on n8n's real engine, in-process: n8n-workflow's `Workflow` and
 * n8n-core's `WorkflowExecute`, with this package's nodes from source and n8n's core nodes. One harness
 * keeps one credentials store across runs, so OAuth2 tokens that n8n-core refreshes and persists are the
 * ones the next run uses — as in a real n8n instance.
 */
export class WorkflowHarness {
	readonly nodeTypes = new TestNodeTypes();

	readonly credentialsHelper = new TestCredentialsHelper(this.nodeTypes);

	private executionCounter = 0;

	constructor(credentials: HarnessCredentials = {}) {
		for (const [type, data] of Object.entries(credentials)) {
			if (data) this.setCredential(type, data);
		}
	}

	setCredential(type: string, data: ICredentialDataDecryptedObject): void {
		this.credentialsHelper.add({ id: `cred-${type}`, name: `Test ${type}`, type, data });
	}

	/** The stored credential data of a type (e.g. to see the refresh token n8n-core persisted). */
	credential(type: string): ICredentialDataDecryptedObject | undefined {
		return this.credentialsHelper.byType(type)?.data;
	}

	static load(file: string): IWorkflowBase {
		return JSON.parse(readFileSync(file, 'utf8')) as IWorkflowBase;
	}

	/** Runs a whole workflow once. */
	async run(workflowJson: IWorkflowBase | string, options: RunOptions = {}): Promise<RunResult> {
		const definition = typeof workflowJson === 'string' ? WorkflowHarness.load(workflowJson) : workflowJson;
		const workflow = this.buildWorkflow(definition, options.staticData);
		const startNode = this.pickStartNode(workflow, options.startNode);
		return await this.execute(workflow, startNode, toExecutionData(options.input), options.mode ?? 'manual');
	}

	/** Runs one node on the given items (Manual Trigger → node), the way an operation test wants it. */
	async runNode(
		node: { type: string; parameters: IDataObject; typeVersion?: number; continueOnFail?: boolean; onError?: INode['onError'] },
		input: IDataObject[] | INodeExecutionData[] = [{}],
	): Promise<RunResult & { nodeName: string }> {
		const nodeName = 'Node under test';
		const type = node.type.includes('.') ? node.type : `${PACKAGE_PREFIX}.${node.type}`;
		const definition = workflowDefinition(
			'Single node',
			[
				{ id: 'input', name: 'Input', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'under-test',
					name: nodeName,
					type,
					typeVersion: node.typeVersion ?? 1,
					position: [200, 0],
					parameters: node.parameters as INode['parameters'],
					...(node.onError ? { onError: node.onError } : {}),
					...(node.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
				},
			],
			{ Input: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
		);
		const result = await this.run(definition, { input, startNode: 'Input' });
		return { ...result, nodeName };
	}

	/**
	 * Polls a trigger the way an active workflow does: the node's `poll()` runs with the workflow's static
	 * data; when it returns items, the workflow runs in trigger mode with them (nothing runs on `null`).
	 * With `mode: 'manual'` only the poll runs (the editor's "Fetch test event").
	 */
	async poll(
		workflowJson: IWorkflowBase | string,
		options: { triggerNode?: string; staticData?: IDataObject; mode?: 'trigger' | 'manual' } = {},
	): Promise<{ polled: INodeExecutionData[][] | null; run?: RunResult; staticData: IDataObject }> {
		const definition = typeof workflowJson === 'string' ? WorkflowHarness.load(workflowJson) : workflowJson;
		const staticData = options.staticData ?? {};
		const workflow = this.buildWorkflow(definition, staticData);
		const triggerName =
			options.triggerNode ??
			Object.values(workflow.nodes).find((node) => {
				const type = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
				return typeof type.poll === 'function';
			})?.name;
		if (!triggerName) throw new Error('The workflow has no polling trigger');
		const triggerNode = workflow.getNode(triggerName)!;
		const nodeType = this.nodeTypes.getByNameAndVersion(triggerNode.type, triggerNode.typeVersion);
		const mode = options.mode ?? 'trigger';
		const additionalData = this.additionalData(createDeferred<IRun>().resolve, mode, workflow);
		const context = new PollContext(workflow, triggerNode, additionalData, mode, mode === 'manual' ? 'manual' : 'activate');
		const polled = await nodeType.poll!.call(context);
		if (mode === 'manual' || polled === null) return { polled, staticData: workflow.staticData as IDataObject };
		const run = await this.execute(workflow, triggerNode, polled[0] ?? [], 'trigger');
		return { polled, run, staticData: workflow.staticData as IDataObject };
	}

	/**
	 * The context the editor gives a node's dropdown or resource-locator search: the node with these
	 * parameters and this harness's credentials, for the parameter at `path` (e.g. 'parameters.division').
	 */
	loadOptionsContext(node: { type: string; parameters: INode['parameters'] }, path: string): LoadOptionsContext {
		const type = node.type.includes('.') ? node.type : `${PACKAGE_PREFIX}.${node.type}`;
		const definition = {
			id: 'dropdowns',
			name: 'Dropdowns',
			nodes: [{ id: 'node', name: 'Node', type, typeVersion: 1, position: [0, 0], parameters: node.parameters }],
			connections: {},
		} as unknown as IWorkflowBase;
		const workflow = this.buildWorkflow(definition);
		const additionalData = {
			...this.additionalData(() => undefined, 'manual', workflow),
			currentNodeParameters: node.parameters,
		} as IWorkflowExecuteAdditionalData;
		return new LoadOptionsContext(workflow, workflow.getNode('Node')!, additionalData, path);
	}

	private buildWorkflow(definition: IWorkflowBase, staticData?: IDataObject): Workflow {
		const nodes = structuredClone(definition.nodes).map((node) => this.attachCredentials(node));
		const workflow = new Workflow({
			id: definition.id ?? 'test-workflow',
			name: definition.name,
			nodes,
			connections: definition.connections,
			nodeTypes: this.nodeTypes,
			settings: definition.settings ?? { executionOrder: 'v1' },
			active: false,
			staticData: staticData ?? {},
		});
		// n8n hands the same object back to the caller after the run; keep that identity.
		if (staticData) workflow.staticData = staticData as Workflow['staticData'];
		return workflow;
	}

	/** Templates ship without credential ids; link each credential a node asks for to the harness's one. */
	private attachCredentials(node: INode): INode {
		if (node.type === 'n8n-nodes-base.stickyNote') return node;
		const description = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
		const credentials: NonNullable<INode['credentials']> = { ...(node.credentials ?? {}) };
		const wanted = new Set([
			...(description.credentials ?? []).map(({ name }) => name),
			...Object.keys(node.credentials ?? {}),
		]);
		for (const name of wanted) {
			const stored = this.credentialsHelper.byType(name);
			if (stored) credentials[name] = { id: stored.id, name: stored.name };
		}
		return Object.keys(credentials).length ? { ...node, credentials } : node;
	}

	private pickStartNode(workflow: Workflow, requested?: string): INode {
		if (requested) {
			const node = workflow.getNode(requested);
			if (!node) throw new Error(`No node named "${requested}" in the workflow`);
			return node;
		}
		const nodes = Object.values(workflow.nodes);
		const manual = nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
		const start = manual ?? workflow.getStartNode();
		if (!start) throw new Error('The workflow has no start node');
		return start;
	}

	private additionalData(
		onFinished: (run: IRun) => void,
		mode: WorkflowExecuteMode,
		workflow: Workflow,
		executedNodes: string[] = [],
	): IWorkflowExecuteAdditionalData {
		const executionId = String(++this.executionCounter);
		const hooks = new ExecutionLifecycleHooks(mode, executionId, {
			id: workflow.id,
			name: workflow.name,
			nodes: Object.values(workflow.nodes),
			connections: workflow.connectionsBySourceNode,
			active: false,
			settings: workflow.settings,
		} as unknown as IWorkflowBase);
		hooks.addHandler('nodeExecuteAfter', (nodeName: string) => {
			executedNodes.push(nodeName);
		});
		hooks.addHandler('workflowExecuteAfter', (run: IRun) => onFinished(run));
		return {
			hooks,
			credentialsHelper: this.credentialsHelper,
			executionId,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			currentNodeParameters: undefined,
			encryptedRunnerIdentity: undefined,
			variables: {},
			userId: 'test-user',
			executeWorkflow: async () => {
				throw new Error('Sub-workflows are not supported by the test harness');
			},
			getRunExecutionData: async () => undefined,
			setExecutionStatus: () => undefined,
			sendDataToUI: () => undefined,
			logAiEvent: () => undefined,
			startRunnerTask: async () => {
				throw new Error('Task runners (Code node) are not available in the test harness');
			},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	private async execute(
		workflow: Workflow,
		startNode: INode,
		input: INodeExecutionData[],
		mode: WorkflowExecuteMode,
	): Promise<RunResult> {
		const finished = createDeferred<IRun>();
		const executedNodes: string[] = [];
		const additionalData = this.additionalData(finished.resolve, mode, workflow, executedNodes);
		const runExecutionData: IRunExecutionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: startNode, data: { main: [input] }, source: null }],
			},
		});
		await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);
		const run = await finished.promise;
		const runData = run.data.resultData.runData as Record<string, ITaskData[]>;
		const items = (nodeName: string, outputIndex = 0, runIndex?: number): INodeExecutionData[] => {
			const runs = runData[nodeName];
			if (!runs?.length) return [];
			const task = runs[runIndex ?? runs.length - 1];
			return task?.data?.main?.[outputIndex] ?? [];
		};
		return {
			status: run.status,
			error: run.data.resultData.error as RunResult['error'],
			runData,
			staticData: workflow.staticData as IDataObject,
			executedNodes,
			items,
			output: (nodeName, outputIndex, runIndex) => items(nodeName, outputIndex, runIndex).map((item) => item.json),
			nodeError: (nodeName) => {
				const runs = runData[nodeName];
				return runs?.[runs.length - 1]?.error as (Error & { description?: string }) | undefined;
			},
		};
	}
}
