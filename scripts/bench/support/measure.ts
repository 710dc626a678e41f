// The benches' one set of timers and statistics: every section measures with these, so "median" and "p95" mean the
// same in every line of `npm run bench`.

/** The nearest-rank percentile (p in 0–100): the smallest value with at least p% of the list at or below it; NaN when empty. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

/** The median as percentile(xs, 50): the middle value, the lower middle for an even count; NaN when empty. */
export function median(xs: readonly number[]): number {
  return percentile(xs, 50);
}

/** Wall milliseconds and this process's CPU milliseconds: on the shared 2-core machine wall time also counts waiting for a core. */
export interface Timing {
  wall: number;
  cpu: number;
}

/** Runs `fn` once (awaited) and returns its value with the time it took. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<[T, Timing]> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return [value, { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 }];
}

/** timed() for synchronous work, where an await would add a microtask to the figure. */
export function timedSync<T>(fn: () => T): [T, Timing] {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return [value, { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 }];
}

/** Median wall milliseconds of `fn` over `runs` runs, after one warm-up run. */
export async function medianMs(runs: number, fn: () => void | Promise<void>): Promise<number> {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push((await timed(fn))[1].wall);
  return median(out);
}
