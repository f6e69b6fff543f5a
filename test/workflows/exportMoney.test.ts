/**
 * The invoice to the cent through the shipped templates: with Exact prices and a paid-on-site mapping, the
 * dry run's amounts (excluding VAT, VAT, total) are the amounts Exact books for every exported order, and a
 * reverse-charge customer, a customer with a price agreement, one with a price list and an order paid by card
 * come out right.
 */
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { DEMO_DIVISION } from '../simulators/exact';
import { DEMO_WORKSTATUS, shownNumber } from '../simulators/outsmart';
import { okResponse } from '../simulators/outsmart/testClient';
import { exactRows, loadTemplate, useStack } from './setup';

const READY = DEMO_WORKSTATUS.readyForInvoicing.code;
const PIN_CONDITION = 'PIN';

const FILE = 'export-work-orders.json';
const TRIGGER = 'Work Order Ready for Export';

/** The export template with Exact prices and "pin betaling" mapped to the PIN condition; optionally as a dry run. */
function configured(dryRun: boolean): IWorkflowBase {
	const template = loadTemplate(FILE);
	const parameters = template.nodes.find((node) => node.name === 'Build Sales Invoice')!.parameters as IDataObject;
	parameters.priceSource = 'exact';
	parameters.exportOptions = { ...((parameters.exportOptions as IDataObject) ?? {}), paymentMethodConditions: `pin betaling=${PIN_CONDITION}` };
	parameters.dryRun = dryRun;
	return template;
}

