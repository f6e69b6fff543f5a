// Child processes for the sandbox: always on the project's Node (the one running this script).
import { spawn } from 'node:child_process';
import path from 'node:path';

/** PATH with the running Node's folder first, so `npm` and `#!/usr/bin/env node` use Node 24. */
export function envWithProjectNode(extra = {}) {
	const nodeDir = path.dirname(process.execPath);
	return { ...process.env, PATH: `${nodeDir}${path.delimiter}${process.env.PATH ?? ''}`, ...extra };
}

/**
 * Runs a command to completion and rejects on a non-zero exit.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, quiet?: boolean, timeoutMs?: number }} [options]
 * @returns {Promise<{ stdout: string, stderr: string }>}
 */
export function runCommand(command, args, options = {}) {
	const { cwd, env = envWithProjectNode(), quiet = false, timeoutMs = 20 * 60_000 } = options;
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
			if (!quiet) process.stdout.write(chunk);
		});
		child.stderr.on('data', (chunk) => {
			stderr += chunk;
			if (!quiet) process.stderr.write(chunk);
		});
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			if (code === 0) resolve({ stdout, stderr });
			else {
				const tail = (stderr || stdout).split('\n').slice(-30).join('\n');
				reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail}`));
			}
		});
	});
}
