import { RECONNECT_MESSAGE, resetTokenTracking } from '../../nodes/ExactOnline/transport';
import type { ExactTestBed } from './setup';
import { startTestBed } from './setup';

const MINUTE = 60_000;

describe('Exact transport: tokens and access errors', () => {
	let bed: ExactTestBed;
	beforeEach(async () => (bed = await startTestBed()));
	afterEach(async () => await bed.close());

	it('keeps a two-hour run of calls going with refreshes ahead of expiry: no 401, no old refresh token', async () => {
		const refreshTokens = new Set<string>();
		for (let minute = 0; minute < 120; minute++) {
			const result = await bed.run({ resource: 'journal', operation: 'getAll', returnAll: false, limit: 1 });
			expect(result.status).toBe('success');
			refreshTokens.add(String((bed.harness.credential('exactOnlineOAuth2Api')?.oauthTokenData as { refresh_token: string }).refresh_token));
			bed.sim.clock.advance(MINUTE);
		}
		const stats = bed.sim.tokenStats();
		expect(stats.oldRefreshTokenUsed).toBe(0);
		expect(stats.rejectedTokenCalls).toBe(0);
		expect(stats.unauthorized401).toBe(0);
		// About one refresh per 9.5 minutes, each rotation persisted by n8n.
		expect(stats.refreshes).toBeGreaterThanOrEqual(11);
		expect(stats.refreshes).toBeLessThanOrEqual(13);
		expect(refreshTokens.size).toBe(stats.refreshes + 1);
	});

	it('draws at most one 401 for a token whose age it does not know, then refreshes once', async () => {
		// A restart: the token is eight minutes old when this process first sees it.
		bed.sim.clock.advance(8 * MINUTE);
		resetTokenTracking();
		for (let minute = 0; minute < 30; minute++) {
			const result = await bed.run({ resource: 'journal', operation: 'getAll', returnAll: false, limit: 1 });
			expect(result.status).toBe('success');
			bed.sim.clock.advance(MINUTE);
		}
		const stats = bed.sim.tokenStats();
		expect(stats.unauthorized401).toBe(1);
		expect(stats.oldRefreshTokenUsed).toBe(0);
		expect(stats.rejectedTokenCalls).toBe(0);
	});

	it('tells the user to reconnect when the refresh token has expired', async () => {
		bed.sim.expireRefreshTokens();
		bed.sim.clock.advance(11 * MINUTE);
		const result = await bed.run({ resource: 'journal', operation: 'getAll', returnAll: true });
		expect(result.status).toBe('error');
		expect(result.nodeError(result.nodeName)?.message).toBe(RECONNECT_MESSAGE);
	});

	it('tells the user to reconnect when the stored refresh token was superseded ("Old refresh token used")', async () => {
		const stale = { ...(bed.harness.credential('exactOnlineOAuth2Api')!.oauthTokenData as object) };
		bed.sim.clock.advance(10 * MINUTE);
		expect((await bed.run({ resource: 'journal', operation: 'getAll', returnAll: true })).status).toBe('success');
		// Another copy of the credential still holds the rotated-away pair.
		bed.harness.setCredential('exactOnlineOAuth2Api', { ...bed.harness.credential('exactOnlineOAuth2Api')!, oauthTokenData: stale });
		resetTokenTracking();
		bed.sim.clock.advance(10 * MINUTE);
		const result = await bed.run({ resource: 'journal', operation: 'getAll', returnAll: true });
		expect(result.status).toBe('error');
		expect(result.nodeError(result.nodeName)?.message).toBe(RECONNECT_MESSAGE);
		expect(bed.sim.tokenStats().oldRefreshTokenUsed).toBe(1);
	});

	it('explains a 403 from its Reason header', async () => {
		const result = await bed.run({
			resource: 'journal',
			operation: 'getAll',
			returnAll: true,
			division: { __rl: true, mode: 'id', value: '3185499' },
		});
		expect(result.status).toBe('error');
		const message = result.nodeError(result.nodeName)?.message ?? '';
		expect(message).toContain('(NoDivisionAccess)');
		expect(message).toContain('no access to this division');
	});

	it('explains a licence 403 and keeps secrets out of the message', async () => {
		bed.sim.injectFault({ match: { path: 'vat/VATCodes' }, fault: 'status', status: 403, headers: { Reason: 'LicenseExpired' }, body: '{"error":{"code":"","message":{"lang":"","value":"Forbidden"}}}' });
		const result = await bed.run({ resource: 'vatCode', operation: 'getAll', returnAll: true });
		const error = result.nodeError(result.nodeName);
		expect(error?.message).toContain('licence of this company has expired');
		expect(JSON.stringify(result.runData)).not.toContain(bed.sim.info.clientSecret);
	});
});
