import type { INodeProperties } from 'n8n-workflow';
import { divisionLocator } from '../../../ExactOnline/actions/common/locators';

/** The Exact administration, shown only for the operations that read Exact. */
export function divisionFor(show: Record<string, string[]>): INodeProperties {
	return { ...divisionLocator, displayOptions: { show } };
}
