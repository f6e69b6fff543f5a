import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { failureDetails, withFailureKind } from '../../../shared/failureDetails';
import { toNodeError } from '../../../shared/nodeError';
import { FailureKind } from '../../../shared/failureKinds';
import { runPerItem } from '../../../shared/runPerItem';
import type { ExportSettings } from '../../logic/exportSettings';
import { findExportSettingsProblems } from '../../logic/exportSettings';
import { readExportSettings } from './exportSettings.description';

/**
 * Reads the export configuration and refuses it before anything else when it is unusable (two
 * triggers on one status, an unknown tag, ...): running with it would export orders twice or wrongly.
 * The error names every problem (kind `config.invalid`), so an alert can carry the reason.
 */
export function readValidExportSettings(this: IExecuteFunctions): ExportSettings {
	const settings = readExportSettings.call(this, 0);
	const problems = findExportSettingsProblems(settings);
	if (problems.length > 0) {
		throw withFailureKind(
			new NodeOperationError(this.getNode(), problems.join('; '), {
				description: 'Fix the export configuration of this node; no work order was processed.',
			}),
			FailureKind.configInvalid,
		);
	}
	return settings;
}

/**
 * Runs an export operation on a valid configuration. An invalid one processes no order: the node stops
 * with the reason, or, with "Continue On Fail", every input item becomes an error item of kind
 * `config.invalid` (never the input passed on as if it had been built). A failure before the per-item
 * work (e.g. Exact unreachable while reading the catalogue) is treated the same way, with its own kind.
 */
export async function withValidExportSettings(
	this: IExecuteFunctions,
	run: (settings: ExportSettings) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	try {
		return await run(readValidExportSettings.call(this));
	} catch (error) {
		const nodeError = toNodeError(this.getNode(), error);
		if (!this.continueOnFail()) {
			nodeError.context.metadata ??= failureDetails(error, this.getNode());
			throw nodeError;
		}
		return await runPerItem(this, async () => {
			throw nodeError;
		});
	}
}
