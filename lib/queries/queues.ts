/**
 * Work queues for reviewers and employers. Keyset pagination (never OFFSET) on indexed columns, so page 1 and
 * page 10 000 cost the same at a million applications; one statement per page with its joins (no N+1).
 */
import { and, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { builtOnce } from "@/db/built-once";
import { applicationQueueCounts, applications, authorities, people } from "@/db/schema";
import { statusLabel } from "@/lib/domain/application";
import type { Program, RouteCode } from "@/lib/domain/programs";
import type { ApplicationStatus, ApplicationType } from "@/lib/domain/types";
import { isUuid } from "@/lib/domain/ids";

export const PAGE_SIZE = 20;

/** Opaque cursor: the sort key of the last row shown. */
export type Cursor = { at: string; id: string };
function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}
export function decodeCursor(raw: string | undefined | null): Cursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString()) as Cursor;
    return typeof c.at === "string" && isUuid(c.id) && !Number.isNaN(Date.parse(c.at)) ? c : null;
  } catch {
    return null;
  }
}

export type QueueFilters = {
  statuses?: readonly ApplicationStatus[];
  type?: ApplicationType;
  specialty?: string;
  programCode?: string;
  /** YYYY-MM-DD, inclusive, China time. */
  from?: string;
  to?: string;
  /** 姓名 (any part) or 证件号码 (exact). */
  who?: string;
  /** Only applications whose expected decision date is before this day (YYYY-MM-DD): 超期 (issue 11). */
  decisionDueBefore?: string;
};

/**
 * What a queue row shows, and what its status label reads (T1: status, type, route, level, 补正 origin, 公示 outcome) —
 * selected with the page, so a page is one statement and never loads whole rows.
 */
const rowShape = {
  id: applications.id,
  acceptanceNo: applications.acceptanceNo,
  type: applications.type,
  programCode: applications.programCode,
  specialtyCode: applications.specialtyCode,
  status: applications.status,
  currentLevel: applications.currentLevel,
  route: applications.route,
  infoChangeKind: applications.infoChangeKind,
  version: applications.version,
  socialInsuranceAnomaly: applications.socialInsuranceAnomaly,
  applicantSignedAt: applications.applicantSignedAt,
  submittedAt: applications.submittedAt,
  decidedAt: applications.decidedAt,
  expectedDecisionOn: applications.expectedDecisionOn,
  correctionFrom: sql<CorrectionFrom | null>`${applications.correction} ->> 'from'`.as("correction_from"),
  noticeOutcome: sql<NoticeOutcome | null>`${applications.notice} ->> 'outcome'`.as("notice_outcome"),
  personName: people.name,
  personIdNumber: people.idNumber,
};
/** The employer lists also show when the form was made and countersigned, its PDF, and the authority holding it. */
const employerRowShape = {
  ...rowShape,
  createdAt: applications.createdAt,
  employerSignedAt: applications.employerSignedAt,
  formPdfFileId: applications.formPdfFileId,
  authorityName: authorities.name,
};
type CorrectionFrom = NonNullable<(typeof applications.$inferSelect)["correction"]>["from"];
type NoticeOutcome = NonNullable<(typeof applications.$inferSelect)["notice"]>["outcome"];
type Data<F> = F extends SQL.Aliased<infer T> ? T : F extends { _: { data: infer D } } ? D : never;
type Row<S> = { [K in keyof S]: Data<S[K]> | null } & { id: string };
export type QueueRow = Row<typeof rowShape>;
export type EmployerQueueRow = Row<typeof employerRowShape>;

/** T1's plain-language status of a queue row, from the columns the page selected. */
export function rowStatusLabel(r: QueueRow, program: Program): string {
  return statusLabel(
    {
      status: r.status!,
      type: r.type!,
      route: r.route as RouteCode,
      infoChangeKind: r.infoChangeKind,
      currentLevel: r.currentLevel!,
      correction: r.correctionFrom ? { from: r.correctionFrom } : null,
      notice: r.noticeOutcome ? { outcome: r.noticeOutcome } : null,
    },
    program,
  );
}

type SortColumn = typeof applications.submittedAt | typeof applications.applicantSignedAt;
const p = sql.placeholder;

/** Rows strictly after the cursor in (sort DESC, id DESC) order, as one row comparison the index can seek to. */
function afterCursor(sortColumn: SortColumn): SQL {
  return sql`(${sortColumn}, ${applications.id}) < (${p("cursorAt")}, ${p("cursorId")})`;
}

