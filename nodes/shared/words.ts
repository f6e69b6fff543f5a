import type { INodeProperties } from 'n8n-workflow';

/**
 * A resource's label as it reads inside a sentence: lower case, but acronyms stay as they are
 * ("GL Account" → "GL account", "VAT Code" → "VAT code").
 */
export function inSentence(label: string): string {
	return label
		.split(' ')
		.map((word) => (/^[A-Z0-9]{2,}$/.test(word) ? word : word.toLowerCase()))
		.join(' ');
}

/** "a" or "an" before a noun, by its sound: "an employee", "an hour type", "a GL account", "a VAT code". */
export function withArticle(noun: string): string {
	const vowelSound = /^(hour|honou?r)/i.test(noun) || (/^[aeiou]/i.test(noun) && !/^(eu|uni|use|one)/i.test(noun));
	return `${vowelSound ? 'an' : 'a'} ${noun}`;
}

/**
 * The node subtitle on the canvas, in words: the chosen operation's action ("Get many sales invoices")
 * instead of the internal names ("getAll: salesInvoice"). n8n evaluates it as an expression; the
 * internal names remain the fallback for a combination the list does not know.
 */
export function actionSubtitle(properties: INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const resource of (property.displayOptions?.show?.resource as string[] | undefined) ?? []) {
			for (const option of property.options ?? []) {
				if ('value' in option && 'action' in option && typeof option.action === 'string') actions[`${resource}:${String(option.value)}`] = option.action;
			}
		}
	}
	return `={{ (${JSON.stringify(actions)})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] + ": " + $parameter["resource"] }}`;
}
