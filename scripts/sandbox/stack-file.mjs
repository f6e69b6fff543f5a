// The running sandbox writes where it is (.sandbox/stack.json) so small helper commands can find it.
import fs from 'node:fs';
import path from 'node:path';
import { sandboxDir } from './paths.mjs';

/** `SANDBOX_STACK_FILE` points the helper commands at another stack (the end-to-end suite uses it). */
export const stackFile = process.env.SANDBOX_STACK_FILE || path.join(sandboxDir, 'stack.json');

/** @param {{ editorUrl: string, exact: Record<string, any>, outsmart: Record<string, any>, pid: number }} state */
export function writeStackFile(state) {
	fs.mkdirSync(sandboxDir, { recursive: true });
	fs.writeFileSync(stackFile, JSON.stringify(state, null, '\t') + '\n');
}

export function removeStackFile() {
	fs.rmSync(stackFile, { force: true });
}

/** @returns {{ editorUrl: string, exact: Record<string, any>, outsmart: Record<string, any>, pid: number }} */
export function readStackFile() {
	if (!fs.existsSync(stackFile)) throw new Error('The sandbox is not running: start it with `npm start` first.');
	const state = JSON.parse(fs.readFileSync(stackFile, 'utf8'));
	try {
		process.kill(state.pid, 0);
	} catch {
		throw new Error('The sandbox is not running (its stack file is stale): start it with `npm start` first.');
	}
	return state;
}
