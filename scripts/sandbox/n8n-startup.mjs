// The start-up steps every real-n8n run shares (the sandbox and e2e stack, the queue-mode run): n8n
// installed and the package and simulators built, both simulators started with Exact's redirect to n8n's
// OAuth callback and the app connected, a user folder with this package, the credentials imported through
// n8n's CLI, and, once n8n answers, the owner logged in and the package's node types checked.
import fs from 'node:fs';
import path from 'node:path';
import { connectExact, n8nOAuthCallbackUrl } from './credentials.mjs';
import { findFreePort } from './free-port.mjs';
import { ensureN8nInstalled } from './install-n8n.mjs';
import { installPackageIntoN8n } from './install-package.mjs';
import { N8nRestClient } from './n8n-rest.mjs';
import { runN8nCli } from './n8n-process.mjs';
import { PACKAGE_NAME, projectRoot } from './paths.mjs';
import { runCommand } from './run-command.mjs';
import { buildSimulators, startSimulator } from './simulators.mjs';

/**
 * Installs n8n into .sandbox/ when it is not there yet and, unless `build` is false, builds the package and
 * the simulators.
 * @param {{ build?: boolean, log: (line: string) => void }} options
 */
export async function prepareN8n({ build = true, log }) {
	await ensureN8nInstalled({ log });
	if (!build) return;
	log('Building the package and the simulators...');
	await runCommand('npm', ['run', 'build', '--silent'], { cwd: projectRoot, quiet: true });
	await buildSimulators();
}

/**
 * Starts both simulators (the Exact app's redirect URI is n8n's OAuth callback at `n8nBaseUrl`) and connects
 * the Exact app once. `onStarted` gets each simulator's stop as soon as it runs, so a later failure can
 * stop it.
 * @param {{ n8nBaseUrl: string, exactArgs?: string[], outsmartArgs?: string[], onStarted: (name: string, stop: () => Promise<void>) => void }} options
 */
export async function startSimulators({ n8nBaseUrl, exactArgs = [], outsmartArgs = [], onStarted }) {
	const callback = n8nOAuthCallbackUrl(n8nBaseUrl);
	const exactSimulator = await startSimulator('exact', ['--redirect-uri', callback, ...exactArgs]);
	onStarted('the Exact simulator', exactSimulator.stop);
	const outsmartSimulator = await startSimulator('outsmart', outsmartArgs);
	onStarted('the OutSmart simulator', outsmartSimulator.stop);
	const exactTokens = await connectExact(exactSimulator.info, callback);
	return { exact: exactSimulator.info, outsmart: outsmartSimulator.info, exactTokens };
}

/**
 * A user folder (created when missing) with this package installed as a community package.
 * @param {string} userFolder
 */
export function prepareUserFolder(userFolder) {
	fs.mkdirSync(userFolder, { recursive: true });
	installPackageIntoN8n(userFolder);
	return userFolder;
}

/**
 * Imports (creates or updates by id) the credentials through n8n's CLI, which encrypts them and, unlike the
 * REST API, keeps the OAuth token data. The input file lives in `folder` only while the CLI reads it.
 * @param {Record<string, string>} env  the environment of the n8n that will use them
 * @param {string} folder
 * @param {Array<Record<string, any>>} credentials
 */
export async function importCredentials(env, folder, credentials) {
	const file = path.join(folder, `credentials-${process.pid}.json`);
	fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
	try {
		await runN8nCli(env, ['import:credentials', `--input=${file}`], await findFreePort());
	} finally {
		fs.rmSync(file, { force: true });
	}
}

/**
 * Once n8n answers: the demo owner set up or logged in, and this package's node types loaded (else the
 * error names n8n's log).
 * @param {string} baseUrl @param {string} logFile
 * @returns {Promise<{ rest: N8nRestClient, packageNodeTypes: string[] }>}
 */
export async function logInAndCheckPackage(baseUrl, logFile) {
	const rest = new N8nRestClient(baseUrl);
	await rest.setUpOwnerOrLogIn();
	const packageNodeTypes = (await rest.nodeTypeNames()).filter((name) => name.startsWith(`${PACKAGE_NAME}.`));
	if (packageNodeTypes.length === 0) throw new Error(`n8n did not load ${PACKAGE_NAME}; see ${logFile}`);
	return { rest, packageNodeTypes };
}
