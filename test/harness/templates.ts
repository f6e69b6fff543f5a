/** The template workflows exactly as shipped (workflows/*.json), for every test and benchmark that runs one. */
import path from 'node:path';
import type { IWorkflowBase } from 'n8n-workflow';
import { WorkflowHarness } from './workflow-harness';

export const WORKFLOWS_DIR = path.resolve(__dirname, '..', '..', 'workflows');

/** A fresh copy of a template as shipped; a test may change its copy. */
export function loadTemplate(file: string): IWorkflowBase {
	return WorkflowHarness.load(path.join(WORKFLOWS_DIR, file));
}

/** The export template and the names of its nodes that tests and benchmarks look at. */
export const EXPORT_TEMPLATE = 'export-work-orders.json';

export const EXPORT_NODE = {
	trigger: 'Work Order Ready for Export',
	build: 'Build Sales Invoice',
	create: 'Create Sales Invoice',
	exported: 'Exported to Exact',
	failed: 'Export Failed',
} as const;
