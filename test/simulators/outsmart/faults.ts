/** The faults the OutSmart simulator answers (the rule type and book are both simulators': ../shared/faults). */
import { FaultBook, type FaultKind } from '../shared/faults';

const OUTSMART_FAULTS: FaultKind[] = ['status', 'timeout', 'dropAfterWrite', 'malformedJson', 'html401', 'envelope', 'rejectRecords'];

export function outSmartFaultBook(): FaultBook {
	return new FaultBook(OUTSMART_FAULTS);
}
