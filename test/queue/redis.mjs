// A private Redis for n8n's queue (Bull): loopback only, nothing written to disk, stopped with the run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { findFreePort } from '../../scripts/sandbox/free-port.mjs';
import { sleep, waitFor } from '../../scripts/sandbox/wait.mjs';
import { ensureDebianPackage } from './apt.mjs';

const REDIS_SERVER = '/usr/bin/redis-server';

/** @param {number} port @returns {Promise<boolean>} whether Redis answers PING with PONG */
export function pingRedis(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		let answer = '';
		const done = (result) => {
			socket.destroy();
			resolve(result);
		};
		socket.setTimeout(2_000, () => done(false));
		socket.on('error', () => done(false));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			answer += chunk;
			if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
		});
	});
}

/**
 * @param {{ logFile: string, log: (line: string) => void }} options
 * @returns {Promise<{ port: number, stop: () => Promise<void> }>}
 */
export async function startRedis({ logFile, log }) {
	await ensureDebianPackage('redis-server', REDIS_SERVER, log);
	const port = await findFreePort();
	const output = fs.openSync(logFile, 'a');
	const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
		stdio: ['ignore', output, output],
	});
	fs.closeSync(output);
	const exited = new Promise((resolve) => child.on('exit', resolve));
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		const stopped = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
		if (!stopped) child.kill('SIGKILL');
	};
	try {
		await waitFor(
			'Redis to answer PING',
			async () => {
				if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}; see ${logFile}`);
				return (await pingRedis(port)) ? true : undefined;
			},
			{ timeoutMs: 20_000, intervalMs: 200 },
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { port, stop };
}
