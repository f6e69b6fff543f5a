// Builds and starts the Exact Online and OutSmart simulators as child processes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { projectRoot, simulatorBuildDir } from './paths.mjs';
import { envWithProjectNode, runCommand } from './run-command.mjs';
import { sleep } from './wait.mjs';

const SIMULATOR_TSCONFIG = path.join(projectRoot, 'tsconfig.sim.json');

/** Compiles the simulators (test/simulators) to .build with tsconfig.sim.json. */
export async function buildSimulators() {
	if (!fs.existsSync(SIMULATOR_TSCONFIG)) throw new Error('tsconfig.sim.json is missing: cannot build the simulators.');
	const tsc = path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
	await runCommand(process.execPath, [tsc, '-p', SIMULATOR_TSCONFIG], { cwd: projectRoot, quiet: true });
}

/** @param {'exact' | 'outsmart'} name */
export function simulatorCli(name) {
	return path.join(simulatorBuildDir, 'test', 'simulators', name, 'cli.js');
}

/**
 * @template Info
 * @typedef {{ name: string, info: Info, stop: () => Promise<void> }} RunningSimulator
 */

/**
 * Starts one simulator (`cli.js --port 0 ...`) and resolves with the JSON info line it prints.
 * @param {'exact' | 'outsmart'} name
 * @param {string[]} [extraArgs]
 * @returns {Promise<RunningSimulator<Record<string, any>>>}
 */
export async function startSimulator(name, extraArgs = []) {
	const cli = simulatorCli(name);
	if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: build the simulators first.`);
	const child = spawn(process.execPath, [cli, '--port', '0', ...extraArgs], {
		cwd: projectRoot,
		env: envWithProjectNode(),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stderr = '';
	child.stderr.on('data', (chunk) => {
		stderr = (stderr + chunk).slice(-4000);
	});
	const exited = new Promise((resolve) => child.on('exit', resolve));
	const lines = readline.createInterface({ input: child.stdout });
	const info = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`The ${name} simulator printed no info within 30 s. ${stderr}`)), 30_000);
		lines.once('line', (line) => {
			clearTimeout(timer);
			try {
				resolve(JSON.parse(line));
			} catch {
				reject(new Error(`The ${name} simulator printed something other than its JSON info: ${line}`));
			}
		});
		exited.then((code) => {
			clearTimeout(timer);
			reject(new Error(`The ${name} simulator exited (${code}) during start-up: ${stderr}`));
		});
	});
	// Keep draining its output so a chatty simulator never blocks on a full pipe.
	lines.on('line', () => undefined);
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const stopped = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
		if (!stopped) child.kill('SIGKILL');
	};
	return { name, info, stop };
}

/**
 * Calls a simulator's control API (`<controlUrl>/<route>`), failing on a non-2xx answer.
 * @param {string} controlUrl
 * @param {string} method
 * @param {string} route  e.g. `workorders/W-1001/complete`
 * @param {unknown} [body]
 */
export async function callControl(controlUrl, method, route, body) {
	const response = await fetch(`${controlUrl.replace(/\/+$/, '')}/${route}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	const parsed = text ? JSON.parse(text) : undefined;
	if (!response.ok) throw new Error(`${method} ${route} on the simulator control API: ${response.status} ${text}`);
	return parsed;
}
