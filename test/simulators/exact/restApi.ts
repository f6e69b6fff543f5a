/**
 * The REST/OData surface under /api/v1: bearer check, division scope, error limit, rate limit, then the
 * entity sets (single, sync/*, bulk/*, sync/Deleted, current/Me) with reads and writes as Exact answers them.
 */
import { randomUUID } from 'node:crypto';
import type { SimulatedClock } from '../shared/clock';
import { isGuid, readEntityInput, requireFields, parseJsonObject } from './entityInput';
import { amsterdamOffsetSeconds, startOfExactDay } from './exactTime';
import { ApiError, restErrorBody } from './httpUtils';
import { OBJECT_MOVED_HTML } from './faults';
import type { AccessGrant, OAuthServer } from './oauth';
import { BULK_PAGE_SIZE, buildQueryString, parseFilterFor, parseSelect, queryCollection, readQueryOptions, REST_PAGE_SIZE, type CollectionSpec } from './odataQuery';
import { filterFields } from './odataFilter';
import { padCode } from './padding';
import type { RateLimiter } from './rateLimits';
import type { RightsModel } from './rights';
import { createSalesInvoice, processSalesInvoice } from './salesInvoices';
import {
	bulkFieldTypes, findEntityByBulkPath, findEntityByPath, findEntityBySyncPath, findEntityByTopic, ME_FIELDS, SYNC_DELETED_FIELDS, syncFieldTypes, type EntityDefinition,
} from './schema';
import { keyLiteral, serializeRow, toAtomFeed } from './serialize';
import { SIMULATOR_USER_ID, SIMULATOR_USER_NAME, type ExactStore, type Row } from './store';
import type { WebhookDispatcher } from './webhooks';

export interface SimResponse {
	status: number;
	headers: Record<string, string>;
	body: string | Buffer;
}

export interface RestContext {
	store: ExactStore;
	clock: SimulatedClock;
	oauth: OAuthServer;
	limiter: RateLimiter;
	webhooks: WebhookDispatcher;
	baseUrl: () => string;
	mandatoryFilters: () => boolean;
	/** Ours, as a fault: Exact documents absolute __next links; a relative one must not break a client. */
	relativeNextLinks?: () => boolean;
	rights: RightsModel;
	demoDivision: number;
}

type Mode = 'rest' | 'sync' | 'bulk' | 'deleted' | 'me' | 'rights';

