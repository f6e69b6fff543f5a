/** Plain explanations of OutSmart's envelope result codes, so an error says what to do about it. */

const EXPLANATIONS: Record<number, string> = {
	1000: 'The request named no endpoint: check the Base URL in the OutSmart credential (it must end in /openapi/8).',
	1001: 'OutSmart does not know this endpoint: check the Base URL in the OutSmart credential, or this OutSmart account lacks the module.',
	1002: 'The customer token is missing: fill in "Customer Token" in the OutSmart credential.',
	1003: 'The software token is missing: fill in "Software Token" in the OutSmart credential.',
	1004: 'OutSmart refused the customer token: copy it again from OutSmart (Settings → Links / ERP-CRM) into the credential.',
	1005: 'OutSmart refused the software token: it is wrong or not linked to this customer token. Check both tokens in the credential.',
	1006: 'OutSmart only accepts HTTPS: the Base URL in the credential must start with https://.',
	1007: 'OutSmart hit an internal error. Check the messages (e.g. an unknown filter field) and try again later if it persists.',
	1008: 'OutSmart received no body: the records to send were empty.',
	1009: 'OutSmart could not parse the body as JSON.',
	1500: 'No work order matches: check the row ID or work order number.',
	1501: 'The work order misses required fields (listed in the messages): add them and send it again.',
	1502: 'Nothing to update: give at least one of work date, work time, employee or work status.',
	1503: 'The work order already had these values; nothing changed.',
	1504: 'OutSmart could not read a value: dates must be d-m-Y (05-03-2026), times H:i (07:30) and the employee must exist.',
	1600: 'OutSmart refused the delete: check the entity, the key field and the value.',
};

const ENTITY_BY_PREFIX: Record<number, string> = {
	11: 'employee',
	12: 'material',
	13: 'relation',
	17: 'project',
	18: 'hour type',
	19: 'object',
	20: 'supplier',
	24: 'category',
	25: 'material category',
	26: 'work type',
	27: 'payment method',
	28: 'work status',
};

/**
 * The record an endpoint writes. The Blueprint's examples do not always use the code its table gives (the
 * workstatusses example answers 2501, the table says 2801; priorities, errors, solutions ... answer 1051),
 * so the endpoint, not the code's prefix, names the record when it is known.
 */
const ENTITY_BY_ENDPOINT: Record<string, string> = {
	employees: 'employee',
	materials: 'material',
	relations: 'relation',
	addresses: 'address',
	contactpersons: 'contact person',
	projects: 'project',
	hourtypes: 'hour type',
	categories: 'category',
	material_categories: 'material category',
	worktypes: 'work type',
	paymentmethods: 'payment method',
	workstatusses: 'work status',
	freefields: 'free field',
	values: 'free-field value',
	documents: 'document',
};

/** Explanations that depend on the call, where one code means different things per endpoint. */
function explainForEndpoint(code: number, endpoint: string): string | undefined {
	if (code === 1500 && endpoint === 'GetWorkorders') return 'No work order is in the requested status (or matches the filters).';
	if (code === 1500 && endpoint === 'UpdateWorkorder') return 'The work order to update was not found: check its row ID (or number); it may have been deleted in OutSmart.';
	if (code === 1500 && endpoint === 'GetWorkorder') return 'The work order was not found: check the row ID or work order number; it may have been deleted in OutSmart.';
	if (code === 1502 && endpoint === 'UpdateWorkorder') {
		return 'OutSmart needs the work date, work time and employee with every work-order update: the work order lacks one of them: fill it in OutSmart.';
	}
	return undefined;
}

/** A sentence a user can act on for an OutSmart result code (and its messages), for the endpoint that answered it. */
export function explainOutSmartCode(code: number, messages: string[], endpoint = ''): string {
	const cleanEndpoint = endpoint.replace(/\/+$/, '');
	const forEndpoint = explainForEndpoint(code, cleanEndpoint);
	if (forEndpoint) return forEndpoint;
	const known = EXPLANATIONS[code];
	if (known) return known;
	const entity = ENTITY_BY_ENDPOINT[cleanEndpoint] ?? ENTITY_BY_PREFIX[Math.floor(code / 100)];
	if (entity && (code % 100 === 1 || code === 1051)) {
		return `The ${entity} record misses required fields or has an invalid value (${messages.join('; ') || 'no details given'}).`;
	}
	if (entity && code % 100 === 0) return `OutSmart could not insert or update the ${entity} record.`;
	if (code === 1051) return `A record misses required fields (${messages.join('; ') || 'no details given'}).`;
	return 'OutSmart refused the request; see its messages for the reason.';
}
