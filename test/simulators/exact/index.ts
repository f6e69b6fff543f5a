/** Public entry of the Exact Online simulator for tests, the sandbox and the standalone CLI. */
export { startExactSimulator, ExactSimulator, DEFAULT_REDIRECT_URI, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_WEBHOOK_SECRET } from './simulator';
export type { ExactSimulatorOptions, ExactSimulatorInfo, CallRecord } from './simulator';
export type { FaultRule, FaultKind } from './faults';
export type { TokenResponse, TokenStats } from './oauth';
export type { RateLimitState } from './rateLimits';
export type { RightsDenial } from './rights';
export type { Row, ChangeEvent } from './store';
export type { WebhookDelivery, WebhookContent } from './webhooks';
export { signWebhookContent } from './webhooks';
export { deterministicGuid, SECOND_DIVISION, UNGRANTED_DIVISION } from './seed';
export { DEFAULT_START_TIME, SimulatedClock } from '../shared/clock';
export { DEMO_DIVISION } from '../demo/company';