/** Must match the index's DESC NULLS LAST exactly, or PostgreSQL sorts instead of walking the index. */
function newestFirst(sortColumn: SortColumn) {
  return [sql`${sortColumn} desc nulls last`, sql`${applications.id} desc nulls last`] as const;
}

/**
 * 姓名 contains the part. Chinese names are two to four characters, too short for trigrams, so `ilike '%…%'` alone
 * reads every person; the GIN index on the name's characters (migration issue-12_queue_counts_trigger) finds the
 * people whose name has all of them, and `ilike` keeps those where they are adjacent and in order.
 */
function nameContains(): SQL {
  return and(
    sql`string_to_array(lower(${people.name}), null) @> ${p("nameChars")}::text[]`,
    sql`${people.name} ilike ${p("namePattern")}`,
  )!;
}
function nameValues(part: string) {
  return { nameChars: [...new Set(part.toLowerCase())], namePattern: `%${part.replace(/[%_\\]/g, "\\$&")}%` };
}

/**
 * The queries are built once per shape (which filters are set, how many statuses) with placeholders and kept per
 * database handle: drizzle's query builder costs 0.5–0.8 ms of CPU per build, as much as PostgreSQL's own time for
 * most pages. `prepare("")` is an *unnamed* statement: PostgreSQL still plans every execution with its actual values
 * (a named one may switch to one generic plan, and authorities and statuses are far too skewed for that).
 */
type Compiled = { execute: (values?: Record<string, unknown>) => Promise<unknown> };
const compiled = (db: Executor, key: string, build: () => { prepare: (name: string) => Compiled }): Compiled =>
  builtOnce(db, key, () => build().prepare(""));

type Owner = "authority" | "employer" | "employerConfirmed";
type PageFilters = Omit<QueueFilters, "who"> & { name?: string; idNumber?: string };

/** 姓名 or 证件号码 in one box: an ID number matches exactly (upper-cased X); anything else searches the name. */
function splitWho(f: QueueFilters): PageFilters {
  const { who: raw, ...rest } = f;
  const who = raw?.trim();
  if (!who) return rest;
  return /^[0-9A-Za-z-]{6,}$/.test(who) ? { ...rest, idNumber: who } : { ...rest, name: who };
}

async function page<R extends QueueRow>(
  db: Executor,
  owner: Owner,
  ownerId: string,
  f: PageFilters,
  cursor: Cursor | null,
  limit: number,
) {
  const sortColumn = owner === "authority" ? applications.submittedAt : applications.applicantSignedAt;
  const shape = owner === "authority" ? rowShape : employerRowShape;
  const statuses = f.statuses?.length ? [...new Set(f.statuses)] : [];
  const values: Record<string, unknown> = { owner: ownerId, limit: limit + 1 };
  const conditions: (() => SQL)[] = [];
  const on = (flag: string, v: Record<string, unknown>, condition: () => SQL) => {
    key.push(flag);
    Object.assign(values, v);
    conditions.push(condition);
  };
  const key: string[] = [owner];
  if (f.type) on("type", { type: f.type }, () => eq(applications.type, p("type")));
  if (f.specialty) on("specialty", { specialty: f.specialty }, () => eq(applications.specialtyCode, p("specialty")));
  if (f.programCode) on("program", { program: f.programCode }, () => eq(applications.programCode, p("program")));
  if (f.from) on("from", { from: new Date(`${f.from}T00:00:00+08:00`) }, () => sql`${sortColumn} >= ${p("from")}`);
  if (f.to) on("to", { to: new Date(`${f.to}T23:59:59.999+08:00`) }, () => sql`${sortColumn} <= ${p("to")}`);
  if (f.decisionDueBefore) on("due", { due: f.decisionDueBefore }, () => lt(applications.expectedDecisionOn, p("due")));
  const idNumber = f.idNumber?.trim().toUpperCase();
  if (idNumber) on("idNumber", { idNumber }, () => eq(people.idNumber, p("idNumber")));
  const name = f.name?.trim();
  if (name) on("name", nameValues(name), nameContains);
  if (cursor) on("cursor", { cursorAt: new Date(cursor.at), cursorId: cursor.id }, () => afterCursor(sortColumn));
  statuses.forEach((st, i) => {
    values[`s${i}`] = st;
  });
  // A tab spanning several statuses (审查中, 已办结, 待企业确认) cannot walk the (owner, status, date) index with
  // `status in (…)` — PostgreSQL would read the owner's whole range and sort it. One ORDER BY … LIMIT branch per
  // status, merged with UNION ALL, reads at most limit+1 index entries per status (issue 12). A search for one person
  // (name or ID number) is the exception: it starts from the few people found and their few applications, which one
  // statement with `status in (…)` sorts in microseconds, where each branch would search the people again.
  const byPerson = Boolean(name || idNumber);
  const union = statuses.length > 1 && !byPerson;
  key.push(union ? `union${statuses.length}` : `in${statuses.length}`);

  const q = compiled(db, key.join(" "), () => {
    const ownerColumn = owner === "authority" ? applications.authorityId : applications.employerId;
    const common = [eq(ownerColumn, p("owner")), ...conditions.map((c) => c()), sql`${sortColumn} is not null`];
    if (owner === "employerConfirmed")
      // K2: a forced cancellation never waits for the employer's signature, but the employer follows it here.
      // Written exactly as the partial index applications_employer_confirmed_idx is, so the planner can use it.
      common.push(sql`(${applications.employerSignedAt} is not null or ${applications.forcedCancellation} = true)`);
    const branch = (extra: SQL[]) => {
      const from = db.select(shape).from(applications).innerJoin(people, eq(people.id, applications.personId));
      return (owner === "authority" ? from : from.leftJoin(authorities, eq(authorities.id, applications.authorityId)))
        .where(and(...common, ...extra))
        .orderBy(...newestFirst(sortColumn))
        .limit(p("limit"));
    };
    if (!union) {
      const st = statuses.map((_, i) => p(`s${i}`));
      return branch(
        st.length === 0 ? [] : [st.length === 1 ? eq(applications.status, st[0]!) : inArray(applications.status, st)],
      );
    }
    const [first, second, ...more] = statuses.map((_, i) => branch([eq(applications.status, p(`s${i}`))]));
    return unionAll(first!, second!, ...more)
      .orderBy(...newestFirst(sortColumn))
      .limit(p("limit"));
  });
  const rows = (await q.execute(values)) as R[];
  const hasMore = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const lastAt = last ? (owner === "authority" ? last.submittedAt : last.applicantSignedAt) : null;
  return {
    rows: shown,
    nextCursor: hasMore && last && lastAt ? encodeCursor({ at: lastAt.toISOString(), id: last.id }) : null,
  };
}

