/**
 * PDF generation and signing timings: `npx tsx bench/pdf.ts [runs] [workers]` (default 100 runs, one worker per CPU).
 * Prints p50/p95 in ms for the application form, applicant + employer signing, verification and the certificate,
 * then each document's latency while ten are generated at once — in this process (Node runs the CPU-bound render
 * on one thread, so the ten queue) and on a pool of worker threads (issue 12, item 5: targets p95 ≤ 150 ms for the
 * form and ≤ 200 ms for the certificate). Every index is a different person, so font subsets are not all cached.
 * It runs under the server's memory and GC flags (package.json's start; BENCH_NODE_OPTIONS to choose others): they
 * decide how often ten renders at once stop for garbage collection.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { startFlags } from "./measure";

// A launcher that loads nothing else: the renderers, the PKI and the fixtures are loaded once, by bench/pdf-run.ts in
// the child, not also here while the child runs.
const flags = (process.env.BENCH_NODE_OPTIONS ?? startFlags()).split(/\s+/).filter(Boolean);
const script = fileURLToPath(new URL("./pdf-run.ts", import.meta.url));
const child = spawnSync(process.execPath, [...flags, "--import", "tsx", script, ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(child.status ?? 1);
