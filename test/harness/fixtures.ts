import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

/** What an Exact credential holds once connected, pointing at a simulator (or any custom base URL). */
export function exactCredentials(
	info: { baseUrl: string; clientId: string; clientSecret: string; webhookSecret?: string; division?: number },
	tokens: object,
): ICredentialDataDecryptedObject {
	return {
		country: 'custom',
		customBaseUrl: info.baseUrl,
		defaultDivision: info.division !== undefined ? String(info.division) : '',
		clientId: info.clientId,
		clientSecret: info.clientSecret,
		webhookSecret: info.webhookSecret ?? '',
		oauthTokenData: { ...(tokens as IDataObject) },
	};
}

/** An OutSmart credential pointing at a simulator. */
export function outSmartCredentials(info: {
	baseUrl: string;
	token: string;
	softwareToken: string;
}): ICredentialDataDecryptedObject {
	return { token: info.token, softwareToken: info.softwareToken, baseUrl: info.baseUrl };
}
