/** Standalone OutSmart simulator: prints its info as one JSON line, runs until SIGINT/SIGTERM. */
import { startOutSmartSimulator, type OutSmartSimulatorOptions } from './index';

function parseArguments(argv: string[]): OutSmartSimulatorOptions {
	const options: OutSmartSimulatorOptions = {};
	const numeric: Record<string, keyof OutSmartSimulatorOptions> = {
		'--port': 'port',
		'--relations': 'relationCount',
		'--items': 'itemCount',
		'--workorders': 'workorderCount',
		'--start-time': 'startTime',
		'--time-scale': 'timeScale',
	};
	for (let index = 0; index < argv.length; index++) {
		const name = argv[index];
		const value = argv[index + 1];
		if (name in numeric) {
			const parsed = Number(value);
			if (value === undefined || !Number.isFinite(parsed)) throw new Error(`${name} needs a number`);
			(options as Record<string, number>)[numeric[name]] = parsed;
			index++;
		} else if (name === '--token' || name === '--software-token') {
			if (value === undefined) throw new Error(`${name} needs a value`);
			if (name === '--token') options.token = value;
			else options.softwareToken = value;
			index++;
		} else {
			throw new Error(`Unknown option: ${name}. Options: ${[...Object.keys(numeric), '--token', '--software-token'].join(' ')}`);
		}
	}
	return options;
}

async function main(): Promise<void> {
	const simulator = await startOutSmartSimulator(parseArguments(process.argv.slice(2)));
	process.stdout.write(`${JSON.stringify(simulator.info)}\n`);
	let stopping = false;
	const stop = (): void => {
		if (stopping) return;
		stopping = true;
		simulator.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
