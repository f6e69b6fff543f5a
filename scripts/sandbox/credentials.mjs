// The sandbox credentials: Exact Online pointing at the Exact simulator (already connected), OutSmart
// at the OutSmart simulator. Fixed ids so that a restart updates them and the workflows stay linked.
import { callControl } from './simulators.mjs';

export const EXACT_CREDENTIAL = { id: 'exactSandboxCred', name: 'Exact Online (sandbox simulator)', type: 'exactOnlineOAuth2Api' };
export const OUTSMART_CREDENTIAL = { id: 'outsmartSandboxCr', name: 'OutSmart (sandbox simulator)', type: 'outSmartApi' };

/** The callback n8n's OAuth2 connect flow sends the browser back to. */
export function n8nOAuthCallbackUrl(n8nBaseUrl) {
	return `${n8nBaseUrl}/rest/oauth2-credential/callback`;
}

/**
 * Runs Exact's authorization-code flow against the simulator (consent given by its demo user) and
 * returns the token response, as n8n stores it after "Connect my account".
 * @param {Record<string, any>} exactInfo  the Exact simulator's info line
 * @param {string} redirectUri
 */
export async function connectExact(exactInfo, redirectUri) {
	return await callControl(exactInfo.controlUrl, 'POST', 'oauth/connect', { redirectUri });
}

/**
 * Credentials in the shape `n8n import:credentials` takes (plain `data`, n8n encrypts it).
 * @param {{ exactInfo: Record<string, any>, outsmartInfo: Record<string, any>, exactTokens: Record<string, any> }} input
 */
export function sandboxCredentials({ exactInfo, outsmartInfo, exactTokens }) {
	return [
		{
			...EXACT_CREDENTIAL,
			data: {
				country: 'custom',
				customBaseUrl: exactInfo.baseUrl,
				defaultDivision: String(exactInfo.division ?? ''),
				appClientId: exactInfo.clientId,
				appClientSecret: exactInfo.clientSecret,
				webhookSecret: exactInfo.webhookSecret,
				oauthTokenData: exactTokens,
			},
		},
		{
			...OUTSMART_CREDENTIAL,
			data: { token: outsmartInfo.token, softwareToken: outsmartInfo.softwareToken, baseUrl: outsmartInfo.baseUrl },
		},
	];
}

/** `{ [credentialType]: { id, name } }` for linking template nodes. */
export function credentialsByType() {
	return {
		[EXACT_CREDENTIAL.type]: { id: EXACT_CREDENTIAL.id, name: EXACT_CREDENTIAL.name },
		[OUTSMART_CREDENTIAL.type]: { id: OUTSMART_CREDENTIAL.id, name: OUTSMART_CREDENTIAL.name },
	};
}
