import type { ExactContext } from './types';
import { EXACT_CREDENTIAL_TYPE } from './types';

/**
 * A promise chain per key: tasks with the same key run strictly one after another inside this process.
 * The chain is dropped when it drains so the map does not grow with every key ever used.
 */
class KeyedMutex {
	private readonly tails = new Map<string, Promise<unknown>>();

	async run<T>(key: string, task: () => Promise<T>): Promise<T> {
		const previous = this.tails.get(key) ?? Promise.resolve();
		const current = previous.then(task, task);
		const tail = current.then(
			() => undefined,
			() => undefined,
		);
		this.tails.set(key, tail);
		try {
			return await current;
		} finally {
			if (this.tails.get(key) === tail) this.tails.delete(key);
		}
	}
}

const requestMutex = new KeyedMutex();
const sectionMutex = new KeyedMutex();
const credentialMutex = new KeyedMutex();

/** The credential's id (or its name when n8n gives no id, as in some test set-ups). */
export function credentialKey(context: ExactContext): string {
	const credential = context.getNode().credentials?.[EXACT_CREDENTIAL_TYPE];
	return credential?.id ?? credential?.name ?? 'default';
}

export function laneKey(context: ExactContext, division: number | undefined): string {
	return `${credentialKey(context)}:${division ?? 'current'}`;
}

/** One HTTP exchange (with its waits and retries) at a time per credential and division. */
export async function inRequestLane<T>(context: ExactContext, division: number | undefined, task: () => Promise<T>): Promise<T> {
	return await requestMutex.run(laneKey(context, division), task);
}

/**
 * Runs several requests as one critical section for this credential and division, e.g. "look up by
 * YourRef, then create": two items or executions in this process cannot both pass the lookup before
 * either creates. Sections must not be nested for the same division (that would wait forever).
 */
export async function withExactLane<T>(context: ExactContext, division: number, task: () => Promise<T>): Promise<T> {
	return await sectionMutex.run(laneKey(context, division), task);
}

/** Token refreshes are per credential, whatever the division. */
export async function inCredentialLane<T>(context: ExactContext, task: () => Promise<T>): Promise<T> {
	return await credentialMutex.run(credentialKey(context), task);
}
