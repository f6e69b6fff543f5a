/**
 * Tags: text templates such as `Werkbon [WorkorderNo] - [CustomerName]` that fill Exact fields from a
 * work order. The set of tags is fixed (the documented work-order fields plus free fields), so a typo is
 * caught when the configuration is read, instead of printing an empty string on a customer's invoice.
 */
import type { Workorder } from './workorder';
import { text } from './values';

/** Work-order fields OutSmart documents for GetWorkorder(s). */
export const WORKORDER_TAGS: readonly string[] = [
	'WorkorderNo', 'OrderNr', 'ProjectNr', 'ExternProjectNr',
	'CustomerName', 'CustomerDebtorNr', 'CustomerStreet', 'CustomerStreetNo', 'CustomerEmail', 'CustomerZIP',
	'CustomerCity', 'CustomerContactPerson', 'CustomerPhone', 'CustomerRemark', 'CustomerCountry',
	'CustomerNameInvoice', 'CustomerDebtorNrInvoice', 'CustomerStreetInvoice', 'CustomerStreetNoInvoice',
	'CustomerEmailInvoice', 'CustomerZIPInvoice', 'CustomerCityInvoice', 'CustomerContactPersonInvoice',
	'CustomerPhoneInvoice', 'CustomerRemarkInvoice', 'CustomerCountryInvoice',
	'TypeOfWork', 'WorkDescription', 'InternalWorkDescription', 'ShortWorkDescription', 'PaymentMethod',
	'EmployeeNr', 'WorkDate', 'WorkTime', 'WorkEndDate', 'WorkEndTime', 'WorkDeadline', 'WorkDuration',
	'WorkStatus', 'CreationDate', 'Comment', 'ErrorCode', 'ErrorMessage', 'SolutionCode', 'SolutionMessage',
	'PriorityCode', 'PriorityMessage', 'CpnCode', 'AdrCode', 'WorksheetCode', 'MinimumHours', 'RoundingAmount',
];

const FREE_FIELD_TAG = /^FreeField([1-9]|[1-4][0-9]|50)$/;
const TAG_PATTERN = /\[([A-Za-z][A-Za-z0-9_]*)\]/g;

export function isKnownTag(tag: string): boolean {
	return WORKORDER_TAGS.includes(tag) || FREE_FIELD_TAG.test(tag);
}

/** The tags a template uses, in order of appearance, without repeats. */
export function tagsIn(template: string): string[] {
	const found: string[] = [];
	for (const match of template.matchAll(TAG_PATTERN)) if (!found.includes(match[1])) found.push(match[1]);
	return found;
}

export function unknownTagsIn(template: string): string[] {
	return tagsIn(template).filter((tag) => !isKnownTag(tag));
}

function readTag(order: Workorder, tag: string): string {
	const freeField = FREE_FIELD_TAG.exec(tag);
	if (freeField) {
		// Free-field values come as FreeFields.val_value_N (seen in real payloads) or flat on the order.
		const key = `val_value_${freeField[1]}`;
		const freeFields = order.FreeFields;
		const nested = typeof freeFields === 'object' && freeFields !== null ? (freeFields as Record<string, unknown>)[key] : undefined;
		return text(nested ?? order[key] ?? order[tag]);
	}
	return text(order[tag]);
}

/** Fills a template from a work order. Unknown tags must have been refused before (see findTagProblems). */
export function renderTemplate(template: string, order: Workorder): string {
	return template.replace(TAG_PATTERN, (whole, tag: string) => (isKnownTag(tag) ? readTag(order, tag) : whole)).trim();
}

/** The Exact sales-invoice fields a tag mapping may fill, and the document subject for the PDF mode. */
export const TAG_TARGET_FIELDS: readonly string[] = ['Description', 'DocumentSubject', 'PaymentReference', 'Remarks', 'YourRef'];

export interface TagMapping {
	field: string;
	template: string;
}

export function findTagProblems(mappings: TagMapping[]): string[] {
	const problems: string[] = [];
	const seen = new Set<string>();
	for (const mapping of mappings) {
		if (!TAG_TARGET_FIELDS.includes(mapping.field)) {
			problems.push(`Tag mapping for unknown Exact field '${mapping.field}': use one of ${TAG_TARGET_FIELDS.join(', ')}`);
		}
		if (seen.has(mapping.field)) problems.push(`Exact field '${mapping.field}' has two tag mappings: keep one`);
		seen.add(mapping.field);
		for (const tag of unknownTagsIn(mapping.template)) {
			problems.push(
				`Unknown tag [${tag}] in the template for ${mapping.field} ('${mapping.template}'): use a work-order field such as [WorkorderNo], [CustomerName], [WorkDescription] or a free field [FreeField1]..[FreeField50]`,
			);
		}
	}
	return problems;
}
