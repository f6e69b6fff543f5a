import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Webhook topics are Exact entity names. Exact publishes no full list; these are the entities whose
 * documentation says "This entity supports webhooks" and that the integration uses.
 * GoodsDeliveries is left out: it needs IsInstant, which no other topic accepts. Addresses has no webhooks
 * (mcnijman/go-exactonline services/crm/addresses.go "HasWebhook: false"; Pi-Systems/exact-online and bramkn/ExactOnline
 * do not mark it either), so it is not offered.
 */
export const EXACT_WEBHOOK_TOPICS: INodePropertyOptions[] = [
	{ name: 'Accounts', value: 'Accounts', description: 'Relations (customers, suppliers)' },
	{ name: 'Bank Accounts', value: 'BankAccounts' },
	{ name: 'Contacts', value: 'Contacts', description: 'Contact persons of relations' },
	{ name: 'Documents', value: 'Documents' },
	{ name: 'GL Accounts', value: 'GLAccounts', description: 'General ledger accounts' },
	{ name: 'Items', value: 'Items', description: 'Articles and materials' },
	{ name: 'Purchase Orders', value: 'PurchaseOrders' },
	{ name: 'Quotations', value: 'Quotations' },
	{ name: 'Sales Invoices', value: 'SalesInvoices' },
	{ name: 'Sales Orders', value: 'SalesOrders' },
	{ name: 'Time Transactions', value: 'TimeTransactions' },
];

/** The chosen topics, trimmed and without repeats (a topic subscribed twice would fire twice). */
export function normaliseTopics(raw: unknown): string[] {
	const list = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
	return [...new Set(list.map((topic) => String(topic).trim()).filter((topic) => topic !== ''))];
}
