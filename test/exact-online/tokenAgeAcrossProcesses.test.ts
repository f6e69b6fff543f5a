/**
 * The 570-second rule counts from when Exact issued a token, not from when this process first saw it. In queue
 * mode another worker may have refreshed the pair minutes earlier; n8n-core 2.40 stores `n8n_expires_at`
 * (refresh time + expires_in) with the token it persists, which tells every worker the token's real age.
 */
import { resetTokenTracking } from '../../nodes/ExactOnline/transport';
import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';

const MINUTE = 60_000;

describe('Exact transport: token age across processes', () => {
	let bed: ExactTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	const minuteOfCalls = async () => {
		const result = await bed.run({ resource: 'journal', operation: 'getAll', returnAll: false, limit: 1 });
		expect(result.status).toBe('success');
		bed.sim.clock.advance(MINUTE);
	};

	it('a worker that first sees a token another worker got minutes ago refreshes it on time: no 401', async () => {
		// Worker A runs for 14 minutes and refreshes once, at minute 10.
		for (let minute = 0; minute < 14; minute++) await minuteOfCalls();
		expect(bed.sim.tokenStats().refreshes).toBe(1);
		// Worker B (another process: no memory of token ages) takes over with the pair A stored.
		resetTokenTracking();
		for (let minute = 14; minute < 40; minute++) await minuteOfCalls();
		const stats = bed.sim.tokenStats();
		expect(stats.unauthorized401).toBe(0);
		expect(stats.rejectedTokenCalls).toBe(0);
		expect(stats.oldRefreshTokenUsed).toBe(0);
		expect(stats.refreshes).toBe(3);
	});

	it('stores the issue time n8n-core keeps with the token (n8n_expires_at) on the simulated clock', async () => {
		for (let minute = 0; minute < 11; minute++) await minuteOfCalls();
		const tokenData = bed.harness.credential('exactOnlineOAuth2Api')?.oauthTokenData as { n8n_expires_at?: string; expires_in?: string };
		expect(Number(tokenData.n8n_expires_at)).toBe(bed.sim.clock.now() - MINUTE + 600_000);
	});
});
