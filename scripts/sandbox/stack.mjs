// The whole sandbox stack: both simulators, a real n8n with this package, owner, credentials and the
// template workflows. `npm start` and the end-to-end suite both use it.
import crypto from 'node:crypto';
import path from 'node:path';
import { EXACT_CREDENTIAL, OUTSMART_CREDENTIAL, credentialsByType, sandboxCredentials } from './credentials.mjs';
import { findFreePort, isPortFree } from './free-port.mjs';
import { N8nRestClient } from './n8n-rest.mjs';
import { n8nEnvironment, startN8n } from './n8n-process.mjs';
import { importCredentials, logInAndCheckPackage, prepareN8n, prepareUserFolder, startSimulators } from './n8n-startup.mjs';
import { linkCredentials, readTemplates, toNewWorkflow } from './templates.mjs';

/**
 * @typedef {object} StackOptions
 * @property {string} userFolder        N8N_USER_FOLDER (kept between sandbox runs; fresh for e2e)
 * @property {number} [preferredPort]   n8n's port if free, else any free port (default: any free port)
 * @property {string} [encryptionKey]   must stay the same for a kept user folder
 * @property {boolean} [build]          run `npm run build` and build the simulators first (default true)
 * @property {boolean} [echoN8nLog]     also print n8n's log (it always goes to <userFolder>/n8n.log)
 * @property {string[]} [exactArgs]     extra Exact simulator options
 * @property {string[]} [outsmartArgs]  extra OutSmart simulator options
 * @property {(line: string) => void} [log]
 */

/**
 * @typedef {object} Stack
 * @property {string} editorUrl
 * @property {N8nRestClient} rest               logged in as the demo owner
 * @property {Record<string, any>} exact        the Exact simulator's info (baseUrl, controlUrl, division, ...)
 * @property {Record<string, any>} outsmart     the OutSmart simulator's info (baseUrl, controlUrl, ...)
 * @property {Array<{ id: string, name: string, file: string }>} workflows  imported templates
 * @property {string[]} packageNodeTypes        this package's node types n8n loaded
 * @property {string} logFile
 * @property {() => Promise<void>} stop         stops n8n and both simulators
 */

/**
 * @param {StackOptions} options
 * @returns {Promise<Stack>}
 */
export async function startStack(options) {
	const { userFolder, preferredPort, encryptionKey = crypto.randomBytes(24).toString('hex'), build = true, echoN8nLog = false, log = console.log } = options;
	/** @type {Array<() => Promise<void>>} */
	const stops = [];
	const stopAll = async () => {
		for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
	};
	try {
		await prepareN8n({ build, log });
		const port = preferredPort && (await isPortFree(preferredPort)) ? preferredPort : await findFreePort();
		const baseUrl = `http://127.0.0.1:${port}`;
		const env = n8nEnvironment({ userFolder, port, brokerPort: await findFreePort(), encryptionKey });

		log('Starting the Exact Online and OutSmart simulators...');
		const simulators = await startSimulators({
			n8nBaseUrl: baseUrl,
			exactArgs: options.exactArgs,
			outsmartArgs: options.outsmartArgs,
			onStarted: (_name, stop) => stops.push(stop),
		});

		prepareUserFolder(userFolder);
		await importCredentials(env, userFolder, sandboxCredentials({ exactInfo: simulators.exact, outsmartInfo: simulators.outsmart, exactTokens: simulators.exactTokens }));

		log(`Starting n8n on ${baseUrl} ...`);
		const logFile = path.join(userFolder, 'n8n.log');
		const n8n = await startN8n({ env, port, logFile, echo: echoN8nLog });
		stops.push(n8n.stop);

		const { rest, packageNodeTypes } = await logInAndCheckPackage(baseUrl, logFile);
		const workflows = await importMissingTemplates(rest);

		return {
			editorUrl: baseUrl,
			rest,
			exact: simulators.exact,
			outsmart: simulators.outsmart,
			workflows,
			packageNodeTypes,
			logFile,
			stop: stopAll,
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}

/**
 * Creates each template in workflows/ that the instance does not have yet (by name), linked to the
 * sandbox credentials. A kept sandbox keeps the user's edits.
 * @param {N8nRestClient} rest
 */
async function importMissingTemplates(rest) {
	const existing = await rest.listWorkflows();
	const byName = new Map(existing.map((workflow) => [workflow.name, workflow]));
	const imported = [];
	for (const { file, workflow } of readTemplates()) {
		const present = byName.get(workflow.name);
		if (present) {
			imported.push({ id: present.id, name: present.name, file });
			continue;
		}
		const created = await rest.createWorkflow(toNewWorkflow(linkCredentials(workflow, credentialsByType())));
		imported.push({ id: created.id, name: created.name, file });
	}
	return imported;
}

export { EXACT_CREDENTIAL, OUTSMART_CREDENTIAL };
