import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

const projectRoot = path.resolve(__dirname, '../../..');

/** Compiles the CLI the way tsconfig.sim.json will (CommonJS, Node built-ins only) into a temporary folder. */
async function compileCli(outDir: string): Promise<string> {
	const tsc = require.resolve('typescript/bin/tsc');
	await promisify(execFile)(process.execPath, [
		tsc,
		'--outDir', outDir,
		'--rootDir', path.join(projectRoot, 'test/simulators'),
		'--module', 'commonjs',
		'--target', 'es2022',
		'--lib', 'es2022',
		'--types', 'node',
		'--strict',
		'--esModuleInterop',
		'--skipLibCheck',
		path.join(projectRoot, 'test/simulators/outsmart/cli.ts'),
	], { cwd: projectRoot, timeout: 150_000 });
	return path.join(outDir, 'outsmart/cli.js');
}

describe('OutSmart simulator: standalone CLI', () => {
	let outDir: string;
	beforeAll(() => {
		outDir = mkdtempSync(path.join(tmpdir(), 'outsmart-sim-cli-'));
	});
	afterAll(() => rmSync(outDir, { recursive: true, force: true }));

	it('prints exactly one JSON info line, serves the API, and stops cleanly on SIGTERM', async () => {
		const cli = await compileCli(outDir);
		const child = spawn(process.execPath, [cli, '--port', '0', '--relations', '10', '--items', '20', '--workorders', '3'], { stdio: ['ignore', 'pipe', 'pipe'] });
		const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
		try {
			const lines = createInterface({ input: child.stdout });
			const firstLine = await new Promise<string>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error('CLI printed nothing within 60 s')), 60_000);
				lines.once('line', (line) => {
					clearTimeout(timer);
					resolve(line);
				});
			});
			const info = JSON.parse(firstLine) as { baseUrl: string; token: string; softwareToken: string; controlUrl: string };
			expect(info.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/openapi\/8$/);
			expect(info.controlUrl).toMatch(/\/_control$/);
			const response = await fetch(`${info.baseUrl}/GetWorkorders?token=${info.token}&software_token=${info.softwareToken}&status=Alle&update_status=false`);
			const envelope = (await response.json()) as { code: number; response: unknown[] };
			expect(envelope.code).toBe(200);
			expect(envelope.response).toHaveLength(3);
			const extra: string[] = [];
			lines.on('line', (line) => extra.push(line));
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
			expect(extra).toEqual([]);
		} finally {
			if (child.exitCode === null) child.kill('SIGKILL');
		}
	}, 240_000);
});