interface ResolvedPath {
	mode: Mode;
	division: number;
	definition?: EntityDefinition;
	/** The path as Exact names it after the division, e.g. crm/Accounts or sync/CRM/Accounts. */
	resourcePath: string;
	key?: string;
	navigation?: string;
	count: boolean;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const ERROR_LIMIT_STATUSES = new Set([400, 401, 403, 404]);

function json(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
	return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

function errorResponse(status: number, message: string, headers: Record<string, string> = {}): SimResponse {
	return { status, headers: { 'Content-Type': JSON_TYPE, ...headers }, body: restErrorBody(message) };
}

function parseKey(text: string, definition: EntityDefinition): string {
	if (definition.keyType === 'Guid') {
		const match = /^(?:guid)?'([0-9a-fA-F-]{36})'$/.exec(text.trim());
		if (!match || !isGuid(match[1])) throw new ApiError(400, 'Bad Request - Error in query syntax.');
		return match[1].toLowerCase();
	}
	if (!/^\d+$/.test(text.trim())) throw new ApiError(400, 'Bad Request - Error in query syntax.');
	return text.trim();
}

export class RestApi {
	constructor(private readonly context: RestContext) {}

	private get store(): ExactStore {
		return this.context.store;
	}

	/** Full handling of one /api/v1 request. */
	handle(method: string, url: URL, headers: Record<string, string | string[] | undefined>, body: Buffer): SimResponse {
		const authorization = String(headers.authorization ?? '');
		const bearer = /^Bearer\s+(.+)$/i.exec(authorization)?.[1]?.trim();
		const grant = bearer ? this.context.oauth.verifyAccessToken(bearer) : undefined;
		const pathAfterApi = decodeURIComponent(url.pathname.replace(/^\/api\/v1\/?/, ''));
		const divisionGuess = Number(pathAfterApi.split('/')[0]) || this.context.demoDivision;
		const endpointKey = `${divisionGuess}|${pathAfterApi.replace(/\(.*$/, '').replace(/\/\$count$/, '').toLowerCase()}`;

		if (!grant) {
			this.context.oauth.stats.unauthorized401++;
			this.context.limiter.recordError(endpointKey);
			// A missing header gets Exact's login redirect page, a stale token an empty body: clients must handle both.
			return bearer
				? { status: 401, headers: { 'WWW-Authenticate': 'Bearer' }, body: '' }
				: { status: 401, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: OBJECT_MOVED_HTML };
		}
		let resolved: ResolvedPath;
		try {
			resolved = this.resolvePath(pathAfterApi, grant);
		} catch (error) {
			return this.finish(this.toResponse(error), endpointKey, headers);
		}
		if (!grant.divisions.includes(resolved.division)) {
			return this.finish(errorResponse(403, 'Forbidden', { Reason: 'NoDivisionAccess' }), endpointKey, headers);
		}
		const blockedUntil = this.context.limiter.blocked(endpointKey);
		if (blockedUntil !== undefined) {
			return errorResponse(429, `This endpoint is blocked for this app until ${new Date(blockedUntil).toISOString()} because it returned more than ${this.context.limiter.options.errorLimitPerHour} errors within an hour.`);
		}
		const budget = this.context.limiter.consume(resolved.division);
		if (!budget.allowed) return { status: 429, headers: budget.headers, body: '' };
		let response: SimResponse;
		try {
			response = this.dispatch(method, url, resolved, body, grant);
		} catch (error) {
			response = this.toResponse(error);
		}
		response.headers = { ...budget.headers, ...response.headers };
		return this.finish(response, endpointKey, headers);
	}

	private finish(response: SimResponse, endpointKey: string, headers: Record<string, string | string[] | undefined>): SimResponse {
		if (ERROR_LIMIT_STATUSES.has(response.status)) this.context.limiter.recordError(endpointKey);
		const accept = String(headers.accept ?? '');
		const isJson = String(response.headers['Content-Type'] ?? '').startsWith('application/json');
		if (isJson && !accept.toLowerCase().includes('application/json')) return toXml(response);
		return response;
	}

	private toResponse(error: unknown): SimResponse {
		if (error instanceof ApiError) return errorResponse(error.status, error.message, error.headers);
		return errorResponse(500, error instanceof Error ? error.message : String(error));
	}

	private resolvePath(path: string, grant: AccessGrant): ResolvedPath {
		const trimmed = path.replace(/\/+$/, '');
		if (trimmed.toLowerCase() === 'current/me') return { mode: 'me', division: grant.divisions[0], resourcePath: 'current/Me', count: false };
		const withoutBeta = trimmed.replace(/^beta\//i, '');
		const slash = withoutBeta.indexOf('/');
		const division = Number(withoutBeta.slice(0, slash));
		if (slash < 0 || !Number.isInteger(division) || division <= 0) throw new ApiError(404, 'Resource not found for the segment');
		let rest = withoutBeta.slice(slash + 1);
		let count = false;
		if (/\/\$count$/.test(rest)) {
			count = true;
			rest = rest.replace(/\/\$count$/, '');
		}
		let key: string | undefined;
		let navigation: string | undefined;
		const open = rest.indexOf('(');
		if (open >= 0) {
			const close = rest.indexOf(')', open);
			if (close < 0) throw new ApiError(400, 'Bad Request - Error in query syntax.');
			key = rest.slice(open + 1, close);
			navigation = rest.slice(close + 1).replace(/^\//, '') || undefined;
			rest = rest.slice(0, open);
		}
		if (!this.store.hasDivision(division)) throw new ApiError(403, 'Forbidden');
		const lower = rest.toLowerCase();
		if (lower === 'sync/deleted') return { mode: 'deleted', division, resourcePath: 'sync/Deleted', count };
		if (lower === 'users/userhasrights' && key === undefined) return { mode: 'rights', division, resourcePath: 'users/UserHasRights', count: false };
		let definition: EntityDefinition | undefined;
		let mode: Mode = 'rest';
		if (lower.startsWith('sync/')) {
			mode = 'sync';
			definition = findEntityBySyncPath(rest.slice(5));
		} else if (lower.startsWith('bulk/')) {
			mode = 'bulk';
			definition = findEntityByBulkPath(rest.slice(5));
		} else {
			definition = findEntityByPath(rest);
		}
		if (!definition) throw new ApiError(404, `Resource not found for the segment '${rest.split('/').pop()}'.`);
		const resourcePath = mode === 'rest' ? definition.path : `${mode}/${mode === 'sync' ? definition.syncPath : definition.bulkPath}`;
		return { mode, division, definition, resourcePath, key: key === undefined ? undefined : parseKey(key, definition), navigation, count };
	}

	private dispatch(method: string, url: URL, resolved: ResolvedPath, body: Buffer, grant: AccessGrant): SimResponse {
		if (resolved.mode === 'me') {
			if (method !== 'GET') throw new ApiError(405, 'Method not allowed');
			return this.me(url, grant);
		}
		if (resolved.mode === 'rights') {
			if (method !== 'GET') throw new ApiError(405, 'Method not allowed');
			return json(200, this.context.rights.answer(url.searchParams));
		}
		if (resolved.mode === 'deleted' || resolved.mode === 'sync' || resolved.mode === 'bulk') {
			if (method !== 'GET') throw new ApiError(405, 'Method not allowed');
			return this.readCollection(url, resolved);
		}
		const definition = resolved.definition!;
		if (!definition.methods.includes(method as 'GET')) throw new ApiError(405, 'Method not allowed');
		if (method === 'GET') return resolved.key === undefined ? this.readCollection(url, resolved) : this.readSingle(url, resolved);
		if (method === 'POST') {
			if (resolved.key !== undefined) throw new ApiError(405, 'Method not allowed');
			return this.create(resolved, body, grant);
		}
		if (resolved.key === undefined) throw new ApiError(400, 'A key is required for this request.');
		if (method === 'PUT') return this.update(resolved, body);
		return this.remove(resolved);
	}

	private entityUri(division: number, definition: EntityDefinition, key: unknown): string {
		return `${this.context.baseUrl()}/api/v1/${division}/${definition.path}(${keyLiteral(definition.keyType, key)})`;
	}

	private me(url: URL, grant: AccessGrant): SimResponse {
		const division = grant.divisions[0];
		const divisionRow = this.store.get(division, 'Divisions', division);
		const row: Row = {
			UserID: SIMULATOR_USER_ID, CurrentDivision: division, AccountingDivision: division, FullName: SIMULATOR_USER_NAME, FirstName: 'Gerrit', LastName: 'van der Berg',
			Email: 'gerrit@vanderberg-installatie.example.nl', UserName: 'gerrit@vanderberg-installatie.example.nl', LanguageCode: 'nl-NL', Language: 'NL', Legislation: 1,
			DivisionCustomerName: divisionRow?.CustomerName ?? null, DivisionCustomerCode: divisionRow?.CustomerCode ?? null, Gender: 'M', Initials: 'G.',
			ServerTime: new Date(this.context.clock.now()).toISOString(), ServerUtcOffset: amsterdamOffsetSeconds(this.context.clock.now()), EmployeeID: null,
		};
		const select = parseSelect(url.searchParams.get('$select') ?? undefined, ME_FIELDS, 'Me');
		const entity = serializeRow(row, { fields: ME_FIELDS, select, uri: `${this.context.baseUrl()}/api/v1/current/Me(guid'${SIMULATOR_USER_ID}')`, typeName: 'Me' });
		return json(200, { d: { results: [entity] } });
	}

	private collectionSpec(resolved: ResolvedPath): CollectionSpec {
		if (resolved.mode === 'deleted') {
			return { fields: SYNC_DELETED_FIELDS, typeName: 'Deleted', keyField: 'Timestamp', keyType: 'Int64', pageSize: BULK_PAGE_SIZE, ignoreTop: true };
		}
		const definition = resolved.definition!;
		if (resolved.mode === 'sync') {
			return { fields: syncFieldTypes(definition), typeName: definition.typeName, keyField: 'Timestamp', keyType: 'Int64', pageSize: BULK_PAGE_SIZE, ignoreTop: true };
		}
		const fields = resolved.mode === 'bulk' ? bulkFieldTypes(definition) : definition.fields;
		return { fields, typeName: definition.typeName, keyField: definition.key, keyType: definition.keyType, pageSize: resolved.mode === 'bulk' ? BULK_PAGE_SIZE : REST_PAGE_SIZE };
	}

	private checkQueryRules(url: URL, resolved: ResolvedPath, spec: CollectionSpec): void {
		const params = url.searchParams;
		const needsSelect = resolved.mode !== 'rest' || resolved.definition?.requiresSelect === true;
		if (needsSelect && !params.get('$select') && params.get('$top') !== '1' && !resolved.count) {
			throw new ApiError(400, 'Please add a $select or a $top=1 statement to the query string.');
		}
		const filter = params.get('$filter');
		if (resolved.mode === 'sync' || resolved.mode === 'deleted') {
			if (filter) {
				const fields = filterFields(parseFilterFor(filter, spec.fields, spec.typeName));
				const allowed = resolved.mode === 'deleted' ? ['Timestamp', 'EntityType'] : ['Timestamp'];
				if (fields.some((field) => !allowed.includes(field))) throw new ApiError(400, 'This $filter parameter is not supported for this resource');
			}
			return;
		}
		const mandatory = resolved.mode === 'bulk' ? resolved.definition?.bulkMandatoryFilterFields : resolved.definition?.mandatoryFilterFields;
		if (mandatory && this.context.mandatoryFilters()) {
			const used = filter ? filterFields(parseFilterFor(filter, spec.fields, spec.typeName)) : [];
			if (!used.some((field) => mandatory.includes(field))) {
				throw new ApiError(
					400,
					// The key is accepted but not named: picqer/exact-php-client #591 quotes the list without it.
					`This endpoint has mandatory filtering applied. A GET request for this endpoint must have a $filter parameter with one of the following fields in the url:${mandatory.filter((field) => field !== resolved.definition?.key).join(',')}.`,
				);
			}
		}
	}

	private sourceRows(resolved: ResolvedPath): Row[] {
		if (resolved.mode === 'deleted') return this.store.deleted(resolved.division);
		if (resolved.mode === 'sync' && resolved.definition!.entitySet === 'SalesInvoices') return this.invoiceSyncRows(resolved.division);
		return this.store.rows(resolved.division, resolved.definition!.entitySet);
	}

	/**
	 * The SalesInvoices sync feed has one row per invoice header and one per line, with the header's fields on each
	 * (Pi-Systems/exact-online src/Entity/Sync/SalesInvoice/SalesInvoices.php: LineNumber, Item, Quantity … beside the
	 * header fields); LineNumber 0 is the header. Ours: the header row's ID is the InvoiceID, and each row carries the
	 * Timestamp of the record it comes from.
	 */
	private invoiceSyncRows(division: number): Row[] {
		const rows: Row[] = [];
		const lines = this.store.rows(division, 'SalesInvoiceLines');
		for (const header of this.store.rows(division, 'SalesInvoices')) {
			rows.push({ ...header, ID: header.InvoiceID, LineNumber: 0 });
			for (const line of lines.filter((candidate) => candidate.InvoiceID === header.InvoiceID)) {
				const { Timestamp, ...lineFields } = line;
				rows.push({ ...header, ...lineFields, Timestamp, InvoiceID: header.InvoiceID, Description: header.Description, AmountFC: header.AmountFC, AmountDC: header.AmountDC });
			}
		}
		return rows.sort((a, b) => Number(a.Timestamp) - Number(b.Timestamp));
	}

	private readCollection(url: URL, resolved: ResolvedPath): SimResponse {
		const spec = this.collectionSpec(resolved);
		this.checkQueryRules(url, resolved, spec);
		const options = readQueryOptions(url.searchParams);
		if (resolved.count) {
			const counted = queryCollection(this.sourceRows(resolved), { filter: options.filter }, { ...spec, pageSize: Number.MAX_SAFE_INTEGER });
			return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: String(counted.rows.length) };
		}
		const page = queryCollection(this.sourceRows(resolved), options, spec);
		const expand = this.parseExpand(url, resolved);
		const results = page.rows.map((row) => this.serialize(row, resolved, spec, page.select, expand));
		const d: Record<string, unknown> = { results };
		if (page.nextQuery) {
			const origin = this.context.relativeNextLinks?.() ? '' : this.context.baseUrl();
			d.__next = `${origin}/api/v1/${resolved.division}/${resolved.resourcePath}?${buildQueryString(page.nextQuery)}`;
		}
		return json(200, { d });
	}

	private parseExpand(url: URL, resolved: ResolvedPath): string[] {
		const expand = url.searchParams.get('$expand');
		if (!expand) return [];
		const names = expand.split(',').map((name) => name.trim()).filter(Boolean);
		for (const name of names) {
			if (!resolved.definition?.navigation?.[name]) {
				throw new ApiError(400, `No property '${name}' exists in type 'Exact.Web.Api.Models.${resolved.definition?.typeName ?? 'Deleted'}' at position 0.`);
			}
		}
		return names;
	}

	private serialize(row: Row, resolved: ResolvedPath, spec: CollectionSpec, select: string[] | undefined, expand: string[]): Record<string, unknown> {
		if (resolved.mode === 'deleted') {
			return serializeRow(row, { fields: spec.fields, select, uri: `${this.context.baseUrl()}/api/v1/${resolved.division}/sync/Deleted(${String(row.Timestamp)}L)`, typeName: 'Deleted' });
		}
		const definition = resolved.definition!;
		const uri =
			resolved.mode === 'sync'
				? `${this.context.baseUrl()}/api/v1/${resolved.division}/${resolved.resourcePath}(${String(row.Timestamp)}L)`
				: this.entityUri(resolved.division, definition, row[definition.key]);
		const expanded: Record<string, unknown> = {};
		for (const name of expand) expanded[name] = this.expandNavigation(resolved.division, definition, row, name);
		const effectiveSelect = select && expand.length > 0 ? [...new Set([...select, ...expand])] : select;
		return serializeRow(row, { fields: spec.fields, select: effectiveSelect, uri, typeName: definition.typeName, expanded });
	}

	/** Expanded collections are paged at 60 too, with their own __next. */
	private expandNavigation(division: number, definition: EntityDefinition, row: Row, name: string): Record<string, unknown> {
		const navigation = definition.navigation![name];
		const target = findEntityByPath(`${definition.path.split('/')[0]}/${navigation.entitySet}`) ?? findEntityByTopic(navigation.entitySet);
		const key = row[definition.key];
		const children = this.store.rows(division, navigation.entitySet).filter((child) => child[navigation.foreignKey] === key);
		if (!target) return { results: [] };
		const ordered = [...children].sort((a, b) => Number(a.LineNumber ?? 0) - Number(b.LineNumber ?? 0));
		const page = ordered.slice(0, REST_PAGE_SIZE);
		const results = page.map((child) => serializeRow(child, { fields: target.fields, uri: this.entityUri(division, target, child[target.key]), typeName: target.typeName }));
		const expanded: Record<string, unknown> = { results };
		if (ordered.length > REST_PAGE_SIZE) {
			const filter = `${navigation.foreignKey} eq ${keyLiteral(definition.keyType, key)}`;
			expanded.__next = `${this.context.baseUrl()}/api/v1/${division}/${target.path}?${buildQueryString({ $filter: filter, $skiptoken: `guid'${String(page[page.length - 1][target.key])}'` })}`;
		}
		return expanded;
	}

	private readSingle(url: URL, resolved: ResolvedPath): SimResponse {
		const definition = resolved.definition!;
		const row = this.store.rows(resolved.division, definition.entitySet).find((candidate) => String(candidate[definition.key]).toLowerCase() === resolved.key);
		if (!row) throw new ApiError(404, 'Resource not found for the segment');
		if (resolved.navigation) {
			const navigation = definition.navigation?.[resolved.navigation];
			if (!navigation) throw new ApiError(404, `Resource not found for the segment '${resolved.navigation}'.`);
			return json(200, { d: this.expandNavigation(resolved.division, definition, row, resolved.navigation) });
		}
		const spec = this.collectionSpec(resolved);
		const select = parseSelect(url.searchParams.get('$select') ?? undefined, spec.fields, spec.typeName);
		return json(200, { d: this.serialize(row, resolved, spec, select, this.parseExpand(url, resolved)) });
	}

	private created(resolved: ResolvedPath, row: Row): SimResponse {
		const definition = resolved.definition!;
		const spec = this.collectionSpec(resolved);
		const expand = definition.navigation?.SalesInvoiceLines ? ['SalesInvoiceLines'] : [];
		const entity = this.serialize(row, resolved, spec, undefined, expand);
		return json(201, { d: entity }, { Location: this.entityUri(resolved.division, definition, row[definition.key]) });
	}

	private create(resolved: ResolvedPath, rawBody: Buffer, grant: AccessGrant): SimResponse {
		const definition = resolved.definition!;
		const body = parseJsonObject(rawBody);
		const division = resolved.division;
		if (definition.entitySet === 'SalesInvoices') return this.created(resolved, createSalesInvoice(this.store, this.context.clock, division, body));
		if (definition.entitySet === 'PrintedSalesInvoices') return this.printed(resolved, body);
		const { values, collections } = readEntityInput(definition, body);
		if (Object.keys(collections).length > 0) throw new ApiError(400, `Deep insert of ${Object.keys(collections).join(', ')} is not supported on ${definition.typeName}.`);
		const mandatory = [...definition.fields.values()].filter((field) => field.mandatory && field.type !== 'Nav').map((field) => field.name);
		values[definition.key] = values[definition.key] ?? randomUUID();
		switch (definition.entitySet) {
			case 'Accounts':
				this.prepareAccount(division, values);
				break;
			case 'Contacts':
				if (!isGuid(values.Account) || !this.store.get(division, 'Accounts', String(values.Account))) throw new ApiError(400, 'Invalid reference: Account');
				if (!values.FirstName && !values.LastName) throw new ApiError(400, 'Mandatory: FirstName or LastName (Contact)');
				return this.created(resolved, this.store.insert(division, definition.entitySet, values));
			case 'Items':
				this.prepareItem(division, values);
				break;
			case 'TimeTransactions':
				this.prepareTimeTransaction(division, values);
				break;
			case 'DocumentAttachments':
				requireFields(definition, values, ['Document', 'FileName', 'Attachment']);
				if (!this.store.get(division, 'Documents', String(values.Document))) throw new ApiError(400, 'Invalid reference: Document');
				values.FileSize = Buffer.from(String(values.Attachment), 'base64').length;
				values.Url = `${this.context.baseUrl()}/docs/SysAttachment.aspx?ID=${String(values.ID)}&_Division_=${division}`;
				break;
			case 'WebhookSubscriptions':
				this.prepareSubscription(division, values, grant);
				break;
			case 'SalesItemPrices':
				this.prepareSalesItemPrice(division, values);
				break;
			default:
				break;
		}
		requireFields(definition, values, mandatory);
		const stored = this.store.insert(division, definition.entitySet, values);
		if (definition.entitySet === 'SalesItemPrices') this.deriveStandardSalesPrice(division, String(stored.Item));
		if (definition.entitySet === 'WebhookSubscriptions') this.context.webhooks.sendValidation(String(stored.CallbackURL));
		return this.created(resolved, stored);
	}

	/** POST salesinvoice/PrintedSalesInvoices: processes the invoice (salesInvoices.ts) and answers with the request's fields. */
	private printed(resolved: ResolvedPath, body: Record<string, unknown>): SimResponse {
		const { values } = readEntityInput(resolved.definition!, body);
		requireFields(resolved.definition!, values, ['InvoiceID']);
		const sendEmail = values.SendEmailToCustomer === true;
		processSalesInvoice(this.store, resolved.division, String(values.InvoiceID), { sendEmail });
		const row: Row = {
			...values,
			Division: resolved.division,
			DocumentCreationSuccess: 'Document created',
			...(sendEmail ? { EmailCreationSuccess: 'Email sent' } : {}),
		};
		const spec = this.collectionSpec(resolved);
		return json(201, { d: serializeRow(row, { fields: spec.fields, uri: this.entityUri(resolved.division, resolved.definition!, values.InvoiceID), typeName: 'PrintedSalesInvoice' }) });
	}

	private findByField(division: number, entitySet: string, field: string, value: string): Row | undefined {
		const wanted = value.trim().toLowerCase();
		return this.store.rows(division, entitySet).find((row) => String(row[field] ?? '').trim().toLowerCase() === wanted);
	}

	private prepareAccount(division: number, values: Row): void {
		if (values.Code === undefined || values.Code === null || String(values.Code).trim() === '') {
			const highest = Math.max(0, ...this.store.rows(division, 'Accounts').map((row) => Number(String(row.Code).trim()) || 0));
			values.Code = padCode(String(highest + 1), 18);
		}
		if (this.findByField(division, 'Accounts', 'Code', String(values.Code))) throw new ApiError(400, `Code ${String(values.Code).trim()} already exists`);
		if (values.PaymentConditionSales && !this.findByField(division, 'PaymentConditions', 'Code', String(values.PaymentConditionSales))) {
			throw new ApiError(400, 'Invalid reference: PaymentConditionSales');
		}
		values.Type = 'A';
		values.IsSales = values.Status === 'C' || values.Status === 'P';
	}

	private resolveGl(division: number, values: Row, field: 'GLRevenue' | 'GLCosts'): void {
		if (!values[field]) return;
		const gl = this.store.get(division, 'GLAccounts', String(values[field]));
		if (!gl) throw new ApiError(400, `Invalid reference: ${field}`);
		values[`${field}Code`] = gl.Code;
		values[`${field}Description`] = gl.Description;
	}

	private prepareItem(division: number, values: Row): void {
		if (values.Code && this.findByField(division, 'Items', 'Code', String(values.Code))) throw new ApiError(400, `Code ${String(values.Code)} already exists`);
		if (values.ItemGroup) {
			const group = this.store.get(division, 'ItemGroups', String(values.ItemGroup));
			if (!group) throw new ApiError(400, 'Invalid reference: ItemGroup');
			values.ItemGroupCode = group.Code;
			values.ItemGroupDescription = group.Description;
			values.GLRevenue = values.GLRevenue ?? group.GLRevenue;
			values.GLCosts = values.GLCosts ?? group.GLCosts;
		}
		this.resolveGl(division, values, 'GLRevenue');
		this.resolveGl(division, values, 'GLCosts');
		if (values.SalesVatCode && !this.findByField(division, 'VATCodes', 'Code', String(values.SalesVatCode))) throw new ApiError(400, 'Invalid reference: SalesVatCode');
		values.IsSalesItem = values.IsSalesItem ?? true;
	}

	private prepareSalesItemPrice(division: number, values: Row): void {
		const item = isGuid(values.Item) ? this.store.get(division, 'Items', String(values.Item)) : undefined;
		if (!item) throw new ApiError(400, 'Invalid reference: Item');
		values.ItemCode = item.Code;
		values.ItemDescription = item.Description;
		values.DefaultItemUnit = item.Unit;
		values.Unit = values.Unit ?? item.Unit;
		values.Currency = values.Currency ?? 'EUR';
		values.Quantity = values.Quantity ?? 0;
		values.NumberOfItemsPerUnit = values.NumberOfItemsPerUnit ?? 1;
		values.StartDate = values.StartDate ?? null;
		values.EndDate = values.EndDate ?? null;
	}

	/**
	 * Items.StandardSalesPrice is GET-only and comes from the item's general price (Pi-Systems/exact-online
	 * src/Entity/Logistics/Items.php; prices are written through SalesItemPrices, picqer #334). The price row has its
	 * own Timestamp: the item's Timestamp and Modified stay as they were (ours: a price change is not an item change).
	 */
	private deriveStandardSalesPrice(division: number, itemId: string): void {
		const now = this.context.clock.now();
		const general = this.store
			.rows(division, 'SalesItemPrices')
			.filter((row) => row.Item === itemId && !row.Account && !row.Project && !row.Employee)
			.filter((row) => (row.StartDate === null || row.StartDate === undefined || Number(row.StartDate) <= now) && (row.EndDate === null || row.EndDate === undefined || Number(row.EndDate) > now))
			.sort((a, b) => Number(a.Quantity ?? 0) - Number(b.Quantity ?? 0) || Number(b.Timestamp) - Number(a.Timestamp))[0];
		if (general) this.store.setDerived(division, 'Items', itemId, { StandardSalesPrice: general.Price });
	}

	private prepareTimeTransaction(division: number, values: Row): void {
		const item = isGuid(values.Item) ? this.store.get(division, 'Items', String(values.Item)) : undefined;
		if (!item) throw new ApiError(400, 'Invalid reference: Item');
		if (item.IsTime !== 1) throw new ApiError(400, `Item ${String(item.Code)} is not a time item`);
		if (values.Employee && !this.store.get(division, 'Employees', String(values.Employee))) throw new ApiError(400, 'Invalid reference: Employee');
		if (values.Account && !this.store.get(division, 'Accounts', String(values.Account))) throw new ApiError(400, 'Invalid reference: Account');
		// One of Account, Project or Subscription is mandatory (Pi-Systems/exact-online src/Entity/Project/TimeTransactions.php
		// docblock). The message text is ours.
		if (!values.Account && !values.Project && !values.Subscription) throw new ApiError(400, 'Mandatory: Account, Project or Subscription (TimeTransaction)');
		values.ItemDescription = item.Description;
		values.HourStatus = values.HourStatus ?? 1;
		values.Date = values.Date ?? startOfExactDay(this.context.clock.now());
	}

	private prepareSubscription(division: number, values: Row, grant: AccessGrant): void {
		requireFields(findEntityByPath('webhooks/WebhookSubscriptions')!, values, ['CallbackURL', 'Topic']);
		let callback: URL;
		try {
			callback = new URL(String(values.CallbackURL));
		} catch {
			throw new ApiError(400, 'CallbackURL is not a valid URL');
		}
		const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(callback.hostname);
		if (callback.protocol !== 'https:' && !(loopback && callback.protocol === 'http:')) throw new ApiError(400, 'CallbackURL must use https');
		// Only entities documented with "This entity supports webhooks" are topics (schema.ts `topic`); Addresses is
		// not one (mcnijman/go-exactonline services/crm/addresses.go HasWebhook: false). The 400 text is ours.
		if (!findEntityByTopic(String(values.Topic))) throw new ApiError(400, `Invalid topic: ${String(values.Topic)}`);
		// One subscription per topic for an app and division, whatever the URL: a second one is a 500 in the user's
		// language (picqer/exact-php-client #150: "Error 500: Gegeven bestaat reeds." after moving to another domain).
		const duplicate = this.store
			.rows(division, 'WebhookSubscriptions')
			.some((row) => String(row.Topic).toLowerCase() === String(values.Topic).toLowerCase() && (row.ClientID === undefined || row.ClientID === grant.clientId));
		if (duplicate) throw new ApiError(500, 'Gegeven bestaat reeds.');
		values.ClientID = grant.clientId;
		values.UserID = grant.userId;
		values.Description = 'Exact Online simulator app';
	}

	private update(resolved: ResolvedPath, rawBody: Buffer): SimResponse {
		const definition = resolved.definition!;
		const key = resolved.key!;
		const current = this.store.get(resolved.division, definition.entitySet, key);
		if (!current) throw new ApiError(404, 'Resource not found for the segment');
		const { values, collections } = readEntityInput(definition, parseJsonObject(rawBody), { allowKey: false });
		if (Object.keys(collections).length > 0) throw new ApiError(400, `Collections cannot be changed with PUT on ${definition.typeName}.`);
		if (definition.entitySet === 'SalesInvoices' && current.Status === 50) throw new ApiError(400, 'Processed invoices cannot be changed.');
		if (definition.entitySet === 'Accounts' && values.Code !== undefined) {
			const other = this.findByField(resolved.division, 'Accounts', 'Code', String(values.Code));
			if (other && other.ID !== current.ID) throw new ApiError(400, `Code ${String(values.Code).trim()} already exists`);
		}
		if (definition.entitySet === 'Items') {
			this.resolveGl(resolved.division, values, 'GLRevenue');
			this.resolveGl(resolved.division, values, 'GLCosts');
		}
		this.store.update(resolved.division, definition.entitySet, key, values);
		if (definition.entitySet === 'SalesItemPrices') this.deriveStandardSalesPrice(resolved.division, String(current.Item));
		return { status: 204, headers: {}, body: '' };
	}

	private remove(resolved: ResolvedPath): SimResponse {
		const definition = resolved.definition!;
		const key = resolved.key!;
		const current = this.store.get(resolved.division, definition.entitySet, key);
		if (!current) throw new ApiError(404, 'Resource not found for the segment');
		if (definition.entitySet === 'SalesInvoices') {
			if (current.Status === 50) throw new ApiError(400, 'Processed invoices cannot be deleted.');
			for (const line of this.store.rows(resolved.division, 'SalesInvoiceLines').filter((row) => row.InvoiceID === key)) {
				this.store.remove(resolved.division, 'SalesInvoiceLines', String(line.ID), { silent: true });
			}
			for (const receivable of this.store.rows(resolved.division, 'Receivables').filter((row) => row.TransactionEntryID === key)) {
				this.store.remove(resolved.division, 'Receivables', String(receivable.ID), { silent: true });
			}
		}
		this.store.remove(resolved.division, definition.entitySet, key);
		return { status: 204, headers: {}, body: '' };
	}
}

/** What a client that forgot Accept: application/json gets: Atom XML, as Exact sends. */
function toXml(response: SimResponse): SimResponse {
	let parsed: { d?: { results?: Array<Record<string, unknown>>; __next?: string } & Record<string, unknown>; error?: { message?: { value?: string } } };
	try {
		parsed = JSON.parse(String(response.body));
	} catch {
		return response;
	}
	const headers = { ...response.headers, 'Content-Type': 'application/atom+xml;type=feed;charset=utf-8' };
	if (parsed.error) {
		const message = parsed.error.message?.value ?? '';
		const body = `<?xml version="1.0" encoding="utf-8" standalone="yes"?><error xmlns="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><code></code><message xml:lang="">${message.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</message></error>`;
		return { status: response.status, headers: { ...headers, 'Content-Type': 'application/xml;charset=utf-8' }, body };
	}
	const d = parsed.d ?? {};
	const entries = Array.isArray(d.results) ? d.results : [d as Record<string, unknown>];
	return { status: response.status, headers, body: toAtomFeed('results', entries, d.__next) };
}
