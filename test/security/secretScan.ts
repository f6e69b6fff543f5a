/**
 * Finds secrets in anything a run leaves behind: node output, error messages, descriptions, causes and
 * log lines. A secret counts as leaked in its plain form and URL-encoded (tokens travel in query strings).
 */
import { LoggerProxy } from 'n8n-workflow';

const MAX_DEPTH = 40;
const MAX_NODES = 200_000;

function variants(secret: string): string[] {
	const encoded = encodeURIComponent(secret);
	return encoded === secret ? [secret] : [secret, encoded];
}

/** Paths (e.g. `runData.Create Invoice[0].error.description`) at which a secret appears; empty when clean. */
export function findSecrets(value: unknown, secrets: string[]): string[] {
	const needles = secrets.filter((secret) => typeof secret === 'string' && secret.length >= 8).flatMap(variants);
	const hits: string[] = [];
	const seen = new WeakSet<object>();
	let visited = 0;
	const visit = (current: unknown, path: string, depth: number): void => {
		if (++visited > MAX_NODES || depth > MAX_DEPTH) return;
		if (typeof current === 'string') {
			if (needles.some((needle) => current.includes(needle))) hits.push(path || '(root)');
			return;
		}
		if (typeof current !== 'object' || current === null) return;
		if (seen.has(current)) return;
		seen.add(current);
		if (Buffer.isBuffer(current)) {
			visit(current.toString('utf8'), path, depth + 1);
			return;
		}
		if (current instanceof Error) {
			// message, description, stack and cause are not all enumerable: read them by name.
			const error = current as Error & { description?: unknown; cause?: unknown };
			visit(error.message, `${path}.message`, depth + 1);
			visit(error.stack, `${path}.stack`, depth + 1);
			visit(error.description, `${path}.description`, depth + 1);
			visit(error.cause, `${path}.cause`, depth + 1);
		}
		for (const [key, child] of Object.entries(current)) visit(child, path ? `${path}.${key}` : key, depth + 1);
	};
	visit(value, '', 0);
	return [...new Set(hits)];
}

export interface LogCapture {
	lines: string[];
	/** Restores the previous logger. */
	stop(): void;
}

/** Records everything n8n's LoggerProxy and the console receive while the capture runs. */
export function captureLogs(): LogCapture {
	const lines: string[] = [];
	const record =
		(level: string) =>
		(...args: unknown[]): void => {
			lines.push(`${level} ${args.map((arg) => (typeof arg === 'string' ? arg : safeJson(arg))).join(' ')}`);
		};
	const logger = { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
	LoggerProxy.init(logger as unknown as Parameters<typeof LoggerProxy.init>[0]);
	const original = { log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };
	console.log = record('console.log');
	console.warn = record('console.warn');
	console.error = record('console.error');
	console.info = record('console.info');
	console.debug = record('console.debug');
	return {
		lines,
		stop: () => {
			Object.assign(console, original);
			const silent = () => undefined;
			LoggerProxy.init({ error: silent, warn: silent, info: silent, debug: silent } as unknown as Parameters<typeof LoggerProxy.init>[0]);
		},
	};
}

function safeJson(value: unknown): string {
	try {
		const seen = new WeakSet<object>();
		return JSON.stringify(value, (_key, child: unknown) => {
			if (child instanceof Error) return { ...child, message: child.message, stack: child.stack };
			if (typeof child === 'object' && child !== null) {
				if (seen.has(child)) return '[circular]';
				seen.add(child);
			}
			return child;
		});
	} catch {
		return String(value);
	}
}
