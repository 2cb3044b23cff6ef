/** Timing helpers shared by the benchmarks: p50/p95 of repeated runs, and the ratio of a function to its baseline. */
import fs from "node:fs";

export type Stats = { p50: number; p95: number; runs: number };

/**
 * Times a function and its baseline in alternating runs (A B, B A, A B …), so that both meet the same moments of a
 * shared machine's load and the ratio of their percentiles compares the code, not the minute each happened to run in.
 */
export async function timePair(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs: number,
  warmup = 3,
): Promise<[Stats, Stats]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const time = async (run: () => Promise<unknown>, into: number[]) => {
    const t = performance.now();
    await run();
    into.push(performance.now() - t);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await time(a, ta);
      await time(b, tb);
    } else {
      await time(b, tb);
      await time(a, ta);
    }
  }
  return [
    { ...percentiles(ta), runs },
    { ...percentiles(tb), runs },
  ];
}

export function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95) };
}

export const ms = (x: number) => `${x.toFixed(2).padStart(7)} ms`;

/** The node flags of package.json's `start` ("node <flags> dist/start.mjs"): the server's memory and GC settings. */
export function startFlags(): string {
  const start = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
  const flags = /^node\s+(.*?)\s*dist\/start\.mjs$/.exec(start)?.[1];
  if (flags === undefined) throw new Error(`package.json's start is not "node <flags> dist/start.mjs": ${start}`);
  return flags;
}
