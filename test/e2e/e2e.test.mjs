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
import { checkWorkflowInEditor } from './editor-check.mjs';
import {
	assertExecutionSucceeded,
	describeRun,
	createFixtureWorkflow,
	exactControl,
	outputOf,
	outsmartControl,
	pollSoon,
	runWorkflowToSuccess,
	waitForProductionExecution,
} from './e2e-helpers.mjs';

const EXPORT_MODES = ['materialsAndHours', 'materialsOnly', 'pdfOnly'];
const templates = readTemplates();
/** @param {string} file */
const templateFile = (file) => templates.find((template) => template.file === file);
const relationsTemplate = templateFile('import-relations.json');
const materialsTemplate = templateFile('import-materials-with-gla.json');
const exportTemplate = templateFile('export-work-orders.json');
const glaTemplate = templateFile('gla-sync.json');
const paymentTemplate = templateFile('payment-condition-check.json');
const webhookTemplate = templates.find(({ workflow }) => workflow.nodes.some((node) => node.type === `${PACKAGE_NAME}.exactOnlineTrigger`));
const missing = (what) => `no ${what} template in workflows/ yet`;

/** @type {import('../../scripts/sandbox/stack.mjs').Stack} */
let stack;
let userFolder = '';

/** The n8n workflow id of an imported template. */
function importedId(template) {
	const imported = stack.workflows.find((workflow) => workflow.file === template.file);
	assert.ok(imported, `template ${template.file} was not imported`);
	return imported.id;
}

/** Work orders a technician can still finish, oldest first. */
async function openWorkorders() {
	const ready = await outsmartControl(stack, 'GET', 'workorders?status=Klaargezet');
	const fetched = await outsmartControl(stack, 'GET', 'workorders?status=Opgehaald');
	return [...ready, ...fetched];
}

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

before(async () => {
	userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'exact-outsmart-e2e-'));
	stack = await startStack({ userFolder, build: process.env.E2E_SKIP_BUILD !== 'true', log: (line) => console.log(`# ${line}`) });
});

