export { WorkflowHarness } from './workflow-harness';
export type { HarnessCredentials, RunOptions, RunResult } from './workflow-harness';
export { exactCredentials, outSmartCredentials } from './fixtures';
export { PACKAGE_PREFIX } from './node-types';
export { workflowDefinition } from './workflow-definition';
export { EXPORT_NODE, EXPORT_TEMPLATE, loadTemplate, WORKFLOWS_DIR } from './templates';
