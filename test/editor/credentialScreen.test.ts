/**
 * The Exact credential screen as n8n shows it: n8n lists the fields of the OAuth2 credential it extends
 * first, in their own order, then this credential's new ones. Country must still come first (Exact runs
 * one App Center per country), and the OAuth2 client id and secret n8n uses must come from the visible
 * fields — while a credential saved before, with clientId/clientSecret stored, keeps working.
 */
import type { INodeParameters, INodeProperties, INode } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { TestCredentialsHelper } from '../harness/credentials-helper';
import { TestNodeTypes } from '../harness/node-types';

const TYPE = 'exactOnlineOAuth2Api';

function visibleFields(properties: INodeProperties[], values: INodeParameters): string[] {
	const withDefaults = NodeHelpers.getNodeParameters(properties, values, true, false, null, null) as INodeParameters;
	return properties
		.filter((property) => property.type !== 'hidden' && NodeHelpers.displayParameter(withDefaults, property, { typeVersion: 1 } as unknown as INode, null))
		.map((property) => property.name);
}

describe('the Exact Online credential screen', () => {
	const helper = new TestCredentialsHelper(new TestNodeTypes());
	const properties = helper.getCredentialsProperties(TYPE);

	it('starts with Country and shows only what the user fills in, in the order of Exact\'s App Center', () => {
		expect(visibleFields(properties, {})).toEqual(['country', 'appClientId', 'appClientSecret', 'defaultDivision', 'webhookSecret']);
		expect(visibleFields(properties, { country: 'custom' })).toEqual(['country', 'customBaseUrl', 'appClientId', 'appClientSecret', 'defaultDivision', 'webhookSecret']);
	});

	it('gives n8n\'s OAuth2 flow the client id and secret typed on the screen', async () => {
		helper.add({ id: 'new', name: 'Exact', type: TYPE, data: { country: 'nl', appClientId: 'app-id', appClientSecret: 'app-secret' } });
		const decrypted = await helper.getDecrypted({} as never, { id: 'new', name: 'Exact' }, TYPE, 'internal');
		expect(decrypted).toMatchObject({ clientId: 'app-id', clientSecret: 'app-secret', authUrl: 'https://start.exactonline.nl/api/oauth2/auth' });
	});

	it('keeps a credential saved before (clientId and clientSecret stored) working', async () => {
		helper.add({ id: 'old', name: 'Exact (old)', type: TYPE, data: { country: 'be', clientId: 'old-id', clientSecret: 'old-secret' } });
		const decrypted = await helper.getDecrypted({} as never, { id: 'old', name: 'Exact (old)' }, TYPE, 'internal');
		expect(decrypted).toMatchObject({ clientId: 'old-id', clientSecret: 'old-secret' });
	});
});
