/**
 * The fields of an export trigger, in the order a person reads a trigger (issue: the panel showed them
 * alphabetically, Error Status first): name, the status that starts it, mode, success status, error
 * status, then the exclusions.
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { exportSettingsProperties } from '../../nodes/ExactOutSmart/actions/shared/exportSettings.description';

test('an export trigger shows its fields in reading order', () => {
	const triggers = exportSettingsProperties.find((property) => property.name === 'exportTriggers')!;
	const [trigger] = triggers.options as Array<{ name: string; values: INodeProperties[] }>;
	expect(trigger.values.map((field) => field.name)).toEqual(['name', 'workstatus', 'status', 'mode', 'successStatus', 'errorStatus', 'excludePaymentMethods', 'excludeWorkTypes']);
});

test('an empty export-trigger list shows a warning in the panel, a filled one does not', () => {
	const notice = exportSettingsProperties.find((property) => property.name === 'noExportTriggersNotice')!;
	expect(notice.type).toBe('notice');
	const shown = (exportTriggers: unknown) => NodeHelpers.displayParameter({ exportTriggers } as INodeParameters, notice, null, null);
	expect(shown({})).toBe(true);
	expect(shown({ trigger: [] })).toBe(true);
	expect(shown({ trigger: [{ name: 'Factuur', workstatus: '1' }] })).toBe(false);
});
