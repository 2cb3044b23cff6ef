/**
 * The PostgreSQL job queue (pg-boss 10, on the portal's own database in schema `pgboss`; no Redis). Generic
 * machinery only: which jobs exist and what they do is lib/services/jobs/schedule.ts; who runs them is the
 * entry point — instrumentation.ts (inside each app process, the default) or scripts/worker.ts (`npm run worker`).
 *
 * Guarantees the jobs rely on:
 * - a cron schedule fires once per slot across all nodes: pg-boss's timekeeper claims each minute with a conditional
 *   update on its version row and sends with a 60 s singleton key, so N nodes with schedules on produce one job;
 * - a job is fetched by one worker (SELECT … FOR UPDATE SKIP LOCKED) and, if it throws or its node dies (expiry),
 *   retried with exponential backoff;
 * - the job bodies are idempotent themselves (conditional updates, once-only reminder keys), so a retry after a
 *   crash between "done" and "acknowledged" repeats nothing.
 */
import PgBoss from "pg-boss";

export type ScheduledJob = {
  /** Queue name, stable across releases (it is the key of the schedule row). */
  readonly name: string;
  /** Cron in China time (Asia/Shanghai). */
  readonly cron: string;
  readonly description: string;
  readonly run: (now: Date) => Promise<unknown>;
};

export type JobQueueOptions = {
  connectionString: string;
  /** Whether this process fetches and runs jobs (a worker) — false for a node that only enqueues. */
  work?: boolean;
  /** Seconds between cron checks; pg-boss's default (30 s) in production, shorter in tests. */
  cronMonitorIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
  log?: (line: string) => void;
};

export type JobQueue = {
  readonly boss: PgBoss;
  /** Runs a job now on whichever worker fetches it first (admin "run now", tests). */
  enqueue(name: string): Promise<string | null>;
  stop(): Promise<void>;
};

/** pg-boss 10's internal queue for cron (node_modules/pg-boss/src/timekeeper.js QUEUES.SEND_IT). */
const PG_BOSS_CRON_QUEUE = "__pgboss__send-it";

const RETRY = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const;

export async function startJobQueue(jobs: readonly ScheduledJob[], options: JobQueueOptions): Promise<JobQueue> {
  const log = options.log ?? ((line: string) => console.log(line));
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: "pgboss",
    max: 4,
    application_name: "portal-jobs",
    ...(options.cronMonitorIntervalSeconds
      ? {
          cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds,
          cronWorkerIntervalSeconds: options.cronMonitorIntervalSeconds,
        }
      : {}),
  } as PgBoss.ConstructorOptions);
  boss.on("error", (e) => log(`[jobs] ${e instanceof Error ? e.message : String(e)}`));
  await boss.start();

  for (const job of jobs) {
    // "singleton": at most one of these runs at a time across all nodes (a slow sweep never overlaps the next one).
    await boss.createQueue(job.name, { name: job.name, policy: "singleton", expireInSeconds: 30 * 60, ...RETRY });
    await boss.schedule(job.name, job.cron, {}, { tz: "Asia/Shanghai", ...RETRY });
    if (options.work !== false) {
      await boss.work(
        job.name,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10, batchSize: 1 },
        async ([j]) => {
          const started = Date.now();
          const result = await job.run(new Date());
          log(`[jobs] ${job.name} ${j?.id ?? ""} ${Date.now() - started} ms ${JSON.stringify(result ?? {})}`);
          return result;
        },
      );
    }
  }
  return {
    boss,
    enqueue: (name) => boss.send(name, {}, RETRY),
    stop: () => boss.stop({ graceful: true, timeout: 20_000 }),
  };
}

/**
 * Installs or upgrades pg-boss's schema and creates the queues, as the database owner at the start: pg-boss creates a
 * table partition per queue, DDL the serving role (portal_app) may not run. Nothing is scheduled or worked here.
 */
export async function installJobQueue(jobs: readonly ScheduledJob[], connectionString: string): Promise<void> {
  const boss = new PgBoss({
    connectionString,
    schema: "pgboss",
    max: 1,
    supervise: false,
    schedule: false,
    application_name: "portal-migrate",
  });
  boss.on("error", () => {}); // a failure surfaces from start()/createQueue() below
  await boss.start();
  try {
    for (const job of jobs)
      await boss.createQueue(job.name, { name: job.name, policy: "singleton", expireInSeconds: 30 * 60, ...RETRY });
    // pg-boss's timekeeper hands due cron slots through a queue of its own, which it creates in start() — DDL that
    // portal_app may not run. pg-boss swallows that error, and then no schedule ever fires: create it here too.
    await boss.createQueue(PG_BOSS_CRON_QUEUE);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
