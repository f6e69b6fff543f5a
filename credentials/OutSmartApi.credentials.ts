import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * OutSmart OpenAPI access. OutSmart checks two tokens on every request, as query parameters: the
 * customer token (tied to the OutSmart account) and the software token (issued per external software
 * package and matched to the customer token). Newer API descriptions also accept the customer token
 * as a Bearer header, so both are sent.
 */
export class OutSmartApi implements ICredentialType {
	name = 'outSmartApi';

	displayName = 'OutSmart API';

	icon: Icon = { light: 'file:outSmart.svg', dark: 'file:outSmart.dark.svg' };

	documentationUrl = 'https://www.outsmart.nl/kennisbank/';

	properties: INodeProperties[] = [
		{
			displayName: 'Customer Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The token of your OutSmart account. In OutSmart: Settings (Instellingen) → Links / ERP-CRM (Koppelingen); your OutSmart contact enables the API for the account if it is not there yet.',
		},
		{
			displayName: 'Software Token',
			name: 'softwareToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The token OutSmart issues per connecting software package: ask OutSmart (support) for the software token of this integration; it must be matched to your customer token, or OutSmart answers code 1005',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://app.out-smart.com/openapi/8',
			description:
				'The OpenAPI root including the version, always https for OutSmart\'s own hosts. Change it only for an older host (https://www.werkbonapp.nl/openapi/8) or a test environment (the only place http is accepted).',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: {
				token: '={{$credentials.token}}',
				software_token: '={{$credentials.softwareToken}}',
			},
			headers: {
				Authorization: '=Bearer {{$credentials.token}}',
			},
		},
	};

	// OutSmart answers HTTP 200 even for a wrong token, with the reason in the envelope's `code`;
	// the rule makes the test fail with OutSmart's own message in that case.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{String($credentials.baseUrl).replace(/\\/+$/, "")}}',
			url: '/workstatusses/',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 1002,
					message: 'OutSmart: the customer token is missing (code 1002)',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 1003,
					message: 'OutSmart: the software token is missing (code 1003)',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 1004,
					message: 'OutSmart refused the customer token (code 1004): copy it again from OutSmart',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 1005,
					message:
						'OutSmart refused the software token (code 1005): it is wrong or not linked to this customer token',
				},
			},
		],
	};
}
