/**
 * Queue pages at national scale (issue 12, item 1): 1,000,000 applications, 300,000 people, 30 authorities
 * (bench/data.ts), measured through the functions the pages call — `reviewQueuePage` (rows + tab counts) and
 * `employerPendingPage` / `employerConfirmedPage` — with 50 rows, every filter, first page and page 101. Each line also
 * times the same SQL written by hand (run on the same pool in the same run) and prints function p95 ÷ SQL p95.
 *   npx tsx bench/queues.ts        (BENCH_DB=portal_bench12; BENCH_RUNS=60; builds the data on first use)
 */
import os from "node:os";
import { sql } from "drizzle-orm";
import { closeDb, getPool } from "@/db/client";
import {
  employerConfirmedPage,
  employerPendingPage,
  EMPLOYER_PENDING_STATUSES,
  type EmployerFilters,
} from "@/lib/queries/employer-queues";
import { decodeCursor, type Cursor } from "@/lib/queries/queues";
import { REVIEW_TABS, reviewQueuePage, type ReviewSearch, type ReviewTab } from "@/lib/queries/review-queues";
import { FULL_SCALE, openBenchDb } from "./db";
import { ms, timePair } from "./measure";

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const LIMIT = 50;
const db = await openBenchDb(process.env.BENCH_DB ?? "portal_bench12", FULL_SCALE);
const pool = getPool();
const one = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows[0] as T;

const totals = await one<{ apps: number; people: number; authorities: number }>(sql`
  select (select count(*)::int from applications) as apps, (select count(*)::int from people) as people,
         (select count(*)::int from authorities) as authorities`);
// The worst case: the authority and the employer holding the most applications.
const authority = await one<{ id: string; name: string; n: number }>(sql`
  select a.id, a.name, sum(c.n)::int as n from application_queue_counts c join authorities a on a.id = c.owner_id
  where c.scope = 'authority' group by a.id, a.name order by 3 desc limit 1`);
const employer = await one<{ id: string; name: string; n: number }>(sql`
  select e.id, e.name, sum(c.n)::int as n from application_queue_counts c join employers e on e.id = c.owner_id
  where c.scope = 'employer' group by e.id, e.name order by 3 desc limit 1`);
const sample = await one<{ name: string; id_number: string; program_code: string; specialty_code: string }>(
  sql.join([
    sql`
  select p.name, p.id_number, a.program_code, a.specialty_code from applications a join people p on p.id = a.person_id
  where a.authority_id = ${authority.id} and a.status = 'approved' and a.specialty_code is not null order by `,
    sql`a.id limit 1`,
  ]),
);
const staff = await one<{ name: string; id_number: string }>(sql`
  select p.name, p.id_number from applications a join people p on p.id = a.person_id
  where a.employer_id = ${employer.id} and a.employer_signed_at is not null order by a.id limit 1`);

console.log(
  `\napplications ${totals.apps.toLocaleString()}, people ${totals.people.toLocaleString()}, authorities ` +
    `${totals.authorities}`,
);
console.log(
  `authority: ${authority.name} (${authority.n.toLocaleString()} applications); employer: ${employer.name} ` +
    `(${employer.n.toLocaleString()})`,
);
console.log(
  `${RUNS} runs each, ${LIMIT} rows a page; function and SQL runs alternate; ratio = page function p95 ÷ ` +
    `hand-written SQL p95`,
);
console.log(
  `load average at start: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} on ${os.cpus().length} cores\n`,
);

type Line = { name: string; fn: () => Promise<unknown>; raw: () => Promise<unknown> };
const results: { name: string; p50: number; p95: number; raw95: number }[] = [];
async function report({ name, fn, raw }: Line) {
  lastQuery = null;
  const [a, b] = await timePair(fn, raw, RUNS);
  const inDb = await serverTime();
  results.push({ name, p50: a.p50, p95: a.p95, raw95: b.p95 });
  console.log(
    `${name.padEnd(44)} p50 ${ms(a.p50)}  p95 ${ms(a.p95)}   SQL p50 ${ms(b.p50)}  p95 ${ms(b.p95)}   ` +
      `×${(a.p95 / b.p95).toFixed(2)}${inDb}`,
  );
}

// ---- hand-written SQL: the same work as each page function — the same statements, round trips and columns ----
// A reviewer page: its rows with what the status label needs, and the tab counters, sent at the same time (two
// statements, one round trip). An employer page: one statement (rows, person, authority name).
const COLS =
  `a.id, a.acceptance_no, a.type, a.program_code, a.specialty_code, a.status, a.current_level, a.route, ` +
  `a.info_change_kind, a.version, a.social_insurance_anomaly, a.applicant_signed_at, a.submitted_at, a.decided_at, ` +
  `a.expected_decision_on, a.correction ->> 'from' as correction_from, a.notice ->> 'outcome' as notice_outcome, ` +
  `p.name, p.id_number`;
