/**
 * Connection health and the error alert, as shipped: a healthy connection renews the token chain quietly;
 * an expired refresh token in the simulator fails the run with the reconnect alert, and the error workflow
 * turns a failed run into one readable alert naming the work order.
 */
import { loadTemplate, startStack, type Stack } from './setup';

const HOUR = 60 * 60 * 1000;

describe('Template: connection health and error alert', () => {
	let stack: Stack;

	beforeAll(async () => {
		stack = await startStack({ workorderCount: 0 });
	});

	afterAll(async () => {
		await stack.close();
	});

	test('a daily call renews the refresh-token chain', async () => {
		const before = String(stack.harness.credential('exactOnlineOAuth2Api')?.oauthTokenData && (stack.harness.credential('exactOnlineOAuth2Api')!.oauthTokenData as { refresh_token: string }).refresh_token);
		stack.exact.clock.advance(24 * HOUR);
		const run = await stack.harness.run(loadTemplate('connection-health.json'), { mode: 'trigger', startNode: 'Every Day' });
		expect(run.status).toBe('success');
		expect(run.executedNodes).toContain('Connection OK');
		const after = (stack.harness.credential('exactOnlineOAuth2Api')!.oauthTokenData as { refresh_token: string }).refresh_token;
		expect(after).not.toBe(before);
	});

	test('an expired refresh token raises the reconnect alert', async () => {
		stack.exact.expireRefreshTokens();
		stack.exact.clock.advance(HOUR);
		const run = await stack.harness.run(loadTemplate('connection-health.json'), { mode: 'trigger', startNode: 'Every Day' });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^Reconnect the Exact Online credential: Exact Online refused the refresh token/);
		expect(run.executedNodes).not.toContain('Connection OK');
	});

	test('the error workflow turns a failed export into a readable alert with the work-order number', async () => {
		const run = await stack.harness.run(loadTemplate('error-alert.json'), {
			mode: 'error',
			startNode: 'Error Trigger',
			input: [
				{
					execution: { id: '231', url: 'http://127.0.0.1:5678/execution/231', lastNodeExecuted: 'Create Sales Invoice', mode: 'trigger', error: { message: 'Cannot export work order WO-26003: Customer 10079 is blocked in Exact' } },
					workflow: { id: 'eoExportWorkOrdr', name: 'OutSmart → Exact: export work orders' },
				},
			],
		});
		expect(run.status).toBe('success');
		expect(run.output('Alert')[0]).toMatchObject({
			workorderNo: 'WO-26003',
			node: 'Create Sales Invoice',
			message: 'Workflow "OutSmart → Exact: export work orders" failed for work order WO-26003 in node "Create Sales Invoice": Cannot export work order WO-26003: Customer 10079 is blocked in Exact',
			executionUrl: 'http://127.0.0.1:5678/execution/231',
		});
	});
});
