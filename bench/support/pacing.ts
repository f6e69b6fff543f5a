/**
 * The fastest any client can send `calls` calls from `startMs` under a per-clock-minute limit, when every call
 * takes `latencyMs`: as many as the window allows back to back, then wait for the next minute.
 */
export function minimumDrainMs(calls: number, startMs: number, perMinute: number, latencyMs: number): number {
	let now = startMs;
	let windowStart = Math.floor(now / 60_000) * 60_000;
	let inWindow = 0;
	for (let call = 0; call < calls; call++) {
		if (now >= windowStart + 60_000) {
			windowStart = Math.floor(now / 60_000) * 60_000;
			inWindow = 0;
		}
		if (inWindow >= perMinute) {
			windowStart += 60_000;
			now = windowStart;
			inWindow = 0;
		}
		inWindow++;
		now += latencyMs;
	}
	return now - startMs;
}
