/** The one test bed with both simulators, and the export configuration the workflow tests share. */
import type { IDataObject } from 'n8n-workflow';
import { startTestBed, type TestBed } from '../../harness/testBed';
import { DEMO_WORKSTATUS, type OutSmartSimulator } from '../../simulators/outsmart';
import { okResponse } from '../../simulators/outsmart/testClient';
import { DEMO_DIVISION_PARAMETER, exportBuildParameters, exportTrigger } from '../../fixtures/exportSettings';

export type Stack = TestBed;

export async function startStack(): Promise<Stack> {
	return await startTestBed({ exact: { minuteLimit: 100_000, dailyLimit: 1_000_000, errorLimitPerHour: 1000 } });
}

export const division = DEMO_DIVISION_PARAMETER;

export const invoiceTrigger = exportTrigger();

export const exportParameters = exportBuildParameters;

/** The orders waiting for invoicing, read the way the OutSmart Trigger reads them (never acknowledging). */
export async function ordersReadyForInvoicing(outSmart: OutSmartSimulator): Promise<IDataObject[]> {
	return await okResponse<IDataObject[]>(outSmart, 'GetWorkorders', {
		query: { status: 'Compleet', workstatus: DEMO_WORKSTATUS.readyForInvoicing.code, update_status: 'false' },
	});
}

/** Why the seed makes an order fail: its deliberate differences (unknown or missing GLA, payment condition). */
export function expectedProblems(outSmart: OutSmartSimulator, order: IDataObject): RegExp[] {
	const seed = outSmart.seed;
	// An order the technician could not finish fails for that reason alone.
	if (order.WorkFinished === '0') return [/is not finished: the technician could not complete the work \(WorkFinished 0\)/];
	const problems: RegExp[] = [];
	for (const material of (order.Materials as IDataObject[]) ?? []) {
		const code = String(material.MaterialCode);
		if (code === seed.materialWithUnknownGla.code) problems.push(new RegExp(`Material ${code} .*has GL account ${seed.materialWithUnknownGla.gla}, which does not exist in Exact`));
		if (seed.materialsWithoutGla.includes(code)) problems.push(new RegExp(`Material ${code} .*has no GL account: fill MaterialFreeField1 of material ${code} in OutSmart`));
	}
	const mismatch = seed.paymentConditionMismatches.find((entry) => entry.debtorNumber === order.CustomerDebtorNrInvoice);
	if (mismatch) {
		problems.push(new RegExp(`Payment condition differs for customer ${mismatch.debtorNumber}: OutSmart has ${mismatch.outsmart}, Exact has ${mismatch.exact}`));
	}
	return problems;
}
