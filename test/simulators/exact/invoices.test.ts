import { deterministicGuid, DEMO_DIVISION, startExactSimulator, type ExactSimulator } from './index';
import { callApi } from './testClient';

const D = DEMO_DIVISION;

describe('Exact simulator sales invoices', () => {
	let simulator: ExactSimulator;
	let token: string;
	let customerId: string;
	const item = (code: string) => deterministicGuid(D, 'item', code);
	const post = (body: unknown) => callApi(simulator, token, `${D}/salesinvoice/SalesInvoices`, { method: 'POST', body });
	const message = (response: { json: () => any }) => response.json().error.message.value as string;

	beforeAll(async () => {
		simulator = await startExactSimulator({ timeScale: 0, minuteLimit: 10_000, errorLimitPerHour: 1000 });
		token = (await simulator.connect()).access_token;
		const customer = simulator.store.list(D, 'Accounts').find((row) => row.Status === 'C' && !row.Blocked && row.PaymentConditionSales === '14')!;
		customerId = String(customer.ID);
	});

	afterAll(async () => {
		await simulator.close();
	});

	it('creates an invoice with embedded lines: 201, no number yet, status 20, amounts, GL and VAT from the item', async () => {
		const response = await post({
			Journal: '70', OrderedBy: customerId, YourRef: 'WB-1001', Description: 'Werkbon 1001',
			SalesInvoiceLines: [
				{ Item: item('UUR-MONTEUR'), Quantity: 2, UnitPrice: 62.5 },
				{ Item: item('VOORRIJKOSTEN'), Quantity: 1 },
			],
		});
		expect(response.status).toBe(201);
		const invoice = response.json().d;
		expect(invoice).toMatchObject({ Status: 20, YourRef: 'WB-1001', Journal: '70', PaymentCondition: '14', AmountFCExclVat: 160, VATAmountFC: 33.6, AmountDC: 193.6 });
		expect(invoice.InvoiceNumber).toBeNull();
		expect(invoice.DueDate).toBe(`/Date(${Date.UTC(2026, 10, 16)})/`);
		expect(invoice.SalesInvoiceLines.results).toEqual([
			expect.objectContaining({ LineNumber: 1, AmountFC: 125, VATCode: '2  ', GLAccount: deterministicGuid(D, 'gl', '8100') }),
			expect.objectContaining({ LineNumber: 2, AmountFC: 35, UnitPrice: 35 }),
		]);
		expect(simulator.store.list(D, 'SalesInvoices').filter((row) => row.YourRef === 'WB-1001')).toHaveLength(1);
		expect(simulator.store.list(D, 'SalesInvoiceLines').filter((row) => row.InvoiceID === invoice.InvoiceID)).toHaveLength(2);
	});

	it('does not enforce a unique YourRef and finds invoices by YourRef with or and $expand', async () => {
		for (const ref of ['WB-2001', 'WB-2001', "WB-O'Brien"]) {
			expect((await post({ Journal: '70', OrderedBy: customerId, YourRef: ref, SalesInvoiceLines: [{ Item: item('UUR-LEERLING'), Quantity: 1 }] })).status).toBe(201);
		}
		const filter = encodeURIComponent("YourRef eq 'WB-2001' or YourRef eq 'WB-O''Brien'");
		const found = await callApi(simulator, token, `${D}/salesinvoice/SalesInvoices?$select=InvoiceID,YourRef,SalesInvoiceLines&$filter=${filter}&$expand=SalesInvoiceLines`);
		const rows = found.json().d.results;
		expect(rows.map((row: { YourRef: string }) => row.YourRef).sort()).toEqual(['WB-2001', 'WB-2001', "WB-O'Brien"]);
		expect(rows[0].SalesInvoiceLines.results).toHaveLength(1);
		const unexpanded = await callApi(simulator, token, `${D}/salesinvoice/SalesInvoices?$filter=${filter}`);
		expect(unexpanded.json().d.results[0].SalesInvoiceLines.__deferred.uri).toContain('/SalesInvoiceLines');
	});

	it('validates journal, customer, items, GL account, VAT code and payment condition like Exact', async () => {
		const line = { Item: item('UUR-MONTEUR'), Quantity: 1 };
		const blocked = simulator.store.list(D, 'Accounts').find((row) => row.Blocked)!;
		const prospect = simulator.store.list(D, 'Accounts').find((row) => row.Status === 'P' && !row.Blocked)!;
		const cases: Array<[unknown, number, RegExp]> = [
			[{ OrderedBy: customerId, SalesInvoiceLines: [line] }, 400, /Journal/],
			[{ Journal: '99', OrderedBy: customerId, SalesInvoiceLines: [line] }, 400, /Journal/],
			[{ Journal: '60', OrderedBy: customerId, SalesInvoiceLines: [line] }, 500, /sales journal/],
			[{ Journal: '70', SalesInvoiceLines: [line] }, 400, /OrderedBy/],
			[{ Journal: '70', OrderedBy: deterministicGuid('nobody'), SalesInvoiceLines: [line] }, 400, /OrderedBy/],
			[{ Journal: '70', OrderedBy: blocked.ID, SalesInvoiceLines: [line] }, 400, /blocked/],
			[{ Journal: '70', OrderedBy: prospect.ID, SalesInvoiceLines: [line] }, 400, /not a customer/],
			[{ Journal: '70', OrderedBy: customerId, SalesInvoiceLines: [] }, 400, /SalesInvoiceLines/],
			[{ Journal: '70', OrderedBy: customerId, SalesInvoiceLines: { Item: item('UUR-MONTEUR') } }, 400, /valid top-level resource object/],
			[{ Journal: '70', OrderedBy: customerId, SalesInvoiceLines: [{ Item: deterministicGuid('no item'), Quantity: 1 }] }, 400, /Item/],
			[{ Journal: '70', OrderedBy: customerId, SalesInvoiceLines: [{ ...line, GLAccount: deterministicGuid(D, 'gl', '1300') }] }, 400, /Grootboekrekeningtype/],
			[{ Journal: '70', OrderedBy: customerId, SalesInvoiceLines: [{ ...line, GLAccount: deterministicGuid('no gl') }] }, 400, /GLAccount/],
			[{ Journal: '70', OrderedBy: customerId, SalesInvoiceLines: [{ ...line, VATCode: '9' }] }, 400, /VATCode/],
			[{ Journal: '70', OrderedBy: customerId, SalesInvoiceLines: [{ ...line, SalesVatCode: '2' }] }, 400, /The property name 'SalesVatCode' specified for type 'Exact.Web.Api.Models.SalesInvoiceLine' is not valid/],
			[{ Journal: '70', OrderedBy: customerId, PaymentCondition: '99', SalesInvoiceLines: [line] }, 400, /PaymentCondition/],
		];
		const before = simulator.store.list(D, 'SalesInvoices').length;
		for (const [body, status, text] of cases) {
			const response = await post(body);
			expect({ body, status: response.status }).toEqual({ body, status });
			expect(message(response)).toMatch(text);
		}
		expect(simulator.store.list(D, 'SalesInvoices')).toHaveLength(before);
	});

	it('books a line on the item group\'s revenue account when the item has none, and the receivable on InvoiceTo', async () => {
		const itemRow = simulator.store.list(D, 'Items').find((row) => row.Code === 'UUR-MONTEUR')!;
		simulator.store.update(D, 'Items', String(itemRow.ID), { GLRevenue: null, GLRevenueCode: null }, { silent: true });
		const payer = simulator.store.list(D, 'Accounts').find((row) => row.Status === 'C' && !row.Blocked && row.ID !== customerId)!;
		const response = await post({
			Journal: '70', OrderedBy: customerId, InvoiceTo: payer.ID, DeliverTo: customerId, YourRef: 'WB-4001',
			SalesInvoiceLines: [{ Item: item('UUR-MONTEUR'), Quantity: 0.833333, UnitPrice: 62.5 }, { Item: item('UUR-MONTEUR'), Quantity: 2, UnitPrice: 278.33, Discount: 0.1 }],
		});
		expect(response.status).toBe(201);
		const invoice = response.json().d;
		expect(invoice.SalesInvoiceLines.results.map((line: { GLAccount: string; AmountFC: number }) => [line.GLAccount, line.AmountFC])).toEqual([
			[deterministicGuid(D, 'gl', '8100'), 52.08],
			[deterministicGuid(D, 'gl', '8100'), 500.99],
		]);
		expect(invoice).toMatchObject({ InvoiceTo: payer.ID, OrderedBy: customerId, DeliverTo: customerId, AmountFCExclVat: 553.07, VATAmountFC: 116.15 });
		simulator.processInvoice(invoice.InvoiceID);
		const receivable = simulator.store.list(D, 'Receivables').find((row) => row.TransactionEntryID === invoice.InvoiceID);
		expect(receivable?.Account).toBe(payer.ID);
	});

	it('creates a draft ("te verwerken") without number or receivable until PrintedSalesInvoices processes it (#15 point 9)', async () => {
		const invoice = (await post({ Journal: '70', OrderedBy: customerId, YourRef: 'WB-3001', SalesInvoiceLines: [{ Item: item('UUR-SPOED'), Quantity: 1 }] })).json().d;
		// As the SDK's POST response fixture: InvoiceNumber null, Status 20 Open.
		expect(invoice).toMatchObject({ InvoiceNumber: null, Status: 20 });
		expect(simulator.store.list(D, 'Receivables').filter((row) => row.TransactionEntryID === invoice.InvoiceID)).toEqual([]);
		expect(() => simulator.markInvoicePaid(invoice.InvoiceID)).toThrow(/not processed/);
		const printed = await callApi(simulator, token, `${D}/salesinvoice/PrintedSalesInvoices`, { method: 'POST', body: { InvoiceID: invoice.InvoiceID, SendEmailToCustomer: true } });
		expect(printed.status).toBe(201);
		expect(printed.json().d).toMatchObject({ InvoiceID: invoice.InvoiceID, EmailCreationSuccess: expect.any(String) });
		const processed = (await callApi(simulator, token, `${D}/salesinvoice/SalesInvoices(guid'${invoice.InvoiceID}')?$select=Status,InvoiceNumber`)).json().d;
		expect(processed).toMatchObject({ Status: 50, InvoiceNumber: expect.any(Number) });
		const open = await callApi(simulator, token, `${D}/cashflow/Receivables?$select=IsFullyPaid,AmountDC,InvoiceNumber,YourRef&$filter=InvoiceNumber eq ${processed.InvoiceNumber}`);
		expect(open.json().d.results).toEqual([expect.objectContaining({ IsFullyPaid: false, AmountDC: invoice.AmountDC, YourRef: 'WB-3001' })]);
		simulator.markInvoicePaid(invoice.InvoiceID);
		const paid = await callApi(simulator, token, `${D}/cashflow/Receivables?$select=IsFullyPaid&$filter=InvoiceNumber eq ${processed.InvoiceNumber}`);
		expect(paid.json().d.results[0].IsFullyPaid).toBe(true);
		const change = await callApi(simulator, token, `${D}/salesinvoice/SalesInvoices(guid'${invoice.InvoiceID}')`, { method: 'PUT', body: { Description: 'te laat' } });
		expect(change.status).toBe(400);
	});


	it('prices a line without UnitPrice as Exact does: the customer\'s own price, else the item\'s; the account\'s sales discount', async () => {
		const customer = simulator.store.list(D, 'Accounts').find((row) => row.Status === 'C' && !row.Blocked && row.ID !== customerId)!;
		simulator.store.update(D, 'Accounts', String(customer.ID), { DiscountSales: 0.1 }, { silent: true });
		simulator.store.insert(D, 'SalesItemPrices', { ID: '99999999-0000-0000-0000-0000000000c1', Item: item('UUR-MONTEUR'), Account: customer.ID, Price: 50 }, { silent: true });
		const response = await post({ Journal: '70', OrderedBy: customer.ID, SalesInvoiceLines: [{ Item: item('UUR-MONTEUR'), Quantity: 2 }, { Item: item('VOORRIJKOSTEN'), Quantity: 1, Discount: 0 }] });
		expect(response.status).toBe(201);
		expect(response.json().d.SalesInvoiceLines.results.map((line: { UnitPrice: number; Discount: number; AmountFC: number }) => [line.UnitPrice, line.Discount, line.AmountFC])).toEqual([
			[50, 0.1, 90],
			[35, 0, 35],
		]);
	});

	it('prices a line without UnitPrice from the customer\'s price list: a new price, a discount on the base price, the volume reached', async () => {
		const customer = simulator.store.list(D, 'Accounts').filter((row) => row.Status === 'C' && !row.Blocked && row.ID !== customerId)[1];
		const list = '99999999-0000-0000-0000-0000000000b1';
		const period = '99999999-0000-0000-0000-0000000000b2';
		simulator.store.update(D, 'Accounts', String(customer.ID), { PriceList: list, DiscountSales: 0 }, { silent: true });
		simulator.store.insert(D, 'SalesPriceLists', { ID: list, Code: 'CORP' }, { silent: true });
		simulator.store.insert(D, 'SalesPriceListPeriods', { ID: period, PriceList: list, StartDate: null, EndDate: null }, { silent: true });
		const entries = [
			{ ID: '99999999-0000-0000-0000-0000000000b3', Item: item('UUR-MONTEUR'), Quantity: 0, EntryMethod: 2, NewPrice: 55 },
			{ ID: '99999999-0000-0000-0000-0000000000b4', Item: item('UUR-MONTEUR'), Quantity: 5, EntryMethod: 1, Discount: 0.2, BasePriceAmount: 60 },
		];
		for (const entry of entries) simulator.store.insert(D, 'SalesPriceListVolumeDiscounts', { ...entry, PriceListPeriod: period, PriceListCode: 'CORP' }, { silent: true });
		const response = await post({ Journal: '70', OrderedBy: customer.ID, SalesInvoiceLines: [{ Item: item('UUR-MONTEUR'), Quantity: 2 }, { Item: item('UUR-MONTEUR'), Quantity: 6 }] });
		expect(response.status).toBe(201);
		expect(response.json().d.SalesInvoiceLines.results.map((line: { UnitPrice: number; Discount: number; AmountFC: number }) => [line.UnitPrice, line.Discount, line.AmountFC])).toEqual([
			[55, 0, 110],
			[60, 0.2, 288],
		]);
		const read = await callApi(simulator, token, `${D}/sales/SalesPriceListVolumeDiscounts?$select=ID,NewPrice&$filter=PriceListPeriod eq guid'${period}'`);
		expect(read.json().d.results).toHaveLength(2);
		const write = await callApi(simulator, token, `${D}/sales/SalesPriceLists`, { method: 'POST', body: { Code: 'X' } });
		expect(write.status).toBeGreaterThanOrEqual(400);
	});
});
