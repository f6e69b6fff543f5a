import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { ExportSettings } from '../../logic/exportSettings';
import { findExportSettingsProblems } from '../../logic/exportSettings';
import { readExportSettings } from './exportSettings.description';

/**
 * Reads the export configuration and stops the node before anything else when it is unusable (two
 * triggers on one status, an unknown tag, ...): running with it would export orders twice or wrongly.
 */
export function readValidExportSettings(this: IExecuteFunctions): ExportSettings {
	const settings = readExportSettings.call(this, 0);
	const problems = findExportSettingsProblems(settings);
	if (problems.length > 0) {
		throw new NodeOperationError(this.getNode(), problems.join('; '), {
			description: 'Fix the export configuration of this node; no work order was processed.',
		});
	}
	return settings;
}
