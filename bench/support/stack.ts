import { exactCredentials, outSmartCredentials } from '../../test/harness';
import { startTestBed } from '../../test/harness/testBed';
import { DEMO_DIVISION, type ExactSimulator } from '../../test/simulators/exact';
import type { OutSmartSimulator } from '../../test/simulators/outsmart';
import { BenchHarness } from './benchHarness';
import { startLatencyProxy, type LatencyProxy } from './latencyProxy';
import { PEER_CREDENTIAL_TYPE } from './peerNode';

/** Modelled round-trip time of one call, charged on the simulated clock (the simulators answer instantly). */
export const LATENCY_MS = { exact: 250, outSmart: 150 } as const;

/** Exact's real limits per division. */
export const EXACT_LIMITS = { minuteLimit: 60, dailyLimit: 5000 } as const;

export interface StackOptions {
	itemCount?: number;
	relationCount?: number;
	workorderCount?: number;
	/** Zero for the engine-overhead measurement (network taken out). */
	latency?: { exact: number; outSmart: number };
	/** Demo items on the OutSmart side (the export needs the same catalogue as Exact). */
	outSmartItemCount?: number;
	/** Raise the daily limit for runs whose call count is fixed by the peer's design, not by ours. */
	dailyLimit?: number;
}

export interface ExactCallCounts {
	/** Data calls (everything under /api/v1), whatever their answer. */
	api: number;
	/** OAuth2 token calls (exchanges and refreshes). */
	token: number;
	/** Answers 429 (minute or day spent). */
	rateLimited: number;
	/** Answers Exact counts toward its error limit (400, 401, 403, 404). */
	countedErrors: number;
}

/** Both simulators behind latency proxies, on one simulated clock, and a harness with every credential. */
export interface BenchStack {
	exact: ExactSimulator;
	outSmart: OutSmartSimulator;
	harness: BenchHarness;
	exactOrigin: string;
	outSmartBaseUrl: string;
	/** Simulated milliseconds since the stack started (or since `markTime`). */
	elapsedMs(): number;
	markTime(): void;
	exactCalls(): ExactCallCounts;
	outSmartCalls(filter?: { method?: string }): number;
	resetCounters(): void;
	close(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<BenchStack> {
	const latency = options.latency ?? LATENCY_MS;
	const proxies: LatencyProxy[] = [];
	let outSmartBaseUrl = '';
	const bed = await startTestBed({
		exact: {
			itemCount: options.itemCount ?? 400,
			relationCount: options.relationCount ?? 300,
			minuteLimit: EXACT_LIMITS.minuteLimit,
			dailyLimit: options.dailyLimit ?? EXACT_LIMITS.dailyLimit,
		},
		outSmart: { workorderCount: options.workorderCount ?? 0, itemCount: options.outSmartItemCount ?? 50 },
		// The shipped OutSmart transport settings, and n8n-core's own sleep on the simulated clock too.
		outSmartTransport: false,
		engineSleep: true,
		harness: async ({ exact, outSmart, tokens, clock }) => {
			const exactProxy = await startLatencyProxy({ upstreamOrigin: exact!.info.baseUrl, latencyMs: latency.exact, advanceClock: clock.advance });
			const outSmartOrigin = new URL(outSmart!.info.baseUrl).origin;
			const outSmartProxy = await startLatencyProxy({ upstreamOrigin: outSmartOrigin, latencyMs: latency.outSmart, advanceClock: clock.advance });
			proxies.push(exactProxy, outSmartProxy);
			outSmartBaseUrl = outSmart!.info.baseUrl.replace(outSmartOrigin, outSmartProxy.origin);
			// One authorization: a second one would revoke the first chain. Each stack serves one approach, so the
			// peer's credential may start from the same tokens.
			return new BenchHarness({
				exactOnlineOAuth2Api: exactCredentials({ ...exact!.info, baseUrl: exactProxy.origin }, tokens!),
				outSmartApi: outSmartCredentials({ ...outSmart!.info, baseUrl: outSmartBaseUrl }),
				[PEER_CREDENTIAL_TYPE]: {
					country: 'nl',
					url: exactProxy.origin,
					clientId: exact!.info.clientId,
					clientSecret: exact!.info.clientSecret,
					oauthTokenData: { ...tokens },
				},
			});
		},
	});
	const { exact, outSmart, clock } = bed;
	const harness = bed.harness as BenchHarness;
	const [exactProxy, outSmartProxy] = proxies;

	let mark = clock.now();
	const stack: BenchStack = {
		exact,
		outSmart,
		harness,
		exactOrigin: exactProxy.origin,
		outSmartBaseUrl,
		elapsedMs: () => clock.now() - mark,
		markTime: () => {
			mark = clock.now();
		},
		exactCalls: () => {
			const counts: ExactCallCounts = { api: 0, token: 0, rateLimited: 0, countedErrors: 0 };
			for (const call of exact.calls()) {
				if (call.path.startsWith('/api/v1/')) counts.api++;
				else if (call.path.startsWith('/api/oauth2/token')) counts.token++;
				if (call.status === 429) counts.rateLimited++;
				if ([400, 401, 403, 404].includes(call.status)) counts.countedErrors++;
			}
			return counts;
		},
		outSmartCalls: (filter) => outSmart.callCount(filter ?? {}),
		resetCounters: () => {
			exact.resetCalls();
			outSmart.resetCalls();
			mark = clock.now();
		},
		close: async () => {
			await exactProxy.close();
			await outSmartProxy.close();
			await bed.close();
		},
	};
	stack.resetCounters();
	return stack;
}

export const DIVISION = DEMO_DIVISION;
export const DIVISION_PARAMETER = { __rl: true, mode: 'id', value: String(DEMO_DIVISION) };
