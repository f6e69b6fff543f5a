import type { IDataObject } from 'n8n-workflow';

/** One import run's outcome; the templates move the sync cursor on only when `failed` is 0. */
export interface ImportSummary {
	entity: string;
	exactRecords: number;
	created: number;
	updated: number;
	unchanged: number;
	skipped: number;
	/** Why rows were skipped, where the mapping said so (`{ skipped: true, reason }` items). */
	skips?: string[];
	failed: number;
	failures: unknown[];
}

export interface ImportRun {
	entity: string;
	/** How many records Exact delivered. */
	exactRecords: number;
	/** The mapping node's output: records ready to write, and failed items (with `error`). */
	mapped: IDataObject[];
	/** The upsert's output: `written: true` per record written, anything else failed. */
	writes: IDataObject[];
	/**
	 * The key field of the OutSmart records (e.g. `debtor_number`; several fields separated by commas for a
	 * composite key such as a price's `material, hourtype, debtornr, date_start`) and the records there before the run.
	 */
	keyField: string;
	existing: IDataObject[];
}

/**
 * Counts one import run. A mapped record that was not written is unchanged (it matched OutSmart already);
 * a record the mapping left out on purpose is skipped; a written record is new when OutSmart had no
 * record with its key before the run.
 */
export function summariseImport(run: ImportRun): ImportSummary {
	const skippedRows = run.mapped.filter((record) => record.skipped === true);
	const mapped = run.mapped.filter((record) => record.skipped !== true);
	const mappedFailed = mapped.filter((record) => record.error);
	const mappedOk = mapped.length - mappedFailed.length;
	const written = run.writes.filter((record) => record.written === true);
	const writeFailed = run.writes.filter((record) => record.written !== true);
	const keyFields = run.keyField.split(',').map((field) => field.trim()).filter(Boolean);
	const keyOf = (record: IDataObject) => keyFields.map((field) => String(record[field] ?? '')).join('\u0000');
	const existingKeys = new Set(run.existing.map(keyOf));
	const created = written.filter((record) => !existingKeys.has(keyOf(record))).length;
	const failures = [...mappedFailed, ...writeFailed];
	const skips = skippedRows.map((record) => String(record.reason ?? '')).filter(Boolean);
	return {
		entity: run.entity,
		exactRecords: run.exactRecords,
		created,
		updated: written.length - created,
		unchanged: mappedOk - run.writes.length,
		skipped: run.exactRecords - mapped.length,
		...(skips.length > 0 ? { skips } : {}),
		failed: failures.length,
		failures: failures.map((record) => record.error),
	};
}
