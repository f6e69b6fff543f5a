import type { IDataObject } from 'n8n-workflow';
import { fromExactLocalIso } from '../transport/exactTime';

/** One callback's Content, as Exact sends it. */
export interface ExactWebhookContent {
	Topic: string;
	ClientId?: string;
	Division: number;
	Action: 'Create' | 'Update' | 'Delete';
	Key: string;
	ExactOnlineEndpoint?: string;
	EventCreatedOn?: string;
}

const ACTIONS = new Set(['Create', 'Update', 'Delete']);

/** Parses verified Content text; undefined when a field the node relies on is missing or of the wrong kind. */
export function parseWebhookContent(contentText: string): ExactWebhookContent | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(contentText);
	} catch {
		return undefined;
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
	const content = parsed as Record<string, unknown>;
	const division = Number(content.Division);
	if (typeof content.Topic !== 'string' || content.Topic === '') return undefined;
	if (typeof content.Action !== 'string' || !ACTIONS.has(content.Action)) return undefined;
	if (typeof content.Key !== 'string' || content.Key === '') return undefined;
	if (!Number.isInteger(division) || division <= 0) return undefined;
	return {
		Topic: content.Topic,
		ClientId: typeof content.ClientId === 'string' ? content.ClientId : undefined,
		Division: division,
		Action: content.Action as ExactWebhookContent['Action'],
		Key: content.Key,
		ExactOnlineEndpoint: typeof content.ExactOnlineEndpoint === 'string' ? content.ExactOnlineEndpoint : undefined,
		EventCreatedOn: typeof content.EventCreatedOn === 'string' ? content.EventCreatedOn : undefined,
	};
}

export type IgnoreReason = 'division' | 'topic';

/** Why a verified event is not for this node (another division or topic of the same app), or undefined. */
export function ignoreReason(content: ExactWebhookContent, division: number, topics: string[]): IgnoreReason | undefined {
	if (content.Division !== division) return 'division';
	if (!topics.some((topic) => topic.toLowerCase() === content.Topic.toLowerCase())) return 'topic';
	return undefined;
}

/** The item the node emits for one event; the record (when fetched) sits under `Record`. */
export function eventItem(content: ExactWebhookContent, receivedAt: string, record?: IDataObject | null): IDataObject {
	const item: IDataObject = {
		Topic: content.Topic,
		Action: content.Action,
		Key: content.Key,
		Division: content.Division,
		EventCreatedOn: content.EventCreatedOn ? fromExactLocalIso(content.EventCreatedOn) : null,
		ReceivedAt: receivedAt,
		ExactOnlineEndpoint: content.ExactOnlineEndpoint ?? null,
	};
	if (record !== undefined) item.Record = record;
	return item;
}
