import { DEMO_DIVISION, startExactSimulator, type ExactSimulator } from './index';
import { callApi } from './testClient';

const D = DEMO_DIVISION;

describe('Exact simulator users/UserHasRights', () => {
	let simulator: ExactSimulator;
	let token: string;
	const ask = async (endpoint: string, action: string) =>
		await callApi(simulator, token, `${D}/users/UserHasRights?endpoint=${encodeURIComponent(endpoint)}&action=${encodeURIComponent(action)}`);

	beforeAll(async () => {
		simulator = await startExactSimulator({ timeScale: 0, minuteLimit: 10_000, errorLimitPerHour: 1000 });
		token = (await simulator.connect()).access_token;
	});
	afterAll(async () => await simulator.close());
	beforeEach(() => simulator.denyRights([]));

	it('answers true for the endpoints it serves and false for unknown ones', async () => {
		const allowed = await ask("'crm/Accounts'", "'GET'");
		expect(allowed.status).toBe(200);
		expect(allowed.json()).toEqual({ d: { UserHasRights: true } });
		expect((await ask("'sync/Logistics/Items'", "'GET'")).json()).toEqual({ d: { UserHasRights: true } });
		expect((await ask("'crm/NoSuchThing'", "'GET'")).json()).toEqual({ d: { UserHasRights: false } });
	});

	it('denies single actions, endpoints and whole modules; [] allows everything again', async () => {
		simulator.denyRights([{ endpoint: 'salesinvoice/SalesInvoices', action: 'post' }, { endpoint: 'project/' }]);
		expect((await ask("'salesinvoice/SalesInvoices'", "'POST'")).json().d.UserHasRights).toBe(false);
		expect((await ask("'salesinvoice/SalesInvoices'", "'GET'")).json().d.UserHasRights).toBe(true);
		expect((await ask("'project/TimeTransactions'", "'GET'")).json().d.UserHasRights).toBe(false);
		expect((await ask("'Project/Projects'", "'DELETE'")).json().d.UserHasRights).toBe(false);
		simulator.denyRights([]);
		expect((await ask("'project/TimeTransactions'", "'GET'")).json().d.UserHasRights).toBe(true);
	});

	it('refuses unquoted or missing parameters and unknown actions with 400', async () => {
		expect((await ask('crm/Accounts', "'GET'")).status).toBe(400);
		expect((await callApi(simulator, token, `${D}/users/UserHasRights?endpoint='crm/Accounts'`)).status).toBe(400);
		expect((await ask("'crm/Accounts'", "'PATCH'")).status).toBe(400);
	});

	it('is switched over the control API too', async () => {
		const response = await fetch(`${simulator.info.controlUrl}/rights`, { method: 'POST', body: JSON.stringify({ deny: [{ endpoint: 'crm/Accounts', action: 'PUT' }] }) });
		expect(await response.json()).toEqual([{ endpoint: 'crm/Accounts', action: 'PUT' }]);
		expect((await ask("'crm/Accounts'", "'PUT'")).json().d.UserHasRights).toBe(false);
	});
});
