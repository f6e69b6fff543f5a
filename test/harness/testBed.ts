/**
 * The one test bed: the simulators a test asks for, the transports on their simulated clock (a wait moves the
 * clocks instead of sleeping, so no test depends on wall-clock speed), the transports' per-process state
 * reset, and an n8n engine harness with a connected credential for each simulator. `close()` undoes all of it.
 * The per-area beds (Exact node, OutSmart node, Exact trigger, export chain, benchmark) are this bed with
 * options plus what only their area needs.
 */
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import { configureExactLimits, resetRateLimitStates, resetTokenTracking } from '../../nodes/ExactOnline/transport';
import { configureOutSmartTransport } from '../../nodes/OutSmart/transport';
import { useClock } from '../../nodes/shared/clock';
import { startExactSimulator, type ExactSimulator, type ExactSimulatorOptions } from '../simulators/exact';
import { startOutSmartSimulator, type OutSmartSimulator, type OutSmartSimulatorOptions } from '../simulators/outsmart';
import { exactCredentials, outSmartCredentials } from './fixtures';
import { WorkflowHarness, type HarnessCredentials } from './workflow-harness';

export interface TestBedOptions {
	/** Options of the Exact simulator (frozen clock unless `timeScale` says otherwise); `false`: no Exact side. */
	exact?: ExactSimulatorOptions | false;
	/** Options of the OutSmart simulator (frozen clock, 40 work orders unless given); `false`: no OutSmart side. */
	outSmart?: OutSmartSimulatorOptions | false;
	/** The OutSmart transport's timeout and retry waits for this bed; `false` keeps the shipped settings. */
	outSmartTransport?: { timeoutMs?: number; retryDelaysMs?: number[] } | false;
	/**
	 * What a transport wait does: `advance` (default) moves the simulated clocks by it; `record` only notes it
	 * in `sleeps` (for tests that check the waits themselves). Both note it in `sleeps`.
	 */
	waits?: 'advance' | 'record';
	/** Also put n8n-core's own sleep (the HTTP Request node's pagination interval) on the simulated clock. */
	engineSleep?: boolean;
	/** Builds the harness from the connected sides (default: a WorkflowHarness with both credentials). */
	harness?: (bed: TestBedParts) => WorkflowHarness | Promise<WorkflowHarness>;
}

/** What a harness builder gets: the started simulators, the first token set, and the bed's clock. */
export interface TestBedParts {
	exact?: ExactSimulator;
	outSmart?: OutSmartSimulator;
	/** The tokens of the one authorization (a second one would revoke the first chain). */
	tokens?: IDataObject;
	clock: TestBedClock;
	/** The default credentials for the started sides. */
	credentials(): HarnessCredentials;
}

export interface TestBedClock {
	now(): number;
	/** Moves every simulated clock of the bed (the transports read the Exact one, else the OutSmart one). */
	advance(ms: number): void;
}

export interface TestBed {
	/** The Exact simulator (throws when the bed was started without it). */
	readonly exact: ExactSimulator;
	/** The OutSmart simulator (throws when the bed was started without it). */
	readonly outSmart: OutSmartSimulator;
	harness: WorkflowHarness;
	clock: TestBedClock;
	/** Every wait a transport asked for, in ms. */
	sleeps: number[];
	/** Called on every transport wait, after the clocks moved (e.g. to let a token expire mid-run). */
	onSleep?: (ms: number) => void;
	/** The access token of the bed's Exact authorization. */
	accessToken: string;
	close(): Promise<void>;
}

type SleepModule = { sleep: (ms: number, signal?: AbortSignal) => Promise<void> };

function n8nSleepModule(): SleepModule {
	const corePath = path.dirname(require.resolve('n8n-core'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(require.resolve('@n8n/utils/sleep', { paths: [corePath] })) as SleepModule;
}

export async function startTestBed(options: TestBedOptions = {}): Promise<TestBed> {
	const exact = options.exact === false ? undefined : await startExactSimulator({ timeScale: 0, ...options.exact });
	const outSmart =
		options.outSmart === false ? undefined : await startOutSmartSimulator({ port: 0, timeScale: 0, workorderCount: 40, ...options.outSmart });
	const sleeps: number[] = [];
	const hooks: { onSleep?: (ms: number) => void } = {};
	const clock: TestBedClock = {
		now: () => (exact ?? outSmart)!.clock.now(),
		advance: (ms: number) => {
			exact?.clock.advance(ms);
			outSmart?.clock.advance(ms);
		},
	};
	const sleep = async (ms: number) => {
		sleeps.push(ms);
		if (options.waits !== 'record' && Number.isFinite(ms) && ms > 0) clock.advance(ms);
		hooks.onSleep?.(ms);
	};
	useClock({ now: clock.now, sleep });
	let restoreEngineSleep = () => undefined as void;
	if (options.engineSleep) {
		const sleepModule = n8nSleepModule();
		const original = sleepModule.sleep;
		sleepModule.sleep = async (ms: number) => {
			if (Number.isFinite(ms) && ms > 0) clock.advance(ms);
		};
		restoreEngineSleep = () => void (sleepModule.sleep = original);
	}
	// Transport state is per process and keyed by credential id, which every bed reuses.
	if (exact) {
		resetRateLimitStates();
		resetTokenTracking();
		configureExactLimits();
	}
	if (outSmart && options.outSmartTransport !== false) {
		configureOutSmartTransport({ timeoutMs: 5_000, retryDelaysMs: [10, 20, 40], ...options.outSmartTransport });
	}
	const tokens = exact ? ((await exact.connect()) as unknown as IDataObject) : undefined;
	const credentials = (): HarnessCredentials => ({
		...(exact ? { exactOnlineOAuth2Api: exactCredentials(exact.info, tokens!) } : {}),
		...(outSmart ? { outSmartApi: outSmartCredentials(outSmart.info) } : {}),
	});
	const harness = options.harness ? await options.harness({ exact, outSmart, tokens, clock, credentials }) : new WorkflowHarness(credentials());
	const bed: TestBed = {
		get exact() {
			if (!exact) throw new Error('This test bed was started without the Exact simulator');
			return exact;
		},
		get outSmart() {
			if (!outSmart) throw new Error('This test bed was started without the OutSmart simulator');
			return outSmart;
		},
		get onSleep() {
			return hooks.onSleep;
		},
		set onSleep(hook: ((ms: number) => void) | undefined) {
			hooks.onSleep = hook;
		},
		harness,
		clock,
		sleeps,
		accessToken: String(tokens?.access_token ?? ''),
		close: async () => {
			useClock();
			restoreEngineSleep();
			if (exact) configureExactLimits();
			if (outSmart && options.outSmartTransport !== false) configureOutSmartTransport();
			await exact?.close();
			await outSmart?.close();
		},
	};
	return bed;
}

/**
 * A bed started before the tests of the enclosing file or `describe` block and closed after them, read like the
 * bed itself: `const bed = useStarted(() => startTestBed())`, then `bed.harness` in any hook or test. `beforeEachTest`
 * resets what one test leaves behind (faults, recorded calls).
 */
export function useStarted<T extends { close(): Promise<void> }>(start: () => Promise<T>, beforeEachTest?: (bed: T) => void): T {
	let started: T | undefined;
	beforeAll(async () => {
		started = await start();
	});
	afterAll(async () => {
		await started?.close();
	});
	if (beforeEachTest) beforeEach(() => beforeEachTest(started!));
	return new Proxy({} as T, {
		get: (_target, key) => {
			if (!started) throw new Error('the test bed is used before it started (use it inside a test or a hook)');
			return started[key as keyof T];
		},
	});
}
