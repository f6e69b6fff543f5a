/**
 * In-memory data of every division: rows per entity set, a per-division row-version counter (the sync Timestamp)
 * and the sync/Deleted log. Every write goes through here, so Timestamps, Created/Modified and webhooks cannot be forgotten.
 */
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { SimulatedClock } from '../shared/clock';
import { EXACT_TIME_ZONE } from './exactTime';
import { findEntityBySet, type EntityDefinition } from './schema';

export type Row = Record<string, unknown>;
export type ChangeAction = 'Create' | 'Update' | 'Delete';

export interface ChangeEvent {
	division: number;
	definition: EntityDefinition;
	action: ChangeAction;
	key: string;
}

const FIRST_TIMESTAMP = 89_000_000;
/** Where row versions restart after a division moved to another database (see moveDivision). */
const MOVED_FIRST_TIMESTAMP = 12_000_000;
const DELETED_LOG_MONTHS = 2;
export const SIMULATOR_USER_ID = '7e3b1d52-4c1e-4f5a-9a43-2f4c8f0d6a11';
export const SIMULATOR_USER_NAME = 'Gerrit van der Berg';

export class ExactStore {
	private readonly data = new Map<number, Map<string, Map<string, Row>>>();
	private readonly timestamps = new Map<number, number>();
	private readonly deletedLog = new Map<number, Row[]>();
	private readonly listeners: Array<(event: ChangeEvent) => void> = [];
	/**
	 * ours: a test facility, not Exact behaviour — where new GUID keys come from (random, as Exact's are). A test
	 * may make them predictable, e.g. so that which of two invoices sorts first by ID is fixed.
	 */
	newGuid: () => string = randomUUID;

	constructor(private readonly clock: SimulatedClock) {}

	onChange(listener: (event: ChangeEvent) => void): void {
		this.listeners.push(listener);
	}

	divisions(): number[] {
		return [...this.data.keys()];
	}

	addDivision(division: number): void {
		if (!this.data.has(division)) this.data.set(division, new Map());
		if (!this.timestamps.has(division)) this.timestamps.set(division, FIRST_TIMESTAMP);
		if (!this.deletedLog.has(division)) this.deletedLog.set(division, []);
	}

	hasDivision(division: number): boolean {
		return this.data.has(division);
	}

	private table(division: number, entitySet: string): Map<string, Row> {
		this.addDivision(division);
		const sets = this.data.get(division)!;
		let table = sets.get(entitySet);
		if (!table) {
			table = new Map();
			sets.set(entitySet, table);
		}
		return table;
	}

	private definition(entitySet: string): EntityDefinition {
		const definition = findEntityBySet(entitySet);
		if (!definition) throw new Error(`Unknown entity set ${entitySet}`);
		return definition;
	}

	private nextTimestamp(division: number): number {
		const next = (this.timestamps.get(division) ?? FIRST_TIMESTAMP) + 1;
		this.timestamps.set(division, next);
		return next;
	}

	/** All rows of an entity set, in insertion order (copies: mutate through update()). */
	list(division: number, entitySet: string): Row[] {
		return [...this.table(division, entitySet).values()].map((row) => ({ ...row }));
	}

	/** Live rows for the request handlers; callers must not mutate them. */
	rows(division: number, entitySet: string): Row[] {
		return [...this.table(division, entitySet).values()];
	}

	get(division: number, entitySet: string, key: string | number): Row | undefined {
		const row = this.table(division, entitySet).get(String(key).toLowerCase());
		return row ? { ...row } : undefined;
	}

	insert(division: number, entitySet: string, row: Row, options: { silent?: boolean } = {}): Row {
		const definition = this.definition(entitySet);
		const now = this.clock.now();
		const stored: Row = {
			...row,
			Division: division,
			Created: row.Created ?? now,
			Creator: row.Creator ?? SIMULATOR_USER_ID,
			CreatorFullName: row.CreatorFullName ?? SIMULATOR_USER_NAME,
			Modified: row.Modified ?? now,
			Modifier: SIMULATOR_USER_ID,
			ModifierFullName: SIMULATOR_USER_NAME,
			Timestamp: this.nextTimestamp(division),
		};
		const key = String(stored[definition.key]).toLowerCase();
		this.table(division, entitySet).set(key, stored);
		if (!options.silent) this.emit({ division, definition, action: 'Create', key });
		return { ...stored };
	}

