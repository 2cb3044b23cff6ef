/**
 * CI guard for the queue pages at small scale (issue 12, item 7): ≈50,000 applications built by bench/data.ts in a
 * database of its own. Every SQL statement the page functions send is captured and EXPLAINed with its parameters;
 * none may read `applications` sequentially. The tab counters are checked against a recount after inserts, status
 * changes, moves between authorities, deletes, a rolled-back change and concurrent changes.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { seedDemoData } from "@/lib/server/seed/demo";
import { employerConfirmedPage, employerPendingPage } from "@/lib/queries/employer-queues";
import { decodeCursor, queueCounts } from "@/lib/queries/queues";
import { REVIEW_TABS, reviewQueuePage, type ReviewTab } from "@/lib/queries/review-queues";
import { fillBenchData } from "@/bench/data";
import { SERVER_URL } from "../global-setup";
import { dropDatabaseWhenFree } from "../support/fresh-database";

const NAME = `portal_plan_guard_${process.pid}`;
let pool: pg.Pool;
let db: Database;
const captured: { sql: string; params: unknown[] }[] = [];

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${NAME} with (force)`);
  await admin.query(`create database ${NAME}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${NAME}`;
  pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  db = drizzle(pool, {
    schema,
    logger: { logQuery: (query, params) => void captured.push({ sql: query, params }) },
  });
  await migrateDatabase(db);
  await seedDemoData(db);
  await fillBenchData(db, { applications: 50_000, people: 15_000, employers: 300 });
  captured.length = 0;
}, 180_000);

afterAll(async () => {
  await pool?.end();
  await dropDatabaseWhenFree(NAME);
});

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return (await db.execute(query)).rows[0] as T;
}

/** Runs `work`, then EXPLAINs every statement it sent; returns the plans that scan `applications` sequentially. */
async function seqScansOfApplications(work: () => Promise<unknown>) {
  captured.length = 0;
  await work();
  const statements = captured.splice(0).filter((c) => /^\s*\(?select/i.test(c.sql));
  expect(statements.length).toBeGreaterThan(0);
  const bad: string[] = [];
  for (const st of statements) {
    const plan = (await pool.query(`explain ${st.sql}`, st.params as unknown[])).rows
      .map((r: { "QUERY PLAN": string }) => r["QUERY PLAN"])
      .join("\n");
    if (/Seq Scan on applications\b/.test(plan)) bad.push(`${st.sql}\n${plan}`);
  }
  return bad;
}

describe("queue plans at ≈50,000 applications (issue 12)", () => {
  it("every reviewer tab, filter and a deep page walks indexes, never a sequential scan of applications", async () => {
    const authority = await one<{ id: string }>(
      sql.join([
        sql`
      select owner_id as id from application_queue_counts where scope = 'authority' group by owner_id order by `,
        sql`sum(n) desc limit 1`,
      ]),
    );
    const sample = await one<{ name: string; id_number: string; spec: string }>(
      sql.join([
        sql`
      select p.name, p.id_number, a.program_code || ':' || a.specialty_code as spec from applications a join `,
        sql`people p on p.id = a.person_id
      where a.authority_id = ${authority.id} and a.specialty_code is not null order by a.id limit 1`,
      ]),
    );
    const filters = [
      {},
      { type: "extension" },
      { specialty: sample.spec },
      { from: "2025-01-01", to: "2025-01-31" },
      { who: sample.name.slice(0, 2) },
      { who: sample.id_number },
      { type: "suspension", specialty: sample.spec, from: "2024-01-01", to: "2024-03-31" },
    ];
    for (const tab of Object.keys(REVIEW_TABS) as ReviewTab[]) {
      for (const f of filters) {
        expect(
          await seqScansOfApplications(() => reviewQueuePage(db, authority.id, tab, f, 50)),
          `${tab} ${JSON.stringify(f)}`,
        ).toEqual([]);
      }
      let cursor: string | null = null;
      for (let i = 0; i < 5; i++)
        cursor =
          (await reviewQueuePage(db, authority.id, tab, { cursor: cursor ?? undefined }, 50)).nextCursor ?? cursor;
      expect(
        await seqScansOfApplications(() => reviewQueuePage(db, authority.id, tab, { cursor: cursor ?? undefined }, 50)),
        `${tab} deep page`,
      ).toEqual([]);
    }
  });

  it("both employer queues (M1 待企业确认, M3 企业已确认查询) walk indexes, never a sequential scan of applications", async () => {
    const employer = await one<{ id: string }>(
      sql.join([
        sql`
      select owner_id as id from application_queue_counts where scope = 'employer' group by owner_id order by `,
        sql`sum(n) desc limit 1`,
      ]),
    );
    const staff = await one<{ name: string; id_number: string }>(sql`
      select p.name, p.id_number from applications a join people p on p.id = a.person_id
      where a.employer_id = ${employer.id} and a.employer_signed_at is not null order by a.id limit 1`);
    const filters = [
      {},
      { type: "extension" as const },
      { from: "2025-01-01", to: "2025-03-31" },
      { name: staff.name },
      { idNumber: staff.id_number },
    ];
    for (const f of filters) {
      expect(
        await seqScansOfApplications(() => employerPendingPage(db, employer.id, f, null, 50)),
        `pending ${JSON.stringify(f)}`,
      ).toEqual([]);
      expect(
        await seqScansOfApplications(() => employerConfirmedPage(db, employer.id, f, null, 50)),
        `confirmed ${JSON.stringify(f)}`,
      ).toEqual([]);
    }
    let cursor = null;
    for (let i = 0; i < 5; i++)
      cursor = decodeCursor((await employerConfirmedPage(db, employer.id, {}, cursor, 50)).nextCursor) ?? cursor;
    expect(
      await seqScansOfApplications(() => employerConfirmedPage(db, employer.id, {}, cursor, 50)),
      "confirmed deep page",
    ).toEqual([]);
  });

  const title0 =
    "a page is one round trip: a reviewer tab sends its rows and counters together, an employer list one statement; " +
    "a query built once serves other filter values";
  it(title0, async () => {
    const authority = await one<{ id: string }>(
      sql.join([
        sql`
      select owner_id as id from application_queue_counts where scope = 'authority' group by owner_id order by `,
        sql`sum(n) desc limit 1`,
      ]),
    );
    const employer = await one<{ id: string }>(
      sql.join([
        sql`
      select owner_id as id from application_queue_counts where scope = 'employer' group by owner_id order by `,
        sql`sum(n) desc limit 1`,
      ]),
    );
    const sent = async (work: () => Promise<unknown>) => {
      captured.length = 0;
      await work();
      return captured.splice(0).map((c) => c.sql);
    };
    for (const tab of Object.keys(REVIEW_TABS) as ReviewTab[]) {
      const statements = await sent(() => reviewQueuePage(db, authority.id, tab, { type: "extension" }, 50));
      expect(statements, tab).toHaveLength(2);
      expect(
        statements.filter((s) => /application_queue_counts/.test(s)),
        tab,
      ).toHaveLength(1);
    }
    expect(await sent(() => employerPendingPage(db, employer.id, { type: "extension" }, null, 50))).toHaveLength(1);
    expect(await sent(() => employerConfirmedPage(db, employer.id, {}, null, 50))).toHaveLength(1);

    // The same shape with other values (the statement is built once and kept) returns those values' rows.
    for (const type of ["extension", "change", "initial"] as const) {
      const page = await reviewQueuePage(db, authority.id, "done", { type }, 50);
      expect(page.rows.length, type).toBeGreaterThan(0);
      expect(new Set(page.rows.map((r) => r.type)), type).toEqual(new Set([type]));
      const confirmed = await employerConfirmedPage(db, employer.id, { type }, null, 50);
      expect(new Set(confirmed.rows.map((r) => r.typeLabel)).size, type).toBeLessThanOrEqual(1);
    }
    const other = await one<{ id: string }>(sql`
      select owner_id as id from application_queue_counts where scope = 'authority' and owner_id <> ${authority.id}
      group by owner_id order by sum(n) desc limit 1`);
    const [mine, theirs] = await Promise.all([
      reviewQueuePage(db, authority.id, "done", {}, 50),
      reviewQueuePage(db, other.id, "done", {}, 50),
    ]);
    const owners = async (ids: string[]) =>
      (await pool.query("select distinct authority_id from applications where id = any($1)", [ids])).rows.map(
        (r: { authority_id: string }) => r.authority_id,
      );
    expect(await owners(mine.rows.map((r) => r.id))).toEqual([authority.id]);
    expect(await owners(theirs.rows.map((r) => r.id))).toEqual([other.id]);
    expect(mine.counts).not.toEqual(theirs.counts);
  });

  const title1 =
    "tab counts come from counters that stay exact through inserts, status changes, moves, deletes, rollbacks and " +
    "races";
  it(title1, async () => {
    const recount = async () =>
      (
        await pool.query(
          `
          select scope, owner_id, status, n::int from (
            select 'authority' as scope, authority_id as owner_id, status, count(*) as n from applications where ` +
            `authority_id is not null group by 2, 3
            union all
            select 'employer', employer_id, status, count(*) from applications where employer_id is not null group ` +
            `by 2, 3) x
          order by 1, 2, 3`,
        )
      ).rows;
    const counters = async () =>
      (
        await pool.query(
          `select scope, owner_id, status, n::int from application_queue_counts where n <> 0 order by 1, 2, 3`,
        )
      ).rows;
    expect(await counters()).toEqual(await recount());

    const [a, b] = (await pool.query(`select id from authorities where level = 'provincial' order by code limit 2`))
      .rows as { id: string }[];
    const before = await queueCounts(db, "authority", a!.id);
    // 受理: pending_acceptance → under_review at the same authority
    const accepted = (
      await pool.query(
        `select id from applications where authority_id = $1 and status = 'pending_acceptance' limit 3`,
        [a!.id],
      )
    ).rows;
    await pool.query(`update applications set status = 'under_review', version = version + 1 where id = any($1)`, [
      accepted.map((r) => r.id),
    ]);
    const after = await queueCounts(db, "authority", a!.id);
    expect(after.pending_acceptance).toBe((before.pending_acceptance ?? 0) - accepted.length);
    expect(after.under_review).toBe((before.under_review ?? 0) + accepted.length);
    // forwarded to another authority; a draft saved (no counted column changes); one deleted; one inserted
    await pool.query(`update applications set authority_id = $2 where id = $1`, [accepted[0]!.id, b!.id]);
    await pool.query(
      `update applications set form_data = '{"x":1}' where status = 'draft' and id in (select id from applications ` +
        `where status = 'draft' limit 5)`,
    );
    await pool.query(`delete from applications where id = $1`, [accepted[1]!.id]);
    await pool.query(
      `
      insert into applications (person_id, program_code, type, employer_id, authority_id, current_level, status)
      select person_id, program_code, 'reissue', employer_id, $1, 1, 'approved' from applications where ` +
        `authority_id = $1 limit 1`,
      [a!.id],
    );
    // a change rolled back leaves the counters as they were
    const client = await pool.connect();
    await client.query("begin");
    await client.query(`update applications set status = 'rejected' where authority_id = $1 and status = 'approved'`, [
      a!.id,
    ]);
    await client.query("rollback");
    client.release();
    expect(await counters()).toEqual(await recount());

    // Concurrent changes between the same statuses in opposite directions: no deadlock, no lost update.
    const ids = (
      await pool.query(
        `select id, status from applications where authority_id = $1 and status in ('approved', 'rejected') limit 40`,
        [a!.id],
      )
    ).rows as { id: string; status: string }[];
    await Promise.all(
      ids.map(async (r) => {
        const c = await pool.connect();
        try {
          await c.query("begin");
          await c.query(`update applications set status = $2 where id = $1`, [
            r.id,
            r.status === "approved" ? "rejected" : "approved",
          ]);
          await c.query("commit");
        } finally {
          c.release();
        }
      }),
    );
    expect(await counters()).toEqual(await recount());
  });
});
