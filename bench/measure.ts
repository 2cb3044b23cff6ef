/** Timing helpers shared by the benchmarks: p50/p95 of repeated runs, and the ratio of a function to its baseline. */
export type Stats = { p50: number; p95: number; runs: number };

export async function timeRuns(run: () => Promise<unknown>, runs: number, warmup = 3): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return { ...percentiles(times), runs };
}

export function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

export const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;
