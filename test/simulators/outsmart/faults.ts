/** Fault rules injected by tests: each matches method and path, and fires `times` times (default 1). */
import type { FaultRule } from './types';

const FAULT_KINDS = ['status', 'timeout', 'dropAfterWrite', 'malformedJson', 'html401', 'envelope', 'rejectRecords'];

interface ActiveRule {
	rule: FaultRule;
	remaining: number;
	pathPattern?: RegExp;
}

function pathMatches(active: ActiveRule, path: string): boolean {
	const wanted = active.rule.match?.path;
	if (wanted === undefined || wanted === '') return true;
	return path.includes(wanted) || (active.pathPattern?.test(path) ?? false);
}

export class FaultBook {
	private rules: ActiveRule[] = [];

	/** Throws on a malformed rule, so a test's typo does not silently inject nothing. */
	add(rule: FaultRule): void {
		if (!rule || typeof rule !== 'object') throw new Error('A fault rule must be an object');
		if (rule.match !== undefined && (typeof rule.match !== 'object' || rule.match === null)) throw new Error('match must be an object');
		if (!FAULT_KINDS.includes(rule.fault)) throw new Error(`Unknown fault: ${String(rule.fault)}. Known: ${FAULT_KINDS.join(', ')}`);
		const times = rule.times ?? 1;
		if (!Number.isInteger(times) || times < 1) throw new Error('times must be a positive integer');
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

	list(): Array<FaultRule & { remaining: number }> {
		return this.rules.map((active) => ({ ...active.rule, remaining: active.remaining }));
	}

	/** The first rule matching this request, used up by one. */
	take(method: string, path: string): FaultRule | undefined {
		const active = this.rules.find(
			(candidate) => {
				const wantedMethod = candidate.rule.match?.method;
				return (wantedMethod === undefined || wantedMethod.toUpperCase() === method.toUpperCase()) && pathMatches(candidate, path);
			},
		);
		if (!active) return undefined;
		active.remaining--;
		if (active.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== active);
		return active.rule;
	}
}
