import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const COUNTRIES = new Set(['nl', 'be', 'de', 'co.uk', 'com', 'es', 'fr']);

/**
 * The API origin from the credential: `https://start.exactonline.<country>`, or the custom base URL
 * (test environments only, the one place http is allowed).
 */
export function exactBaseUrl(credentials: ICredentialDataDecryptedObject, node: INode): string {
	const country = String(credentials.country ?? 'nl');
	if (country !== 'custom') {
		if (!COUNTRIES.has(country)) {
			throw new NodeOperationError(node, `The Exact Online credential has an unknown Country "${country}"`);
		}
		return `https://start.exactonline.${country}`;
	}
	const custom = String(credentials.customBaseUrl ?? '').trim().replace(/\/+$/, '');
	let parsed: URL | undefined;
	try {
		parsed = new URL(custom);
	} catch {
		parsed = undefined;
	}
	if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
		throw new NodeOperationError(
			node,
			`The Exact Online credential's "Custom Base URL" is not a valid http(s) URL: "${custom}"`,
			{ description: 'Open the credential and enter an origin such as http://127.0.0.1:4010, or choose a Country.' },
		);
	}
	if (parsed.protocol === 'http:' && isExactHost(parsed.hostname)) {
		throw new NodeOperationError(
			node,
			`The Exact Online credential's "Custom Base URL" reaches Exact Online over http (${parsed.origin}); Exact Online is only reached over https`,
			{ description: `Open the credential and choose the Country of your Exact Online (which uses https), or change the Custom Base URL to https://${parsed.host}.` },
		);
	}
	return custom;
}

/** Exact's own hosts (start.exactonline.nl, *.exactonline.co.uk, ...): tokens must never travel to them in clear text. */
function isExactHost(hostname: string): boolean {
	return /(^|\.)exactonline\./i.test(hostname);
}
