/**
 * Connection health and the error alert, as shipped: a healthy connection renews the token chain quietly;
 * an expired refresh token in the simulator fails the run with the reconnect alert, and the error workflow
 * turns a failed run into one readable alert naming the work orders from the error's structured details.
 */
import { loadTemplate, useStack } from './setup';

const HOUR = 60 * 60 * 1000;

describe('Template: connection health and error alert', () => {
	const stack = useStack({ workorderCount: 0 });

	test('a daily call renews the refresh-token chain', async () => {
		const before = String(stack.harness.credential('exactOnlineOAuth2Api')?.oauthTokenData && (stack.harness.credential('exactOnlineOAuth2Api')!.oauthTokenData as { refresh_token: string }).refresh_token);
		stack.exact.clock.advance(24 * HOUR);
		const run = await stack.harness.run(loadTemplate('connection-health.json'), { mode: 'trigger', startNode: 'Every Day' });
		expect(run.status).toBe('success');
		expect(run.executedNodes).toContain('Connection OK');
		const after = (stack.harness.credential('exactOnlineOAuth2Api')!.oauthTokenData as { refresh_token: string }).refresh_token;
		expect(after).not.toBe(before);
	});

	test('every endpoint the templates use is allowed in the demo company: the run stays quiet', async () => {
		const run = await stack.harness.run(loadTemplate('connection-health.json'), { mode: 'trigger', startNode: 'Every Day' });
		expect(run.status).toBe('success');
		expect(run.output('Check Access')[0]).toMatchObject({ allAllowed: true, missing: [] });
	});

	test('a right or module the Exact user lacks fails the run naming it, before any export needs it', async () => {
		stack.exact.denyRights([{ endpoint: 'project/' }, { endpoint: 'documents/Documents', action: 'POST' }]);
		try {
			const run = await stack.harness.run(loadTemplate('connection-health.json'), { mode: 'trigger', startNode: 'Every Day' });
			expect(run.status).toBe('error');
			expect(run.executedNodes).toContain('Raise Missing Rights');
			expect(run.error?.message).toMatch(/^Missing in division \d+: .*Documents.*Project \(hours\)|^Missing in division \d+: .*Project \(hours\).*Documents/);
			expect(run.error?.message).toContain('POST documents/Documents');
			expect(run.error?.message).toContain('GET project/TimeTransactions');
		} finally {
			stack.exact.denyRights([]);
		}
	});

	test('an expired refresh token raises the reconnect alert', async () => {
		stack.exact.expireRefreshTokens();
		stack.exact.clock.advance(HOUR);
		const run = await stack.harness.run(loadTemplate('connection-health.json'), { mode: 'trigger', startNode: 'Every Day' });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^Reconnect the Exact Online credential: Exact Online refused the refresh token/);
		expect(run.executedNodes).not.toContain('Connection OK');
	});

	test('the error workflow turns a failed export into a readable alert with each order number and reason, from the details', async () => {
		// What n8n hands the error workflow: the run's error as NodeOperationError.toJSON() gives it. The export
		// template's Stop node puts its report in context.metadata; the numbering is an account's own.
		const message = 'Work orders not exported: 2026-0042 (Customer 10079 is blocked in Exact); 2026-0043 (OutSmart UpdateWorkorder: HTTP 503) [error status NOT set]';
		const run = await stack.harness.run(loadTemplate('error-alert.json'), {
			mode: 'error',
			startNode: 'Error Trigger',
			input: [
				{
					execution: {
						id: '231',
						url: 'http://127.0.0.1:5678/execution/231',
						lastNodeExecuted: 'Stop: Orders Not Exported',
						mode: 'trigger',
						error: {
							message,
							context: {
								metadata: {
									kind: 'orders.notExported',
									message,
									orders: [
										{ workorderNo: '2026-0042', rowId: '88', kind: 'order.invalid', reason: 'Customer 10079 is blocked in Exact', errorStatusSet: true },
										{ workorderNo: '2026-0043', rowId: '89', kind: 'outSmart.unavailable', reason: 'OutSmart UpdateWorkorder: HTTP 503', errorStatusSet: false },
									],
								},
							},
						},
					},
					workflow: { id: 'eoExportWorkOrdr', name: 'OutSmart → Exact: export work orders' },
				},
			],
		});
		expect(run.status).toBe('success');
		expect(run.output('Alert')[0]).toEqual({
			workflow: 'OutSmart → Exact: export work orders',
			node: 'Stop: Orders Not Exported',
			kind: 'orders.notExported',
			workorderNo: '2026-0042, 2026-0043',
			message: `Workflow "OutSmart → Exact: export work orders" failed in node "Stop: Orders Not Exported": ${message}`,
			executionUrl: 'http://127.0.0.1:5678/execution/231',
		});
	});

	test('a node that stops a run names its order from the details it put on the error; other failures have no number', async () => {
		const failed = (metadata: object | undefined) =>
			stack.harness.run(loadTemplate('error-alert.json'), {
				mode: 'error',
				startNode: 'Error Trigger',
				input: [
					{
						execution: { id: '7', lastNodeExecuted: 'Build Sales Invoice', mode: 'trigger', error: { message: 'Cannot export work order A-17: no lines', ...(metadata ? { context: { metadata } } : {}) } },
						workflow: { id: 'x', name: 'Export' },
					},
				],
			});
		const named = await failed({ kind: 'order.invalid', message: 'Cannot export work order A-17: no lines', workorder: { rowId: '5', workorderNo: 'A-17' } });
		expect(named.output('Alert')[0]).toMatchObject({ kind: 'order.invalid', workorderNo: 'A-17', executionUrl: '' });
		// Without details no number is guessed from the text.
		const plain = await failed(undefined);
		expect(plain.output('Alert')[0]).toMatchObject({ kind: '', workorderNo: '', message: 'Workflow "Export" failed in node "Build Sales Invoice": Cannot export work order A-17: no lines' });
	});
});