const EMPLOYER_COLS = `${COLS}, a.created_at, a.employer_signed_at, a.form_pdf_file_id, au.name as authority_name`;
type RawFilters = {
  type?: string;
  program?: string;
  specialty?: string;
  from?: string;
  to?: string;
  idNumber?: string;
  name?: string;
};
function rawWhere(f: RawFilters, dateCol: string, values: unknown[], cursor: Cursor | null) {
  const w: string[] = [];
  const v = (x: unknown) => {
    values.push(x);
    return `$${values.length}`;
  };
  if (f.type) w.push(`a.type = ${v(f.type)}`);
  if (f.specialty) w.push(`a.specialty_code = ${v(f.specialty)}`);
  if (f.program) w.push(`a.program_code = ${v(f.program)}`);
  if (f.from) w.push(`${dateCol} >= ${v(new Date(`${f.from}T00:00:00+08:00`))}`);
  if (f.to) w.push(`${dateCol} <= ${v(new Date(`${f.to}T23:59:59.999+08:00`))}`);
  if (f.idNumber) w.push(`p.id_number = ${v(f.idNumber)}`);
  if (f.name)
    w.push(
      `string_to_array(lower(p.name), null) @> ${v([...new Set(f.name.toLowerCase())])}::text[] and p.name ilike ` +
        `${v(`%${f.name}%`)}`,
    );
  if (cursor) w.push(`(${dateCol}, a.id) < (${v(new Date(cursor.at))}, ${v(cursor.id)})`);
  return w.map((x) => ` and ${x}`).join("");
}
/** One `ORDER BY … LIMIT` per status merged with UNION ALL — or, for a search for a person, one `status = any(…)`. */
async function rawQueue(
  owner: "authority_id" | "employer_id",
  ownerId: string,
  statuses: readonly string[],
  dateCol: string,
  f: RawFilters,
  cursor: Cursor | null,
) {
  const values: unknown[] = [ownerId];
  const where = rawWhere(f, dateCol, values, cursor);
  const cols = owner === "authority_id" ? COLS : EMPLOYER_COLS;
  const from =
    owner === "authority_id"
      ? "applications a join people p on p.id = a.person_id"
      : "applications a join people p on p.id = a.person_id left join authorities au on au.id = a.authority_id";
  const select = (statusCondition: string) =>
    `select ${cols} from ${from} where a.${owner} = $1 and ${statusCondition} and ${dateCol} is not null${where}
     order by ${dateCol} desc nulls last, a.id desc nulls last limit ${LIMIT + 1}`;
  let text: string;
  if (statuses.length === 1) {
    values.push(statuses[0]);
    text = select(`a.status = $${values.length}`);
  } else if (f.name || f.idNumber) {
    values.push([...statuses]);
    text = select(`a.status = any($${values.length})`);
  } else {
    const branches = statuses.map((st) => {
      values.push(st);
      return `(${select(`a.status = $${values.length}`)})`;
    });
    text =
      `${branches.join(" union all ")} order by ${dateCol.replace("a.", "")} desc nulls last, id desc nulls last ` +
      `limit ${LIMIT + 1}`;
  }
  lastQuery = { text, values };
  return (await pool.query(text, values)).rows as { id: string }[];
}
let lastQuery: { text: string; values: unknown[] } | null = null;

/** PostgreSQL's own planning + execution time of the list query (median of 5), to tell query cost from CPU queueing. */
async function serverTime(): Promise<string> {
  const q = lastQuery;
  if (!q) return "";
  const t: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [plan] = (await pool.query(`explain (analyze, format json) ${q.text}`, q.values)).rows[0]["QUERY PLAN"];
    t.push(plan["Planning Time"] + plan["Execution Time"]);
  }
  return `   in PostgreSQL ${ms(t.sort((a, b) => a - b)[2]!)}`;
}
const rawReviewer = (statuses: readonly string[], f: RawFilters, cursor: Cursor | null) =>
  Promise.all([
    rawQueue("authority_id", authority.id, statuses, "a.submitted_at", f, cursor),
    pool.query("select status, n from application_queue_counts where scope = 'authority' and owner_id = $1", [
      authority.id,
    ]),
  ]);
async function rawConfirmed(f: RawFilters, cursor: Cursor | null) {
  const values: unknown[] = [employer.id];
  const text = `select ${EMPLOYER_COLS} from applications a join people p on p.id = a.person_id
     left join authorities au on au.id = a.authority_id
     where a.employer_id = $1 and (a.employer_signed_at is not null or a.forced_cancellation = true)
       and a.applicant_signed_at is not null${rawWhere(f, "a.applicant_signed_at", values, cursor)}
     order by a.applicant_signed_at desc nulls last, a.id desc nulls last limit ${LIMIT + 1}`;
  lastQuery = { text, values };
  return (await pool.query(text, values)).rows;
}

