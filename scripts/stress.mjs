// npm run test:stress — the jest suite twice in parallel, several rounds in a row, so that a test whose
// result depends on how fast the machine is shows up before CI finds it. Every run must pass.
// STRESS_ROUNDS (default 3) and STRESS_PARALLEL (default 2) change the shape; extra arguments go to
// jest (e.g. a path to stress one folder). Prints each run's time and every failed test by name.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(process.env.STRESS_ROUNDS || 3);
const parallel = Number(process.env.STRESS_PARALLEL || 2);
const jestArgs = process.argv.slice(2);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'test-stress-'));

function runJest(round, lane) {
	const report = path.join(work, `round${round}-run${lane}.json`);
	const log = path.join(work, `round${round}-run${lane}.log`);
	const out = fs.openSync(log, 'w');
	const started = Date.now();
	// Each run has its own n8n user folder: two processes creating the same instance config at once is
	// a race of this script, not of the tests.
	const env = { ...process.env, N8N_USER_FOLDER: path.join(work, `n8n-${round}-${lane}`) };
	const child = spawn(process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--json', `--outputFile=${report}`, ...jestArgs], {
		cwd: root,
		env,
		stdio: ['ignore', out, out],
	});
	return new Promise((resolve) => {
		child.on('close', (code) => {
			fs.closeSync(out);
			const seconds = (Date.now() - started) / 1000;
			let failed = [];
			let passed = 0;
			try {
				const json = JSON.parse(fs.readFileSync(report, 'utf8'));
				passed = json.numPassedTests;
				for (const suite of json.testResults) {
					if (suite.status === 'failed' && suite.assertionResults.every((test) => test.status !== 'failed')) {
						failed.push(`${path.relative(root, suite.name)}: ${(suite.message || 'suite failed').split('\n').find((line) => line.trim()) ?? ''}`);
					}
					for (const test of suite.assertionResults) {
						if (test.status === 'failed') {
							const reason = (test.failureMessages ?? []).join('\n').split('\n').filter((line) => line.trim()).slice(0, 3).join(' | ');
							failed.push(`${path.relative(root, suite.name)} › ${test.fullName}: ${reason}`);
						}
					}
				}
			} catch {
				failed = [`jest exited with ${code} and no report (log: ${log})`];
			}
			if (code !== 0 && failed.length === 0) failed.push(`jest exited with ${code} (log: ${log})`);
			resolve({ round, lane, code, seconds, passed, failed, log });
		});
	});
}

// test/package checks the built package: build once first, as `npm test` does.
if (process.env.STRESS_SKIP_BUILD !== 'true') {
	console.log('building the package (npm run build) ...');
	const build = spawn('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	const code = await new Promise((resolve) => build.on('close', resolve));
	if (code !== 0) throw new Error(`npm run build failed (${code})`);
}

const total = Date.now();
const failures = [];
for (let round = 1; round <= rounds; round++) {
	const started = Date.now();
	const results = await Promise.all(Array.from({ length: parallel }, (_, lane) => runJest(round, lane + 1)));
	for (const result of results) {
		const verdict = result.failed.length ? `FAILED (${result.failed.length})` : 'passed';
		console.log(`round ${round} run ${result.lane}: ${result.passed} tests ${verdict} in ${result.seconds.toFixed(0)} s`);
		for (const name of result.failed) console.log(`  failed: ${name}`);
		if (result.failed.length) failures.push(result);
	}
	console.log(`round ${round}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
const minutes = ((Date.now() - total) / 60000).toFixed(1);
console.log(`stress: ${rounds} rounds of ${parallel} parallel jest runs on ${os.cpus().length} cores, ${failures.length} failed runs, ${minutes} min`);
if (failures.length) {
	console.log(`logs: ${work}`);
	process.exitCode = 1;
} else {
	fs.rmSync(work, { recursive: true, force: true });
}
