// The backlog: work orders that technicians finished in OutSmart, ready for invoicing. Most are clean
// (a customer whose payment condition agrees with Exact, materials with a GLA, one hour line); a few
// carry a GL account that does not exist in Exact, which the export must refuse per order (error status, no
// invoice). (A line with an empty GLA is no longer broken once the GLA sync has run: the export then takes
// the material master's GLA, materialMaster.ts.)
import { callControl } from '../../scripts/sandbox/simulators.mjs';

export const READY_WORKSTATUS = 'Gereed voor facturatie';

/**
 * @typedef {{ WorkorderNo: string, broken: boolean, input: Record<string, unknown> }} PlannedOrder
 */

/**
 * Plans `total` orders numbered WO-Q0001... (or with another `prefix`), every `brokenEvery`-th one broken.
 * @param {string} outsmartControlUrl
 * @param {{ total: number, brokenEvery: number, prefix?: string }} options
 * @returns {Promise<PlannedOrder[]>}
 */
export async function planBacklog(outsmartControlUrl, { total, brokenEvery, prefix = 'WO-Q' }) {
	const seed = await callControl(outsmartControlUrl, 'GET', 'seed');
	const mismatched = new Set(seed.paymentConditionMismatches.map((mismatch) => String(mismatch.debtorNumber)));
	const customers = (await callControl(outsmartControlUrl, 'GET', 'master/relations')).filter(
		(relation) => relation.active === '1' && relation.debtor_type === 'customer' && !mismatched.has(String(relation.debtor_number)),
	);
	const withoutGla = new Set(seed.materialsWithoutGla.map(String));
	const unknownGla = String(seed.materialWithUnknownGla?.code ?? '');
	const materials = (await callControl(outsmartControlUrl, 'GET', 'master/materials')).filter(
		(material) => material.freefield1 && !withoutGla.has(String(material.code)) && String(material.code) !== unknownGla,
	);
	// Billable hour types only: the sick-leave type (sale price 0.00, no labour item in Exact) is refused by design.
	const hourTypes = (await callControl(outsmartControlUrl, 'GET', 'master/hourtypes')).filter((hourType) => Number(hourType.sale_price) > 0);
	if (customers.length === 0 || materials.length < 2 || hourTypes.length === 0 || withoutGla.size === 0) {
		throw new Error('The OutSmart demo data lacks clean customers, materials with a GLA, hour types or a material without GLA.');
	}
	const brokenMaterial = [...withoutGla][0];
	const unknownGlaCode = String(seed.materialWithUnknownGla?.gla ?? '');
	if (unknownGlaCode === '') throw new Error('The OutSmart demo data names no GL account unknown in Exact (seed.materialWithUnknownGla).');
	/** @type {PlannedOrder[]} */
	const plan = [];
	for (let index = 0; index < total; index++) {
		const WorkorderNo = `${prefix}${String(index + 1).padStart(4, '0')}`;
		const broken = brokenEvery > 0 && index % brokenEvery === brokenEvery - 1;
		const material = materials[index % materials.length];
		const second = materials[(index * 7 + 3) % materials.length];
		const lines = broken
			? // A line that carries a GLA keeps it, whatever the GLA sync does to the material master later.
				[{ MaterialCode: material.code, MaterialNr: 1 }, { MaterialCode: brokenMaterial, MaterialNr: 2, MaterialFreeField1: unknownGlaCode }]
			: [{ MaterialCode: material.code, MaterialNr: 1 + (index % 3) }, { MaterialCode: second.code, MaterialNr: 1 }];
		plan.push({
			WorkorderNo,
			broken,
			input: {
				WorkorderNo,
				status: 'Compleet',
				WorkStatus: READY_WORKSTATUS,
				CustomerDebtorNr: String(customers[index % customers.length].debtor_number),
				Materials: lines,
				Workperiods: [{ HourType: hourTypes[index % hourTypes.length].code, BeginTime: '08:00', EndTime: `${String(9 + (index % 4)).padStart(2, '0')}:30` }],
			},
		});
	}
	return plan;
}

/**
 * Creates the planned orders in the OutSmart simulator (finished by the technician).
 * @param {string} outsmartControlUrl
 * @param {PlannedOrder[]} orders
 */
export async function addOrders(outsmartControlUrl, orders) {
	for (const order of orders) await callControl(outsmartControlUrl, 'POST', 'workorders', order.input);
}

/**
 * Orders as OutSmart holds them now, by the number they are shown under: WorkorderNo, else OrderNr (orders
 * planned in OutSmart have no WorkorderNo). The control API never moves statuses.
 * @param {string} outsmartControlUrl
 * @returns {Promise<Map<string, Record<string, any>>>}
 */
export async function ordersByNumber(outsmartControlUrl) {
	const all = await callControl(outsmartControlUrl, 'GET', 'workorders');
	return new Map(all.map((order) => [String(order.WorkorderNo || order.OrderNr), order]));
}

/** Splits a list into `count` nearly equal consecutive parts. @template T @param {T[]} list @param {number} count */
export function waves(list, count) {
	const size = Math.ceil(list.length / count);
	return Array.from({ length: count }, (_, index) => list.slice(index * size, (index + 1) * size)).filter((part) => part.length > 0);
}
