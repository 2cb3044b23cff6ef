/**
 * Queue performance at a million applications. Creates (or reuses) the database `portal_bench` on the test server,
 * fills it with 1,000,000 people and applications, then prints p50/p95 latency of the reviewer and employer queues.
 *   npx tsx bench/queues.ts            (BENCH_ROWS=1000000 by default; BENCH_RESET=1 rebuilds the data)
 */
import pg from "pg";
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/db/seed/demo";
import { authorityCounts, authorityQueue, decodeCursor, employerQueue } from "@/lib/queries/queues";

const SERVER = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const RUNS = 100;
const url = new URL(SERVER);
url.pathname = "/portal_bench";

const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();
if (process.env.BENCH_RESET === "1") await admin.query("drop database if exists portal_bench with (force)");
const exists = (await admin.query("select 1 from pg_database where datname = 'portal_bench'")).rowCount;
if (!exists) await admin.query("create database portal_bench");
await admin.end();

process.env.DATABASE_URL = url.toString();
const db = getDb();
await migrateDatabase(db);
await seedDemoData(db);

const count = (await db.execute(sql`select count(*)::int as n from applications`)).rows[0] as { n: number };
if (count.n < ROWS) {
  const t = Date.now();
  console.log(`filling ${ROWS.toLocaleString()} applications…`);
  // Each synthetic application has its own person, so the G2 in-flight index never collides.
  await db.execute(sql`
    insert into people (id, name, gender, birth_date, id_type, id_number, phone, province_code, employer_id)
    select md5('p' || g)::uuid, (array['张','王','李','赵','陈','刘','杨','黄'])[1 + g % 8] || '测' || g, 'male', date '1970-01-01' + (g % 12000),
           'passport', 'BENCH' || g, '139' || lpad((g % 100000000)::text, 8, '0'), '31',
           (select id from employers order by uscc offset (g % 4) limit 1)
    from generate_series(1, ${ROWS}) g
    on conflict do nothing`);
  await db.execute(sql`
    insert into applications (id, person_id, program_code, type, specialty_code, employer_id, authority_id, current_level, status,
                              version, applicant_signed_at, submitted_at, acceptance_no)
    select md5('a' || g)::uuid, md5('p' || g)::uuid, 'cost2-sh', (array['initial','extension','change','cancellation'])[1 + g % 4], '1',
           p.employer_id,
           (select id from authorities where code = (array['sh','zj','mohurd'])[1 + g % 3]),
           1, (array['pending_acceptance','under_review','approved','rejected','correction_requested'])[1 + g % 5],
           3, now() - (g % 1000) * interval '1 day' - (g % 86400) * interval '1 second',
           now() - (g % 1000) * interval '1 day' - (g % 86400) * interval '1 second' + interval '1 hour', 'WB' || g
    from generate_series(1, ${ROWS}) g join people p on p.id = md5('p' || g)::uuid
    on conflict do nothing`);
  await db.execute(sql`analyze`);
  console.log(`filled in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

const [sh] = (await db.execute(sql`select id from authorities where code = 'sh'`)).rows as { id: string }[];
const [employer] = (await db.execute(sql`select id from employers order by uscc limit 1`)).rows as { id: string }[];

async function measure(name: string, run: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(2);
  console.log(`${name.padEnd(48)} p50 ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms`);
}

const total = (await db.execute(sql`select count(*)::int as n from applications`)).rows[0] as { n: number };
console.log(`\napplications: ${total.n.toLocaleString()}, ${RUNS} runs each`);
await measure("reviewer queue, 待受理, first page", () => authorityQueue(db, sh!.id, { statuses: ["pending_acceptance"] }, null));
let cursor: string | null = null;
for (let i = 0; i < 100; i++) cursor = (await authorityQueue(db, sh!.id, { statuses: ["pending_acceptance"] }, decodeCursor(cursor))).nextCursor;
const deep = decodeCursor(cursor);
await measure("reviewer queue, 待受理, page 101 (keyset)", () => authorityQueue(db, sh!.id, { statuses: ["pending_acceptance"] }, deep));
await measure("reviewer queue, type + date range", () => authorityQueue(db, sh!.id, { statuses: ["under_review"], type: "extension", from: "2025-01-01", to: "2025-06-30" }, null));
await measure("reviewer queue, search by ID number", () => authorityQueue(db, sh!.id, { who: "BENCH123456" }, null));
await measure("reviewer queue, search by part of name", () => authorityQueue(db, sh!.id, { who: "测12345" }, null));
await measure("reviewer tab counts", () => authorityCounts(db, sh!.id));
await measure("employer queue, first page", () => employerQueue(db, employer!.id, { statuses: ["pending_acceptance"] }, null));
await closeDb();
