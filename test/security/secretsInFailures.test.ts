/**
 * Secrets (Exact client secret, access and refresh tokens, webhook secret, OutSmart tokens) never reach node
 * output, error messages, error descriptions or logs, in every run that fails on purpose. The export bed
 * already scans each run's result; this suite adds the log lines and the errors of both nodes' failures.
 */
import { outSmartCredentials } from '../harness';
import { advanceClocks, startExportBed, type ExportBed } from '../reliability/exportBed';
import { captureLogs, findSecrets, type LogCapture } from './secretScan';

describe('no secret in output, errors or logs of failing runs', () => {
	let bed: ExportBed;
	let logs: LogCapture;
	beforeEach(async () => {
		bed = await startExportBed();
		logs = captureLogs();
	});
	afterEach(async () => {
		logs.stop();
		await bed.close();
	});

	const expectClean = (result: unknown) => {
		const secrets = bed.secrets();
		expect(secrets.length).toBeGreaterThanOrEqual(6);
		expect(findSecrets(result, secrets)).toEqual([]);
		expect(findSecrets(logs.lines, secrets)).toEqual([]);
	};

	const cases: Array<[string, (bed: ExportBed) => void]> = [
		['Exact refuses the refresh token', (b) => { b.exact.expireRefreshTokens(); advanceClocks(b, 11 * 60_000); }],
		['Exact answers the HTML 401 page everywhere', (b) => b.exact.injectFault({ fault: 'html401', times: 50 })],
		['Exact drops the invoice POST', (b) => b.exact.injectFault({ match: { method: 'POST', path: 'SalesInvoices' }, fault: 'dropAfterWrite', times: 5 })],
		['Exact answers malformed JSON', (b) => b.exact.injectFault({ fault: 'malformedJson', times: 50 })],
		['Exact answers 400 with an error body', (b) => b.exact.injectFault({ match: { method: 'POST' , path: 'SalesInvoices' }, fault: 'status', status: 400, times: 5, body: '{"error":{"code":"","message":{"lang":"","value":"Invalid"}}}' })],
		['OutSmart answers the HTML 401 page', (b) => b.outSmart.injectFault({ fault: 'html401', times: 50 })],
		['OutSmart answers 500 on every call', (b) => b.outSmart.injectFault({ fault: 'status', status: 500, times: 50 })],
		['OutSmart drops the status change', (b) => b.outSmart.injectFault({ match: { path: 'UpdateWorkorder' }, fault: 'dropAfterWrite', times: 50 })],
		['OutSmart answers malformed JSON', (b) => b.outSmart.injectFault({ fault: 'malformedJson', times: 50 })],
		['OutSmart answers error envelopes', (b) => b.outSmart.injectFault({ fault: 'envelope', code: 1004, messages: ['Invalid token'], times: 50 })],
	];

	it.each(cases)('%s', async (_label, inject) => {
		inject(bed);
		const result = await bed.runExport();
		expect(result.status === 'error' || result.executedNodes.length > 0).toBe(true);
		expectClean(result);
	});

	it('OutSmart refuses a wrong token: the error names the credential, not the token', async () => {
		const wrong = { ...bed.outSmart.info, token: 'wrong-token-that-is-long-enough-1234' };
		bed.harness.setCredential('outSmartApi', outSmartCredentials(wrong));
		const result = await bed.runExport();
		expect(result.status).toBe('error');
		expect(findSecrets(result, [wrong.token])).toEqual([]);
		expectClean(result);
	});
});
