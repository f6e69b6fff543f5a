// End-to-end: a real n8n (the pinned version) with this package installed as a community package,
// both simulators, the templates imported; runs are judged by n8n's own execution records and the
// outcome by the simulators' state. Run with `npm run test:e2e` (node --test, Node 24).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { projectRoot, PACKAGE_NAME } from '../../scripts/sandbox/paths.mjs';
import { startStack } from '../../scripts/sandbox/stack.mjs';
import { linkCredentials, packageNodeTypes, readTemplates, toNewWorkflow } from '../../scripts/sandbox/templates.mjs';
import { credentialsByType } from '../../scripts/sandbox/credentials.mjs';
import { waitFor } from '../../scripts/sandbox/wait.mjs';
import { sandboxGuide } from '../../scripts/sandbox/guide.mjs';
import { runCommand } from '../../scripts/sandbox/run-command.mjs';
import { checkWorkflow, openEditor } from './editor-check.mjs';
import {
	assertExecutionSucceeded,
	describeRun,
	createFixtureWorkflow,
	exactControl,
	outputOf,
	outsmartControl,
	pollSoon,
	runWorkflowToSuccess,
	startNodeOf,
	waitForProductionExecution,
} from './e2e-helpers.mjs';

const EXPORT_MODES = ['materialsAndHours', 'materialsOnly', 'pdfOnly'];
const templates = readTemplates();
/** A shipped template; a missing one fails the suite (it is never skipped). @param {string} file */
const templateFile = (file) => {
	const found = templates.find((template) => template.file === file);
	if (!found) throw new Error(`workflows/${file} is missing`);
	return found;
};
const relationsTemplate = templateFile('import-relations.json');
const materialsTemplate = templateFile('import-materials-with-gla.json');
const exportTemplate = templateFile('export-work-orders.json');
const glaTemplate = templateFile('gla-sync.json');
const paymentTemplate = templateFile('payment-condition-check.json');
const masterDataTemplate = templateFile('import-hour-types-employees-payment-conditions.json');
const connectionTemplate = templateFile('connection-health.json');
const paymentStatusTemplate = templateFile('payment-status-to-outsmart.json');
const instantSyncTemplate = templateFile('instant-master-data-sync.json');
const errorAlertTemplate = templateFile('error-alert.json');
const webhookTemplate = templates.find(({ workflow }) => workflow.nodes.some((node) => node.type === `${PACKAGE_NAME}.exactOnlineTrigger`));
if (!webhookTemplate) throw new Error('no template in workflows/ starts with the Exact Online Trigger');

/** @type {import('../../scripts/sandbox/stack.mjs').Stack} */
let stack;
let userFolder = '';

/** The n8n workflow id of an imported template. */
function importedId(template) {
	const imported = stack.workflows.find((workflow) => workflow.file === template.file);
	assert.ok(imported, `template ${template.file} was not imported`);
	return imported.id;
}

/** Work orders a technician can still finish, oldest first (those with an ERP number: the checks name them by it). */
async function openWorkorders() {
	const ready = await outsmartControl(stack, 'GET', 'workorders?status=Klaargezet');
	const fetched = await outsmartControl(stack, 'GET', 'workorders?status=Opgehaald');
	return [...ready, ...fetched].filter((order) => order.WorkorderNo !== '');
}

/** The number an order is shown under (WorkorderNo, else OrderNr): its YourRef, and a key the control API knows. */
const numberOf = (order) => String(order.WorkorderNo || order.OrderNr);

/**
 * Finishes an open order of a relation whose payment condition agrees between the systems, with one
 * material that has a GLA and one hour line, in the given work status; returns it as OutSmart serves it.
 * @param {string} workstatus
 */
async function finishCleanOrder(workstatus) {
	const seed = await outsmartControl(stack, 'GET', 'seed');
	const mismatched = seed.paymentConditionMismatches.map((mismatch) => `"${mismatch.debtorNumber}"`);
	const order = (await openWorkorders()).find((candidate) => !mismatched.some((debtor) => JSON.stringify(candidate).includes(debtor)));
	assert.ok(order, 'the OutSmart demo account has an open order to finish');
	const material = (await outsmartControl(stack, 'GET', 'master/materials')).find((entry) => entry.freefield1 && !seed.materialsWithoutGla.includes(String(entry.code)) && String(entry.code) !== seed.materialWithUnknownGla?.code);
	const hourType = (await outsmartControl(stack, 'GET', 'master/hourtypes'))[0];
	return await outsmartControl(stack, 'POST', `workorders/${order.WorkorderNo}/complete`, {
		workstatus,
		materials: [{ MaterialCode: material.code, MaterialAmount: 2 }],
		workperiods: [{ HourType: hourType.code, BeginTime: '08:00', EndTime: '10:00' }],
	});
}

async function salesInvoices() {
	return await exactControl(stack, 'GET', `entities/${stack.exact.division}/SalesInvoices`);
}

/** A manual run takes one sample order from the trigger: move the others waiting in this work status away. */
async function clearWaiting(workstatus) {
	for (const waiting of await outsmartControl(stack, 'GET', 'workorders?status=Compleet')) {
		if (waiting.WorkStatus === workstatus) await outsmartControl(stack, 'POST', `workorders/${numberOf(waiting)}/workstatus`, { workstatus: 'In uitvoering' });
	}
}

/** The export settings (Build Sales Invoice) of a template: its first export trigger and YourRef prefix. */
function exportSettingsOf(workflow) {
	const settingsNode = workflow.nodes.find((node) => node.parameters?.exportTriggers?.trigger?.length);
	assert.ok(settingsNode, `"${workflow.name}" configures export triggers`);
	return { settingsNode, trigger: settingsNode.parameters.exportTriggers.trigger[0], yourRefPrefix: settingsNode.parameters.yourRefPrefix ?? '' };
}

/** The values a Set node assigns, by name. */
function assignmentsOf(workflow, nodeName) {
	const node = workflow.nodes.find((entry) => entry.name === nodeName);
	assert.ok(node, `"${workflow.name}" has a node "${nodeName}"`);
	return Object.fromEntries(node.parameters.assignments.assignments.map((assignment) => [assignment.name, assignment.value]));
}

/** Exact API calls (not token calls) and OutSmart calls the simulators recorded since their logs were cleared. */
async function recordedCalls() {
	const exact = (await exactControl(stack, 'GET', 'calls')).filter((call) => call.path.startsWith('/api/v1/'));
	const outsmart = await outsmartControl(stack, 'GET', 'calls');
	return { exact, outsmart };
}

/**
 * An order the export moved to the payment template's "exported" status whose Exact invoice is still open;
 * exports one through the shipped export template when no earlier case left one.
 * @param {Record<string, any>} settings  the payment template's Settings
 */
async function exportedOrderWithOpenInvoice(settings) {
	const find = async () => {
		for (const invoice of await salesInvoices()) {
			const yourRef = String(invoice.YourRef ?? '').trim();
			if (invoice.Status === 50 || !yourRef.startsWith(settings.yourRefPrefix)) continue;
			const order = await outsmartControl(stack, 'GET', `workorders/${yourRef.slice(settings.yourRefPrefix.length)}`).catch(() => undefined);
			if (order?.WorkStatus === settings.exportedStatus) return { invoice, order };
		}
		return undefined;
	};
	const found = await find();
	if (found) return found;
	const { trigger } = exportSettingsOf(exportTemplate.workflow);
	await clearWaiting(trigger.workstatus);
	await finishCleanOrder(trigger.workstatus);
	await runWorkflowToSuccess(stack, importedId(exportTemplate));
	const exported = await find();
	assert.ok(exported, 'the export left an order with an open invoice in the exported status');
	return exported;
}

async function clearCallLogs() {
	await exactControl(stack, 'DELETE', 'calls');
	await outsmartControl(stack, 'DELETE', 'calls');
}

before(async () => {
	userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'exact-outsmart-e2e-'));
	stack = await startStack({ userFolder, build: process.env.E2E_SKIP_BUILD !== 'true', log: (line) => console.log(`# ${line}`) });
});

after(async () => {
	await stack?.stop();
	if (userFolder && process.env.E2E_KEEP_USER_FOLDER !== 'true') fs.rmSync(userFolder, { recursive: true, force: true });
});

/**
 * Runs a command the sandbox printed, as a user would type it in the project folder, against this stack.
 * @param {string} commandLine  e.g. `npm run sandbox:complete-workorder -- WO-26010`
 * @param {string} stackFile
 */
