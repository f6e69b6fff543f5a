/** Fault rules a test injects to see how clients cope with Exact misbehaving. */

export type FaultKind = 'status' | 'timeout' | 'dropAfterWrite' | 'malformedJson' | 'html401';

export interface FaultRule {
	match?: { method?: string; path?: string };
	fault: FaultKind;
	status?: number;
	body?: string;
	headers?: Record<string, string>;
	/** How many matching requests the fault applies to (default 1). */
	times?: number;
}

interface ActiveFault extends FaultRule {
	remaining: number;
}

export const OBJECT_MOVED_HTML =
	'<html><head><title>Object moved</title></head><body>\r\n<h2>Object moved to <a href="/docs/Login.aspx?ReturnUrl=%2fapi%2fv1%2fcurrent%2fMe">here</a>.</h2>\r\n</body></html>\r\n';

function pathMatches(pattern: string, path: string): boolean {
	if (path.includes(pattern)) return true;
	try {
		return new RegExp(pattern).test(path);
	} catch {
		return false;
	}
}

export class FaultInjector {
	private rules: ActiveFault[] = [];

	add(rule: FaultRule): void {
		const validKinds: FaultKind[] = ['status', 'timeout', 'dropAfterWrite', 'malformedJson', 'html401'];
		if (!validKinds.includes(rule.fault)) throw new Error(`Unknown fault '${String(rule.fault)}'`);
		if (rule.fault === 'status' && !rule.status) throw new Error("A 'status' fault needs a status code");
		this.rules.push({ ...rule, remaining: rule.times ?? 1 });
	}

	clear(): void {
		this.rules = [];
	}

	list(): FaultRule[] {
		return this.rules.map(({ remaining, ...rule }) => ({ ...rule, times: remaining }));
	}

	/** Takes the first rule matching the request, using up one of its times. */
	take(method: string, path: string): FaultRule | undefined {
		const index = this.rules.findIndex(
			(rule) => (!rule.match?.method || rule.match.method.toUpperCase() === method.toUpperCase()) && (!rule.match?.path || pathMatches(rule.match.path, path)),
		);
		if (index < 0) return undefined;
		const rule = this.rules[index];
		rule.remaining--;
		if (rule.remaining <= 0) this.rules.splice(index, 1);
		return rule;
	}
}