	update(division: number, entitySet: string, key: string | number, changes: Row, options: { silent?: boolean } = {}): Row | undefined {
		const definition = this.definition(entitySet);
		const table = this.table(division, entitySet);
		const normalisedKey = String(key).toLowerCase();
		const current = table.get(normalisedKey);
		if (!current) return undefined;
		const updated: Row = { ...current, ...changes, Modified: this.clock.now(), Timestamp: this.nextTimestamp(division) };
		table.set(normalisedKey, updated);
		if (!options.silent) this.emit({ division, definition, action: 'Update', key: normalisedKey });
		return { ...updated };
	}

	/**
	 * Changes a derived value without a new Timestamp or Modified, as Exact does for a value it computes from another
	 * entity (e.g. Items.StandardSalesPrice from SalesItemPrices, whose rows carry their own Timestamp).
	 */
	setDerived(division: number, entitySet: string, key: string | number, changes: Row): void {
		const table = this.table(division, entitySet);
		const normalisedKey = String(key).toLowerCase();
		const current = table.get(normalisedKey);
		if (current) table.set(normalisedKey, { ...current, ...changes });
	}

	remove(division: number, entitySet: string, key: string | number, options: { silent?: boolean } = {}): boolean {
		const definition = this.definition(entitySet);
		const normalisedKey = String(key).toLowerCase();
		const removed = this.table(division, entitySet).delete(normalisedKey);
		if (!removed) return false;
		if (definition.deletedEntityType !== undefined) {
			this.deletedLog.get(division)!.push({
				ID: randomUUID(),
				Timestamp: this.nextTimestamp(division),
				DeletedBy: SIMULATOR_USER_ID,
				DeletedDate: this.clock.now(),
				Division: division,
				EntityKey: normalisedKey,
				EntityType: definition.deletedEntityType,
			});
		}
		if (!options.silent) this.emit({ division, definition, action: 'Delete', key: normalisedKey });
		return true;
	}

	/**
	 * The sync/Deleted log as Exact serves it: entries older than two months are gone ("the log of records
	 * deleted is saved for 2 months", Pi-Systems/exact-online src/Entity/Sync/Deleted.php docblock).
	 */
	deleted(division: number): Row[] {
		const keptSince = DateTime.fromMillis(this.clock.now(), { zone: EXACT_TIME_ZONE }).minus({ months: DELETED_LOG_MONTHS }).toMillis();
		const log = (this.deletedLog.get(division) ?? []).filter((entry) => Number(entry.DeletedDate) >= keptSince);
		this.deletedLog.set(division, log);
		return [...log];
	}

	/**
	 * The division moved to another database: every Timestamp (rows and sync/Deleted) is regenerated from a new,
	 * lower row version, and `DivisionMoveDate` on system/Divisions says when ("In case the division is moved to
	 * another database in Exact Online the timestamp values will be reset", Pi-Systems/exact-online
	 * src/Entity/Sync/Deleted.php and src/Entity/System/Divisions.php docblocks). That the new values are lower
	 * than the old ones is ours: it is the case that loses changes when a client does not notice the move.
	 */
	moveDivision(division: number): void {
		this.timestamps.set(division, MOVED_FIRST_TIMESTAMP);
		for (const table of this.data.get(division)?.values() ?? []) {
			for (const [key, row] of table) table.set(key, { ...row, Timestamp: this.nextTimestamp(division) });
		}
		for (const entry of this.deletedLog.get(division) ?? []) entry.Timestamp = this.nextTimestamp(division);
		const moved = this.clock.now();
		for (const sets of this.data.values()) {
			const row = sets.get('Divisions')?.get(String(division));
			if (row) row.DivisionMoveDate = moved;
		}
	}

	currentTimestamp(division: number): number {
		return this.timestamps.get(division) ?? FIRST_TIMESTAMP;
	}

	private emit(event: ChangeEvent): void {
		for (const listener of this.listeners) listener(event);
	}
}
