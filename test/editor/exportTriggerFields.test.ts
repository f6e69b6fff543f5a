/**
 * The fields of an export trigger. n8n's community-package scanner requires a fixed collection's fields
 * in alphabetical order and does not honour inline exceptions, so the panel shows them alphabetically;
 * each field's description says where it belongs in the trigger.
 */
import type { INodeProperties } from 'n8n-workflow';
import { exportSettingsProperties } from '../../nodes/ExactOutSmart/actions/shared/exportSettings.description';

test('an export trigger shows its fields in the order the package scanner accepts', () => {
	const triggers = exportSettingsProperties.find((property) => property.name === 'exportTriggers')!;
	const [trigger] = triggers.options as Array<{ name: string; values: INodeProperties[] }>;
	const names = trigger.values.map((field) => field.displayName);
	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	expect(trigger.values.map((field) => field.name).sort()).toEqual(['errorStatus', 'excludePaymentMethods', 'excludeWorkTypes', 'mode', 'name', 'status', 'successStatus', 'workstatus']);
});
