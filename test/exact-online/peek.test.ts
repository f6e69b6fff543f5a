import { startExactSimulator } from '../simulators/exact';
it('peek', async () => {
	const sim = await startExactSimulator({ timeScale: 0 });
	const d = sim.info.division;
	for (const set of ['Journals', 'Accounts', 'Items', 'GLAccounts', 'VATCodes', 'PaymentConditions', 'ItemGroups', 'Divisions', 'Projects', 'Employees', 'TimeTransactions', 'Contacts', 'Documents']) {
		const rows = sim.store.list(d, set);
		console.log(set, rows.length, JSON.stringify(rows[0]).slice(0, 400));
	}
	console.log(JSON.stringify(sim.store.list(d, 'Journals')));
	await sim.close();
});
