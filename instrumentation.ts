/**
 * Next.js calls register() once when a server process starts. It registers the programs an installation added as
 * reference data (PORTAL_REFERENCE_DIR), so every request of this process knows them (the start already validated the
 * files). By default (JOBS_MODE=in-process) the process also runs the portal's scheduled jobs on the PostgreSQL queue;
 * production app nodes set JOBS_MODE=worker and leave them to `npm run worker` (docs/deploy.md).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadReferenceData } = await import("./lib/server/reference-files");
  loadReferenceData();
  const { jobsRunInProcess, startPortalJobs } = await import("@/lib/services/jobs/run-worker");
  if (!jobsRunInProcess() || !process.env.DATABASE_URL) return;
  try {
    const queue = await startPortalJobs();
    // Stopped before the pool and the embedded database when `npm start` shuts down (lib/server/shutdown.ts).
    const { onShutdown } = await import("@/lib/server/shutdown");
    onShutdown(() => queue.stop());
  } catch (e) {
    // Serving requests matters more than the clocks; the next start (or a worker process) picks the jobs up.
    console.error(`[jobs] 定时任务未能启动：${e instanceof Error ? e.message : String(e)}`);
  }
}
