// `npm start`: the sandbox. Builds the package, starts both simulators (real time) and a real n8n
// with this package, owner, credentials and all templates, then waits for Ctrl-C.
import { DEMO_OWNER } from './n8n-rest.mjs';
import { N8N_VERSION, sandboxUserFolder } from './paths.mjs';
import { callControl } from './simulators.mjs';
import { startStack } from './stack.mjs';
import { removeStackFile, writeStackFile } from './stack-file.mjs';

// The sandbox keeps its user folder between runs, so its encryption key must stay the same. It only
// protects simulator demo credentials on this machine.
const SANDBOX_ENCRYPTION_KEY = 'exact-outsmart-sandbox-only-not-a-secret';

async function main() {
	const started = Date.now();
	const stack = await startStack({ userFolder: sandboxUserFolder, preferredPort: 5678, encryptionKey: SANDBOX_ENCRYPTION_KEY });
	writeStackFile({ editorUrl: stack.editorUrl, exact: stack.exact, outsmart: stack.outsmart, pid: process.pid });

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the simulators...');
		removeStackFile();
		await stack.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);

	const relations = stack.workflows.find((workflow) => workflow.file === 'import-relations.json');
	const exportFlow = stack.workflows.find((workflow) => workflow.file === 'export-work-orders.json');
	const link = (workflow) => (workflow ? `${stack.editorUrl}/workflow/${workflow.id}` : '(template not found)');
	const [openOrder] = await callControl(stack.outsmart.controlUrl, 'GET', 'workorders?status=Klaargezet');
	const exactInvoices = `${stack.exact.controlUrl}/entities/${stack.exact.division}/SalesInvoices`;

	console.log(`
n8n ${N8N_VERSION} is running with n8n-nodes-exact-outsmart (ready in ${Math.round((Date.now() - started) / 1000)} s).

  Editor:    ${stack.editorUrl}
  Login:     ${DEMO_OWNER.email}  /  ${DEMO_OWNER.password}
  Templates: ${stack.workflows.length} imported (${stack.workflows.map((workflow) => workflow.name).join(', ') || 'none found in workflows/'})
  Credentials "Exact Online (sandbox simulator)" and "OutSmart (sandbox simulator)" are connected to the simulators.

Three things to try:
  1. Import the relations: open ${link(relations)}
     and press "Execute workflow". Then look at them in OutSmart:
       curl -s ${stack.outsmart.controlUrl}/master/relations
  2. Play the technician: finish a work order in OutSmart, ready for invoicing:
       npm run sandbox:complete-workorder -- ${openOrder?.WorkorderNo ?? '<work order number>'}
     (lists the orders you can finish when run without a number)
  3. Watch the export create the invoice in Exact: open ${link(exportFlow)},
     press "Execute workflow" (or publish it so it polls by itself), then:
       curl -s ${exactInvoices}

Simulator control APIs: Exact ${stack.exact.controlUrl}  OutSmart ${stack.outsmart.controlUrl}
n8n's log: ${stack.logFile}
Press Ctrl-C to stop everything.
`);
}

main().catch((error) => {
	console.error(`The sandbox did not start: ${error.message}`);
	removeStackFile();
	process.exit(1);
});
