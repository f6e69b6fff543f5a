/**
 * Webhook delivery: an empty validation POST after subscribing, then {"Content":{…},"HashCode":"…"} on every
 * create/update/delete of a subscribed entity. HashCode is the uppercase hex HMAC-SHA256 of the Content JSON text.
 */
import { createHmac } from 'node:crypto';
import type { SimulatedClock } from '../shared/clock';
import type { ChangeEvent, ExactStore } from './store';

export interface WebhookDelivery {
	url: string;
	kind: 'validation' | 'event';
	body: string;
	status?: number;
	error?: string;
	at: number;
}

export interface WebhookContent {
	Topic: string;
	ClientId: string;
	Division: number;
	Action: string;
	Key: string;
	ExactOnlineEndpoint: string;
	EventCreatedOn: string;
}

const DELIVERY_TIMEOUT_MS = 5000;
const MAX_KEPT_DELIVERIES = 1000;

export function signWebhookContent(contentJson: string, secret: string): string {
	return createHmac('sha256', secret).update(contentJson).digest('hex').toUpperCase();
}

/** Exact stamps events in server-local time (Europe/Amsterdam) without an offset. */
export function amsterdamLocalIso(epochMs: number): string {
	const text = new Date(epochMs).toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam', hour12: false });
	return `${text.replace(' ', 'T')}.${String(epochMs % 1000).padStart(3, '0')}`;
}

export class WebhookDispatcher {
	readonly deliveries: WebhookDelivery[] = [];
	private readonly pending = new Set<Promise<void>>();

	constructor(
		private readonly store: ExactStore,
		private readonly clock: SimulatedClock,
		private readonly settings: { clientId: string; webhookSecret: () => string; baseUrl: () => string },
	) {
		store.onChange((event) => this.onChange(event));
	}

	private onChange(event: ChangeEvent): void {
		const topic = event.definition.topic;
		if (!topic) return;
		const subscriptions = this.store.rows(event.division, 'WebhookSubscriptions').filter((row) => row.Topic === topic);
		if (subscriptions.length === 0) return;
		const content: WebhookContent = {
			Topic: topic,
			ClientId: this.settings.clientId,
			Division: event.division,
			Action: event.action,
			Key: event.key,
			ExactOnlineEndpoint: `${this.settings.baseUrl()}/api/v1/${event.division}/${event.definition.path}(guid'${event.key}')`,
			EventCreatedOn: amsterdamLocalIso(this.clock.now()),
		};
		const contentJson = JSON.stringify(content);
		const body = `{"Content":${contentJson},"HashCode":"${signWebhookContent(contentJson, this.settings.webhookSecret())}"}`;
		for (const subscription of subscriptions) this.post(String(subscription.CallbackURL), body, 'event');
	}

	/** The empty POST Exact sends right after a subscription is created; the receiver must answer 2xx. */
	sendValidation(url: string): void {
		const delayed: Promise<void> = new Promise<void>((resolve) => setTimeout(resolve, 5))
			.then(() => this.post(url, '', 'validation'))
			.finally(() => this.pending.delete(delayed));
		this.pending.add(delayed);
	}

	private post(url: string, body: string, kind: WebhookDelivery['kind']): void {
		const delivery: WebhookDelivery = { url, kind, body, at: this.clock.now() };
		this.deliveries.push(delivery);
		if (this.deliveries.length > MAX_KEPT_DELIVERIES) this.deliveries.shift();
		const attempt = fetch(url, {
			method: 'POST',
			headers: kind === 'event' ? { 'Content-Type': 'application/json' } : {},
			body,
			signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
		})
			.then(async (response) => {
				delivery.status = response.status;
				await response.arrayBuffer().catch(() => undefined);
			})
			.catch((error: Error) => {
				delivery.error = error.message;
			})
			.finally(() => this.pending.delete(attempt));
		this.pending.add(attempt);
	}

	/** Resolves once every delivery started so far has finished (tests await it instead of sleeping). */
	async flush(): Promise<void> {
		for (let round = 0; round < 10 && this.pending.size > 0; round++) await Promise.allSettled([...this.pending]);
	}
}
