import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { getWorkStatuses as getOutSmartWorkStatuses } from '../../OutSmart/methods/loadOptions';
import { exportTriggersFrom } from '../actions/shared/exportSettings.description';
import { workStatusUses } from '../logic/exportTriggers';

/**
 * The account's work statuses for the export triggers' status fields, each saying what the node's export
 * triggers already use it for, and a conflict (a status that would export an order twice) in so many words:
 * n8n has no cross-field validation, so the dropdown is the earliest place to show it.
 */
export async function getWorkStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const options = await getOutSmartWorkStatuses.call(this);
	let triggers: IDataObject | undefined;
	try {
		triggers = this.getCurrentNodeParameter('exportTriggers') as IDataObject | undefined;
	} catch {
		// Outside the export configuration (e.g. a work order's status) there are no triggers to describe.
		return options;
	}
	const uses = workStatusUses(exportTriggersFrom(triggers));
	return options.map((option) => {
		const use = uses.get(String(option.value));
		if (!use) return option;
		const text = use.uses.join('; ');
		return { ...option, description: use.conflict ? `Conflict: ${use.conflict} (${text})` : `Used: ${text}` };
	});
}