async function typeCommand(commandLine, stackFile) {
	const [command, ...args] = commandLine.trim().split(/\s+/);
	return await runCommand(command, args, { cwd: projectRoot, quiet: true, env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`, SANDBOX_STACK_FILE: stackFile } });
}

/** The text after a numbered step of the guide, up to the next step. */
function stepOf(guide, number) {
	const match = new RegExp(`\\n  ${number}\\. ([\\s\\S]*?)(?=\\n  ${number + 1}\\. |\\n\\n)`).exec(guide);
	assert.ok(match, `the guide has a step ${number}:\n${guide}`);
	return match[1];
}

// First, while the demo data is as `npm start` leaves it: the printed steps, followed literally.
describe('the sandbox guide', () => {
	test('its steps, followed literally, end in an invoice by "Execute workflow" and by publishing', { timeout: 420_000 }, async () => {
		const guide = await sandboxGuide(stack, { readySeconds: 0 });
		const stackFile = path.join(userFolder, 'stack.json');
		fs.writeFileSync(stackFile, JSON.stringify({ editorUrl: stack.editorUrl, exact: stack.exact, outsmart: stack.outsmart, pid: process.pid }));
		const commandIn = (step) => {
			const line = /^\s*(npm run sandbox:complete-workorder -- \S+)\s*$/m.exec(step) ?? /\((npm run sandbox:complete-workorder -- [^)\s]+)\)/.exec(step);
			assert.ok(line, `a command to type in:\n${step}`);
			return line[1];
		};
		const invoicesUrlIn = (step) => {
			const url = /curl -s '([^']+)'/.exec(step)?.[1];
			assert.ok(url, `an invoice address in:\n${step}`);
			return url;
		};
		const invoicesAt = async (url) => {
			const response = await fetch(url);
			assert.equal(response.status, 200, `${url} answers`);
			return await response.json();
		};

		// 1. Play the technician.
		const finished = await typeCommand(commandIn(stepOf(guide, 1)), stackFile);
		const workorderNo = /Work order (\S+) is now Compleet/.exec(finished.stdout)?.[1];
		assert.ok(workorderNo, `the command finished an order:\n${finished.stdout}`);
		assert.match(finished.stdout, /material/, 'the finished order has materials');
		assert.match(finished.stdout, /hours/, 'the finished order has hours');

		// 2. Open the export and press "Execute workflow".
		const workflowId = /\/workflow\/([A-Za-z0-9]+)/.exec(stepOf(guide, 2))?.[1];
		assert.ok(workflowId, 'step 2 links the export workflow');
		const workflow = await stack.rest.getWorkflow(workflowId);
		const executionId = await stack.rest.runWorkflow(workflowId, startNodeOf(workflow));
		const execution = await stack.rest.waitForExecution(executionId, 240_000);
		const trigger = workflow.nodes.find((node) => node.type === `${PACKAGE_NAME}.outSmartTrigger`);
		const triggered = outputOf(execution, trigger.name).map((order) => order.WorkorderNo);
		assert.ok(triggered.includes(workorderNo) && triggered.length > 1, `"Execute workflow" took every waiting order, ${workorderNo} among them: ${triggered.join(', ')}`);

		// 3. See the invoice in Exact.
		const invoices = await invoicesAt(invoicesUrlIn(stepOf(guide, 3)));
		assert.equal(invoices.length, 1, `one invoice for ${workorderNo} after "Execute workflow"; the run:\n${describeRun(execution)}`);
		assert.equal(invoices[0].YourRef, workorderNo);
		const lines = await exactControl(stack, 'GET', `entities/${stack.exact.division}/SalesInvoiceLines?InvoiceID=${invoices[0].InvoiceID}`);
		assert.ok(lines.length >= 3, `the invoice has the two materials and the hours as lines: ${JSON.stringify(lines.map((line) => line.Description))}`);

		// 4. Publish, finish another order, and its invoice follows.
		const publishStep = stepOf(guide, 4);
		try {
			await stack.rest.activateWorkflow(workflowId);
			const next = await typeCommand(commandIn(publishStep), stackFile);
			const nextNo = /Work order (\S+) is now Compleet/.exec(next.stdout)?.[1];
			assert.ok(nextNo && nextNo !== workorderNo, `step 4 finishes another order:\n${next.stdout}`);
			const url = invoicesUrlIn(publishStep);
			assert.ok(url.endsWith(nextNo), `step 4 shows where ${nextNo}'s invoice appears`);
			const published = await waitFor(`the published export to invoice ${nextNo}`, async () => ((await invoicesAt(url)).length > 0 ? await invoicesAt(url) : undefined), { timeoutMs: 150_000, intervalMs: 2_000 });
			assert.equal(published.length, 1, `one invoice for ${nextNo}`);
		} finally {
			await stack.rest.deactivateWorkflow(workflowId).catch(() => undefined);
		}
	});
});

describe('the package in a real n8n', () => {
	test('n8n loads every node of this package under its npm package name', () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
		const requireFromProject = createRequire(path.join(projectRoot, 'package.json'));
		const expected = manifest.n8n.nodes.map((file) => {
			const exported = requireFromProject(path.join(projectRoot, file));
			const NodeClass = Object.values(exported).find((value) => typeof value === 'function');
			return `${PACKAGE_NAME}.${new NodeClass().description.name}`;
		});
		for (const type of expected) assert.ok(stack.packageNodeTypes.includes(type), `n8n did not load ${type}; it loaded ${stack.packageNodeTypes.join(', ')}`);
	});

	test('every template is imported and uses only node types n8n knows', async () => {
		const known = new Set(await stack.rest.nodeTypeNames());
		assert.equal(stack.workflows.length, templates.length);
		for (const { file, workflow } of templates) {
			const unknown = workflow.nodes.map((node) => node.type).filter((type) => !known.has(type));
			assert.deepEqual(unknown, [], `${file} uses node types n8n does not have`);
			const stored = await stack.rest.getWorkflow(importedId({ file }));
			for (const node of stored.nodes.filter((entry) => packageNodeTypes({ nodes: [entry] }).length > 0)) {
				for (const [type, reference] of Object.entries(node.credentials ?? {})) {
					assert.equal(reference.id, credentialsByType()[type]?.id, `${file}: node "${node.name}" is not linked to the sandbox ${type}`);
				}
			}
		}
	});

	test('the sandbox credentials reach both simulators through the nodes', async () => {
		const workflow = await createFixtureWorkflow(stack, 'smoke.workflow.json');
		const execution = await runWorkflowToSuccess(stack, workflow.id);
		const statuses = outputOf(execution, 'OutSmart work statuses');
		assert.ok(statuses.some((status) => status.sta_name === 'Gereed voor facturatie'), 'OutSmart work statuses came back');
		const conditions = outputOf(execution, 'Exact payment conditions');
		assert.ok(conditions.length > 0 && conditions.every((condition) => typeof condition.Code === 'string'), 'Exact payment conditions came back');
	});
});

