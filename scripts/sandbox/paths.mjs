// Where the sandbox keeps things, and the versions it pins. One place, so start and e2e agree.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sandboxDir = path.join(projectRoot, '.sandbox');
/** n8n lives in its own npm project so the development install stays small and fast. */
export const n8nInstallDir = path.join(sandboxDir, 'n8n');
/** The sandbox's persistent n8n user folder (e2e runs use a fresh temporary one). */
export const sandboxUserFolder = path.join(sandboxDir, 'n8n-user');
export const toolsDir = path.join(sandboxDir, 'tools');
export const simulatorBuildDir = path.join(projectRoot, '.build');
export const workflowsDir = path.join(projectRoot, 'workflows');

export const N8N_VERSION = '2.40.7';
export const PACKAGE_NAME = 'n8n-nodes-exact-outsmart';

export const n8nBin = path.join(n8nInstallDir, 'node_modules', 'n8n', 'bin', 'n8n');
