// What `npm start` prints once the sandbox runs: the editor, the login and the steps that lead from a
// finished work order to an invoice in Exact. The end-to-end suite follows these printed steps literally.
import { DEMO_OWNER } from './n8n-rest.mjs';
import { ordersToFinish } from './demo-orders.mjs';
import { N8N_VERSION } from './paths.mjs';

/**
 * @param {import('./stack.mjs').Stack} stack
 * @param {{ readySeconds: number }} timing
 * @returns {Promise<string>}
 */
export async function sandboxGuide(stack, { readySeconds }) {
	const relations = stack.workflows.find((workflow) => workflow.file === 'import-relations.json');
	const exportFlow = stack.workflows.find((workflow) => workflow.file === 'export-work-orders.json');
	const link = (workflow) => (workflow ? `${stack.editorUrl}/workflow/${workflow.id}` : '(template not found)');
	const [order, second] = await ordersToFinish(stack.outsmart);
	const workorderNo = order?.WorkorderNo ?? '<work order number>';
	const invoicesOf = (number) => `${stack.exact.controlUrl}/entities/${stack.exact.division}/SalesInvoices?YourRef=${number}`;

	return `
n8n ${N8N_VERSION} is running with n8n-nodes-exact-outsmart (ready in ${readySeconds} s).

  Editor:    ${stack.editorUrl}
  Login:     ${DEMO_OWNER.email}  /  ${DEMO_OWNER.password}
  Templates: ${stack.workflows.length} imported (${stack.workflows.map((workflow) => workflow.name).join(', ') || 'none found in workflows/'})
  Credentials "Exact Online (sandbox simulator)" and "OutSmart (sandbox simulator)" are connected to the simulators.

From a finished work order to an invoice in Exact:
  1. Play the technician: finish work order ${workorderNo} in OutSmart with two materials and 2.5 hours,
     ready for invoicing:
       npm run sandbox:complete-workorder -- ${workorderNo}
     (without a number it lists the orders you can finish; --material <code>=<amount> and
     --hours <hour type>=08:00-10:30 record your own lines)
  2. Open the export: ${link(exportFlow)}
     and press "Execute workflow". It exports every order waiting for invoicing: yours, and the demo
     orders already waiting, some of which the export refuses on purpose (a GL account Exact does not
     know, a payment condition that differs); those move to the work status "Export mislukt". The run
     therefore ends red ("Work orders not exported: ..." names each refused order and why) after your order
     and the other clean ones are exported: that is how a run with a failed order is reported.
  3. See the invoice in Exact (YourRef = the work-order number):
       curl -s '${invoicesOf(workorderNo)}'
  4. Publish the export ("Publish", top right of the editor): from then on it polls OutSmart every
     minute. Finish another order${second ? ` (npm run sandbox:complete-workorder -- ${second.WorkorderNo})` : ''} and within a minute
       curl -s '${invoicesOf(second?.WorkorderNo ?? '<work order number>')}'
     shows its invoice.

Also worth a look: the relations import (${link(relations)}), press "Execute workflow", then
       curl -s ${stack.outsmart.controlUrl}/master/relations

Simulator control APIs: Exact ${stack.exact.controlUrl}  OutSmart ${stack.outsmart.controlUrl}
n8n's log: ${stack.logFile}
Press Ctrl-C to stop everything.
`;
}
