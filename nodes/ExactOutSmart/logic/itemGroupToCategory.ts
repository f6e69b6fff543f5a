/** Exact item group → OutSmart material category (the categories a material is filed under). */
import type { ImportResult } from './importResult';
import { text } from './values';

export interface OutSmartCategory {
	cat_code: string;
	cat_name: string;
	/** Shown in the app: every imported category is. */
	cat_display: '0' | '1';
}

/** Which fields of a mapped category count as a change (see RELATION_CHANGE_FIELDS). */
export const CATEGORY_CHANGE_FIELDS: ReadonlyArray<keyof OutSmartCategory> = ['cat_code', 'cat_name'];

export function itemGroupToCategory(group: Record<string, unknown>): ImportResult<OutSmartCategory> {
	const code = text(group.Code).trim();
	if (code === '') return { problem: `Item group ${text(group.Description) || '(no description)'} has no code, which OutSmart needs for a category` };
	return { record: { cat_code: code, cat_name: text(group.Description), cat_display: '1' } };
}
