import { databaseUrl } from "@/db/client";
import { startJobQueue, type JobQueue } from "@/lib/server/jobs/queue";
import { PORTAL_JOBS } from "./schedule";

/**
 * Where jobs run (issue 11): `JOBS_MODE=in-process` (default) — every app process is also a worker, which is all a
 * single machine needs; `JOBS_MODE=worker` — set on app nodes in production so they only serve requests, while
 * `npm run worker` processes run the jobs. Either way schedules fire once across all processes.
 */
export function jobsRunInProcess(env: NodeJS.ProcessEnv = process.env): boolean {
  const mode = (env.JOBS_MODE ?? "in-process").toLowerCase();
  return mode === "in-process";
}

export function startPortalJobs(
  options: { cronMonitorIntervalSeconds?: number; pollingIntervalSeconds?: number } = {},
): Promise<JobQueue> {
  return startJobQueue(PORTAL_JOBS, { connectionString: databaseUrl(), ...options });
}
