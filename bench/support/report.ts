import type { ExportResult } from '../scenarios/export';
import type { ImportResult } from '../scenarios/fullImport';
import type { IncrementalResult } from '../scenarios/incremental';
import type { OverheadResult } from '../scenarios/engineOverhead';

const APPROACH: Record<ImportResult['approach'], string> = {
	ours: 'ours (sync feed → map → batch upsert)',
	peer: 'n8n-nodes-exact-online Get All',
	http: 'HTTP Request + pagination (1 req/s)',
};

export function seconds(ms: number): string {
	if (ms >= 3_600_000) return `${(ms / 3_600_000).toFixed(2)} h`;
	if (ms >= 60_000) return `${(ms / 60_000).toFixed(1)} min`;
	return `${(ms / 1000).toFixed(1)} s`;
}

function table(header: string[], rows: Array<Array<string | number>>): string {
	const line = (cells: Array<string | number>) => `| ${cells.map(String).join(' | ')} |`;
	return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const yes = (ok: boolean) => (ok ? 'met' : 'NOT met');

export function importTable(results: ImportResult[]): string {
	return table(
		['N items', 'approach', 'result', 'rows read', 'materials written', 'Exact calls', 'token calls', '429s', 'OutSmart calls', 'simulated time', 'peak heap', 'real time', 'target'],
		results.map((result) => [
			result.items,
			APPROACH[result.approach],
			result.status === 'success' ? 'ok' : `FAILED: ${result.error ?? result.status}`,
			result.rowsRead,
			result.materialsWritten,
			result.exact.api,
			result.exact.token,
			result.exact.rateLimited,
			result.outSmartCalls,
			seconds(result.simulatedMs),
			`${result.memory.peakHeapMb} MB`,
			seconds(result.realMs),
			result.target
				? `Exact ≤ ${result.target.exactCalls}: ${yes(result.status === 'success' && result.exact.api <= result.target.exactCalls)}; OutSmart ≤ ${result.target.outSmartCalls}: ${yes(result.status === 'success' && result.outSmartCalls <= result.target.outSmartCalls)}`
				: '',
		]),
	);
}

export function incrementalTable(results: IncrementalResult[]): string {
	return table(
		['N items', 'changed', 'deletions read', 'result', 'rows read', 'Exact calls', 'OutSmart writes', 'simulated time', 'real time', 'target'],
		results.map((result) => [
			result.items,
			result.changed,
			result.deletions ? 'yes' : 'no (as the templates)',
			result.status === 'success' ? 'ok' : `FAILED: ${result.error ?? result.status}`,
			result.rowsRead,
			result.exact.api,
			result.outSmartWrites,
			seconds(result.simulatedMs),
			seconds(result.realMs),
			`Exact ${result.target.exactCalls}/entity: ${yes(result.exact.api <= result.target.exactCalls)}; OutSmart writes ${result.target.outSmartWrites}: ${yes(result.outSmartWrites <= result.target.outSmartWrites)}`,
		]),
	);
}

export function exportTable(results: ExportResult[]): string {
	return table(
		['mode', 'K orders', 'result', 'exported', 'in Exact', 'Exact calls', 'per order', 'token calls', '429s', 'counted errors', 'OutSmart calls', 'per order', 'Exact drain', 'minimum', 'limit used', 'total simulated', 'real time'],
		results.map((result) => [
			result.mode,
			result.orders,
			result.status === 'success' ? 'ok' : `FAILED: ${result.error ?? result.status}`,
			result.exported,
			result.mode === 'pdfOnly' ? `${result.documentsInExact} documents` : `${result.invoicesInExact} invoices`,
			result.exact.api,
			(result.exact.api / result.orders).toFixed(2),
			result.exact.token,
			result.exact.rateLimited,
			result.exact.countedErrors,
			result.outSmartCalls,
			(result.outSmartCalls / result.orders).toFixed(2),
			seconds(result.exactDrainMs),
			seconds(result.minimumDrainMs),
			`${Math.round((result.minimumDrainMs / Math.max(1, result.exactDrainMs)) * 1000) / 10} %`,
			seconds(result.simulatedMs),
			seconds(result.realMs),
		]),
	);
}

export function overheadTable(results: OverheadResult[]): string {
	return table(
		['what', 'node', 'items', 'node time', 'items per second', 'peak heap (run)'],
		results.map((result) => [result.what, result.node, result.items, `${result.nodeMs} ms`, result.itemsPerSecond, `${result.peakHeapMb} MB`]),
	);
}
