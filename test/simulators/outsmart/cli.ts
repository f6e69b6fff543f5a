/**
 * Standalone OutSmart simulator: prints its info as one JSON line, runs until SIGINT/SIGTERM.
 * Options: --port <n> (0 = any free port), --relations <n>, --items <n>, --workorders <n>, --start-time <epoch ms>,
 * --time-scale <x>, --token <text>, --software-token <text>.
 */
import { parseCliOptions, runSimulatorCli } from '../shared/cli';
import { startOutSmartSimulator, type OutSmartSimulatorOptions } from './index';

runSimulatorCli(async () =>
	await startOutSmartSimulator(
		parseCliOptions<OutSmartSimulatorOptions>(process.argv.slice(2), {
			numbers: {
				'--port': 'port',
				'--relations': 'relationCount',
				'--items': 'itemCount',
				'--workorders': 'workorderCount',
				'--start-time': 'startTime',
				'--time-scale': 'timeScale',
			},
			texts: { '--token': 'token', '--software-token': 'softwareToken' },
		}),
	),
);
