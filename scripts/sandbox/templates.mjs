// Reads the template workflows and links their nodes to the sandbox credentials.
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_NAME, workflowsDir } from './paths.mjs';

/** Credential types each of this package's node types needs, for nodes a template left unlinked. */
const CREDENTIAL_TYPES_BY_NODE = {
	exactOnline: ['exactOnlineOAuth2Api'],
	exactOnlineTrigger: ['exactOnlineOAuth2Api'],
	outSmart: ['outSmartApi'],
	outSmartTrigger: ['outSmartApi'],
};

/**
 * @typedef {{ file: string, workflow: Record<string, any> }} Template
 * @returns {Template[]} every workflows/*.json, sorted by file name
 */
export function readTemplates(directory = workflowsDir) {
	if (!fs.existsSync(directory)) return [];
	return fs
		.readdirSync(directory)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(directory, file), 'utf8')) }));
}

/**
 * A copy of the workflow whose credential references point at the given credentials (by type).
 * @param {Record<string, any>} workflow
 * @param {Record<string, { id: string, name: string }>} credentialsByType
 */
export function linkCredentials(workflow, credentialsByType) {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes ?? []) {
		const shortType = String(node.type).startsWith(`${PACKAGE_NAME}.`) ? String(node.type).slice(PACKAGE_NAME.length + 1) : undefined;
		const wanted = new Set([...Object.keys(node.credentials ?? {}), ...(shortType ? (CREDENTIAL_TYPES_BY_NODE[shortType] ?? []) : [])]);
		for (const type of wanted) {
			const credential = credentialsByType[type];
			if (!credential) continue;
			node.credentials = { ...node.credentials, [type]: { id: credential.id, name: credential.name } };
		}
	}
	return copy;
}

/**
 * What n8n's "create workflow" accepts from an exported template: no ids, not active.
 * @param {Record<string, any>} workflow
 */
export function toNewWorkflow(workflow) {
	const { id: _id, versionId: _versionId, active: _active, shared: _shared, tags: _tags, meta, pinData: _pinData, ...rest } = workflow;
	return { ...rest, meta: { ...meta, templateCredsSetupCompleted: true }, active: false, settings: { executionOrder: 'v1', ...rest.settings } };
}

/** Type names of this package's nodes that a workflow uses. */
export function packageNodeTypes(workflow) {
	return [...new Set((workflow.nodes ?? []).map((node) => String(node.type)).filter((type) => type.startsWith(`${PACKAGE_NAME}.`)))];
}
