import type { INodeProperties } from 'n8n-workflow';
import { onceForAll, type OperationNeeds } from '../../../shared/router';
import { findExportSettingsProblems } from '../../logic/exportSettings';
import { readExportSettings } from '../shared/exportSettings.description';

export const description: INodeProperties[] = [];

/** The status lists of the export triggers come from OutSmart. */
export const needs: OperationNeeds = { outSmart: true };

/**
 * Checks the export configuration without touching any system: one item that says whether it is valid
 * and lists every problem (conflicting triggers, unknown tags, ...).
 */
export const executeBatch = onceForAll(async function () {
	const settings = readExportSettings.call(this, 0);
	const problems = findExportSettingsProblems(settings);
	return {
		valid: problems.length === 0,
		problems,
		triggers: settings.triggers.map((trigger) => ({ ...trigger })),
		exportStart: settings.start,
		cutOverDate: settings.cutOverDate,
	};
});
