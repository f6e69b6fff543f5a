import type { IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

function toDivision(value: unknown): number | undefined {
	if (typeof value === 'object' && value !== null && 'value' in value) {
		return toDivision((value as { value: unknown }).value);
	}
	const number = typeof value === 'number' ? value : Number(String(value ?? '').trim());
	return Number.isInteger(number) && number > 0 ? number : undefined;
}

/**
 * The administration the node works on, from its 'division' parameter (a resource locator or a plain
 * number). Never taken from Exact's CurrentDivision, which follows the user's last click in Exact.
 */
export function getDivision(
	this: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions,
	itemIndex?: number,
): number {
	let raw: unknown;
	if ('getCurrentNodeParameter' in this && typeof this.getCurrentNodeParameter === 'function') {
		// Dropdowns see the parameters being edited; fall back to the saved ones.
		raw = this.getCurrentNodeParameter('division', { extractValue: true });
		if (toDivision(raw) === undefined) raw = (this as ILoadOptionsFunctions).getNodeParameter('division', undefined, { extractValue: true });
	} else if (itemIndex !== undefined) {
		raw = (this as IExecuteFunctions).getNodeParameter('division', itemIndex, undefined, { extractValue: true });
	} else {
		raw = (this as IPollFunctions).getNodeParameter('division', undefined, { extractValue: true });
	}
	const division = toDivision(raw);
	if (division === undefined) {
		throw new NodeOperationError(
			this.getNode(),
			`Division "${String(typeof raw === 'object' ? JSON.stringify(raw) : raw ?? '')}" is not a valid Exact Online division code`,
			{ itemIndex, description: 'Choose the administration (division) from the list, or enter its numeric code as shown in Exact Online.' },
		);
	}
	return division;
}
