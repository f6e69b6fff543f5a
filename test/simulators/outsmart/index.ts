/**
 * A local simulator of the OutSmart OpenAPI v8 for tests and the sandbox.
 * Start it embedded with startOutSmartSimulator(), or standalone with cli.ts.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallLog } from './calls';
import { SimulatedClock } from '../shared/clock';
import { handleControlRequest } from './control';
import { outSmartFaultBook } from './faults';
import { ControlOperations, type AddWorkorderInput } from './operations';
import { seedStore, type OutSmartSeedFacts } from './seed';
import { createRequestListener } from './server';
import { OutSmartStore, type CompleteWorkorderInput } from './store';
import type { CallFilter, CallRecord, FaultRule, WorkorderStatus } from './types';

export type { AddWorkorderInput } from './operations';
export type { CompleteWorkorderInput, MasterEntityName } from './store';
export { OutSmartStore } from './store';
export { DEMO_PAYMENT_METHODS, DEMO_WORKSTATUS, DEMO_WORKTYPES, type OutSmartSeedFacts } from './seed';
export { SimulatedClock, DEFAULT_START_TIME } from '../shared/clock';
export * from './types';

/**
 * The number an order is shown under with the export's default setting (WorkorderNo, else OrderNr): the
 * YourRef of its invoice, and a key the control API finds it by.
 */
export function shownNumber(order: { WorkorderNo?: unknown; OrderNr?: unknown } | undefined): string {
	return String(order?.WorkorderNo || order?.OrderNr || '');
}

export interface OutSmartSimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	relationCount?: number;
	itemCount?: number;
	workorderCount?: number;
	/** Simulated clock start (epoch ms); defaults to 2 November 2026 07:00 UTC, as the Exact simulator. */
	startTime?: number;
	/** Simulated ms per real ms; 1 by default, 0 freezes the clock. */
	timeScale?: number;
	token?: string;
	softwareToken?: string;
}

/** What the standalone CLI prints as one JSON line. */
export interface OutSmartSimulatorInfo {
	/** http://127.0.0.1:<port>/openapi/8 */
	baseUrl: string;
	token: string;
	softwareToken: string;
	/** http://127.0.0.1:<port>/_control */
	controlUrl: string;
}

export interface OutSmartSimulatorState {
	now: number;
	workorders: Record<WorkorderStatus, number>;
	master: Record<string, number>;
	calls: number;
	faults: number;
}

export interface OutSmartSimulator {
	info: OutSmartSimulatorInfo;
	clock: SimulatedClock;
	store: OutSmartStore;
	/** What the seed made different from the Exact demo company on purpose. */
	seed: OutSmartSeedFacts;
	close(): Promise<void>;
	injectFault(rule: FaultRule): void;
	clearFaults(): void;
	faults(): Array<FaultRule & { remaining: number }>;
	calls(filter?: CallFilter): CallRecord[];
	callCount(filter?: CallFilter): number;
	/** Calls per "METHOD /path". */
	callCounters(): Record<string, number>;
	resetCalls(): void;
	state(): OutSmartSimulatorState;
	/** The work order as the API shows it, without moving its status. */
	getWorkorder(workorderNo: string): Record<string, unknown> | undefined;
	addWorkorder(partial?: AddWorkorderInput): Record<string, unknown>;
	completeWorkorder(workorderNo: string, input?: CompleteWorkorderInput): Record<string, unknown>;
	setWorkstatus(workorderNo: string, workstatus: string): Record<string, unknown>;
	/** Moves the order to another main status, as a planner would (e.g. reopens a Compleet order). */
	setStatus(workorderNo: string, status: string): Record<string, unknown>;
}

export const DEFAULT_TOKEN = 'os-demo-customer-token-3185420';
export const DEFAULT_SOFTWARE_TOKEN = 'os-demo-software-token-n8n';

export async function startOutSmartSimulator(options: OutSmartSimulatorOptions = {}): Promise<OutSmartSimulator> {
	const clock = new SimulatedClock(options.startTime, options.timeScale);
	const store = new OutSmartStore(clock);
	const seed = seedStore(store, { relationCount: options.relationCount, itemCount: options.itemCount, workorderCount: options.workorderCount });
	const faults = outSmartFaultBook();
	const calls = new CallLog();
	const credentials = { token: options.token ?? DEFAULT_TOKEN, softwareToken: options.softwareToken ?? DEFAULT_SOFTWARE_TOKEN };
	let origin = 'http://127.0.0.1';
	const operations = new ControlOperations(store, () => origin);
	const hanging = new Set<ServerResponse>();

	const simulator: OutSmartSimulator = {
		info: { baseUrl: '', token: credentials.token, softwareToken: credentials.softwareToken, controlUrl: '' },
		clock,
		store,
		seed,
		close: async () => {
			for (const response of hanging) response.destroy();
			hanging.clear();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
		injectFault: (rule) => faults.add(rule),
		clearFaults: () => faults.clear(),
		faults: () => faults.list(),
		calls: (filter) => calls.all(filter),
		callCount: (filter) => calls.count(filter),
		callCounters: () => calls.counters(),
		resetCalls: () => calls.reset(),
		state: () => {
			const workorders: Record<WorkorderStatus, number> = { Klaargezet: 0, Opgehaald: 0, Compleet: 0, Afgehandeld: 0 };
			for (const workorder of store.workorders) workorders[workorder.status]++;
			const master: Record<string, number> = {};
			for (const entity of ['employees', 'relations', 'addresses', 'contactpersons', 'materials', 'material_categories', 'categories', 'hourtypes', 'projects', 'workstatusses', 'paymentmethods', 'worktypes', 'freefields', 'values', 'documents']) {
				master[entity] = store.master(entity).size;
			}
			return { now: clock.now(), workorders, master, calls: calls.count(), faults: faults.list().length };
		},
		getWorkorder: (workorderNo) => operations.getWorkorder(workorderNo),
		addWorkorder: (partial) => operations.addWorkorder(partial),
		completeWorkorder: (workorderNo, input) => operations.completeWorkorder(workorderNo, input),
		setWorkstatus: (workorderNo, workstatus) => operations.setWorkstatus(workorderNo, workstatus),
		setStatus: (workorderNo, status) => operations.setStatus(workorderNo, status),
	};

	const server = createServer(
		createRequestListener(
			{ store, faults, calls, clock, credentials, origin: () => origin, control: (method, subPath, params, rawBody) => handleControlRequest(simulator, method, subPath, params, rawBody) },
			hanging,
		),
	);
	// ours: idle keep-alive connections stay open for two minutes (Node's default of 5 s races a loaded
	// machine's pooled client connections; see the Exact simulator).
	server.keepAliveTimeout = 120_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	origin = `http://127.0.0.1:${port}`;
	simulator.info.baseUrl = `${origin}/openapi/8`;
	simulator.info.controlUrl = `${origin}/_control`;
	return simulator;
}