describe('Template: the invoice to the cent', () => {
	const stack = useStack({ workorderCount: 80 });

	test('dry run and Exact agree to the cent; reverse charge, a price agreement, a price list and a card payment are booked right', async () => {
		const ready = await okResponse<IDataObject[]>(stack.outSmart, 'GetWorkorders', { query: { status: 'Compleet', workstatus: READY, update_status: 'false' } });
		const dryRunOf = async (orders: IDataObject[]) => await stack.harness.run(configured(true), { mode: 'trigger', startNode: TRIGGER, input: orders });
		const first = await dryRunOf(ready);
		const exportable = new Set(
			first.output('Dry Run Report').filter((report) => report.verdict === 'wouldExport').map((report) => String((report.workorder as IDataObject).workorderNo)),
		);
		const good = ready.filter((order) => exportable.has(shownNumber(order)) && Array.isArray(order.Materials) && order.Materials.length > 0);
		const byCustomer = new Map<string, IDataObject>();
		for (const order of good) if (!byCustomer.has(String(order.CustomerDebtorNrInvoice))) byCustomer.set(String(order.CustomerDebtorNrInvoice), order);
		const [reverseCharge, agreement, card, listed] = [...byCustomer.values()];
		expect(listed).toBeDefined();
		const accountOf = (order: IDataObject) => exactRows(stack, 'Accounts').find((row) => String(row.Code).trim() === String(order.CustomerDebtorNrInvoice))!;

		// Reverse charge: the customer's sales VAT code is "verlegd" (0 %).
		stack.exact.store.update(DEMO_DIVISION, 'Accounts', String(accountOf(reverseCharge).ID), { SalesVATCode: '5  ' }, { silent: true });
		// A price agreement: this customer pays 10,00 less for the first material of its order.
		const agreedCode = String((agreement.Materials as IDataObject[])[0].MaterialCode);
		const agreedItem = exactRows(stack, 'Items').find((row) => row.Code === agreedCode)!;
		const agreedPrice = Math.round((Number(agreedItem.StandardSalesPrice) - 10) * 100) / 100;
		stack.exact.store.insert(DEMO_DIVISION, 'SalesItemPrices', {
			ID: '99999999-0000-0000-0000-000000000001', Account: accountOf(agreement).ID, Item: agreedItem.ID, ItemCode: agreedCode, Price: agreedPrice,
			Currency: 'EUR', Unit: agreedItem.Unit, Quantity: 0, StartDate: null, EndDate: null,
		}, { silent: true });
		// A price list: this customer's list gives 15 % off the list's base price of the first material of its order.
		const listedCode = String((listed.Materials as IDataObject[])[0].MaterialCode);
		const listedItem = exactRows(stack, 'Items').find((row) => row.Code === listedCode)!;
		const basePrice = Number(listedItem.StandardSalesPrice) + 5;
		const list = { ID: '99999999-0000-0000-0000-0000000000a1', Code: 'CORP', Description: 'Corporaties' };
		stack.exact.store.insert(DEMO_DIVISION, 'SalesPriceLists', list, { silent: true });
		stack.exact.store.insert(DEMO_DIVISION, 'SalesPriceListPeriods', { ID: '99999999-0000-0000-0000-0000000000a2', PriceList: list.ID, StartDate: null, EndDate: null }, { silent: true });
		stack.exact.store.insert(DEMO_DIVISION, 'SalesPriceListVolumeDiscounts', {
			ID: '99999999-0000-0000-0000-0000000000a3', PriceListCode: list.Code, PriceListPeriod: '99999999-0000-0000-0000-0000000000a2', Item: listedItem.ID, ItemCode: listedCode,
			Quantity: 0, EntryMethod: 1, Discount: 0.15, BasePriceAmount: basePrice, Unit: listedItem.Unit,
		}, { silent: true });
		stack.exact.store.update(DEMO_DIVISION, 'Accounts', String(accountOf(listed).ID), { PriceList: list.ID, DiscountSales: 0 }, { silent: true });
		// Paid by card on site, and Exact has a payment condition for it.
		stack.outSmart.store.findWorkorderByNoOrId(shownNumber(card))!.fields.PaymentMethod = 'pin betaling';
		stack.exact.store.insert(DEMO_DIVISION, 'PaymentConditions', {
			ID: '99999999-0000-0000-0000-000000000002', Code: PIN_CONDITION, Description: 'Pin betaling', PaymentDays: 0, PaymentMethod: 'B',
		}, { silent: true });

		const orders = await okResponse<IDataObject[]>(stack.outSmart, 'GetWorkorders', { query: { status: 'Compleet', workstatus: READY, update_status: 'false' } });
		const dryRun = await dryRunOf(orders);
		expect(dryRun.status).toBe('success');
		const reports = new Map(dryRun.output('Dry Run Report').map((report) => [String((report.workorder as IDataObject).workorderNo), report]));
		for (const order of [reverseCharge, agreement, card, listed]) expect([shownNumber(order), reports.get(shownNumber(order))?.reason]).toEqual([shownNumber(order), expect.stringMatching(/^Would export/)]);
		expect(String((reports.get(shownNumber(agreement))!.decisions as string[]).join('\n'))).toContain(`Material ${agreedCode}: ${agreedPrice} from customer`);

		expect(String((reports.get(shownNumber(listed))!.decisions as string[]).join('\n'))).toContain(`Material ${listedCode}: ${basePrice} from customer`);

		const exported = await stack.harness.run(configured(false), { mode: 'trigger', startNode: TRIGGER, input: orders });
		expect(exported.output('Exported').length).toBeGreaterThanOrEqual(4);
		const invoices = new Map(exactRows(stack, 'SalesInvoices').map((invoice) => [String(invoice.YourRef), invoice]));
		const wouldExport = [...reports].filter(([, report]) => report.verdict === 'wouldExport');
		expect(wouldExport.length).toBeGreaterThanOrEqual(3);
		for (const [number, report] of wouldExport) {
			const invoice = invoices.get(number);
			expect({ number, excl: invoice?.AmountFCExclVat, vat: invoice?.VATAmountFC, incl: invoice?.AmountFC }).toEqual({
				number,
				excl: report.invoiceAmountExclVat,
				vat: report.invoiceVatAmount,
				incl: report.invoiceAmountInclVat,
			});
		}

		const linesOf = (order: IDataObject) => exactRows(stack, 'SalesInvoiceLines').filter((line) => line.InvoiceID === invoices.get(shownNumber(order))!.InvoiceID);
		const shifted = invoices.get(shownNumber(reverseCharge))!;
		expect({ vat: shifted.VATAmountFC, total: shifted.AmountFC }).toEqual({ vat: 0, total: shifted.AmountFCExclVat });
		expect(new Set(linesOf(reverseCharge).map((line) => String(line.VATCode).trim()))).toEqual(new Set(['5']));
		expect(linesOf(agreement).find((line) => line.Item === agreedItem.ID)?.UnitPrice).toBe(agreedPrice);
		expect(linesOf(listed).find((line) => line.Item === listedItem.ID)).toMatchObject({ UnitPrice: basePrice, Discount: 0.15 });
		expect(invoices.get(shownNumber(card))!.PaymentCondition).toBe(PIN_CONDITION);
		expect(invoices.get(shownNumber(agreement))!.PaymentCondition).not.toBe(PIN_CONDITION);
	});
});