describe('templates run in n8n', () => {
	// Runs before the imports, which bring OutSmart's relations in line with Exact.
	test('payment-condition check reports the relations whose condition differs', async () => {
		const seed = await outsmartControl(stack, 'GET', 'seed');
		const execution = await runWorkflowToSuccess(stack, importedId(paymentTemplate));
		const differing = outputOf(execution, 'Mismatch').filter((mismatch) => mismatch.kind === 'relationDiffers');
		assert.ok(seed.paymentConditionMismatches.length > 0);
		assert.deepEqual(
			differing.map(({ subject, outSmart, exact }) => ({ debtorNumber: subject, outsmart: outSmart, exact })),
			seed.paymentConditionMismatches,
		);
	});
	test('relations import: every active Exact customer is an OutSmart relation', async () => {
		await outsmartControl(stack, 'DELETE', 'calls');
		await runWorkflowToSuccess(stack, importedId(relationsTemplate));
		const posts = await outsmartControl(stack, 'GET', 'calls?method=POST');
		assert.ok(posts.some((call) => /relations/i.test(call.path)), 'the import wrote relations to OutSmart');
		const relations = new Set((await outsmartControl(stack, 'GET', 'master/relations')).map((relation) => String(relation.debtor_number)));
		const accounts = await exactControl(stack, 'GET', `entities/${stack.exact.division}/Accounts`);
		const customers = accounts.filter((account) => account.Status === 'C' && !account.Blocked);
		assert.ok(customers.length > 0);
		for (const customer of customers) assert.ok(relations.has(String(customer.Code).trim()), `customer ${customer.Code} is in OutSmart`);
	});

	test('materials import: every Exact sales item is an OutSmart material or hour type', async () => {
		await outsmartControl(stack, 'DELETE', 'calls');
		await runWorkflowToSuccess(stack, importedId(materialsTemplate));
		const posts = await outsmartControl(stack, 'GET', 'calls?method=POST');
		assert.ok(posts.some((call) => /materials|hourtypes/i.test(call.path)), 'the import wrote materials to OutSmart');
		const codes = new Set([
			...(await outsmartControl(stack, 'GET', 'master/materials')).map((material) => String(material.code)),
			...(await outsmartControl(stack, 'GET', 'master/hourtypes')).map((hourType) => String(hourType.code)),
		]);
		const items = await exactControl(stack, 'GET', `entities/${stack.exact.division}/Items`);
		for (const item of items.filter((entry) => entry.IsSalesItem !== false)) assert.ok(codes.has(String(item.Code).trim()), `item ${item.Code} is in OutSmart`);
	});

	for (const mode of EXPORT_MODES) {
		test(`export (${mode}): a finished order is exported once and moves to the success status`, async () => {
			const workflow = toNewWorkflow(linkCredentials(structuredClone(exportTemplate.workflow), credentialsByType()));
			const { trigger, yourRefPrefix } = exportSettingsOf(workflow);
			trigger.mode = mode;
			workflow.name = `${workflow.name} (${mode})`;
			const created = await stack.rest.createWorkflow(workflow);

			await clearWaiting(trigger.workstatus);
			const order = await finishCleanOrder(trigger.workstatus);
			const yourRef = `${yourRefPrefix}${order.WorkorderNo}`;
			const first = await runWorkflowToSuccess(stack, created.id);
			const after = await outsmartControl(stack, 'GET', `workorders/${order.WorkorderNo}`);
			if (after.WorkStatus !== trigger.successStatus) {
				const reasons = JSON.stringify(['Failure Reason', 'Exported'].map((name) => first.data.resultData.runData[name]?.[0]?.data?.main?.[0]?.map((item) => item.json)));
				assert.fail(`order ${order.WorkorderNo} is in work status ${after.WorkStatus}, not the success status ${trigger.successStatus}; the run:\n${describeRun(first)}\n${reasons.slice(0, 1500)}`);
			}
			const invoicesFor = async () => (await salesInvoices()).filter((invoice) => invoice.YourRef === yourRef);
			const documentsFor = async () => (await exactControl(stack, 'GET', `entities/${stack.exact.division}/Documents`)).filter((document) => String(document.Subject ?? '').includes(order.WorkorderNo));
			if (mode === 'pdfOnly') {
				assert.equal((await invoicesFor()).length, 0, 'PDF-only export creates no invoice');
				assert.equal((await documentsFor()).length, 1, 'one document holds the work-order PDF');
			}
			// Put the order back in the export status: a second export must find its invoice or document and not make another.
			await outsmartControl(stack, 'POST', `workorders/${order.WorkorderNo}/workstatus`, { workstatus: trigger.workstatus });
			await runWorkflowToSuccess(stack, created.id);
			assert.equal((await outsmartControl(stack, 'GET', `workorders/${order.WorkorderNo}`)).WorkStatus, trigger.successStatus, 'the re-export ends in the success status too');
			if (mode === 'pdfOnly') {
				assert.equal((await invoicesFor()).length, 0, 'a PDF-only re-export creates no invoice');
				assert.equal((await documentsFor()).length, 1, `order ${order.WorkorderNo} still has exactly one document after the re-export`);
				return;
			}
			assert.equal((await invoicesFor()).length, 1, `order ${order.WorkorderNo} has exactly one invoice`);
		});
	}

	test('export: an order planned in OutSmart (no WorkorderNo) is exported under its OrderNr; an unfinished order gets its error status with the reason', async () => {
		const workflow = toNewWorkflow(linkCredentials(structuredClone(exportTemplate.workflow), credentialsByType()));
		const { trigger, yourRefPrefix } = exportSettingsOf(workflow);
		workflow.name = `${workflow.name} (real orders)`;
		const created = await stack.rest.createWorkflow(workflow);
		const seed = await outsmartControl(stack, 'GET', 'seed');
		const mismatched = new Set(seed.paymentConditionMismatches.map((mismatch) => String(mismatch.debtorNumber)));
		const debtor = (await openWorkorders()).map((order) => String(order.CustomerDebtorNr)).find((candidate) => !mismatched.has(candidate));
		const material = (await outsmartControl(stack, 'GET', 'master/materials')).find((entry) => entry.freefield1 && !seed.materialsWithoutGla.includes(String(entry.code)) && String(entry.code) !== seed.materialWithUnknownGla?.code);
		const hourType = (await outsmartControl(stack, 'GET', 'master/hourtypes'))[0];
		const finished = (extra) =>
			outsmartControl(stack, 'POST', 'workorders', {
				status: 'Compleet',
				WorkStatus: trigger.workstatus,
				CustomerDebtorNr: debtor,
				Materials: [{ MaterialCode: material.code, MaterialNr: 2 }],
				Workperiods: [{ HourType: hourType.code, BeginTime: '08:00', EndTime: '10:00' }],
				...extra,
			});

		// Planned in OutSmart itself: only the app's OrderNr. The manual run takes one waiting order.
		await clearWaiting(trigger.workstatus);
		const planned = await finished({ WorkorderNo: '' });
		assert.equal(planned.WorkorderNo, '');
		const run = await runWorkflowToSuccess(stack, created.id);
		const afterPlanned = await outsmartControl(stack, 'GET', `workorders/${planned.OrderNr}`);
		assert.equal(afterPlanned.WorkStatus, trigger.successStatus, `the order without WorkorderNo is in the success status:\n${describeRun(run)}`);
		const invoices = (await salesInvoices()).filter((invoice) => invoice.YourRef === `${yourRefPrefix}${planned.OrderNr}`);
		assert.equal(invoices.length, 1, `one invoice with YourRef ${yourRefPrefix}${planned.OrderNr}`);

		// The technician could not finish it: never invoiced, moved to the error status, the reason reported.
		await clearWaiting(trigger.workstatus);
		const unfinished = await finished({ WorkorderNo: 'E2E-UNFINISHED-1', WorkFinished: '0' });
		assert.equal(unfinished.WorkFinished, '0');
		const executionId = await stack.rest.runWorkflow(created.id, startNodeOf(await stack.rest.getWorkflow(created.id)));
		const execution = await stack.rest.waitForExecution(executionId);
		const afterUnfinished = await outsmartControl(stack, 'GET', 'workorders/E2E-UNFINISHED-1');
		assert.equal(afterUnfinished.WorkStatus, trigger.errorStatus, `the unfinished order is in the error status:\n${describeRun(execution)}`);
		assert.equal((await salesInvoices()).filter((invoice) => invoice.YourRef === `${yourRefPrefix}E2E-UNFINISHED-1`).length, 0, 'no invoice for the unfinished order');
		assert.match(JSON.stringify(execution.data?.resultData?.runData ?? {}), /E2E-UNFINISHED-1 is not finished: the technician could not complete the work/);
	});

	test('export to the cent: a reverse-charge customer, a price agreement, a price list, an order paid by card, materials then hours', { timeout: 300_000 }, async () => {
		const division = stack.exact.division;
		const cents = (value) => (Math.sign(value) * Math.round(Math.abs(Number(value.toPrecision(12))) * 100)) / 100;
		/** The shipped export with Exact prices and "pin betaling" mapped to the PIN condition, in one mode. */
		const exportIn = async (mode) => {
			const workflow = toNewWorkflow(linkCredentials(structuredClone(exportTemplate.workflow), credentialsByType()));
			const { settingsNode, trigger } = exportSettingsOf(workflow);
			trigger.mode = mode;
			settingsNode.parameters.priceSource = 'exact';
			settingsNode.parameters.exportOptions = { ...(settingsNode.parameters.exportOptions ?? {}), paymentMethodConditions: 'pin betaling=PIN' };
			workflow.name = `${workflow.name} (to the cent, ${mode})`;
			return { id: (await stack.rest.createWorkflow(workflow)).id, trigger };
		};
		const full = await exportIn('materialsAndHours');
		const materialsOnly = await exportIn('materialsOnly');
		const { trigger } = full;
		const { yourRefPrefix } = exportSettingsOf(exportTemplate.workflow);

		const seed = await outsmartControl(stack, 'GET', 'seed');
		const mismatched = new Set(seed.paymentConditionMismatches.map((mismatch) => String(mismatch.debtorNumber)));
		const accounts = await exactControl(stack, 'GET', `entities/${division}/Accounts`);
		const relations = (await outsmartControl(stack, 'GET', 'master/relations')).filter((relation) => relation.active === '1' && !mismatched.has(String(relation.debtor_number)));
		const customers = relations
			.map((relation) => accounts.find((account) => String(account.Code).trim() === String(relation.debtor_number) && account.Status === 'C' && !account.Blocked))
			.filter((account) => account && String(account.SalesVATCode).trim() === '2' && !account.PriceList && !account.DiscountSales);
		assert.ok(customers.length >= 5, 'five customers for the five cases');
		const [shifted, agreed, card, twice, listed] = customers;
		const items = await exactControl(stack, 'GET', `entities/${division}/Items`);
		const material = (await outsmartControl(stack, 'GET', 'master/materials')).find((entry) => entry.freefield1 && !seed.materialsWithoutGla.includes(String(entry.code)) && String(entry.code) !== seed.materialWithUnknownGla?.code && items.some((item) => item.Code === entry.code && Number(item.StandardSalesPrice) > 20));
		const materialItem = items.find((item) => item.Code === material.code);
		const hourType = (await outsmartControl(stack, 'GET', 'master/hourtypes')).find((entry) => items.some((item) => item.Code === entry.code));
		const labourItem = items.find((item) => item.Code === hourType.code);

		await exactControl(stack, 'PATCH', `entities/${division}/Accounts/${shifted.ID}`, { SalesVATCode: '5  ' });
		const agreedPrice = cents(Number(materialItem.StandardSalesPrice) - 10);
		const agreement = await exactControl(stack, 'POST', `entities/${division}/SalesItemPrices`, { Account: agreed.ID, Item: materialItem.ID, ItemCode: materialItem.Code, Price: agreedPrice, Currency: 'EUR', Unit: materialItem.Unit, Quantity: 0 });
		await exactControl(stack, 'POST', `entities/${division}/PaymentConditions`, { Code: 'PIN', Description: 'Pin betaling', PaymentDays: 0, PaymentMethod: 'B' });

		let next = 0;
		const exportOrder = async (workflow, account, extra = {}) => {
			await clearWaiting(trigger.workstatus);
			const order = await outsmartControl(stack, 'POST', 'workorders', {
				WorkorderNo: `E2E-CENT-${++next}`,
				status: 'Compleet',
				WorkStatus: trigger.workstatus,
				CustomerDebtorNr: String(account.Code).trim(),
				Materials: [{ MaterialCode: material.code, MaterialNr: 2 }],
				Workperiods: [{ HourType: hourType.code, BeginTime: '08:00', EndTime: '09:20' }],
				...extra,
			});
			const executionId = await stack.rest.runWorkflow(workflow.id, startNodeOf(await stack.rest.getWorkflow(workflow.id)));
			const execution = await stack.rest.waitForExecution(executionId);
			return { order, execution };
		};
		const invoicesOf = async (order) => (await salesInvoices()).filter((invoice) => invoice.YourRef === `${yourRefPrefix}${order.WorkorderNo}` && invoice.Type !== 8021);
		const linesOf = async (invoice) => (await exactControl(stack, 'GET', `entities/${division}/SalesInvoiceLines`)).filter((line) => line.InvoiceID === invoice.InvoiceID);
		/** Two materials at `price` and 1:20 hours at the labour item's price, at `rate` VAT: excl, VAT, incl. */
		const expected = (price, rate, hours = true) => {
			const lines = [cents(2 * price), ...(hours ? [cents(1.333333 * Number(labourItem.StandardSalesPrice))] : [])];
			const vat = lines.reduce((sum, amount) => sum + cents(amount * rate), 0);
			const excl = cents(lines.reduce((sum, amount) => sum + amount, 0));
			return { excl, vat: cents(vat), incl: cents(excl + vat) };
		};
		const amountsOf = (invoice) => ({ excl: invoice.AmountFCExclVat, vat: invoice.VATAmountFC, incl: invoice.AmountFC });
		const standard = Number(materialItem.StandardSalesPrice);

		// Reverse charge: no VAT, every line on code 5 (verlegd).
		const reverse = await exportOrder(full, shifted);
		const [reverseInvoice] = await invoicesOf(reverse.order);
		assert.ok(reverseInvoice, `the reverse-charge order is invoiced:\n${describeRun(reverse.execution)}`);
		assert.deepEqual(amountsOf(reverseInvoice), expected(standard, 0));
		assert.deepEqual([...new Set((await linesOf(reverseInvoice)).map((line) => String(line.VATCode).trim()))], ['5']);

		// The customer's price agreement in Exact prices the material.
		const agreedOrder = await exportOrder(full, agreed);
		const [agreementInvoice] = await invoicesOf(agreedOrder.order);
		assert.ok(agreementInvoice, `the price-agreement order is invoiced:\n${describeRun(agreedOrder.execution)}`);
		assert.deepEqual(amountsOf(agreementInvoice), expected(agreedPrice, 0.21));

		// Paid by card on site: the PIN condition, not the customer's 14 or 30 days.
		const paid = await exportOrder(full, card, { PaymentMethod: 'pin betaling' });
		const [paidInvoice] = await invoicesOf(paid.order);
		assert.ok(paidInvoice, `the card-paid order is invoiced:\n${describeRun(paid.execution)}`);
		assert.equal(paidInvoice.PaymentCondition, 'PIN');
		assert.deepEqual(amountsOf(paidInvoice), expected(standard, 0.21));

		// A price list: 15 % off the material's standard price for this customer, as the line's discount.
		const list = await exactControl(stack, 'POST', `entities/${division}/SalesPriceLists`, { Code: 'E2E-CORP', Description: 'Corporaties' });
		const period = await exactControl(stack, 'POST', `entities/${division}/SalesPriceListPeriods`, { PriceList: list.ID, StartDate: null, EndDate: null });
		await exactControl(stack, 'POST', `entities/${division}/SalesPriceListVolumeDiscounts`, {
			PriceListCode: list.Code, PriceListPeriod: period.ID, Item: materialItem.ID, ItemCode: materialItem.Code, Quantity: 0, EntryMethod: 1, Discount: 0.15, BasePriceAmount: standard, Unit: materialItem.Unit,
		});
		await exactControl(stack, 'PATCH', `entities/${division}/Accounts/${listed.ID}`, { PriceList: list.ID });
		const listedOrder = await exportOrder(full, listed);
		const [listInvoice] = await invoicesOf(listedOrder.order);
		assert.ok(listInvoice, `the price-list order is invoiced:\n${describeRun(listedOrder.execution)}`);
		assert.deepEqual(amountsOf(listInvoice), expected(standard * 0.85, 0.21));
		const listLine = (await linesOf(listInvoice)).find((line) => line.Item === materialItem.ID);
		assert.deepEqual([listLine.UnitPrice, listLine.Discount], [standard, 0.15]);
		await exactControl(stack, 'PATCH', `entities/${division}/Accounts/${listed.ID}`, { PriceList: null });

		// Materials only, then the same order with its hours: refused until the materials invoice is credited.
		const first = await exportOrder(materialsOnly, twice);
		const [materialsInvoice] = await invoicesOf(first.order);
		assert.ok(materialsInvoice, `the materials-only export made an invoice:\n${describeRun(first.execution)}`);
		assert.deepEqual(amountsOf(materialsInvoice), expected(standard, 0.21, false));
		await outsmartControl(stack, 'POST', `workorders/${first.order.WorkorderNo}/workstatus`, { workstatus: trigger.workstatus });
		const refused = await stack.rest.waitForExecution(await stack.rest.runWorkflow(full.id, startNodeOf(await stack.rest.getWorkflow(full.id))));
		assert.equal((await outsmartControl(stack, 'GET', `workorders/${first.order.WorkorderNo}`)).WorkStatus, trigger.errorStatus, `the order with hours now is refused:\n${describeRun(refused)}`);
		assert.match(JSON.stringify(refused.data?.resultData?.runData ?? {}), /Credit that invoice in Exact and export the order again, or correct the invoice in Exact/);
		assert.equal((await invoicesOf(first.order)).length, 1, 'no second invoice');
		await exactControl(stack, 'POST', `entities/${division}/SalesInvoices`, { ...materialsInvoice, InvoiceID: undefined, Type: 8021, InvoiceNumber: 26_999_001 });
		await outsmartControl(stack, 'POST', `workorders/${first.order.WorkorderNo}/workstatus`, { workstatus: trigger.workstatus });
		const again = await stack.rest.waitForExecution(await stack.rest.runWorkflow(full.id, startNodeOf(await stack.rest.getWorkflow(full.id))));
		const withHours = (await invoicesOf(first.order)).filter((invoice) => String(invoice.Remarks).endsWith(' MH]'));
		assert.equal(withHours.length, 1, `after the credit note the order is invoiced with its hours:\n${describeRun(again)}`);
		assert.deepEqual(amountsOf(withHours[0]), expected(standard, 0.21));
		assert.equal((await outsmartControl(stack, 'GET', `workorders/${first.order.WorkorderNo}`)).WorkStatus, trigger.successStatus);

		// Later cases export with OutSmart prices for any customer: leave Exact as it was.
		await exactControl(stack, 'DELETE', `entities/${division}/SalesItemPrices/${agreement.ID}`);
		await exactControl(stack, 'PATCH', `entities/${division}/Accounts/${shifted.ID}`, { SalesVATCode: shifted.SalesVATCode });
	});

	test('GLA sync: materials without a GLA get their Exact revenue account', async () => {
		const seed = await outsmartControl(stack, 'GET', 'seed');
		await runWorkflowToSuccess(stack, importedId(glaTemplate));
		const materials = await outsmartControl(stack, 'GET', 'master/materials');
		for (const code of seed.materialsWithoutGla) {
			const material = materials.find((entry) => String(entry.code) === code);
			assert.ok(material?.freefield1, `material ${code} has a GLA now`);
		}
	});

	test('export dry run (the Dry Run switch of the export itself): a verdict for the waiting order and not a single write to either system', async () => {
		const workflow = toNewWorkflow(linkCredentials(structuredClone(exportTemplate.workflow), credentialsByType()));
		const { settingsNode, trigger } = exportSettingsOf(workflow);
		settingsNode.parameters.dryRun = true;
		workflow.name = `${workflow.name} (dry run)`;
		const created = await stack.rest.createWorkflow(workflow);
		await clearWaiting(trigger.workstatus);
		const order = await finishCleanOrder(trigger.workstatus);
		await clearCallLogs();
		const execution = await runWorkflowToSuccess(stack, created.id);

		const verdicts = outputOf(execution, 'Dry Run Report').filter((line) => line.workorder?.workorderNo === order.WorkorderNo);
		assert.deepEqual(verdicts.map((line) => line.verdict), ['wouldExport'], `the dry run judged order ${order.WorkorderNo}: ${JSON.stringify(verdicts).slice(0, 800)}`);

		const { exact, outsmart } = await recordedCalls();
		assert.ok(exact.some((call) => call.method === 'GET'), 'the dry run read Exact');
		assert.deepEqual(exact.filter((call) => call.method !== 'GET').map((call) => `${call.method} ${call.path}`), [], 'no write to Exact');
		const reads = outsmart.filter((call) => call.endpoint === 'GetWorkorders');
		assert.ok(reads.length > 0, 'the dry run read the waiting orders');
		for (const read of reads) assert.match(String(read.query ?? read.path), /update_status=false/, 'every read leaves the work orders as they are');
		assert.deepEqual(outsmart.filter((call) => call.method === 'POST' || call.endpoint === 'UpdateWorkorder').map((call) => call.path), [], 'no write to OutSmart');
		assert.equal((await outsmartControl(stack, 'GET', `workorders/${order.WorkorderNo}`)).WorkStatus, trigger.workstatus, 'the order still waits');
		assert.equal((await salesInvoices()).filter((invoice) => String(invoice.YourRef ?? '').endsWith(order.WorkorderNo)).length, 0, 'no invoice for it');
		// Out of the export status again, so later cases start from their own orders.
		await outsmartControl(stack, 'POST', `workorders/${order.WorkorderNo}/workstatus`, { workstatus: 'In uitvoering' });
	});

	/**
	 * The export's failure matrix in the real n8n, in each export mode: a fault at each step for one of two waiting orders. Each
	 * case ends with the execution in error (so n8n's error workflow fires) naming that order, the order in
	 * its error status, the other order exported, no second invoice; exported again once the fault is gone,
	 * the order ends with one invoice and its PDF.
	 */
	// Each step in each mode it exists in: materials and hours with the PDF attached, materials only without
	// a PDF (the template's default), and PDF only (no invoice; the document still needs the customer).
	const MODES = {
		invoiceWithPdf: { label: 'invoice with PDF', mode: 'materialsAndHours', attachPdf: true },
		materialsOnly: { label: 'materials only', mode: 'materialsOnly', attachPdf: false },
		pdfOnly: { label: 'PDF only', mode: 'pdfOnly', attachPdf: false },
	};
	const INVOICE_MODES = ['invoiceWithPdf', 'materialsOnly'];
	const PDF_MODES = ['invoiceWithPdf', 'pdfOnly'];
	const FAULTS = [
		{ modes: INVOICE_MODES, step: 'invoice POST 4xx', exact: { match: { method: 'POST', path: 'salesinvoice/SalesInvoices' }, fault: 'status', status: 400, body: JSON.stringify({ error: { message: { value: 'Ongeldige waarde' } } }) } },
		{ modes: INVOICE_MODES, step: 'invoice POST 5xx', exact: { match: { method: 'POST', path: 'salesinvoice/SalesInvoices' }, fault: 'status', status: 500 } },
		{ modes: INVOICE_MODES, step: 'invoice POST response lost', exact: { match: { method: 'POST', path: 'salesinvoice/SalesInvoices' }, fault: 'dropAfterWrite' } },
		{ modes: PDF_MODES, step: 'PDF download fails', outsmart: { match: { path: 'GetWorkorder$' }, fault: 'envelope', code: 1007, messages: ['General uncaught error'], times: 1 } },
		{ modes: PDF_MODES, step: 'document POST fails', exact: { match: { method: 'POST', path: 'documents/Documents' }, fault: 'status', status: 500 } },
		{ modes: Object.keys(MODES), step: 'status update fails', outsmart: { match: { path: 'UpdateWorkorder' }, fault: 'status', status: 503, times: 1 } },
		{ modes: Object.keys(MODES), step: 'build refuses the order', refuse: true },
	];
	const CASES = FAULTS.flatMap((fault) => fault.modes.map((modeKey) => ({ fault, modeKey })));
	for (const { fault, modeKey } of CASES) {
		const setting = MODES[modeKey];
		test(`export failure matrix (${setting.label}): ${fault.step}`, async () => {
			const workflow = toNewWorkflow(linkCredentials(structuredClone(exportTemplate.workflow), credentialsByType()));
			const { settingsNode, trigger } = exportSettingsOf(workflow);
			trigger.mode = setting.mode;
			settingsNode.parameters.exportOptions = { ...(settingsNode.parameters.exportOptions ?? {}), attachPdf: setting.attachPdf };
			workflow.name = `${workflow.name} (fault: ${fault.step}, ${setting.label})`;
			const created = await stack.rest.createWorkflow(workflow);

			// Two new finished orders (the demo account's open orders are left for the other cases).
			const seed = await outsmartControl(stack, 'GET', 'seed');
			const mismatched = new Set(seed.paymentConditionMismatches.map((mismatch) => String(mismatch.debtorNumber)));
			const debtor = (await openWorkorders()).map((order) => String(order.CustomerDebtorNr)).find((candidate) => !mismatched.has(candidate));
			const material = (await outsmartControl(stack, 'GET', 'master/materials')).find((entry) => entry.freefield1 && !seed.materialsWithoutGla.includes(String(entry.code)) && String(entry.code) !== seed.materialWithUnknownGla?.code);
			const hourType = (await outsmartControl(stack, 'GET', 'master/hourtypes'))[0];
			const finished = (number, materialCode, fields = {}) =>
				outsmartControl(stack, 'POST', 'workorders', {
					WorkorderNo: number,
					status: 'Compleet',
					WorkStatus: trigger.workstatus,
					CustomerDebtorNr: debtor,
					Materials: [{ MaterialCode: materialCode, MaterialNr: 2 }],
					Workperiods: [{ HourType: hourType.code, BeginTime: '08:00', EndTime: '10:00' }],
					...fields,
				});
			await clearWaiting(trigger.workstatus);
			const serial = CASES.findIndex((entry) => entry.fault === fault && entry.modeKey === modeKey) + 1;
			// In PDF only the lines are not checked; the document still needs the invoice customer in Exact.
			const refusal = !fault.refuse ? {} : setting.mode === 'pdfOnly' ? { fields: { CustomerDebtorNrInvoice: '999999' } } : { materialCode: 'ONBEKEND-0001' };
			const target = await finished(`E2E-FAULT-${serial}-A`, refusal.materialCode ?? material.code, refusal.fields);
			const bystander = await finished(`E2E-FAULT-${serial}-B`, material.code);
			// The target is the first order the trigger hands on: the fault hits it, not the bystander.
			const waiting = (await outsmartControl(stack, 'GET', 'workorders?status=Compleet')).filter((order) => order.WorkStatus === trigger.workstatus);
			assert.deepEqual(waiting.map(numberOf).sort(), [target.WorkorderNo, bystander.WorkorderNo].sort());
			if (fault.exact) await exactControl(stack, 'POST', 'faults', { times: 1, ...fault.exact });
			if (fault.outsmart) await outsmartControl(stack, 'POST', 'faults', fault.outsmart);
			const executionId = await stack.rest.runWorkflow(created.id, startNodeOf(await stack.rest.getWorkflow(created.id)));
			const execution = await stack.rest.waitForExecution(executionId);
			await exactControl(stack, 'DELETE', 'faults');
			await outsmartControl(stack, 'DELETE', 'faults');

			const statusOf = async (number) => (await outsmartControl(stack, 'GET', `workorders/${number}`)).WorkStatus;
			const invoicesOf = async (number) => (await salesInvoices()).filter((invoice) => invoice.YourRef === number);
			const failedNumber = (await statusOf(target.WorkorderNo)) === trigger.errorStatus ? target.WorkorderNo : bystander.WorkorderNo;
			const exportedNumber = failedNumber === target.WorkorderNo ? bystander.WorkorderNo : target.WorkorderNo;
			const error = execution.data?.resultData?.error;
			assert.equal(execution.status, 'error', `a run with a failed order is not green:\n${describeRun(execution)}`);
			assert.match(String(error?.message), new RegExp(`${failedNumber} \\(`), 'the run names the failed order');
			assert.equal(error?.context?.metadata?.kind, 'orders.notExported');
			assert.equal(await statusOf(failedNumber), trigger.errorStatus, 'the failed order is in its error status');
			assert.equal(await statusOf(exportedNumber), trigger.successStatus, 'the other order is exported');
			assert.equal((await invoicesOf(exportedNumber)).length, setting.mode === 'pdfOnly' ? 0 : 1);
			assert.ok((await invoicesOf(failedNumber)).length <= 1, 'no second invoice');
			// The reason is retrievable from the run: the failed order's line in "Export Failed".
			const failedLines = (execution.data?.resultData?.runData?.['Export Failed'] ?? []).flatMap((run) => (run.data?.main?.[0] ?? []).map((item) => item.json));
			const failedLine = failedLines.find((line) => line.workorderNo === failedNumber);
			assert.ok(failedLine && String(failedLine.reason ?? '').trim() !== '' && failedLine.errorStatusSet === true, `the reason is in "Export Failed": ${JSON.stringify(failedLine)}`);
			if (fault.refuse) return;

			// Put back and exported again: one invoice, its PDF attached, the success status.
			await clearWaiting(trigger.workstatus);
			await outsmartControl(stack, 'POST', `workorders/${failedNumber}/workstatus`, { workstatus: trigger.workstatus });
			await runWorkflowToSuccess(stack, created.id);
			assert.equal(await statusOf(failedNumber), trigger.successStatus, 're-exported');
			assert.equal((await invoicesOf(failedNumber)).length, setting.mode === 'pdfOnly' ? 0 : 1, 'exactly one invoice after the re-export (none in PDF only)');
			const documents = (await exactControl(stack, 'GET', `entities/${stack.exact.division}/Documents`)).filter((document) => String(document.Subject ?? '').includes(failedNumber));
			assert.equal(documents.length, setting.attachPdf || setting.mode === 'pdfOnly' ? 1 : 0, 'its PDF is attached once (none without a PDF)');
		});
	}

	test('hour types, employees and payment conditions import: new and changed Exact records arrive in OutSmart', async () => {
		const division = stack.exact.division;
		const labourItem = (await exactControl(stack, 'GET', `entities/${division}/Items`)).find((item) => item.IsTime === true || item.IsTime === 1);
		assert.ok(labourItem, 'the Exact demo company has a labour item');
		await exactControl(stack, 'PATCH', `entities/${division}/Items/${labourItem.ID}`, { Description: 'Monteursuur avond (e2e)' });
		const [someone] = await exactControl(stack, 'GET', `entities/${division}/Employees`);
		const { ID: _employeeId, ...employeeFields } = someone;
		await exactControl(stack, 'POST', `entities/${division}/Employees`, {
			...employeeFields,
			Code: '907',
			HID: 907,
			EmployeeHID: 907,
			FirstName: 'Sanne',
			LastName: 'Vermeulen',
			FullName: 'Sanne Vermeulen',
			Email: 'sanne.vermeulen@example.nl',
			BusinessEmail: 'sanne.vermeulen@example.nl',
			IsActive: true,
		});
		const [condition] = await exactControl(stack, 'GET', `entities/${division}/PaymentConditions`);
		const { ID: _conditionId, ...conditionFields } = condition;
		await exactControl(stack, 'POST', `entities/${division}/PaymentConditions`, { ...conditionFields, Code: '97', Description: 'Binnen 45 dagen (e2e)', PaymentDays: 45 });

		await outsmartControl(stack, 'DELETE', 'calls');
		const execution = await runWorkflowToSuccess(stack, importedId(masterDataTemplate));
		for (const summary of ['Hour Types Summary', 'Employees Summary', 'Payment Methods Summary']) {
			const [line] = outputOf(execution, summary);
			assert.equal(line.failed, 0, `${summary}: ${JSON.stringify(line).slice(0, 500)}`);
		}
		const posted = new Set((await outsmartControl(stack, 'GET', 'calls?method=POST')).map((call) => call.endpoint));
		assert.deepEqual(['employees', 'hourtypes', 'paymentmethods'].filter((endpoint) => !posted.has(endpoint)), [], 'the import wrote each entity');

		const hourType = (await outsmartControl(stack, 'GET', 'master/hourtypes')).find((entry) => String(entry.code).trim() === String(labourItem.Code).trim());
		assert.equal(hourType?.name, 'Monteursuur avond (e2e)', 'the changed labour item updated its hour type');
		const employee = (await outsmartControl(stack, 'GET', 'master/employees')).find((entry) => String(entry.number).trim() === '907');
		assert.deepEqual({ firstname: employee?.firstname, lastname: employee?.lastname }, { firstname: 'Sanne', lastname: 'Vermeulen' }, 'the new employee is in OutSmart');
		const methods = (await outsmartControl(stack, 'GET', 'master/paymentmethods')).map((method) => String(method.pmd_description));
		assert.equal(methods.filter((method) => method.split(' - ')[0] === '97').length, 1, `the new payment condition is a payment method: ${methods.join(', ')}`);
	});

	test('payment status to OutSmart: an exported order whose invoice is paid in Exact gets the work status "Betaald"', async () => {
		const settings = assignmentsOf(paymentStatusTemplate.workflow, 'Settings');
		const { invoice, order } = await exportedOrderWithOpenInvoice(settings);
		// The export leaves its invoices as drafts ("te verwerken") as shipped: booked in Exact first, then paid.
		if (Number(invoice.Status) !== 50) await exactControl(stack, 'POST', `invoices/${invoice.InvoiceID}/process`, {});
		await exactControl(stack, 'POST', `invoices/${invoice.InvoiceID}/paid`, {});
		// n8n looks back from its own clock, the real one; the simulator's clock starts on a fixed date. Date the
		// payment now, as Exact would.
		const receivable = (await exactControl(stack, 'GET', `entities/${stack.exact.division}/Receivables`)).find((row) => row.TransactionEntryID === invoice.InvoiceID);
		assert.ok(receivable?.IsFullyPaid, `the receivable of invoice ${invoice.InvoiceNumber} is fully paid`);
		await exactControl(stack, 'PATCH', `entities/${stack.exact.division}/Receivables/${receivable.ID}`, { LastPaymentDate: Date.now() });

		const execution = await runWorkflowToSuccess(stack, importedId(paymentStatusTemplate));
		const marked = outputOf(execution, 'Marked Paid').filter((line) => line.workorderNo === order.WorkorderNo);
		assert.deepEqual(marked.map((line) => line.statusSet), [true], `order ${order.WorkorderNo} was marked paid:\n${describeRun(execution)}`);
		const after = await outsmartControl(stack, 'GET', `workorders/${order.WorkorderNo}`);
		assert.equal(after.WorkStatus, settings.paidStatus);
		const statuses = await outsmartControl(stack, 'GET', 'master/workstatusses');
		assert.equal(statuses.find((status) => String(status.sta_code) === String(after.WorkStatus))?.sta_name, 'Betaald');

		// A second run finds nothing left to change.
		await outsmartControl(stack, 'DELETE', 'calls');
		await runWorkflowToSuccess(stack, importedId(paymentStatusTemplate));
		assert.equal((await outsmartControl(stack, 'GET', 'calls/count?endpoint=UpdateWorkorder')).count, 0, 'the second run writes nothing');
	});

	test('connection health: the run succeeds and renews the Exact token chain', async () => {
		const before = await exactControl(stack, 'GET', 'oauth/stats');
		// Past the access token's 10 minutes, the call needs a refresh, and Exact hands out a new refresh token.
		await exactControl(stack, 'POST', 'clock/advance', { ms: 11 * 60_000 });
		const first = await runWorkflowToSuccess(stack, importedId(connectionTemplate));
		assert.equal(outputOf(first, 'Connection OK').length, 1, 'the health check reached Exact');
		const afterFirst = await exactControl(stack, 'GET', 'oauth/stats');
		assert.ok(afterFirst.refreshes > before.refreshes, `the run refreshed the token (refreshes ${before.refreshes} -> ${afterFirst.refreshes})`);
		// Only a stored, rotated refresh token works next time: Exact refuses an old one.
		await exactControl(stack, 'POST', 'clock/advance', { ms: 11 * 60_000 });
		await runWorkflowToSuccess(stack, importedId(connectionTemplate));
		const afterSecond = await exactControl(stack, 'GET', 'oauth/stats');
		assert.ok(afterSecond.refreshes > afterFirst.refreshes, 'the second run refreshed with the rotated refresh token');
		assert.equal(afterSecond.oldRefreshTokenUsed, before.oldRefreshTokenUsed, 'no old refresh token was used');
		assert.equal(afterSecond.rejectedTokenCalls, before.rejectedTokenCalls, 'Exact refused no token call');
	});

	test('instant master-data sync: a changed account and item reach OutSmart through the published webhook', { timeout: 150_000 }, async () => {
		const division = stack.exact.division;
		const workflowId = importedId(instantSyncTemplate);
		const subscriptions = async () => await exactControl(stack, 'GET', `entities/${division}/WebhookSubscriptions`);
		const subscriptionsBefore = (await subscriptions()).length;
		const topics = instantSyncTemplate.workflow.nodes.find((node) => node.type === `${PACKAGE_NAME}.exactOnlineTrigger`).parameters.topics;
		await stack.rest.activateWorkflow(workflowId);
		try {
			const seen = new Set((await stack.rest.listExecutions(workflowId)).map((execution) => String(execution.id)));
			// n8n publishes asynchronously: wait until the trigger subscribed to every topic in Exact.
			await waitFor('the webhook subscriptions in Exact', async () => ((await subscriptions()).length >= subscriptionsBefore + topics.length ? true : undefined), { timeoutMs: 30_000 });
			const namesRecord = (id) => (execution) => JSON.stringify(execution.data?.resultData?.runData ?? {}).includes(id);

			const account = (await exactControl(stack, 'GET', `entities/${division}/Accounts`)).find((row) => row.Status === 'C' && !row.Blocked);
			assert.ok(account, 'the Exact demo company has an active customer');
			await exactControl(stack, 'PATCH', `entities/${division}/Accounts/${account.ID}`, { Name: 'Installatiebedrijf Kampen B.V.', City: 'Kampen' });
			assertExecutionSucceeded(await waitForProductionExecution(stack, workflowId, seen, 60_000, namesRecord(account.ID)), 'the instant sync of an account');
			const relation = (await outsmartControl(stack, 'GET', 'master/relations')).find((entry) => String(entry.debtor_number) === String(account.Code).trim());
			assert.deepEqual({ name: relation?.name, city: relation?.city }, { name: 'Installatiebedrijf Kampen B.V.', city: 'Kampen' }, 'the relation follows the account');

			const item = (await exactControl(stack, 'GET', `entities/${division}/Items`)).find((row) => !row.IsTime && row.IsSalesItem !== false && row.GLRevenueCode);
			assert.ok(item, 'the Exact demo company has a sales item with a revenue account');
			await exactControl(stack, 'PATCH', `entities/${division}/Items/${item.ID}`, { Description: 'Radiatorkraan haaks 1/2" (e2e)' });
			assertExecutionSucceeded(await waitForProductionExecution(stack, workflowId, seen, 60_000, namesRecord(item.ID)), 'the instant sync of an item');
			const material = (await outsmartControl(stack, 'GET', 'master/materials')).find((entry) => String(entry.code) === String(item.Code).trim());
			assert.deepEqual({ description: material?.description, gla: material?.freefield1 }, { description: 'Radiatorkraan haaks 1/2" (e2e)', gla: String(item.GLRevenueCode).trim() }, 'the material follows the item');
		} finally {
			await stack.rest.deactivateWorkflow(workflowId);
		}
	});

	test('export triggers on other statuses: Compleet with any work status beside Compleet with one, and a manual trigger on Opgehaald, each export their orders', { timeout: 240_000 }, async () => {
		const template = exportSettingsOf(exportTemplate.workflow);
		const { successStatus, errorStatus, workstatus: ready } = template.trigger;
		const withTriggers = async (name, exportStart, triggers) => {
			const workflow = toNewWorkflow(linkCredentials(structuredClone(exportTemplate.workflow), credentialsByType()));
			const { settingsNode } = exportSettingsOf(workflow);
			settingsNode.parameters.exportStart = exportStart;
			settingsNode.parameters.exportTriggers = { trigger: triggers.map((trigger) => ({ ...template.trigger, ...trigger })) };
			workflow.name = `${workflow.name} (${name})`;
			return (await stack.rest.createWorkflow(workflow)).id;
		};
		const invoicesOf = async (order) => (await salesInvoices()).filter((invoice) => invoice.YourRef === `${template.yourRefPrefix}${order.WorkorderNo}`);
		const settled = async (order, run) => {
			const after = await outsmartControl(stack, 'GET', `workorders/${order.WorkorderNo}`);
			assert.equal(after.WorkStatus, successStatus, `order ${order.WorkorderNo} (${order.status} / ${order.WorkStatus}) is in the success status:\n${describeRun(run)}`);
			assert.equal((await invoicesOf(order)).length, 1, `one invoice for ${order.WorkorderNo}`);
		};

		// Automatic export: every Compleet order, the ones in "Gereed voor facturatie" by their own trigger. Orders
		// already waiting in Compleet are processed (Afgehandeld) first, so the run holds only the two below.
		for (const waiting of await outsmartControl(stack, 'GET', 'workorders?status=Compleet')) {
			if (![successStatus, errorStatus].includes(waiting.WorkStatus)) await outsmartControl(stack, 'POST', `workorders/${numberOf(waiting)}/status`, { status: 'Afgehandeld' });
		}
		const mixed = await withTriggers('Compleet, any and one work status', 'automatic', [
			{ name: 'Alles compleet', status: 'Compleet', workstatus: '', mode: 'materialsAndHours' },
			{ name: 'Gereed, alleen materiaal', status: 'Compleet', workstatus: ready, mode: 'materialsOnly' },
		]);
		const anyStatus = await finishCleanOrder('In uitvoering');
		const inReady = await finishCleanOrder(ready);
		const run = await runWorkflowToSuccess(stack, mixed);
		const byTrigger = Object.fromEntries(outputOf(run, 'Build Sales Invoice').map((item) => [item.workorder?.workorderNo, item.trigger?.name]));
		assert.deepEqual(byTrigger, { [anyStatus.WorkorderNo]: 'Alles compleet', [inReady.WorkorderNo]: 'Gereed, alleen materiaal' }, describeRun(run));
		await settled(anyStatus, run);
		await settled(inReady, run);

		// Manual export on Opgehaald: a finished order the planner reopened and put in the trigger's work status.
		const fetched = await withTriggers('Opgehaald', 'manual', [{ name: 'Bij ophalen', status: 'Opgehaald', workstatus: ready }]);
		const reopened = await finishCleanOrder(ready);
		const stays = await finishCleanOrder(ready);
		await outsmartControl(stack, 'POST', `workorders/${reopened.WorkorderNo}/status`, { status: 'Opgehaald' });
		const manualRun = await runWorkflowToSuccess(stack, fetched);
		assert.deepEqual(outputOf(manualRun, 'Build Sales Invoice').map((item) => [item.workorder?.workorderNo, item.trigger?.name]), [[reopened.WorkorderNo, 'Bij ophalen']]);
		await settled({ ...reopened, status: 'Opgehaald' }, manualRun);
		// The Compleet order in the same work status is no business of a trigger on Opgehaald.
		assert.equal((await outsmartControl(stack, 'GET', `workorders/${stays.WorkorderNo}`)).WorkStatus, ready);
		assert.equal((await invoicesOf(stays)).length, 0);
	});
});

