/**
 * `npm run worker`: runs the portal's scheduled jobs (公示期满办结, 补正期限, 有效期提醒, housekeeping) in their own
 * process, against DATABASE_URL and the same storage configuration as the app nodes. Run one or more; app nodes then
 * set JOBS_MODE=worker. Stops gracefully on SIGTERM (running jobs finish or are retried elsewhere).
 */
import { exitOnConfigurationError } from "@/lib/server/startup-checks";
import { startPortalJobs } from "@/lib/services/jobs/run-worker";
import { PORTAL_JOBS } from "@/lib/services/jobs/schedule";
import { settleSecret } from "./node-secrets";

if (!process.env.DATABASE_URL) {
  console.error("npm run worker 需要 DATABASE_URL（与应用节点相同的数据库）。");
  process.exit(1);
}
// Jobs append to the audit chains (公示期满办结): with the app nodes' key, not the development fallback.
try {
  settleSecret("AUDIT_HMAC_KEY");
} catch (e) {
  exitOnConfigurationError(e);
}
const queue = await startPortalJobs();
console.log(`定时任务 worker 已启动：${PORTAL_JOBS.map((j) => `${j.name}（${j.cron}）`).join("，")}`);
let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await queue.stop().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
