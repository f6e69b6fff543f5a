/** A log of API calls (not control calls), with counters per method + path. */
import type { CallFilter, CallRecord } from './types';

const MAX_CALLS = 100_000;

export class CallLog {
	private records: CallRecord[] = [];

	add(record: CallRecord): CallRecord {
		// Bounded so a long sandbox run cannot grow without limit; the oldest calls go first.
		if (this.records.length >= MAX_CALLS) this.records.shift();
		this.records.push(record);
		return record;
	}

	all(filter?: CallFilter): CallRecord[] {
		return this.records.filter((record) => matches(record, filter)).map((record) => ({ ...record }));
	}

	count(filter?: CallFilter): number {
		return this.records.filter((record) => matches(record, filter)).length;
	}

	/** Calls per "METHOD /path" (path without query). */
	counters(): Record<string, number> {
		const counters: Record<string, number> = {};
		for (const record of this.records) {
			const key = `${record.method} ${record.path}`;
			counters[key] = (counters[key] ?? 0) + 1;
		}
		return counters;
	}

	reset(): void {
		this.records = [];
	}
}

/** Method matches exactly; path and endpoint match exactly or, for path, as a substring. */
function matches(record: CallRecord, filter?: CallFilter): boolean {
	if (!filter) return true;
	if (filter.method !== undefined && record.method !== filter.method.toUpperCase()) return false;
	if (filter.endpoint !== undefined && record.endpoint !== filter.endpoint) return false;
	if (filter.path !== undefined && !record.path.includes(filter.path)) return false;
	return true;
}
