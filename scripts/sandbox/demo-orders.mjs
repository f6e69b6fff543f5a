// The demo work orders a technician can finish in the sandbox, and the lines a finished order gets:
// shared by `npm start` (which suggests one), `sandbox:complete-workorder` and the end-to-end suite.
import { callControl } from './simulators.mjs';

/**
 * @typedef {{ controlUrl: string }} SimulatorInfo
 * @typedef {{ WorkorderNo: string, status: string, CustomerName?: string, CustomerDebtorNr?: string }} DemoOrder
 */

/**
 * Orders still open (Klaargezet, Opgehaald), each with the reason the export would refuse it, if the demo
 * data gives it one on purpose (a relation whose payment condition differs between the systems).
 * Orders the export accepts come first.
 * @param {SimulatorInfo} outsmart
 * @returns {Promise<Array<DemoOrder & { refusal?: string }>>}
 */
export async function ordersToFinish(outsmart) {
	const seed = await callControl(outsmart.controlUrl, 'GET', 'seed');
	const mismatched = new Set((seed.paymentConditionMismatches ?? []).map((mismatch) => String(mismatch.debtorNumber)));
	const open = [
		...(await callControl(outsmart.controlUrl, 'GET', 'workorders?status=Klaargezet')),
		...(await callControl(outsmart.controlUrl, 'GET', 'workorders?status=Opgehaald')),
	];
	const described = open.map((order) => ({
		...order,
		...(mismatched.has(String(order.CustomerDebtorNr ?? '')) ? { refusal: 'its customer has another payment condition in Exact' } : {}),
	}));
	return [...described.filter((order) => !order.refusal), ...described.filter((order) => order.refusal)];
}

/**
 * What a technician records on a demo order: two materials whose GLA is a revenue account in Exact and
 * one work period with a labour hour type.
 * @param {SimulatorInfo} outsmart
 * @param {SimulatorInfo & { division: number | string }} exact
 * @returns {Promise<{ materials: Array<{ MaterialCode: string, MaterialAmount: number }>, workperiods: Array<{ HourType: string, BeginTime: string, EndTime: string }> }>}
 */
export async function demoLines(outsmart, exact) {
	const accounts = await callControl(exact.controlUrl, 'GET', `entities/${exact.division}/GLAccounts`);
	const revenue = new Set(accounts.filter((account) => account.BalanceType === 'W' && !account.IsBlocked).map((account) => String(account.Code).trim()));
	const materials = (await callControl(outsmart.controlUrl, 'GET', 'master/materials')).filter((material) => revenue.has(String(material.freefield1 ?? '').trim()));
	const [hourType] = await callControl(outsmart.controlUrl, 'GET', 'master/hourtypes');
	if (materials.length < 2 || !hourType) throw new Error('The OutSmart demo account has no materials with a revenue GLA or no hour type: restart the sandbox.');
	return {
		materials: [
			{ MaterialCode: String(materials[0].code), MaterialAmount: 2 },
			{ MaterialCode: String(materials[1].code), MaterialAmount: 1 },
		],
		workperiods: [{ HourType: String(hourType.code), BeginTime: '08:00', EndTime: '10:30' }],
	};
}
