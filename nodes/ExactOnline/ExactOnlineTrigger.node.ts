import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { divisionPicker } from './actions/common/locators';
import { divisionSearch } from './methods/divisions';
import { receiveCallback } from './trigger/receive';
import { triggerDivision, triggerTopics, webhookSecret } from './trigger/settings';
import { ensureSubscriptions, removeSubscriptions, restoreReplaced, subscriptionsExist } from './trigger/subscriptions';
import type { SubscriptionPolicy } from './trigger/subscriptions';
import { EXACT_WEBHOOK_TOPICS } from './trigger/topics';

async function subscriptionTarget(context: IHookFunctions) {
	const topics = triggerTopics(context);
	if (topics.length === 0) throw new NodeOperationError(context.getNode(), 'Choose at least one topic to listen to');
	return { division: await triggerDivision(context), topics, callbackUrl: context.getNodeWebhookUrl('default') as string };
}

/** "Listen for test event": n8n subscribes the test URL in manual mode. */
function isTestSession(context: IHookFunctions): boolean {
	return context.getActivationMode() === 'manual';
}

/**
 * Where the node keeps its subscriptions: production in the node's static data, a test session in a part of its
 * own, so listening for a test event never overwrites what the active workflow subscribed.
 */
function subscriptionData(context: IHookFunctions): { stored: IDataObject; production: IDataObject } {
	const production = context.getWorkflowStaticData('node');
	if (!isTestSession(context)) return { stored: production, production };
	if (typeof production.testSession !== 'object' || production.testSession === null) production.testSession = {};
	return { stored: production.testSession as IDataObject, production };
}

/** A URL is this trigger's when its path ends in the node's webhook ID and path (any host, production or test). */
function ownsUrl(context: IHookFunctions): (url: string) => boolean {
	const webhookId = context.getNode().webhookId;
	return (url: string) => {
		if (!webhookId) return false;
		try {
			return new URL(url).pathname.replace(/\/+$/, '').endsWith(`/${webhookId}/webhook`);
		} catch {
			return false;
		}
	};
}

function subscriptionPolicy(context: IHookFunctions, stored: IDataObject): SubscriptionPolicy {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return { ownsUrl: ownsUrl(context), takeOver: options.takeOverSubscriptions === true, replaced: isTestSession(context) ? stored : undefined };
}

export class ExactOnlineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Exact Online Trigger',
		name: 'exactOnlineTrigger',
		icon: { light: 'file:exactOnline.svg', dark: 'file:exactOnline.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["topics"] || []).join(", ") }}',
		description: 'Starts the workflow when records change in Exact Online (webhooks)',
		defaults: { name: 'Exact Online Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'exactOnlineOAuth2Api', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Exact Online calls this workflow for every change. Set the webhook secret of your Exact app in the credential: callbacks that are not signed with it are rejected.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			divisionPicker('to listen to'),
			{
				displayName: 'Topics',
				name: 'topics',
				type: 'multiOptions',
				options: EXACT_WEBHOOK_TOPICS,
				default: ['Accounts'],
				required: true,
				description: 'The kinds of records to listen to; each topic is one webhook subscription in Exact',
			},
			{
				displayName: 'Fetch Full Record',
				name: 'fetchRecord',
				type: 'boolean',
				default: false,
				description:
					'Whether to read the changed record from Exact Online and add it under "Record" (one API call per event; Delete events carry only the key)',
			},
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'string',
				default: '',
				placeholder: 'e.g. ID,Code,Name,Email',
				description: 'Comma-separated fields of the record to read ($select); empty reads all fields',
				displayOptions: { show: { fetchRecord: [true] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Take Over Subscriptions',
						name: 'takeOverSubscriptions',
						type: 'boolean',
						default: false,
						description:
							'Whether to move a topic here when another workflow (or another n8n) holds its subscription. Exact Online allows one subscription per topic for an app and division; the other workflow then stops receiving these events.',
					},
					{
						displayName: 'Webhook Secret',
						name: 'webhookSecret',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description:
							'Use this webhook secret instead of the credential\'s, e.g. when several Exact apps share one credential type',
					},
				],
			},
		],
	};

	methods = { listSearch: { searchDivisions: divisionSearch('nameFirst') } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await subscriptionsExist(this, await subscriptionTarget(this), subscriptionData(this).stored);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if ((await webhookSecret(this)) === '') {
					throw new NodeOperationError(this.getNode(), 'The Exact Online credential has no Webhook Secret', {
						description:
							'Open the credential and paste the webhook secret of your app from the Exact App Center (it is not the client secret), or set it under Options in this node. Without it callbacks cannot be verified.',
					});
				}
				const { stored } = subscriptionData(this);
				await ensureSubscriptions(this, await subscriptionTarget(this), stored, subscriptionPolicy(this, stored));
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				let division: number | undefined;
				try {
					division = await triggerDivision(this);
				} catch (error) {
					// The remembered subscriptions are still removed; only the sweep for leftovers needs the division.
					this.logger.warn(`Exact Online Trigger: no valid division to sweep for leftover subscriptions: ${(error as Error).message}`);
				}
				const { stored, production } = subscriptionData(this);
				await removeSubscriptions(this, this.getNodeWebhookUrl('default') as string, division, stored);
				// A test session on an active workflow took the production subscriptions over: give them back.
				if (isTestSession(this)) await restoreReplaced(this, stored, production);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveCallback(this);
	}
}
