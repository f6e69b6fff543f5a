import type { GlaSettings } from '../../../nodes/ExactOutSmart/logic/gla';
import { resolveGla } from '../../../nodes/ExactOutSmart/logic/gla';
import { catalog, GUIDS } from '../fixtures';

describe('resolveGla', () => {
	const radiator = { MaterialCode: 'RAD-01000', MaterialName: 'Paneelradiator', MaterialFreeField1: '8000', MaterialFreeField3: '8010' };
	const fitting = { MaterialCode: 'LEID-01003', MaterialName: 'Knelkoppeling', MaterialFreeField1: '' };
	const settingsFor = (overrides: Partial<GlaSettings>): GlaSettings => ({ source: 'materialFreeField', freeFieldNumber: 1, defaultGlAccountCode: '', ...overrides });

	test.each([
		{ name: 'free field 1', material: radiator, gla: settingsFor({}), account: GUIDS.gl8000 },
		{ name: 'free field 3', material: radiator, gla: settingsFor({ freeFieldNumber: 3 }), account: GUIDS.gl8010 },
		{ name: 'empty free field falls back to the default', material: fitting, gla: settingsFor({ defaultGlAccountCode: '8100' }), account: GUIDS.gl8100 },
		{ name: 'Exact item revenue account', material: radiator, gla: settingsFor({ source: 'exactItem' }), account: GUIDS.gl8010 },
		{ name: 'Exact item without account falls back to the default', material: fitting, gla: settingsFor({ source: 'exactItem', defaultGlAccountCode: '8000' }), account: GUIDS.gl8000 },
		{ name: 'default source', material: radiator, gla: settingsFor({ source: 'default', defaultGlAccountCode: '8100' }), account: GUIDS.gl8100 },
	])('$name', ({ material, gla, account }) => {
		const result = resolveGla(material, gla, catalog());
		expect('account' in result && result.account.id).toBe(account);
	});

	test.each([
		{ name: 'missing in the free field', material: fitting, gla: settingsFor({}), message: /^Material LEID-01003 \(Knelkoppeling\) has no GL account: fill MaterialFreeField1 of material LEID-01003 in OutSmart/ },
		{ name: 'missing on the Exact item', material: fitting, gla: settingsFor({ source: 'exactItem' }), message: /has no GL account: set a revenue GL account on item LEID-01003 or on its item group in Exact/ },
		{ name: 'does not exist in Exact', material: { ...radiator, MaterialFreeField1: '8999' }, gla: settingsFor({}), message: /has GL account 8999, which does not exist in Exact/ },
		{ name: 'balance-sheet account', material: { ...radiator, MaterialFreeField1: '1300' }, gla: settingsFor({}), message: /GL account 1300 \(Bank\), a balance-sheet account/ },
	])('refuses: $name', ({ material, gla, message }) => {
		const result = resolveGla(material, gla, catalog());
		expect('problem' in result && result.problem).toMatch(message);
	});

	test('a blocked account is refused', () => {
		const withBlocked = catalog();
		withBlocked.glAccountsByCode.set('8000', { ...withBlocked.glAccountsByCode.get('8000')!, blocked: true });
		const result = resolveGla(radiator, settingsFor({}), withBlocked);
		expect('problem' in result && result.problem).toMatch(/GL account 8000, which is blocked in Exact/);
	});
});
