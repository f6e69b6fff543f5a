/** Peak heap while a task runs, sampled every few milliseconds (and once at the end), above the heap at its start. */
export interface MemoryPeak {
	peakHeapMb: number;
	peakRssMb: number;
}

const MB = 1024 * 1024;

function collectGarbage(): void {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (gc) gc();
}

export async function measurePeakMemory<T>(task: () => Promise<T>): Promise<{ result: T; memory: MemoryPeak }> {
	collectGarbage();
	const start = process.memoryUsage();
	let peakHeap = start.heapUsed;
	let peakRss = start.rss;
	const sample = () => {
		const now = process.memoryUsage();
		if (now.heapUsed > peakHeap) peakHeap = now.heapUsed;
		if (now.rss > peakRss) peakRss = now.rss;
	};
	const timer = setInterval(sample, 5);
	try {
		const result = await task();
		sample();
		return {
			result,
			memory: { peakHeapMb: round((peakHeap - start.heapUsed) / MB), peakRssMb: round((peakRss - start.rss) / MB) },
		};
	} finally {
		clearInterval(timer);
	}
}

function round(value: number): number {
	return Math.max(0, Math.round(value * 10) / 10);
}