describe('production triggers', () => {
	test('a published polling workflow runs when a technician finishes a work order', { timeout: 200_000 }, async () => {
		const source = toNewWorkflow(linkCredentials(exportTemplate.workflow, credentialsByType()));
		const created = await stack.rest.createWorkflow({ ...pollSoon(source, 30), name: `${source.name} (published)` });
		const polls = async () => (await outsmartControl(stack, 'GET', 'calls/count?endpoint=GetWorkorders')).count;
		const pollsBefore = await polls();
		await stack.rest.activateWorkflow(created.id);
		const seen = new Set((await stack.rest.listExecutions(created.id)).map((execution) => String(execution.id)));
		// n8n publishes asynchronously; a poller's first poll only remembers what is already there.
		if (created.nodes.some((node) => node.parameters?.pollTimes)) {
			await waitFor('the first poll after publishing', async () => ((await polls()) > pollsBefore ? true : undefined), { timeoutMs: 30_000 });
		}

		const settingsNode = source?.nodes.find((node) => node.parameters?.exportTriggers?.trigger?.length);
		const workstatus = settingsNode?.parameters.exportTriggers.trigger[0].workstatus;
		// The technician finishes an order with work on it (an order with nothing to invoice is refused, and a
		// run with a refused order ends in error); other orders waiting in the status are moved away first.
		let order;
		if (workstatus) {
			await clearWaiting(workstatus);
			order = await finishCleanOrder(workstatus);
		} else {
			[order] = await openWorkorders();
			assert.ok(order, 'the OutSmart demo account has an order to finish');
			await outsmartControl(stack, 'POST', `workorders/${order.WorkorderNo}/complete`, {});
		}

		const carriesOrder = (execution) => JSON.stringify(execution.data?.resultData?.runData ?? {}).includes(`"${order.WorkorderNo}"`);
		const execution = await waitForProductionExecution(stack, created.id, seen, 100_000, carriesOrder);
		assertExecutionSucceeded(execution, 'the published polling workflow');
		await stack.rest.deactivateWorkflow(created.id);
	});

	test('error workflow: a published export with a refused order fires error-alert.json, whose Alert carries the order number and the reason', { timeout: 240_000 }, async () => {
		const alert = await stack.rest.createWorkflow({ ...toNewWorkflow(structuredClone(errorAlertTemplate.workflow)), name: 'Error alert (e2e)' });
		// As its sticky note says: n8n 2 runs only the published version of an error workflow.
		await stack.rest.activateWorkflow(alert.id);
		const source = toNewWorkflow(linkCredentials(structuredClone(exportTemplate.workflow), credentialsByType()));
		const { trigger } = exportSettingsOf(source);
		// n8n runs the error workflow only for production executions, and only the one named in the workflow's settings.
		const created = await stack.rest.createWorkflow({ ...pollSoon(source, 30), name: `${source.name} (with error workflow)`, settings: { ...(source.settings ?? {}), errorWorkflow: String(alert.id) } });
		const polls = async () => (await outsmartControl(stack, 'GET', 'calls/count?endpoint=GetWorkorders')).count;
		const pollsBefore = await polls();
		await clearWaiting(trigger.workstatus);
		await stack.rest.activateWorkflow(created.id);
		try {
			await waitFor('the first poll after publishing', async () => ((await polls()) > pollsBefore ? true : undefined), { timeoutMs: 90_000 });
			const seen = new Set((await stack.rest.listExecutions(alert.id)).map((execution) => String(execution.id)));
			// A numbering of the account's own (not the simulator's), and a material Exact does not know: the build refuses it.
			const seed = await outsmartControl(stack, 'GET', 'seed');
			const mismatched = new Set(seed.paymentConditionMismatches.map((mismatch) => String(mismatch.debtorNumber)));
			const debtor = (await openWorkorders()).map((order) => String(order.CustomerDebtorNr)).find((candidate) => !mismatched.has(candidate));
			const refused = await outsmartControl(stack, 'POST', 'workorders', {
				WorkorderNo: 'BON2026-0917',
				status: 'Compleet',
				WorkStatus: trigger.workstatus,
				CustomerDebtorNr: debtor,
				Materials: [{ MaterialCode: 'ONBEKEND-0917', MaterialNr: 1 }],
				Workperiods: [],
			});
			const exported = await waitForProductionExecution(stack, created.id, new Set(), 120_000, (execution) => JSON.stringify(execution.data ?? {}).includes(refused.WorkorderNo));
			assert.equal(exported.status, 'error', `the run with the refused order is not green:\n${describeRun(exported)}`);
			const run = await waitFor(
				'the error workflow to run',
				async () => {
					for (const summary of await stack.rest.listExecutions(alert.id)) {
						const id = String(summary.id);
						if (seen.has(id) || ['new', 'running'].includes(summary.status)) continue;
						seen.add(id);
						const execution = await stack.rest.getExecution(id);
						if (JSON.stringify(execution.data?.resultData?.runData ?? {}).includes(refused.WorkorderNo)) return execution;
					}
					return undefined;
				},
				{ timeoutMs: 60_000, intervalMs: 1_000 },
			).catch(async (error) => {
				const workflow = await stack.rest.getWorkflow(created.id);
				throw new Error(`${error.message}; the export's settings: ${JSON.stringify(workflow.settings)}; the alert's executions: ${JSON.stringify(await stack.rest.listExecutions(alert.id))}`);
			});
			assertExecutionSucceeded(run, 'the error workflow');
			const [alerted] = outputOf(run, 'Alert');
			assert.equal(alerted.workorderNo, refused.WorkorderNo, `the alert names the order: ${JSON.stringify(alerted)}`);
			assert.ok(alerted.kind, `the alert carries the failure's kind: ${JSON.stringify(alerted)}`);
			assert.match(JSON.stringify(alerted), /ONBEKEND-0917/, `the alert carries the reason: ${JSON.stringify(alerted)}`);
			assert.equal((await outsmartControl(stack, 'GET', `workorders/${refused.WorkorderNo}`)).WorkStatus, trigger.errorStatus, 'the order is in its error status');
		} finally {
			await stack.rest.deactivateWorkflow(created.id);
			await stack.rest.deactivateWorkflow(alert.id);
		}
	});

	test('a published Exact webhook workflow runs when a record changes in Exact', { timeout: 90_000 }, async () => {
		assert.ok(stack.packageNodeTypes.includes(`${PACKAGE_NAME}.exactOnlineTrigger`), 'n8n loaded the Exact Online Trigger');
		const created = await stack.rest.createWorkflow(toNewWorkflow(linkCredentials(webhookTemplate.workflow, credentialsByType())));
		const subscriptions = async () => await exactControl(stack, 'GET', `entities/${stack.exact.division}/WebhookSubscriptions`);
		const subscriptionsBefore = (await subscriptions()).length;
		await stack.rest.activateWorkflow(created.id);
		const triggerNode = created.nodes.find((node) => node.type === `${PACKAGE_NAME}.exactOnlineTrigger`);
		const topic = (triggerNode.parameters.topics ?? ['Accounts'])[0];
		const seen = new Set((await stack.rest.listExecutions(created.id)).map((execution) => String(execution.id)));
		// n8n publishes asynchronously: wait until the trigger subscribed in Exact.
		await waitFor('the webhook subscription in Exact', async () => ((await subscriptions()).length > subscriptionsBefore ? true : undefined), { timeoutMs: 30_000 });

		const [record] = await exactControl(stack, 'GET', `entities/${stack.exact.division}/${topic}`);
		assert.ok(record, `the Exact demo company has ${topic}`);
		const field = 'Description' in record ? 'Description' : 'Name';
		await exactControl(stack, 'PATCH', `entities/${stack.exact.division}/${topic}/${record.ID}`, { [field]: `${record[field]} (changed)` });

		const namesRecord = (execution) => JSON.stringify(execution.data?.resultData?.runData ?? {}).includes(record.ID);
		const execution = await waitForProductionExecution(stack, created.id, seen, 60_000, namesRecord);
		assertExecutionSucceeded(execution, 'the published Exact webhook workflow');
		await stack.rest.deactivateWorkflow(created.id);
	});
});

