/**
 * Runs the Exact Online Trigger's lifecycle and webhook methods inside n8n-core's own HookContext and
 * WebhookContext, with the harness's node types and credentials store (OAuth2 through n8n-core's real
 * signing and refresh path) and the Exact simulator behind them. The clock never really waits.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeListSearchItems,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { HookContext, LoadOptionsContext, WebhookContext } from 'n8n-core';

import { ExactOnlineTrigger } from '../../nodes/ExactOnline/ExactOnlineTrigger.node';
import { resetClaimedEvents } from '../../nodes/ExactOnline/trigger/receive';
import { startTestBed } from '../harness/testBed';
import { TestCredentialsHelper } from '../harness/credentials-helper';
import { PACKAGE_PREFIX, TestNodeTypes } from '../harness/node-types';
import type { ExactSimulator } from '../simulators/exact';
import type { OutSmartSimulator, OutSmartSimulatorOptions } from '../simulators/outsmart';

export const TRIGGER_NAME = 'Exact Online Trigger';
export const WEBHOOK_ID = '7d0c2b1e-5a4f-4c3e-9b8a-1f2e3d4c5b6a';

/** The parts of an Express response the node uses. */
export class FakeResponse {
	statusCode = 200;
	body: unknown;
	status(code: number): this {
		this.statusCode = code;
		return this;
	}
	send(body?: unknown): this {
		this.body = body;
		return this;
	}
	json(body: unknown): this {
		return this.send(body);
	}
	end(): this {
		return this;
	}
}

export interface CallbackOutcome {
	result: IWebhookResponseData;
	response: FakeResponse;
	/** The json of the emitted items (empty when nothing was emitted). */
	emitted: IDataObject[];
}

export interface TriggerBed {
	sim: ExactSimulator;
	/** The OutSmart simulator, when the bed was started with `outSmart` options. */
	outSmart(): OutSmartSimulator;
	/** The workflow's static data (n8n keeps each trigger's part under `node:<name>`). */
	staticData: IDataObject;
	/** What the node keeps in `getWorkflowStaticData('node')`. */
	nodeData(): IDataObject;
	node: INode;
	credentials: ICredentialDataDecryptedObject;
	/** The webhook URL n8n gives this node in production mode. */
	webhookUrl(): string;
	setParameters(parameters: IDataObject): void;
	/** The Division dropdown's search, as the editor calls it. */
	searchDivisions(filter?: string): Promise<INodeListSearchItems[]>;
	checkExists(): Promise<boolean>;
	create(): Promise<boolean>;
	remove(): Promise<boolean>;
	/** The lifecycle methods as n8n calls them for "Listen for test event" (test webhook URL, manual mode). */
	test: { webhookUrl(): string; checkExists(): Promise<boolean>; create(): Promise<boolean>; remove(): Promise<boolean> };
	/**
	 * Calls webhook() with a POST whose raw body is exactly `rawBody` (undefined: n8n provided none); the
	 * parsed body is its JSON unless `parsedBody` is given.
	 */
	deliver(rawBody: string | undefined, headers?: IncomingHttpHeaders, parsedBody?: unknown): Promise<CallbackOutcome>;
	/** What the node did with each POST that reached the bed's HTTP receiver (the webhook URL's host). */
	received: Array<CallbackOutcome & { rawBody: string }>;
	/** Subscriptions the simulator holds in a division. */
	subscriptions(division?: number): IDataObject[];
	close(): Promise<void>;
}

export const DEFAULT_PARAMETERS: IDataObject = {
	division: { __rl: true, mode: 'id', value: '' },
	topics: ['Accounts'],
	fetchRecord: false,
	options: {},
};

