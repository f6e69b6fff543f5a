import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** The input items' JSON: work orders, Exact records or OutSmart records, depending on the operation. */
export function inputRecords(this: IExecuteFunctions): IDataObject[] {
	return this.getInputData().map((item) => item.json);
}
