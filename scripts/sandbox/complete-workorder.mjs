// `npm run sandbox:complete-workorder -- <work order number> [work status] [--material <code>=<amount>]... [--hours <hour type>=<from>-<to>]...`
// Plays the technician in the running sandbox: finishes the order in the OutSmart simulator (status
// Compleet) in the work status the export watches ("Gereed voor facturatie" unless another is given),
// with the materials and hours given, or, when none are given and the order has none yet, two
// materials and one work period from the demo account, so the export has something to invoice.
import { demoLines, ordersToFinish } from './demo-orders.mjs';
import { callControl } from './simulators.mjs';
import { readStackFile } from './stack-file.mjs';

const DEFAULT_WORKSTATUS = 'Gereed voor facturatie';
const USAGE = 'Usage: npm run sandbox:complete-workorder -- <work order number> [work status] [--material <code>=<amount>]... [--hours <hour type>=<from>-<to>]...';

/** @param {string[]} args */
export function parseArguments(args) {
	const positional = [];
	const materials = [];
	const workperiods = [];
	for (let index = 0; index < args.length; index++) {
		const arg = args[index];
		if (arg === '--material' || arg === '--hours') {
			const value = args[++index] ?? '';
			const [key, amount] = value.split('=');
			if (!key || !amount) throw new Error(`${arg} needs <code>=${arg === '--material' ? '<amount>' : '<from>-<to>'}, got "${value}".\n${USAGE}`);
			if (arg === '--material') {
				const number = Number(amount.replace(',', '.'));
				if (!Number.isFinite(number) || number <= 0) throw new Error(`The amount of material ${key} must be a positive number, got "${amount}".`);
				materials.push({ MaterialCode: key, MaterialAmount: number });
			} else {
				const [from, to] = amount.split('-');
				if (!/^\d{1,2}:\d{2}$/.test(from ?? '') || !/^\d{1,2}:\d{2}$/.test(to ?? '')) throw new Error(`--hours ${value}: give the times as HH:MM-HH:MM.`);
				workperiods.push({ HourType: key, BeginTime: from, EndTime: to });
			}
		} else positional.push(arg);
	}
	const [workorderNo, workstatus = DEFAULT_WORKSTATUS] = positional;
	return { workorderNo, workstatus, materials, workperiods };
}

async function main() {
	const { workorderNo, workstatus, materials, workperiods } = parseArguments(process.argv.slice(2));
	const { outsmart, exact } = readStackFile();
	if (!workorderNo) {
		console.log('Work orders a technician can finish:');
		for (const order of await ordersToFinish(outsmart)) {
			console.log(`  ${order.WorkorderNo}  ${order.status.padEnd(10)}  ${order.CustomerName ?? ''}${order.refusal ? `  (the export will refuse it: ${order.refusal})` : ''}`);
		}
		console.log(`\n${USAGE}`);
		return;
	}
	const current = await callControl(outsmart.controlUrl, 'GET', `workorders/${encodeURIComponent(workorderNo)}`);
	if (!current) throw new Error(`OutSmart has no work order ${workorderNo}; run the command without a number to list them.`);
	const hasLines = (current.Materials?.length ?? 0) > 0 || (current.Workperiods?.length ?? 0) > 0;
	const lines = materials.length > 0 || workperiods.length > 0 || hasLines ? { materials, workperiods } : await demoLines(outsmart, exact);
	const body = {
		workstatus,
		...(lines.materials.length > 0 ? { materials: lines.materials } : {}),
		...(lines.workperiods.length > 0 ? { workperiods: lines.workperiods } : {}),
	};
	const order = await callControl(outsmart.controlUrl, 'POST', `workorders/${encodeURIComponent(workorderNo)}/complete`, body);
	console.log(`Work order ${order.WorkorderNo ?? workorderNo} is now ${order.status} with work status "${workstatus}".`);
	for (const material of order.Materials ?? []) console.log(`  material  ${material.MaterialCode}  x ${material.MaterialAmount}  ${material.MaterialName ?? ''}`);
	for (const period of order.Workperiods ?? []) console.log(`  hours     ${period.HourType}  ${period.BeginTime}-${period.EndTime}`);
	console.log('The export workflow picks it up on its next run (or press "Execute workflow" in n8n).');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main().catch((error) => {
		console.error(error.message);
		process.exit(1);
	});
}
