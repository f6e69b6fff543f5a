import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { EXACT_CREDENTIAL_TYPE, getDivision } from '../transport';
import { normaliseTopics } from './topics';

export type TriggerContext = IHookFunctions | IWebhookFunctions;

/** The division from the node's parameter (both contexts read parameters the same way). */
export async function triggerDivision(context: TriggerContext): Promise<number> {
	return await getDivision.call(context as IHookFunctions);
}

export function triggerTopics(context: TriggerContext): string[] {
	return normaliseTopics(context.getNodeParameter('topics', []));
}

/** The node's own secret (for users with several Exact apps) wins over the credential's. */
export async function webhookSecret(context: TriggerContext): Promise<string> {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const override = typeof options.webhookSecret === 'string' ? options.webhookSecret.trim() : '';
	if (override !== '') return override;
	const credentials = await context.getCredentials(EXACT_CREDENTIAL_TYPE);
	return typeof credentials.webhookSecret === 'string' ? credentials.webhookSecret.trim() : '';
}
