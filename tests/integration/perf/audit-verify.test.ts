/**
 * 审计校验 at 100,000 application events (issue 9 item 5): the verifier streams keyset-paged batches, so it finishes
 * in bounded time and memory instead of loading the whole table. Database of its own; prints the measurement.
 */
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import { seedDemoData } from "@/lib/server/seed/demo";
import { verifyAuditTrail } from "@/lib/queries/audit-verification";
import { migrateAndSealAuditEpochs } from "@/lib/server/audit/epochs";
import { eventHash } from "@/lib/server/audit/hash-chain";
import { filedInitialApplication, freshApplicant } from "../engine/fixtures";
import { freshDatabase } from "../support/fresh-database";

const TOTAL = 100_000;
const CHAINS = 10;

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let pool: pg.Pool;
let db: Database;

beforeAll(async () => {
  fresh = await freshDatabase("auditperf");
  pool = new pg.Pool({ connectionString: fresh.url, max: 3 });
  db = drizzle(pool, { schema });
  await migrateAndSealAuditEpochs(db);
  await seedDemoData(db);
  for (let c = 0; c < CHAINS; c++) {
    const who = await freshApplicant(db, {
      programCode: "cost2-sh",
      specialty: "1",
      employerUscc: "91310000MA1FL0001R",
      provinceCode: "31",
    });
    const { applicationId } = await filedInitialApplication(db, who, "cost2-sh", "1");
    // Lengthen the application's real chain to TOTAL / CHAINS links, each a correct keyed link.
    const [last] = (
      await db.execute<{ seq: number; hash: string }>(
        sql`select seq, hash from application_events where application_id = ${applicationId} order by seq desc limit 1`,
      )
    ).rows;
    let prevHash = last!.hash;
    let rows: (typeof schema.applicationEvents.$inferInsert)[] = [];
    for (let seq = last!.seq + 1; seq <= TOTAL / CHAINS; seq++) {
      const fields = {
        applicationId,
        seq,
        actorUserId: null,
        actorKind: "system",
        actorName: "批量",
        action: "note",
        fromStatus: null,
        toStatus: "under_review" as const,
        opinion: `第 ${seq} 条`,
        payload: { n: seq },
        occurredAt: new Date(1_764_460_800_000 + seq * 1000),
        prevHash,
      };
      prevHash = eventHash(fields);
      rows.push({ ...fields, hash: prevHash });
      if (rows.length === 5000) {
        await db.insert(schema.applicationEvents).values(rows);
        rows = [];
      }
    }
    if (rows.length) await db.insert(schema.applicationEvents).values(rows);
  }
}, 600_000);

afterAll(async () => {
  await pool?.end();
  await fresh?.drop();
});

it("V7.3.3 verifies 100,000 application events in batches, in bounded time and memory", async () => {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const started = Date.now();
  const result = await verifyAuditTrail(db);
  const ms = Date.now() - started;
  clearInterval(sampler);
  const events = result.streams.find((s) => s.stream === "application_events")!.events;
  console.log(
    `审计校验: ${events} application events in ${ms} ms, heap peak +${Math.round((peak - heapBefore) / 1e6)} MB`,
  );
  expect(result.ok).toBe(true);
  expect(events).toBeGreaterThanOrEqual(TOTAL);
  expect(ms).toBeLessThan(120_000); // shared CI machine; ≈ 5–10 s measured on 2 cores
}, 300_000);
