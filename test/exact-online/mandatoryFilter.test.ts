import { withMandatoryFilter } from '../../nodes/ExactOnline/transport/mandatoryFilter';

// Exact refuses a GET on these endpoints unless the $filter names one of their mandatory-filter fields;
// the package's look-ups filter on Code or Account, so the transport adds a term every row matches.
describe('the mandatory-filter term the Exact transport adds', () => {
	it('adds a term every GL account matches to a look-up by code', () => {
		expect(withMandatoryFilter('financial/GLAccounts', 7, { $select: 'ID', $filter: "Code eq '8000'" })).toEqual({
			$select: 'ID',
			$filter: "(BalanceType eq 'B' or BalanceType eq 'W') and (Code eq '8000')",
		});
	});

	it('adds the division to an unfiltered or Account-filtered contact or document read, also on bulk', () => {
		expect(withMandatoryFilter('crm/Contacts', 7, { $select: 'ID' })).toEqual({ $select: 'ID', $filter: 'Division eq 7' });
		expect(withMandatoryFilter('bulk/Documents/Documents', 7, { $filter: "Account eq guid'x'" })).toEqual({ $filter: "Division eq 7 and (Account eq guid'x')" });
	});

	it('leaves a filter that names a listed field, a key read and other endpoints alone', () => {
		const named = { $filter: "BalanceType eq 'W'" };
		expect(withMandatoryFilter('financial/GLAccounts', 7, named)).toBe(named);
		// A field name inside a literal does not count.
		expect(withMandatoryFilter('financial/GLAccounts', 7, { $filter: "Description eq 'BalanceType'" })?.$filter).toMatch(/^\(BalanceType eq 'B'/);
		const key = { $select: 'ID' };
		expect(withMandatoryFilter("crm/Contacts(guid'x')", 7, key)).toBe(key);
		expect(withMandatoryFilter('cashflow/PaymentConditions', 7, key)).toBe(key);
	});
});
