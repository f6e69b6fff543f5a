/** What both simulators' standalone CLIs share: option parsing and the serve-until-signal loop. */

export interface CliOptionSpec<Options> {
	/** `--name <number>` options and the option they set. */
	numbers?: Record<string, keyof Options>;
	/** `--name <text>` options. */
	texts?: Record<string, keyof Options>;
	/** `--name` switches and the value they set. */
	switches?: Record<string, Partial<Options>>;
}

export function parseCliOptions<Options extends object>(argv: string[], spec: CliOptionSpec<Options>): Options {
	const options: Record<string, unknown> = {};
	const known = [...Object.keys(spec.numbers ?? {}), ...Object.keys(spec.texts ?? {}), ...Object.keys(spec.switches ?? {})];
	for (let index = 0; index < argv.length; index++) {
		const name = argv[index];
		const value = argv[index + 1];
		if (spec.numbers && name in spec.numbers) {
			const parsed = Number(value);
			if (value === undefined || !Number.isFinite(parsed)) throw new Error(`${name} needs a number`);
			options[spec.numbers[name] as string] = parsed;
			index++;
		} else if (spec.texts && name in spec.texts) {
			if (value === undefined) throw new Error(`${name} needs a value`);
			options[spec.texts[name] as string] = value;
			index++;
		} else if (spec.switches && name in spec.switches) {
			Object.assign(options, spec.switches[name]);
		} else {
			throw new Error(`Unknown option: ${name}. Options: ${known.join(' ')}`);
		}
	}
	return options as Options;
}

/** Starts the simulator, prints its info as one JSON line and serves until SIGINT/SIGTERM. */
export function runSimulatorCli<Simulator extends { info: unknown; close(): Promise<void> }>(start: () => Promise<Simulator>): void {
	start()
		.then((simulator) => {
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
		})
		.catch((error: unknown) => {
			process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
			process.exit(1);
		});
}
