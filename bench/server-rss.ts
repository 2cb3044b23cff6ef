/**
 * Memory of one portal node under HTTP load (issue 12, item 3: ≤ 300 MB RSS, no wrapper processes). Point it at a
 * running `node dist/start.mjs` (its PID and URL): it samples that process's RSS from /proc before, during and after
 * USERS concurrent clients request PATHS for SECONDS (bounded; loopback only), and prints RSS, peak (VmHWM), p50/p95
 * and the machine's load average. BENCH_COOKIE sends a session cookie so signed-in pages can be included.
 *   BENCH_PID=<pid> BENCH_URL=http://127.0.0.1:3211 npm run bench:server-rss
 */
import fs from "node:fs";
import os from "node:os";
import { ms, percentiles } from "./measure";

const PID = Number(process.env.BENCH_PID);
const BASE = new URL(process.env.BENCH_URL ?? "http://127.0.0.1:3000");
if (!["127.0.0.1", "localhost", "[::1]"].includes(BASE.hostname))
  throw new Error("BENCH_URL must be a loopback address");
const USERS = Number(process.env.BENCH_USERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PATHS = (
  process.env.BENCH_PATHS ?? "/,/login/applicant,/login/employer,/login/staff,/login/applicant/activate"
).split(",");
const COOKIE = process.env.BENCH_COOKIE;

function memory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}
const mb = (x: number) => `${x.toFixed(0)} MB`;
if (!Number.isInteger(PID) || !fs.existsSync(`/proc/${PID}`))
  throw new Error("BENCH_PID must be the PID of the running node server");

const before = memory(PID);
console.log(`before: RSS ${mb(before.rss)} (peak so far ${mb(before.peak)})`);
const times: number[] = [];
let failures = 0;
let maxRss = before.rss;
const sampler = setInterval(() => (maxRss = Math.max(maxRss, memory(PID).rss)), 250);
const until = Date.now() + SECONDS * 1000;
await Promise.all(
  Array.from({ length: USERS }, async (_, k) => {
    for (let i = k; Date.now() < until; i++) {
      const t = performance.now();
      try {
        const res = await fetch(new URL(PATHS[i % PATHS.length]!, BASE), {
          headers: COOKIE ? { cookie: COOKIE } : {},
          redirect: "manual",
        });
        await res.arrayBuffer();
        if (res.status >= 500) failures++;
        times.push(performance.now() - t);
      } catch {
        failures++;
      }
    }
  }),
);
clearInterval(sampler);
const after = memory(PID);
const { p50, p95 } = percentiles(times);
console.log(
  `${USERS} clients × ${SECONDS} s over ${PATHS.join(" ")}: ${times.length} requests, ${failures} failed, p50 ` +
    `${ms(p50)} p95 ${ms(p95)}`,
);
console.log(`RSS during load max ${mb(maxRss)}; after ${mb(after.rss)}; process peak (VmHWM) ${mb(after.peak)}`);
await new Promise((r) => setTimeout(r, 10_000));
console.log(`RSS 10 s after the load: ${mb(memory(PID).rss)}`);
console.log(
  `load average: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} on ${os.cpus().length} cores`,
);
