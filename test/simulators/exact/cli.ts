/**
 * Standalone Exact Online simulator: prints one JSON line with its connection info, then serves until SIGINT/SIGTERM.
 * Options: --port <n> (0 = any free port), --items <n>, --relations <n>, --time-scale <x>, --minute-limit <n>,
 * --daily-limit <n>, --no-mandatory-filters, --redirect-uri <url>.
 */
import { parseCliOptions, runSimulatorCli } from '../shared/cli';
import { startExactSimulator, type ExactSimulatorOptions } from './index';

runSimulatorCli(async () =>
	await startExactSimulator(
		parseCliOptions<ExactSimulatorOptions>(process.argv.slice(2), {
			numbers: {
				'--port': 'port',
				'--items': 'itemCount',
				'--relations': 'relationCount',
				'--time-scale': 'timeScale',
				'--minute-limit': 'minuteLimit',
				'--daily-limit': 'dailyLimit',
			},
			texts: { '--redirect-uri': 'redirectUri' },
			switches: { '--no-mandatory-filters': { mandatoryFilters: false } },
		}),
	),
);
