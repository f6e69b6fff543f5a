/**
 * The GLA of a material line when the line does not carry it. OutSmart copies a material's free fields onto
 * a work-order line only as they were when the technician used it; the Blueprint's GetWorkorder example
 * (CloudEcosystemDev/outsmart-component README.md) shows `MaterialFreeField1..5` as null. An order finished
 * before the GLA import therefore has empty line free fields, and the material master (`materials`,
 * `freefield1..5`) is asked instead.
 */
import type { GlaSettings } from './gla';
import { text } from './values';
import type { Workorder, WorkorderMaterial } from './workorder';
import { linesOf } from './workorder';

function lineFreeField(material: WorkorderMaterial, fieldNumber: number): string {
	return text(material[`MaterialFreeField${fieldNumber}`]).trim();
}

/** The material codes whose lines lack the GLA free field (empty when the GLA does not come from a free field). */
export function materialsMissingFreeField(orders: Workorder[], gla: GlaSettings): string[] {
	if (gla.source !== 'materialFreeField') return [];
	const codes = new Set<string>();
	for (const order of orders) {
		for (const material of linesOf(order, 'Materials') ?? []) {
			const code = text(material.MaterialCode).trim();
			if (code !== '' && lineFreeField(material, gla.freeFieldNumber) === '') codes.add(code);
		}
	}
	return [...codes];
}

/**
 * The orders with each line's empty GLA free field filled from the material master (`freefieldN` of the
 * material with the line's code). Lines that carry a value keep it: that is what the technician's order
 * says. Orders without such lines are returned as they are.
 */
export function withMasterFreeFields(orders: Workorder[], gla: GlaSettings, masterFreeFields: Map<string, string>): Workorder[] {
	if (gla.source !== 'materialFreeField' || masterFreeFields.size === 0) return orders;
	const field = `MaterialFreeField${gla.freeFieldNumber}`;
	return orders.map((order) => {
		const materials = linesOf(order, 'Materials');
		if (!materials || !materials.some((material) => lineFreeField(material, gla.freeFieldNumber) === '')) return order;
		return {
			...order,
			Materials: materials.map((material) => {
				if (lineFreeField(material, gla.freeFieldNumber) !== '') return material;
				const fromMaster = masterFreeFields.get(text(material.MaterialCode).trim()) ?? '';
				return fromMaster === '' ? material : { ...material, [field]: fromMaster };
			}),
		};
	});
}
