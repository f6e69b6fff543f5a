import type { INodeProperties } from 'n8n-workflow';

export const normaliseProperty: INodeProperties = {
	displayName: 'Normalise Values',
	name: 'normalise',
	type: 'boolean',
	default: false,
	description: "Whether to turn OutSmart's comma decimals into numbers and its dates into ISO dates in the output",
};

export const mainStatusOptions = [
	{ name: 'Alle (Any Status)', value: 'Alle' },
	{ name: 'Afgehandeld (Processed)', value: 'Afgehandeld' },
	{ name: 'Compleet (Completed)', value: 'Compleet' },
	{ name: 'Klaargezet (Ready)', value: 'Klaargezet' },
	{ name: 'Opgehaald (Fetched by Device)', value: 'Opgehaald' },
];
