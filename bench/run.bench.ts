/**
 * `npm run bench`: API calls per record and throughput under Exact's real limits (60 calls a minute, 5,000 a
 * day), on simulated time, side by side with the community node n8n-nodes-exact-online and a plain HTTP Request
 * node. Prints one report and writes it, with the raw figures, to bench/out/.
 * BENCH_QUICK=1 runs small sizes only (a check that the benchmark itself works).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runEngineOverhead } from './scenarios/engineOverhead';
import { runExport, type ExportMode, type ExportResult } from './scenarios/export';
import { runFullImport, type ImportApproach, type ImportResult } from './scenarios/fullImport';
import { runIncremental } from './scenarios/incremental';
import { loadPeerNode } from './support/peerNode';
import { exportTable, importTable, incrementalTable, overheadTable } from './support/report';
import { LATENCY_MS } from './support/stack';

const quick = process.env.BENCH_QUICK === '1';
const IMPORT_SIZES = quick ? [1000, 4000] : [1000, 10_000, 50_000];
const EXPORT_SIZES = quick ? [10, 70] : [10, 100, 1000];
const INCREMENTAL = quick ? { items: 2000, changes: [10, 1500] } : { items: 10_000, changes: [10, 2500] };
const OVERHEAD_COUNT = quick ? 2000 : 10_000;
const MODES: ExportMode[] = ['materialsAndHours', 'materialsOnly', 'pdfOnly'];
const APPROACHES: ImportApproach[] = ['ours', 'peer', 'http'];

function machine(): string {
	const cpus = os.cpus();
	return `${os.availableParallelism()} CPUs (${cpus[0]?.model ?? 'unknown'}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

test('benchmark', async () => {
	const started = Date.now();
	const peer = loadPeerNode();

	const imports: ImportResult[] = [];
	for (const items of IMPORT_SIZES) {
		for (const approach of APPROACHES) imports.push(await runFullImport(approach, items));
	}
	const incremental = [
		...(await runIncremental(INCREMENTAL.items, INCREMENTAL.changes, true)),
		...(await runIncremental(INCREMENTAL.items, INCREMENTAL.changes, false)),
	];
	const exports: ExportResult[] = [];
	for (const orders of EXPORT_SIZES) {
		for (const mode of MODES) exports.push(await runExport(mode, orders));
	}
	const overhead = await runEngineOverhead(OVERHEAD_COUNT);

	const report = [
		`# Benchmark ${new Date().toISOString()}`,
		'',
		`Machine: ${machine()}`,
		`Exact limits: 60 calls/minute, 5,000/day. Modelled latency per call: Exact ${LATENCY_MS.exact} ms, OutSmart ${LATENCY_MS.outSmart} ms (simulated clock). Peer: n8n-nodes-exact-online ${peer.version}.`,
		'',
		'## 1. Full import of N Exact items into OutSmart materials',
		importTable(imports),
		'',
		'## 2. Incremental runs (Items entity) after a full import',
		incrementalTable(incremental),
		'',
		'## 3. Export of K work orders',
		exportTable(exports),
		'',
		`## 4. Per-item overhead on n8n's engine (zero latency)`,
		overheadTable(overhead),
		'',
		`Real time for the whole benchmark: ${((Date.now() - started) / 1000).toFixed(0)} s`,
	].join('\n');

	const outDir = path.join(__dirname, 'out');
	mkdirSync(outDir, { recursive: true });
	writeFileSync(path.join(outDir, 'report.md'), `${report}\n`);
	writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify({ machine: machine(), imports, incremental, exports, overhead }, null, 2)}\n`);
	process.stdout.write(`\n${report}\n\n`);

	// The benchmark is only worth its figures if our runs did the work: every item and order arrived, once.
	for (const result of imports.filter((entry) => entry.approach === 'ours')) {
		expect(result.status).toBe('success');
		expect(result.rowsRead).toBe(result.items);
		expect(result.materialsWritten).toBeGreaterThan(result.items * 0.9);
	}
	for (const result of incremental) {
		expect(result.status).toBe('success');
		expect(result.rowsRead).toBe(result.changed);
	}
	for (const result of exports) {
		expect(result.status).toBe('success');
		expect(result.exported).toBe(result.orders);
		expect(result.mode === 'pdfOnly' ? result.documentsInExact : result.invoicesInExact).toBe(result.orders);
		expect(result.exact.rateLimited).toBe(0);
		expect(result.exact.countedErrors).toBe(0);
	}
});
