/**
 * Every Exact field the tag mapping offers reaches Exact through the export template as shipped: with a
 * mapping for each field, the invoice in the simulator carries Description, Payment Reference, Remarks and
 * Your Reference, and the attached work-order PDF's document carries the Document Subject.
 */
import type { IDataObject, IWorkflowBase } from 'n8n-workflow';
import { TAG_TARGET_FIELDS } from '../../nodes/ExactOutSmart/logic/tags';
import { DEMO_WORKSTATUS } from '../simulators/outsmart';
import { okResponse } from '../simulators/outsmart/testClient';
import { exactRows, loadTemplate, useStack } from './setup';

const READY = DEMO_WORKSTATUS.readyForInvoicing.code;

/** Where each mapped field lands in Exact: on the invoice, or on the document of the attached PDF. */
const LANDS_ON: Record<string, 'invoice' | 'document'> = { Description: 'invoice', PaymentReference: 'invoice', Remarks: 'invoice', YourRef: 'invoice', DocumentSubject: 'document' };
/** A short mark per field (YourRef holds at most 20 characters). */
const mark = (field: string) => `${field.slice(0, 3)}-`;
const EXACT_FIELD: Record<string, string> = { DocumentSubject: 'Subject' };

describe('Template: every tag-mapped field reaches Exact', () => {
	const stack = useStack({ workorderCount: 40 });

	test('each field the tag mapping offers appears on the invoice or its document in the simulator', async () => {
		expect(Object.keys(LANDS_ON).sort()).toEqual([...TAG_TARGET_FIELDS].sort());
		const template: IWorkflowBase = loadTemplate('export-work-orders.json');
		const build = template.nodes.find((node) => node.name === 'Build Sales Invoice')!;
		build.parameters.tags = { mapping: TAG_TARGET_FIELDS.map((field) => ({ field, template: `${mark(field)}[WorkorderNo]` })) };
		build.parameters.exportOptions = { ...(build.parameters.exportOptions as IDataObject), attachPdf: true };

		const ready = await okResponse<IDataObject[]>(stack.outSmart, 'GetWorkorders', { query: { status: 'Compleet', workstatus: READY, update_status: 'false' } });
		const run = await stack.harness.run(template, { mode: 'trigger', startNode: 'Work Order Ready for Export', input: ready });
		const exported = run.output('Exported').map((line) => String(line.workorderNo));
		expect(exported.length).toBeGreaterThan(0);
		for (const number of exported) {
			const [invoice] = exactRows(stack, 'SalesInvoices').filter((row) => row.YourRef === `${mark('YourRef')}${number}`);
			const [document] = exactRows(stack, 'Documents').filter((row) => row.ID === invoice.Document || row.SalesInvoice === invoice.InvoiceID || String(row.Subject) === `${mark('DocumentSubject')}${number}`);
			// (Remarks also carry the export key Exact finds an earlier export by, so the mapped text is contained.)
			for (const field of TAG_TARGET_FIELDS) {
				const record = LANDS_ON[field] === 'invoice' ? invoice : document;
				expect({ number, field, value: record?.[EXACT_FIELD[field] ?? field] }).toEqual({ number, field, value: expect.stringContaining(`${mark(field)}${number}`) });
			}
		}
	});
});
