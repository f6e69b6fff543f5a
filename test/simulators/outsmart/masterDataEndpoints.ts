/** GET (list with filters) and POST (batch upsert returning the count) of the master-data endpoints. */
import { jsonBatch, rejectRequestedRecords, type ApiContext } from './context';
import { EnvelopeError, ResultCode } from './envelope';
import { applyFilters, parseFilters } from './filters';
import { FILTER_ALIASES, keyOf, MASTER_ENTITIES, validateMasterRecord, type MasterEntityDefinition } from './masterData';
import type { MasterRecord } from './types';

export function isMasterDataEndpoint(endpoint: string): boolean {
	return MASTER_ENTITIES.has(endpoint) || FILTER_ALIASES.has(endpoint);
}

function definitionOf(endpoint: string): MasterEntityDefinition {
	const definition = MASTER_ENTITIES.get(FILTER_ALIASES.get(endpoint) ?? endpoint);
	if (!definition) throw new Error(`No master-data definition for ${endpoint}`);
	return definition;
}

function visible(definition: MasterEntityDefinition, record: MasterRecord): Record<string, string | null> {
	const copy: Record<string, string | null> = { ...record };
	for (const field of definition.hiddenFields ?? []) delete copy[field];
	// A nullable field is stored as "" only when it was posted as null ("" itself is refused).
	for (const field of definition.nullableFields ?? []) if (copy[field] === '') copy[field] = null;
	return copy;
}

/** Refuses a record naming a material, hour type or customer the account does not have (first problem wins). */
function checkReferences(context: ApiContext, definition: MasterEntityDefinition, record: MasterRecord, where: string): void {
	for (const reference of definition.references ?? []) {
		const value = record[reference.field];
		if (value === undefined || value === '') continue;
		if (!context.store.master(reference.entity).get(value)) {
			throw new EnvelopeError(definition.insertFailedCode, [`Unknown ${reference.name}: ${value}${where}`]);
		}
	}
}

export function listMasterData(context: ApiContext): unknown {
	const definition = definitionOf(context.endpoint);
	let records = context.store.master(definition.endpoint).all();
	for (const field of definition.queryFilterFields ?? []) {
		const value = context.params.get(field);
		if (value !== null && value !== '') records = records.filter((record) => record[field] === value);
	}
	const columns = new Set(definition.columns);
	for (const record of records) for (const column of Object.keys(record)) columns.add(column);
	return applyFilters(records, parseFilters(context.params), (record) => record, columns).map((record) => visible(definition, record));
}

/** The `values` endpoint also takes its record in the query string (val_entity, val_primary, val_column, val_value_N). */
function queryRecord(context: ApiContext): MasterRecord {
	const record: MasterRecord = {};
	for (const [name, value] of context.params) {
		if (name.startsWith('val_')) record[name] = value;
	}
	return record;
}

/** Validates the whole batch first: one bad record rejects the batch, with the record index in the message. */
export function upsertMasterData(context: ApiContext): unknown {
	if (FILTER_ALIASES.has(context.endpoint)) throw new EnvelopeError(ResultCode.unknownEndpoint, [`Unknown endpoint: POST ${context.endpoint}`]);
	const definition = definitionOf(context.endpoint);
	const fromQuery = definition.queryFilterFields ? queryRecord(context) : {};
	const batch = definition.queryFilterFields && context.rawBody.trim() === '' && Object.keys(fromQuery).length > 0 ? [{}] : jsonBatch(context, definition.acceptsSingleObject);
	const records = batch.map((input, index) => {
		const merged = typeof input === 'object' && input !== null && !Array.isArray(input) ? { ...fromQuery, ...input } : input;
		const record = validateMasterRecord(definition, merged, index, batch.length);
		checkReferences(context, definition, record, batch.length > 1 ? ` (record ${index})` : '');
		return record;
	});
	rejectRequestedRecords(context, definition.insertFailedCode);
	const collection = context.store.master(definition.endpoint);
	const seenKeys = new Set<string>();
	for (const record of records) {
		collection.upsert(record);
		seenKeys.add(keyOf(definition, record));
	}
	return seenKeys.size;
}