after(async () => {
	await stack?.stop();
	if (userFolder && process.env.E2E_KEEP_USER_FOLDER !== 'true') fs.rmSync(userFolder, { recursive: true, force: true });
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

	test('every template is imported and uses only node types n8n knows', { skip: templates.length === 0 && missing('any') }, async () => {
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
	test('payment-condition check reports the relations whose condition differs', { skip: !paymentTemplate && missing('payment-condition check') }, async () => {
		const seed = await outsmartControl(stack, 'GET', 'seed');
		const execution = await runWorkflowToSuccess(stack, importedId(paymentTemplate));
		const differing = outputOf(execution, 'Mismatch').filter((mismatch) => mismatch.kind === 'relationDiffers');
		assert.ok(seed.paymentConditionMismatches.length > 0);
		assert.deepEqual(
			differing.map(({ subject, outSmart, exact }) => ({ debtorNumber: subject, outsmart: outSmart, exact })),
			seed.paymentConditionMismatches,
		);
	});
	test('relations import: every active Exact customer is an OutSmart relation', { skip: !relationsTemplate && missing('relations import') }, async () => {
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

	test('materials import: every Exact sales item is an OutSmart material or hour type', { skip: !materialsTemplate && missing('materials import') }, async () => {
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
		test(`export (${mode}): a finished order is exported once and moves to the success status`, { skip: !exportTemplate && missing('export') }, async () => {
			const workflow = toNewWorkflow(linkCredentials(structuredClone(exportTemplate.workflow), credentialsByType()));
			const settingsNode = workflow.nodes.find((node) => node.parameters?.exportTriggers?.trigger?.length);
			assert.ok(settingsNode, 'the export template configures export triggers');
			const [trigger] = settingsNode.parameters.exportTriggers.trigger;
			trigger.mode = mode;
			workflow.name = `${workflow.name} (${mode})`;
			const created = await stack.rest.createWorkflow(workflow);

			// A manual run takes one sample order from the trigger: make this order the only one waiting.
			for (const waiting of await outsmartControl(stack, 'GET', 'workorders?status=Compleet')) {
				if (waiting.WorkStatus === trigger.workstatus) await outsmartControl(stack, 'POST', `workorders/${waiting.WorkorderNo}/workstatus`, { workstatus: 'In uitvoering' });
			}
			const order = await finishCleanOrder(trigger.workstatus);
			const yourRef = `${settingsNode.parameters.yourRefPrefix ?? ''}${order.WorkorderNo}`;
			const first = await runWorkflowToSuccess(stack, created.id);
			const after = await outsmartControl(stack, 'GET', `workorders/${order.WorkorderNo}`);
			if (after.WorkStatus !== trigger.successStatus) {
				const reasons = JSON.stringify(['Failure Reason', 'Exported'].map((name) => first.data.resultData.runData[name]?.[0]?.data?.main?.[0]?.map((item) => item.json)));
				assert.fail(`order ${order.WorkorderNo} is in work status ${after.WorkStatus}, not the success status ${trigger.successStatus}; the run:\n${describeRun(first)}\n${reasons.slice(0, 1500)}`);
			}
			const documentsFor = async () => (await exactControl(stack, 'GET', `entities/${stack.exact.division}/Documents`)).filter((document) => String(document.Subject ?? '').includes(order.WorkorderNo));
			if (mode === 'pdfOnly') {
				assert.equal((await salesInvoices()).filter((invoice) => invoice.YourRef === yourRef).length, 0, 'PDF-only export creates no invoice');
				assert.equal((await documentsFor()).length, 1, 'one document holds the work-order PDF');
				return;
			}
			// Put the order back in the export status: a second export must find the invoice and not make another.
			await outsmartControl(stack, 'POST', `workorders/${order.WorkorderNo}/workstatus`, { workstatus: trigger.workstatus });
			await runWorkflowToSuccess(stack, created.id);
			assert.equal((await salesInvoices()).filter((invoice) => invoice.YourRef === yourRef).length, 1, `order ${order.WorkorderNo} has exactly one invoice`);
			assert.equal((await outsmartControl(stack, 'GET', `workorders/${order.WorkorderNo}`)).WorkStatus, trigger.successStatus, 'the re-export ends in the success status too');
		});
	}

	test('GLA sync: materials without a GLA get their Exact revenue account', { skip: !glaTemplate && missing('GLA sync') }, async () => {
		const seed = await outsmartControl(stack, 'GET', 'seed');
		await runWorkflowToSuccess(stack, importedId(glaTemplate));
		const materials = await outsmartControl(stack, 'GET', 'master/materials');
		for (const code of seed.materialsWithoutGla) {
			const material = materials.find((entry) => String(entry.code) === code);
			assert.ok(material?.freefield1, `material ${code} has a GLA now`);
		}
	});

});

describe('production triggers', () => {
	test('a published polling workflow runs when a technician finishes a work order', { timeout: 200_000 }, async () => {
		const source = exportTemplate ? toNewWorkflow(linkCredentials(exportTemplate.workflow, credentialsByType())) : undefined;
		const created = source
			? await stack.rest.createWorkflow({ ...pollSoon(source, 30), name: `${source.name} (published)` })
			: await createFixtureWorkflow(stack, 'outsmart-polling.workflow.json', (workflow) => pollSoon(workflow, 30));
		const polls = async () => (await outsmartControl(stack, 'GET', 'calls/count?endpoint=GetWorkorders')).count;
		const pollsBefore = await polls();
		await stack.rest.activateWorkflow(created.id);
		const seen = new Set((await stack.rest.listExecutions(created.id)).map((execution) => String(execution.id)));
		// n8n publishes asynchronously; a poller's first poll only remembers what is already there.
		if (created.nodes.some((node) => node.parameters?.pollTimes)) {
			await waitFor('the first poll after publishing', async () => ((await polls()) > pollsBefore ? true : undefined), { timeoutMs: 30_000 });
		}

		const [order] = await openWorkorders();
		assert.ok(order, 'the OutSmart demo account has an order to finish');
		const settingsNode = source?.nodes.find((node) => node.parameters?.exportTriggers?.trigger?.length);
		const workstatus = settingsNode?.parameters.exportTriggers.trigger[0].workstatus;
		await outsmartControl(stack, 'POST', `workorders/${order.WorkorderNo}/complete`, workstatus ? { workstatus } : {});

		const carriesOrder = (execution) => JSON.stringify(execution.data?.resultData?.runData ?? {}).includes(`"${order.WorkorderNo}"`);
		const execution = await waitForProductionExecution(stack, created.id, seen, 100_000, carriesOrder);
		assertExecutionSucceeded(execution, 'the published polling workflow');
		await stack.rest.deactivateWorkflow(created.id);
	});

	test('a published Exact webhook workflow runs when a record changes in Exact', { timeout: 90_000 }, async (context) => {
		if (!stack.packageNodeTypes.includes(`${PACKAGE_NAME}.exactOnlineTrigger`)) {
			context.skip('the Exact Online Trigger is not registered in package.json yet');
			return;
		}
		const created = webhookTemplate
			? await stack.rest.createWorkflow(toNewWorkflow(linkCredentials(webhookTemplate.workflow, credentialsByType())))
			: await createFixtureWorkflow(stack, 'exact-webhook.workflow.json');
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
	test('shows every node of this package with its icon and parameters', { timeout: 240_000 }, async () => {
		const workflowId = exportTemplate ? importedId(exportTemplate) : (await createFixtureWorkflow(stack, 'smoke.workflow.json')).id;
		const workflow = await stack.rest.getWorkflow(workflowId);
		const screenshotPath = path.join(projectRoot, 'docs', 'editor.png');
		fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
		const shown = await checkWorkflowInEditor({ editorUrl: stack.editorUrl, workflowId, nodes: workflow.nodes, screenshotPath });
		const expected = workflow.nodes.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`)).map((node) => node.name);
		assert.deepEqual(shown.map((node) => node.name), expected);
		for (const node of shown) {
			assert.match(node.iconSource, /\.svg|data:image\/svg/, `"${node.name}" shows its own svg icon`);
			assert.ok(node.parameterCount > 0, `"${node.name}" shows its parameters`);
		}
		assert.ok(fs.statSync(screenshotPath).size > 10_000, 'the screenshot was written');
	});
});
