// `npm start`: the sandbox. Builds the package, starts both simulators (real time) and a real n8n
// with this package, owner, credentials and all templates, then waits for Ctrl-C.
import { sandboxGuide } from './guide.mjs';
import { sandboxUserFolder } from './paths.mjs';
import { startStack } from './stack.mjs';
import { removeStackFile, writeStackFile } from './stack-file.mjs';

// The sandbox keeps its user folder between runs, so its encryption key must stay the same. It only
// protects simulator demo credentials on this machine.
const SANDBOX_ENCRYPTION_KEY = 'exact-outsmart-sandbox-only-not-a-secret';

async function main() {
	const started = Date.now();
	const stack = await startStack({ userFolder: sandboxUserFolder, preferredPort: 5678, encryptionKey: SANDBOX_ENCRYPTION_KEY });
	writeStackFile({ editorUrl: stack.editorUrl, exact: stack.exact, outsmart: stack.outsmart, pid: process.pid });

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the simulators...');
		removeStackFile();
		await stack.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	console.log(await sandboxGuide(stack, { readySeconds: Math.round((Date.now() - started) / 1000) }));
}

main().catch((error) => {
	console.error(`The sandbox did not start: ${error.message}`);
	removeStackFile();
	process.exit(1);
});
