/**
 * Real hosts are reached over https only. For Exact the Country choice builds the https origin, and the
 * custom base URL (labelled for test environments) is the one way to reach http. For OutSmart the base URL
 * is free text: http is for test environments, so the real OutSmart hosts must not be reachable over http.
 */
import type { INode } from 'n8n-workflow';
import { exactBaseUrl } from '../../nodes/ExactOnline/transport/baseUrl';
import { ExactOnlineOAuth2Api } from '../../credentials/ExactOnlineOAuth2Api.credentials';
import { OutSmartApi } from '../../credentials/OutSmartApi.credentials';
import { outSmartBaseUrl } from '../../nodes/OutSmart/transport/request';

const node = { name: 'Exact Online', type: 'exactOnline', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;

describe('base URLs', () => {
	it.each(['nl', 'be', 'de', 'co.uk', 'com', 'es', 'fr'])('Exact country %s is https on start.exactonline', (country) => {
		expect(exactBaseUrl({ country }, node)).toBe(`https://start.exactonline.${country}`);
	});

	it('Exact: an unknown country, an empty or invalid custom base URL are refused with the fix', () => {
		expect(() => exactBaseUrl({ country: 'xx' }, node)).toThrow('unknown Country "xx"');
		for (const custom of ['', 'not a url', 'ftp://127.0.0.1', 'javascript:alert(1)']) {
			expect(() => exactBaseUrl({ country: 'custom', customBaseUrl: custom }, node)).toThrow(/Custom Base URL.*is not a valid http\(s\) URL/);
		}
	});

	it('Exact: the custom base URL is the only http route, and it says it is for test environments', () => {
		expect(exactBaseUrl({ country: 'custom', customBaseUrl: 'http://127.0.0.1:4010/' }, node)).toBe('http://127.0.0.1:4010');
		const properties = new ExactOnlineOAuth2Api().properties;
		const country = properties.find((property) => property.name === 'country')!;
		const custom = (country.options as Array<{ name: string; value: string }>).find((option) => option.value === 'custom')!;
		expect(custom.name).toMatch(/test environments only/i);
		expect(properties.find((property) => property.name === 'customBaseUrl')?.description).toMatch(/test environments/i);
		for (const option of country.options as Array<{ value: string }>) {
			if (option.value !== 'custom') expect(exactBaseUrl({ country: option.value }, node)).toMatch(/^https:\/\//);
		}
	});

	it('Exact: the real hosts cannot be reached over http through the custom base URL', () => {
		expect(() => exactBaseUrl({ country: 'custom', customBaseUrl: 'http://start.exactonline.nl' }, node)).toThrow(/https/);
	});

	it('OutSmart: the default base URL is https and labelled; the real hosts cannot be reached over http', async () => {
		const baseUrl = new OutSmartApi().properties.find((property) => property.name === 'baseUrl')!;
		expect(baseUrl.default).toMatch(/^https:\/\/app\.out-smart\.com\//);
		const context = (url: string) =>
			({ getCredentials: async () => ({ baseUrl: url, token: 't', softwareToken: 's' }), getNode: () => node }) as unknown as Parameters<typeof outSmartBaseUrl>[0];
		await expect(outSmartBaseUrl(context('http://127.0.0.1:4020/openapi/8'))).resolves.toBe('http://127.0.0.1:4020/openapi/8');
		await expect(outSmartBaseUrl(context('ftp://app.out-smart.com/openapi/8'))).rejects.toThrow(/no valid Base URL/);
		await expect(outSmartBaseUrl(context('http://app.out-smart.com/openapi/8'))).rejects.toThrow(/https/);
		await expect(outSmartBaseUrl(context('http://www.werkbonapp.nl/openapi/8'))).rejects.toThrow(/https/);
	});
});