// ---- reviewer tabs ----
const specialty = `${sample.program_code}:${sample.specialty_code}`;
const yearAgo = new Date(Date.now() - 400 * 864e5).toISOString().slice(0, 10);
const yearAgoEnd = new Date(Date.now() - 370 * 864e5).toISOString().slice(0, 10);
const recent = new Date(Date.now() - 30 * 864e5).toISOString().slice(0, 10);
const today = new Date().toISOString().slice(0, 10);
const reviewerFilters: [string, ReviewSearch, RawFilters][] = [
  ["no filter", {}, {}],
  ["type 延续注册", { type: "extension" }, { type: "extension" }],
  ["specialty", { specialty }, { program: sample.program_code, specialty: sample.specialty_code }],
  ["dates (last 30 days)", { from: recent, to: today }, { from: recent, to: today }],
  ["dates (a month, a year ago)", { from: yearAgo, to: yearAgoEnd }, { from: yearAgo, to: yearAgoEnd }],
  ["name (part)", { who: sample.name.slice(0, 2) }, { name: sample.name.slice(0, 2) }],
  ["ID number", { who: sample.id_number }, { idNumber: sample.id_number }],
  [
    "type + specialty + dates, no match",
    { type: "suspension", specialty, from: yearAgo, to: yearAgoEnd },
    {
      type: "suspension",
      program: sample.program_code,
      specialty: sample.specialty_code,
      from: yearAgo,
      to: yearAgoEnd,
    },
  ],
];
for (const tab of Object.keys(REVIEW_TABS) as ReviewTab[]) {
  const statuses = REVIEW_TABS[tab].statuses;
  for (const [label, q, raw] of reviewerFilters) {
    await report({
      name: `${REVIEW_TABS[tab].label} ${label}`,
      fn: () => reviewQueuePage(db, authority.id, tab, q, LIMIT),
      raw: () => rawReviewer(statuses, raw, null),
    });
  }
  let cursor: string | null = null;
  let pages = 1;
  for (; pages <= 100; pages++) {
    const next: string | null = (await reviewQueuePage(db, authority.id, tab, { cursor: cursor ?? undefined }, LIMIT))
      .nextCursor;
    if (!next) break;
    cursor = next;
  }
  if (pages > 100) {
    const deep = decodeCursor(cursor);
    await report({
      name: `${REVIEW_TABS[tab].label} page 101`,
      fn: () => reviewQueuePage(db, authority.id, tab, { cursor: cursor! }, LIMIT),
      raw: () => rawReviewer(statuses, {}, deep),
    });
  } else console.log(`${REVIEW_TABS[tab].label} page 101: the tab has only ${pages} pages of ${LIMIT}`);
}

// ---- employer queues ----
const employerFilters: [string, EmployerFilters, RawFilters][] = [
  ["no filter", {}, {}],
  ["type 延续注册", { type: "extension" }, { type: "extension" }],
  ["dates (a month, a year ago)", { from: yearAgo, to: yearAgoEnd }, { from: yearAgo, to: yearAgoEnd }],
  ["name", { name: staff.name }, { name: staff.name }],
  ["ID number", { idNumber: staff.id_number }, { idNumber: staff.id_number }],
];
for (const [label, f, raw] of employerFilters) {
  await report({
    name: `待企业确认 ${label}`,
    fn: () => employerPendingPage(db, employer.id, f, null, LIMIT),
    raw: () => rawQueue("employer_id", employer.id, EMPLOYER_PENDING_STATUSES, "a.applicant_signed_at", raw, null),
  });
  await report({
    name: `企业已确认查询 ${label}`,
    fn: () => employerConfirmedPage(db, employer.id, f, null, LIMIT),
    raw: () => rawConfirmed(raw, null),
  });
}
{
  let cursor: Cursor | null = null;
  let pages = 1;
  for (; pages <= 100; pages++) {
    const next = decodeCursor((await employerConfirmedPage(db, employer.id, {}, cursor, LIMIT)).nextCursor);
    if (!next) break;
    cursor = next;
  }
  if (pages <= 100) console.log(`企业已确认查询 page 101: the list has only ${pages} pages of ${LIMIT}`);
  else
    await report({
      name: "企业已确认查询 page 101",
      fn: () => employerConfirmedPage(db, employer.id, {}, cursor, LIMIT),
      raw: () => rawConfirmed({}, cursor),
    });
}

const worst = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
const worstRatio = results.reduce((a, b) => (b.p95 / b.raw95 > a.p95 / a.raw95 ? b : a));
console.log(
  `\nworst p95: ${worst.name} ${ms(worst.p95)} (target ≤ 20 ms); worst ratio: ${worstRatio.name} ` +
    `×${(worstRatio.p95 / worstRatio.raw95).toFixed(2)} (target ≤ 2)`,
);
console.log(
  `load average at end: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")}`,
);
await closeDb();
