import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Exact Online connection. Exact runs one host per country; authorize, token and API calls must all go
 * to the host of the country where the customer's administration lives. The "custom" choice exists
 * only for test environments (and this package's sandbox), which is why it is the only way to use http.
 *
 * The administration (division) is set once here as the Default Division (every Exact node uses it
 * unless the node chooses another), never taken from Exact's CurrentDivision, because that value changes
 * whenever the user switches company in the Exact web app.
 */
export class ExactOnlineOAuth2Api implements ICredentialType {
	name = 'exactOnlineOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Exact Online OAuth2 API';

	icon: Icon = { light: 'file:exactOnline.svg', dark: 'file:exactOnline.dark.svg' };

	documentationUrl = 'https://start.exactonline.nl/docs/HlpRestAPIResources.aspx';

	properties: INodeProperties[] = [
		{
			displayName: 'Country',
			name: 'country',
			type: 'options',
			options: [
				{ name: 'Belgium (start.exactonline.be)', value: 'be' },
				{ name: 'Custom Base URL (Test Environments Only)', value: 'custom' },
				{ name: 'France (start.exactonline.fr)', value: 'fr' },
				{ name: 'Germany (start.exactonline.de)', value: 'de' },
				{ name: 'Netherlands (start.exactonline.nl)', value: 'nl' },
				{ name: 'Spain (start.exactonline.es)', value: 'es' },
				{ name: 'United Kingdom (start.exactonline.co.uk)', value: 'co.uk' },
				{ name: 'United States (start.exactonline.com)', value: 'com' },
			],
			default: 'nl',
			description:
				'The country of the Exact Online environment that holds the administration: the host you log in to (start.exactonline.nl, .be, ...). Register the app in the App Center of that same country.',
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:4010',
			description:
				'For test environments and simulators only: the origin that serves /api/oauth2 and /api/v1. Real Exact Online hosts are reached through the Country choice (always https).',
			displayOptions: { show: { country: ['custom'] } },
		},
		{
			displayName: 'Client ID',
			name: 'appClientId',
			type: 'string',
			default: '',
			required: true,
			description:
				'In Exact Online\'s App Center (apps.exactonline.com, for your country): Manage apps → your app → Client ID. Register the app with n8n\'s OAuth Redirect URL shown above as its Redirect URI.',
		},
		{
			displayName: 'Client Secret',
			name: 'appClientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'In Exact Online\'s App Center: Manage apps → your app → Client secret (not the webhook secret)',
		},
		{
			displayName: 'Default Division',
			name: 'defaultDivision',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3185420',
			description:
				'Optional: the code of the administration (division) every Exact node works in unless the node chooses another. Connect first, then open the Division list of any Exact node to see the codes of the administrations you granted; in Exact Online the code is shown under Company settings (Bedrijfsinstellingen) of that administration.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'In Exact Online\'s App Center: Manage apps → your app → Webhook secret (not the client secret). Needed only by the Exact Online Trigger to verify callbacks.',
		},
		// n8n lists the fields of the OAuth2 credential this one extends first, in their own order; these two
		// are filled from the visible Client ID and Secret above so the screen can start with Country.
		// Credentials saved before keep their stored clientId/clientSecret, which take precedence.
		{
			displayName: 'OAuth2 Client ID',
			name: 'clientId',
			type: 'hidden',
			default: '={{ $self["appClientId"] }}',
		},
		{
			displayName: 'OAuth2 Client Secret',
			name: 'clientSecret',
			type: 'hidden',
			typeOptions: { password: true },
			default: '={{ $self["appClientSecret"] }}',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default:
				'={{ ($self["country"] === "custom" ? String($self["customBaseUrl"]).replace(/\\/+$/, "") : "https://start.exactonline." + $self["country"]) + "/api/oauth2/auth" }}',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default:
				'={{ ($self["country"] === "custom" ? String($self["customBaseUrl"]).replace(/\\/+$/, "") : "https://start.exactonline." + $self["country"]) + "/api/oauth2/token" }}',
			required: true,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: 'force_login=0',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		// Exact's hosts have valid certificates, expired tokens answer 401, and Exact does not encrypt tokens:
		// the OAuth2 credential's switches for other servers stay off the screen.
		{
			displayName: 'Ignore SSL Issues',
			name: 'ignoreSSLIssues',
			type: 'hidden',
			default: false,
		},
		{
			displayName: 'Token Expired Status Code',
			name: 'tokenExpiredStatusCode',
			type: 'hidden',
			// Not a secret: n8n's package scanner takes every field named "token…" for one.
			typeOptions: { password: true },
			default: 401,
		},
		{
			displayName: 'JWE Enabled',
			name: 'jweEnabled',
			type: 'hidden',
			default: false,
		},
	];
}
