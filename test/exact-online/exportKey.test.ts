import type { IDataObject } from 'n8n-workflow';
import { keyGroupFilter, keyGroupOf, keyIn, openInvoicesByGroup } from '../../nodes/ExactOnline/actions/salesInvoice/exportKey';

describe('export key in an invoice\'s Remarks', () => {
	test('the key, its order group and the key at the start of a Remarks text', () => {
		expect(keyGroupOf('[OutSmart 501 MH]')).toBe('[OutSmart 501 ');
		expect(keyGroupOf('OutSmart 501 MH')).toBeUndefined();
		expect(keyIn('[OutSmart 501 M] Radiator vervangen')).toBe('[OutSmart 501 M]');
		expect(keyIn('Radiator vervangen [OutSmart 501 M]')).toBe('');
		expect(keyIn(undefined)).toBe('');
	});

	test('looks invoices and credit notes up by Type (a mandatory-filter field) and the key group', () => {
		expect(keyGroupFilter(['[OutSmart 501 ', "[OutSmart O'B "])).toBe(
			"(((Type eq 8020) or (Type eq 8021))) and (((substringof('[OutSmart 501 ',Remarks) eq true) or (substringof('[OutSmart O''B ',Remarks) eq true)))",
		);
	});

	test('a credit note with the same key cancels the earliest invoice; other orders and keys stay apart', () => {
		const rows = [
			{ InvoiceID: 'a', InvoiceNumber: 1, Type: 8020, Remarks: '[OutSmart 501 M]' },
			{ InvoiceID: 'b', InvoiceNumber: 2, Type: 8021, Remarks: '[OutSmart 501 M] creditnota' },
			{ InvoiceID: 'c', InvoiceNumber: 3, Type: 8020, Remarks: '[OutSmart 501 MH]' },
			{ InvoiceID: 'd', InvoiceNumber: 4, Type: 8020, Remarks: '[OutSmart 5011 MH]' },
			{ InvoiceID: 'e', InvoiceNumber: 5, Type: 8020, Remarks: 'handmatig' },
		];
		const open = openInvoicesByGroup(rows);
		expect([...open].map(([group, invoices]) => [group, invoices.map((invoice) => invoice.InvoiceID)])).toEqual([
			['[OutSmart 501 ', ['c']],
			['[OutSmart 5011 ', ['d']],
		]);
	});

	test('after credit and re-export with the same key, the credit note cancels the older invoice, not the new draft (which has no number yet)', () => {
		const credited = { InvoiceID: 'b1', InvoiceNumber: 26000007, Type: 8020, Remarks: '[OutSmart 501 M]', Created: '2026-11-02T08:00:00+01:00' };
		const creditedDraft = { ...credited, InvoiceID: 'b2', InvoiceNumber: null };
		const creditNote = { InvoiceID: 'c1', InvoiceNumber: 26000008, Type: 8021, Remarks: '[OutSmart 501 M] creditnota', Created: '2026-11-03T08:00:00+01:00' };
		const newDraft = { InvoiceID: 'a9', InvoiceNumber: null, Type: 8020, Remarks: '[OutSmart 501 M]', Created: '2026-11-04T08:00:00+01:00' };
		const openIds = (rows: IDataObject[]) => (openInvoicesByGroup(rows).get('[OutSmart 501 ') ?? []).map((invoice) => invoice.InvoiceID);
		// The new draft comes first in the feed (it sorts first by ID) and has no number.
		expect(openIds([newDraft, credited, creditNote])).toEqual(['a9']);
		expect(openIds([newDraft, creditedDraft, creditNote])).toEqual(['a9']);
	});
});
