/**
 * Standalone Exact Online simulator: prints one JSON line with its connection info, then serves until SIGINT/SIGTERM.
 * Options: --port <n> (0 = any free port), --items <n>, --relations <n>, --time-scale <x>, --minute-limit <n>,
 * --daily-limit <n>, --no-mandatory-filters, --redirect-uri <url>.
 */
import { startExactSimulator, type ExactSimulatorOptions } from './index';

function parseArguments(argv: string[]): ExactSimulatorOptions {
	const options: ExactSimulatorOptions = {};
	const numberAfter = (index: number, name: string): number => {
		const value = Number(argv[index + 1]);
		if (!Number.isFinite(value)) throw new Error(`${name} needs a number`);
		return value;
	};
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		switch (argument) {
			case '--port':
				options.port = numberAfter(index++, argument);
				break;
			case '--items':
				options.itemCount = numberAfter(index++, argument);
				break;
			case '--relations':
				options.relationCount = numberAfter(index++, argument);
				break;
			case '--time-scale':
				options.timeScale = numberAfter(index++, argument);
				break;
			case '--minute-limit':
				options.minuteLimit = numberAfter(index++, argument);
				break;
			case '--daily-limit':
				options.dailyLimit = numberAfter(index++, argument);
				break;
			case '--no-mandatory-filters':
				options.mandatoryFilters = false;
				break;
			case '--redirect-uri':
				options.redirectUri = argv[++index];
				break;
			default:
				throw new Error(`Unknown option ${argument}`);
		}
	}
	return options;
}

async function main(): Promise<void> {
	const simulator = await startExactSimulator(parseArguments(process.argv.slice(2)));
	process.stdout.write(`${JSON.stringify(simulator.info)}\n`);
	let closing = false;
	const stop = (): void => {
		if (closing) return;
		closing = true;
		simulator.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.message}\n`);
	process.exit(1);
});