export async function startTriggerBed(
	options: { parameters?: IDataObject; webhookBaseUrl?: string; webhookSecret?: string; outSmart?: OutSmartSimulatorOptions } = {},
): Promise<TriggerBed> {
	// The OutSmart side only when a workflow after the trigger writes to OutSmart.
	const testBed = await startTestBed({ outSmart: options.outSmart ?? false, outSmartTransport: { retryDelaysMs: [10, 20] } });
	const sim = testBed.exact;
	resetClaimedEvents();

	const nodeTypes = new TestNodeTypes();
	const credentialsHelper = new TestCredentialsHelper(nodeTypes);
	const credentials = structuredClone(testBed.harness.credential('exactOnlineOAuth2Api')!);
	if (options.webhookSecret !== undefined) credentials.webhookSecret = options.webhookSecret;
	credentialsHelper.add({ id: 'cred-exact', name: 'Exact test', type: 'exactOnlineOAuth2Api', data: credentials });

	const node: INode = {
		id: 'trigger',
		name: TRIGGER_NAME,
		type: `${PACKAGE_PREFIX}.exactOnlineTrigger`,
		typeVersion: 1,
		position: [0, 0],
		webhookId: WEBHOOK_ID,
		parameters: {
			...DEFAULT_PARAMETERS,
			division: { __rl: true, mode: 'id', value: String(sim.info.division) },
			...options.parameters,
		} as INode['parameters'],
		credentials: { exactOnlineOAuth2Api: { id: 'cred-exact', name: 'Exact test' } },
	};
	const staticData: IDataObject = {};
	// A real HTTP server stands in for n8n's webhook endpoint: every POST's raw body goes to webhook().
	const received: TriggerBed['received'] = [];
	const receiver = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const rawBody = Buffer.concat(chunks).toString('utf8');
			bed.deliver(rawBody, request.headers).then(
				(outcome) => {
					received.push({ ...outcome, rawBody });
					const reply = outcome.result.noWebhookResponse ? outcome.response : { statusCode: 200, body: outcome.result.webhookResponse ?? 'Workflow was started' };
					response.writeHead(reply.statusCode, { 'Content-Type': 'text/plain' });
					response.end(String(reply.body ?? ''));
				},
				(error: Error) => {
					response.writeHead(500, { 'Content-Type': 'text/plain' });
					response.end(error.message);
				},
			);
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
	const receiverPort = (receiver.address() as AddressInfo).port;
	const webhookBaseUrl = options.webhookBaseUrl ?? `http://127.0.0.1:${receiverPort}/webhook`;
	let workflow = buildWorkflow();

	function buildWorkflow(): Workflow {
		const built = new Workflow({
			id: 'trigger-workflow',
			name: 'Trigger test',
			nodes: [node],
			connections: {},
			nodeTypes,
			active: true,
			staticData,
			settings: { executionOrder: 'v1' },
		});
		built.staticData = staticData as Workflow['staticData'];
		return built;
	}

	let executions = 0;
	function additionalData(extra: IDataObject = {}): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper,
			executionId: String(++executions),
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			webhookBaseUrl,
			webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			variables: {},
			userId: 'test-user',
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	const trigger = new ExactOnlineTrigger();
	const methods = trigger.webhookMethods.default;
	const workflowNode = () => workflow.getNode(TRIGGER_NAME)!;
	const hook = () => new HookContext(workflow, workflowNode(), additionalData(), 'trigger', 'activate');
	const testHook = () =>
		new HookContext(workflow, workflowNode(), additionalData(), 'manual', 'manual', {
			isTest: true,
			webhookDescription: trigger.description.webhooks![0],
		} as unknown as IWebhookData);

	const bed: TriggerBed = {
		sim,
		outSmart: () => testBed.outSmart,
		received,
		staticData,
		nodeData: () => (staticData[`node:${TRIGGER_NAME}`] ?? {}) as IDataObject,
		node,
		credentials,
		webhookUrl: () => hook().getNodeWebhookUrl('default') as string,
		setParameters(parameters) {
			node.parameters = { ...node.parameters, ...parameters } as INode['parameters'];
			workflow = buildWorkflow();
		},
		async searchDivisions(filter?: string) {
			const context = new LoadOptionsContext(workflow, workflowNode(), additionalData(), 'division');
			return (await trigger.methods.listSearch.searchDivisions.call(context, filter)).results;
		},
		checkExists: async () => await methods.checkExists.call(hook()),
		create: async () => await methods.create.call(hook()),
		remove: async () => await methods.delete.call(hook()),
		test: {
			webhookUrl: () => testHook().getNodeWebhookUrl('default') as string,
			checkExists: async () => await methods.checkExists.call(testHook()),
			create: async () => await methods.create.call(testHook()),
			remove: async () => await methods.delete.call(testHook()),
		},
		async deliver(rawBody, headers = { 'content-type': 'application/json' }, parsedBody) {
			let body: unknown = parsedBody ?? {};
			try {
				if (parsedBody === undefined && rawBody) body = JSON.parse(rawBody);
			} catch {
				body = {};
			}
			const request = { method: 'POST', headers, body, query: {}, params: {}, rawBody: rawBody === undefined ? undefined : Buffer.from(rawBody, 'utf8') };
			const response = new FakeResponse();
			const webhookData = { webhookDescription: trigger.description.webhooks![0], isTest: false } as unknown as IWebhookData;
			const context = new WebhookContext(
				workflow,
				workflowNode(),
				additionalData({ httpRequest: request, httpResponse: response }),
				'trigger',
				webhookData,
				[],
				null,
			);
			const result = await trigger.webhook.call(context);
			const emitted = (result.workflowData?.[0] ?? []).map((item) => item.json);
			return { result, response, emitted };
		},
		subscriptions: (division = sim.info.division) => sim.store.rows(division, 'WebhookSubscriptions') as IDataObject[],
		async close() {
			await testBed.close();
			receiver.closeAllConnections();
			await new Promise<void>((resolve) => receiver.close(() => resolve()));
		},
	};
	return bed;
}
