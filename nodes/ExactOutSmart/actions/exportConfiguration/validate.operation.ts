import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { findExportSettingsProblems } from '../../logic/exportSettings';
import { readExportSettings } from '../shared/exportSettings.description';

export const description: INodeProperties[] = [];

/**
 * Checks the export configuration without touching any system: one item that says whether it is valid
 * and lists every problem (conflicting triggers, unknown tags, ...).
 */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const settings = readExportSettings.call(this, 0);
	const problems = findExportSettingsProblems(settings);
	return [
		{
			json: {
				valid: problems.length === 0,
				problems,
				triggers: settings.triggers.map((trigger) => ({ ...trigger })),
				exportStart: settings.start,
				cutOverDate: settings.cutOverDate,
			},
			pairedItem: { item: 0 },
		},
	];
}