describe('the editor', () => {
	test('every template and every list of the invoice lines opens without a panel error, an overlapping node or a list that does not load', { timeout: 1_500_000 }, async () => {
		const division = stack.exact.division;
		const customer = (await exactControl(stack, 'GET', `entities/${division}/Accounts`)).find((row) => row.Status === 'C' && !row.Blocked);
		const item = (await exactControl(stack, 'GET', `entities/${division}/Items`)).find((row) => row.IsSalesItem !== false && !row.IsTime);
		const revenue = (await exactControl(stack, 'GET', `entities/${division}/GLAccounts`)).find((row) => row.BalanceType === 'W');
		const lists = await createFixtureWorkflow(stack, 'editor-lists.workflow.json', undefined, {
			customer: customer.ID,
			item: item.ID,
			itemName: `${item.Code} – ${item.Description}`,
			glId: revenue.ID,
			glName: `${String(revenue.Code).trim()} – ${revenue.Description}`,
		});
		const workflows = [
			...templates.map((template) => ({ id: importedId(template), file: template.file })),
			{ id: lists.id, file: 'editor-lists.workflow.json' },
		];
		const screenshotPath = path.join(projectRoot, 'docs', 'editor.png');
		fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
		const editor = await openEditor(stack.editorUrl);
		const failures = [];
		const seenTypes = new Set();
		try {
			for (const { id, file } of workflows) {
				const workflow = await stack.rest.getWorkflow(id);
				try {
					const shown = await checkWorkflow(editor.page, {
						editorUrl: stack.editorUrl,
						workflowId: id,
						name: file,
						nodes: workflow.nodes,
						screenshotPath: file === 'export-work-orders.json' ? screenshotPath : undefined,
					});
					const expected = workflow.nodes.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`));
					assert.deepEqual(shown.map((node) => node.name), expected.map((node) => node.name));
					for (const node of shown) {
						assert.match(node.iconSource, /\.svg|data:image\/svg/, `"${node.name}" shows its own svg icon`);
						assert.ok(node.parameterCount > 0, `"${node.name}" shows its parameters`);
					}
					for (const node of expected) seenTypes.add(node.type);
					if (file === 'editor-lists.workflow.json') {
						const invoice = shown.find((node) => node.name === 'Create Sales Invoice');
						// Division, customer, and the line's item, GL account and VAT code; each list opened must load (checked above).
						assert.ok(invoice.fromListInputs >= 5, `the line's item, GL account and VAT code are lists in the panel: ${JSON.stringify(invoice)}`);
					}
				} catch (error) {
					failures.push(error.message);
				}
			}
		} finally {
			await editor.close();
		}
		assert.deepEqual(failures, []);
		// n8n derives an "…Tool" type from every node marked usableAsTool; it only sits under an AI agent, with the same panel.
		const placeableTypes = stack.packageNodeTypes.filter((type) => !(type.endsWith('Tool') && stack.packageNodeTypes.includes(type.slice(0, -'Tool'.length))));
		assert.deepEqual([...seenTypes].sort(), placeableTypes.sort(), 'the check opened a node of every type of this package');
		assert.ok(fs.statSync(screenshotPath).size > 10_000, 'the screenshot was written');
	});
});
