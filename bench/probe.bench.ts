import { runExport } from './scenarios/export';

test('probe', async () => {
	for (const mode of ['materialsAndHours', 'pdfOnly'] as const) {
		const result = await runExport(mode, 10);
		console.log(JSON.stringify(result));
	}
});
