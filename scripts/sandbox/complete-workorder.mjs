// `npm run sandbox:complete-workorder -- <work order number> [work status]`: plays the technician in
// the running sandbox. Finishes the order in the OutSmart simulator (status Compleet) with the work
// status that the export watches ("Gereed voor facturatie" unless another is given).
import { callControl } from './simulators.mjs';
import { readStackFile } from './stack-file.mjs';

const DEFAULT_WORKSTATUS = 'Gereed voor facturatie';

async function main() {
	const [workorderNo, workstatusName = DEFAULT_WORKSTATUS] = process.argv.slice(2);
	const { outsmart } = readStackFile();
	if (!workorderNo) {
		const open = await callControl(outsmart.controlUrl, 'GET', 'workorders?status=Opgehaald');
		const ready = await callControl(outsmart.controlUrl, 'GET', 'workorders?status=Klaargezet');
		console.log('Work orders a technician can finish:');
		for (const order of [...ready, ...open]) console.log(`  ${order.WorkorderNo}  ${order.status.padEnd(10)}  ${order.CustomerName ?? ''}`);
		console.log('\nUsage: npm run sandbox:complete-workorder -- <work order number> [work status]');
		return;
	}
	const order = await callControl(outsmart.controlUrl, 'POST', `workorders/${encodeURIComponent(workorderNo)}/complete`, { workstatus: workstatusName });
	console.log(`Work order ${order.WorkorderNo ?? workorderNo} is now ${order.status} with work status "${workstatusName}".`);
	console.log('The export workflow picks it up on its next run (or press "Execute workflow" in n8n).');
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
