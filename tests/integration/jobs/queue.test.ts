import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import pg from "pg";
import { startJobQueue, type JobQueue, type ScheduledJob } from "@/lib/server/jobs/queue";

/**
 * Issue 11: the queue on PostgreSQL (pg-boss) — a schedule fires once per slot even with two nodes running it, and
 * a job a node enqueues is run by exactly one worker.
 */
let pool: pg.Pool;
const queues: JobQueue[] = [];

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  await pool.query(
    "create table if not exists it_job_runs (id bigserial primary key, job text not null, node text not null, at " +
      "timestamptz not null default now())",
  );
});
afterAll(async () => {
  await Promise.all(queues.map((q) => q.stop().catch(() => {})));
  await pool.query("drop table if exists it_job_runs");
  await pool.end();
});

function jobFor(node: string, name: string, cron: string): ScheduledJob {
  return {
    name,
    cron,
    description: "test",
    run: async () => {
      await pool.query("insert into it_job_runs (job, node) values ($1, $2)", [name, node]);
      return { node };
    },
  };
}

async function runsOf(name: string) {
  return (
    await pool.query<{ node: string; at: Date }>("select node, at from it_job_runs where job = $1 order by id", [name])
  ).rows;
}

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe("PostgreSQL job queue across two nodes", () => {
  it("a schedule fires once per minute with both nodes up, and an enqueued job runs on one node only", async () => {
    const name = `it-every-minute-${Date.now()}`;
    const options = {
      connectionString: inject("databaseUrl"),
      cronMonitorIntervalSeconds: 1,
      pollingIntervalSeconds: 0.5,
      log: () => {},
    };
    queues.push(await startJobQueue([jobFor("A", name, "* * * * *")], options));
    queues.push(await startJobQueue([jobFor("B", name, "* * * * *")], options));

    const first = await waitFor(async () => (await runsOf(name))[0] ?? null, 90_000);
    // Both nodes check the clock every second; give the other one ample time to (wrongly) fire the same slot.
    await new Promise((r) => setTimeout(r, 6_000));
    const runs = await runsOf(name);
    const sameMinute = runs.filter(
      (r) => Math.floor(r.at.getTime() / 60_000) === Math.floor(first.at.getTime() / 60_000),
    );
    expect(sameMinute).toHaveLength(1);

    const adhoc = `it-adhoc-${Date.now()}`;
    const a = await startJobQueue([jobFor("A", adhoc, "0 0 1 1 *")], options);
    const b = await startJobQueue([jobFor("B", adhoc, "0 0 1 1 *")], options);
    queues.push(a, b);
    await a.enqueue(adhoc);
    await waitFor(async () => ((await runsOf(adhoc)).length ? true : null), 30_000);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await runsOf(adhoc)).toHaveLength(1);
  }, 150_000);
});