/** 审批机构 queue: what this authority holds (or decided), newest submission first. */
export function authorityQueue(
  db: Executor,
  authorityId: string,
  f: QueueFilters,
  cursor: Cursor | null,
  limit = PAGE_SIZE,
) {
  return page<QueueRow>(db, "authority", authorityId, splitWho(f), cursor, limit);
}

/** 姓名 and 证件号 are separate filters on the employer lists; both may be set. */
export type EmployerQueueFilters = Omit<QueueFilters, "who" | "decisionDueBefore"> & {
  name?: string;
  idNumber?: string;
};

/** 待企业确认 (M1): the employer's staff applications in the given statuses once signed, newest signature first. */
export function employerQueue(
  db: Executor,
  employerId: string,
  f: EmployerQueueFilters,
  cursor: Cursor | null,
  limit = PAGE_SIZE,
) {
  return page<EmployerQueueRow>(db, "employer", employerId, f, cursor, limit);
}

/**
 * 企业已确认查询 (M3): everything this employer has countersigned, and its staff's forced cancellations (K2), newest
 * signature first — walks the partial (employer_id, applicant_signed_at DESC, id DESC) index.
 */
export function employerConfirmedQueue(
  db: Executor,
  employerId: string,
  f: EmployerQueueFilters,
  cursor: Cursor | null,
  limit = PAGE_SIZE,
) {
  return page<EmployerQueueRow>(db, "employerConfirmed", employerId, f, cursor, limit);
}

/**
 * Exact counts per status for a queue's tabs, from the counters the applications table's triggers keep in the same
 * transaction as each change (migration issue-12_queue_counts_trigger) — a few rows, not a count over the queue.
 */
export async function queueCounts(db: Executor, scope: "authority" | "employer", ownerId: string) {
  const q = compiled(db, "counts", () =>
    db
      .select({ status: applicationQueueCounts.status, n: applicationQueueCounts.n })
      .from(applicationQueueCounts)
      .where(and(eq(applicationQueueCounts.scope, p("scope")), eq(applicationQueueCounts.ownerId, p("owner")))),
  );
  const rows = (await q.execute({ scope, owner: ownerId })) as { status: ApplicationStatus; n: number | string }[];
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Partial<Record<ApplicationStatus, number>>;
}

export function authorityCounts(db: Executor, authorityId: string) {
  return queueCounts(db, "authority", authorityId);
}
