import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ICredentialType, INodeType } from 'n8n-workflow';
import { registerCredentialType, registerNodeType } from './benchHarness';

/** The existing community node, installed outside the project's dependencies on first use. */
export const PEER_PACKAGE = 'n8n-nodes-exact-online';
export const PEER_VERSION = '0.2.5';
export const PEER_NODE_TYPE = `${PEER_PACKAGE}.exactOnline`;
export const PEER_CREDENTIAL_TYPE = 'exactOnlineApiOAuth2Api';

const peersDir = path.join(__dirname, '..', '.peers');
const packageDir = path.join(peersDir, 'node_modules', PEER_PACKAGE);

function install(): void {
	execFileSync(
		'npm',
		['install', '--prefix', peersDir, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps', `${PEER_PACKAGE}@${PEER_VERSION}`],
		{ stdio: 'inherit', timeout: 300_000 },
	);
}

function firstClass<T>(file: string): new () => T {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const moduleExports = require(file) as Record<string, unknown>;
	const found = Object.values(moduleExports).find((value) => typeof value === 'function');
	if (!found) throw new Error(`No class exported by ${file}`);
	return found as new () => T;
}

/** Installs the peer package if needed and registers its node and OAuth2 credential with the bench harness. */
export function loadPeerNode(): { version: string } {
	if (!existsSync(path.join(packageDir, 'package.json'))) install();
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const version = (require(path.join(packageDir, 'package.json')) as { version: string }).version;
	const NodeClass = firstClass<INodeType>(path.join(packageDir, 'dist', 'nodes', 'ExactOnline', 'ExactOnline.node.js'));
	const CredentialClass = firstClass<ICredentialType>(path.join(packageDir, 'dist', 'credentials', 'ExactOnlineApiOAuth2Api.credentials.js'));
	registerNodeType(PEER_NODE_TYPE, new NodeClass());
	registerCredentialType(new CredentialClass());
	return { version };
}
