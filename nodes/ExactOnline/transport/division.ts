import type { IExecuteFunctions, IHookFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { EXACT_CREDENTIAL_TYPE } from './types';

type DivisionContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions;

function toDivision(value: unknown): number | undefined {
	if (typeof value === 'object' && value !== null && 'value' in value) {
		return toDivision((value as { value: unknown }).value);
	}
	const number = typeof value === 'number' ? value : Number(String(value ?? '').trim());
	return Number.isInteger(number) && number > 0 ? number : undefined;
}

function isEmpty(value: unknown): boolean {
	if (typeof value === 'object' && value !== null && 'value' in value) return isEmpty((value as { value: unknown }).value);
	return value === undefined || value === null || String(value).trim() === '';
}

/** The node's own 'division' parameter as saved (or being edited, for dropdowns). */
function divisionParameter(context: DivisionContext, itemIndex?: number): unknown {
	if ('getCurrentNodeParameter' in context && typeof context.getCurrentNodeParameter === 'function') {
		// Dropdowns see the parameters being edited; fall back to the saved ones.
		const current = context.getCurrentNodeParameter('division', { extractValue: true });
		if (toDivision(current) !== undefined) return current;
		return (context as ILoadOptionsFunctions).getNodeParameter('division', undefined, { extractValue: true });
	}
	if (itemIndex !== undefined) return (context as IExecuteFunctions).getNodeParameter('division', itemIndex, undefined, { extractValue: true });
	return (context as IPollFunctions).getNodeParameter('division', undefined, { extractValue: true });
}

/** The credential's optional Default Division, if it holds a valid code. */
async function credentialDivision(context: DivisionContext): Promise<number | undefined> {
	let credentials: Record<string, unknown>;
	try {
		credentials = (await context.getCredentials(EXACT_CREDENTIAL_TYPE)) as Record<string, unknown>;
	} catch {
		return undefined;
	}
	return toDivision(credentials.defaultDivision);
}

/**
 * The administration the node works on: its own 'division' parameter when set (a resource locator or a
 * plain number), else the Default Division of the Exact Online credential. Never taken from Exact's
 * CurrentDivision, which follows the user's last click in Exact.
 */
export async function getDivision(this: DivisionContext, itemIndex?: number): Promise<number> {
	const raw = divisionParameter(this, itemIndex);
	if (isEmpty(raw)) {
		const fromCredential = await credentialDivision(this);
		if (fromCredential !== undefined) return fromCredential;
		throw new NodeOperationError(this.getNode(), 'No division: choose the administration in this node, or set a Default Division on the Exact Online credential', {
			itemIndex,
			description: 'Choose the administration (division) from the list in the Division field, or open the Exact Online credential and enter the Default Division every Exact node then uses.',
		});
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
