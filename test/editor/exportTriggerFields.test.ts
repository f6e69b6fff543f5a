/**
 * The fields of an export trigger read as a person reads them: name, status, mode, success status, error
 * status (then the exclusions), not n8n's alphabetical default that put Error Status first.
 */
import type { INodeProperties } from 'n8n-workflow';
import { exportSettingsProperties } from '../../nodes/ExactOutSmart/actions/shared/exportSettings.description';

test('an export trigger shows its fields in reading order', () => {
	const triggers = exportSettingsProperties.find((property) => property.name === 'exportTriggers')!;
	const [trigger] = triggers.options as Array<{ name: string; values: INodeProperties[] }>;
	expect(trigger.values.map((field) => field.name)).toEqual(['name', 'status', 'workstatus', 'mode', 'successStatus', 'errorStatus', 'excludePaymentMethods', 'excludeWorkTypes']);
});
