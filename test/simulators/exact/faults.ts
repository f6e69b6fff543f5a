/** The faults the Exact simulator answers (the rule type and book are both simulators': ../shared/faults). */
import { FaultBook, type FaultKind } from '../shared/faults';

export type { FaultKind, FaultRule } from '../shared/faults';

const EXACT_FAULTS: FaultKind[] = ['status', 'timeout', 'dropAfterWrite', 'malformedJson', 'html401'];

export function exactFaultBook(): FaultBook {
	return new FaultBook(EXACT_FAULTS, (rule) => {
		if (rule.fault === 'status' && !rule.status) throw new Error("A 'status' fault needs a status code");
	});
}

export const OBJECT_MOVED_HTML =
	'<html><head><title>Object moved</title></head><body>\r\n<h2>Object moved to <a href="/docs/Login.aspx?ReturnUrl=%2fapi%2fv1%2fcurrent%2fMe">here</a>.</h2>\r\n</body></html>\r\n';
