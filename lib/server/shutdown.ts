/**
 * Ordered shutdown of one portal process. `npm start` (scripts/start.ts) owns SIGINT/SIGTERM: it stops taking
 * requests, closes Next, runs the steps registered here (the job queue), closes the database pool and only then stops
 * the embedded PostgreSQL — so nothing is cut off mid-query ("terminating connection due to administrator command").
 * Kept on globalThis: Next's server bundle (instrumentation.ts) and the start's own bundle are separate module graphs
 * in the same process.
 */
type Registry = { coordinated: boolean; steps: Array<() => Promise<void>> };
const processGlobal = globalThis as { __portalShutdown?: Registry };
processGlobal.__portalShutdown ??= { coordinated: false, steps: [] };
const registry = processGlobal.__portalShutdown;

/** Called by the start before Next loads: from then on it runs the registered steps on SIGINT/SIGTERM. */
export function coordinateShutdown(): void {
  registry.coordinated = true;
}

/**
 * Registers a step to run before the database goes away. Without a coordinating start (`next start`, tests) the step
 * runs on the process's own SIGINT/SIGTERM, as before.
 */
export function onShutdown(step: () => Promise<void>): void {
  registry.steps.push(step);
  if (registry.coordinated) return;
  const run = () => void step().catch(() => {});
  process.once("SIGTERM", run);
  process.once("SIGINT", run);
}

/** Runs every registered step (in parallel, each at most `timeoutMs`), errors ignored: the process is ending. */
export async function runShutdownSteps(timeoutMs = 10_000): Promise<void> {
  const steps = registry.steps.splice(0);
  await Promise.all(
    steps.map((step) =>
      Promise.race([step().catch(() => {}), new Promise<void>((r) => setTimeout(r, timeoutMs).unref())]),
    ),
  );
}
