/**
 * Fault rules a test injects into either simulator to see how clients cope: each matches method and path and
 * fires `times` times (default 1). One rule type for both; each simulator names the kinds it answers.
 */

export type FaultKind = 'status' | 'timeout' | 'dropAfterWrite' | 'malformedJson' | 'html401' | 'envelope' | 'rejectRecords';

export interface FaultRule {
	/** Method and path (substring or regular-expression source) to match; absent means every API request. */
	match?: { method?: string; path?: string };
	fault: FaultKind;
	/** 'status': the HTTP status; body and headers are optional. */
	status?: number;
	body?: string;
	headers?: Record<string, string>;
	/** OutSmart 'envelope': the error envelope answered with HTTP 200. */
	code?: number;
	messages?: string[];
	/** OutSmart 'rejectRecords': indexes of the batch records that fail; the whole batch is rejected. */
	recordIndexes?: number[];
	/** How many matching requests the rule affects (default 1). */
	times?: number;
}

interface ActiveRule {
	rule: FaultRule;
	remaining: number;
	pathPattern?: RegExp;
}

export class FaultBook {
	private rules: ActiveRule[] = [];

	constructor(
		private readonly kinds: readonly FaultKind[],
		/** A further check of a rule this simulator needs (e.g. a status code). */
		private readonly check: (rule: FaultRule) => void = () => undefined,
	) {}

	/** Throws on a malformed rule, so a test's typo does not silently inject nothing. */
	add(rule: FaultRule): void {
		if (!rule || typeof rule !== 'object') throw new Error('A fault rule must be an object');
		if (rule.match !== undefined && (typeof rule.match !== 'object' || rule.match === null)) throw new Error('match must be an object');
		if (!this.kinds.includes(rule.fault)) throw new Error(`Unknown fault: ${String(rule.fault)}. Known: ${this.kinds.join(', ')}`);
		const times = rule.times ?? 1;
		if (!Number.isInteger(times) || times < 1) throw new Error('times must be a positive integer');
		this.check(rule);
		let pathPattern: RegExp | undefined;
		try {
			pathPattern = rule.match?.path ? new RegExp(rule.match.path) : undefined;
		} catch {
			pathPattern = undefined;
		}
		this.rules.push({ rule: { ...rule }, remaining: times, pathPattern });
	}

	clear(): void {
		this.rules = [];
	}

	/** The rules still active, each with how many times it still fires (`remaining`, also as `times`). */
	list(): Array<FaultRule & { remaining: number }> {
		return this.rules.map((active) => ({ ...active.rule, times: active.remaining, remaining: active.remaining }));
	}

	/** The first rule matching this request, used up by one. */
	take(method: string, path: string): FaultRule | undefined {
		const active = this.rules.find((candidate) => {
			const wanted = candidate.rule.match;
			if (wanted?.method && wanted.method.toUpperCase() !== method.toUpperCase()) return false;
			if (wanted?.path === undefined || wanted.path === '') return true;
			return path.includes(wanted.path) || (candidate.pathPattern?.test(path) ?? false);
		});
		if (!active) return undefined;
		active.remaining--;
		if (active.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== active);
		return active.rule;
	}
}
