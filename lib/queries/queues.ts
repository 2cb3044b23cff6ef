/**
 * Work queues for reviewers and employers. Keyset pagination (never OFFSET) on indexed columns, so page 1 and
 * page 10 000 cost the same at a million applications; one query per page with its joins (no N+1).
 */
import { and, eq, gte, ilike, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { applicationQueueCounts, applications, people } from "@/db/schema";
import type { ApplicationStatus, ApplicationType } from "@/lib/domain/types";
import { isUuid } from "@/lib/domain/ids";

export const PAGE_SIZE = 20;

/** Opaque cursor: the sort key of the last row shown. */
export type Cursor = { at: string; id: string };
export function encodeCursor(c: Cursor): string {
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

const rowShape = {
  id: applications.id,
  acceptanceNo: applications.acceptanceNo,
  type: applications.type,
  programCode: applications.programCode,
  specialtyCode: applications.specialtyCode,
  status: applications.status,
  currentLevel: applications.currentLevel,
  route: applications.route,
  version: applications.version,
  socialInsuranceAnomaly: applications.socialInsuranceAnomaly,
  applicantSignedAt: applications.applicantSignedAt,
  submittedAt: applications.submittedAt,
  decidedAt: applications.decidedAt,
  expectedDecisionOn: applications.expectedDecisionOn,
  personName: people.name,
  personIdNumber: people.idNumber,
};
export type QueueRow = { [K in keyof typeof rowShape]: (typeof rowShape)[K]["_"]["data"] | null } & { id: string };

type SortColumn = typeof applications.submittedAt | typeof applications.applicantSignedAt;

function filterConditions(f: QueueFilters, dateColumn: SortColumn): SQL[] {
  const out: SQL[] = [];
  if (f.statuses?.length) out.push(inArray(applications.status, [...f.statuses]));
  if (f.type) out.push(eq(applications.type, f.type));
  if (f.specialty) out.push(eq(applications.specialtyCode, f.specialty));
  if (f.programCode) out.push(eq(applications.programCode, f.programCode));
  if (f.from) out.push(gte(dateColumn, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to) out.push(lte(dateColumn, new Date(`${f.to}T23:59:59.999+08:00`)));
  if (f.decisionDueBefore) out.push(lt(applications.expectedDecisionOn, f.decisionDueBefore));
  const who = f.who?.trim();
  if (who) {
    // An ID number matches exactly (upper-cased X); anything else searches the name (trigram index).
    out.push(/^[0-9A-Za-z-]{6,}$/.test(who) ? eq(people.idNumber, who.toUpperCase()) : nameContains(who));
  }
  return out;
}

/** Rows strictly after the cursor in (sort DESC, id DESC) order, as one row comparison the index can seek to. */
export function afterCursor(sortColumn: SortColumn, cursor: Cursor): SQL {
  return sql`(${sortColumn}, ${applications.id}) < (${new Date(cursor.at)}, ${cursor.id})`;
}

/** Must match the index's DESC NULLS LAST exactly, or PostgreSQL sorts instead of walking the index. */
function newestFirst(sortColumn: SortColumn) {
  return [sql`${sortColumn} desc nulls last`, sql`${applications.id} desc nulls last`] as const;
}

/**
 * 姓名 contains `part`. Chinese names are two to four characters, too short for trigrams, so `ilike '%…%'` alone reads
 * every person; the GIN index on the name's characters (migration issue-12_queue_counts_trigger) finds the people
 * whose name has all of them, and `ilike` keeps those where they are adjacent and in order.
 */
export function nameContains(part: string): SQL {
  const chars = [...new Set(part.toLowerCase())];
  return and(
    sql`string_to_array(lower(${people.name}), null) @> array[${sql.join(
      chars.map((c) => sql`${c}`),
      sql`, `,
    )}]::text[]`,
    ilike(people.name, `%${part.replace(/[%_\\]/g, "\\$&")}%`),
  )!;
}

async function page(
  db: Executor,
  base: SQL[],
  f: QueueFilters,
  sortColumn: SortColumn,
  cursor: Cursor | null,
  limit: number,
) {
  const { statuses, ...rest } = f;
  const common = [...base, ...filterConditions(rest, sortColumn), sql`${sortColumn} is not null`];
  if (cursor) common.push(afterCursor(sortColumn, cursor));
  const branch = (extra: SQL[]) =>
    db
      .select(rowShape)
      .from(applications)
      .innerJoin(people, eq(people.id, applications.personId))
      .where(and(...common, ...extra))
      .orderBy(...newestFirst(sortColumn))
      .limit(limit + 1);
  // A tab spanning several statuses (审查中, 已办结, 待企业确认) cannot walk the (owner, status, date) index with
  // `status in (…)` — PostgreSQL would read the owner's whole range and sort it. One ORDER BY … LIMIT branch per
  // status, merged with UNION ALL, reads at most limit+1 index entries per status (issue 12).
  const list = statuses?.length ? [...new Set(statuses)] : [];
  const [first, second, ...more] = list.map((st) => branch([eq(applications.status, st)]));
  const rows = !first
    ? await branch([])
    : !second
      ? await first
      : await unionAll(first, second, ...more)
          .orderBy(...newestFirst(sortColumn))
          .limit(limit + 1);
  const hasMore = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const lastAt = last ? (sortColumn === applications.submittedAt ? last.submittedAt : last.applicantSignedAt) : null;
  return {
    rows: shown as QueueRow[],
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
  return page(db, [eq(applications.authorityId, authorityId)], f, applications.submittedAt, cursor, limit);
}

/** 待企业确认 / 企业已确认查询 (M1, M3): the employer's staff applications once signed, newest signature first. */
export function employerQueue(
  db: Executor,
  employerId: string,
  f: QueueFilters,
  cursor: Cursor | null,
  limit = PAGE_SIZE,
) {
  return page(db, [eq(applications.employerId, employerId)], f, applications.applicantSignedAt, cursor, limit);
}

/**
 * Exact counts per status for a queue's tabs, from the counters the applications table's triggers keep in the same
 * transaction as each change (migration issue-12_queue_counts_trigger) — a few rows, not a count over the queue.
 */
export async function queueCounts(db: Executor, scope: "authority" | "employer", ownerId: string) {
  const rows = await db
    .select({ status: applicationQueueCounts.status, n: applicationQueueCounts.n })
    .from(applicationQueueCounts)
    .where(and(eq(applicationQueueCounts.scope, scope), eq(applicationQueueCounts.ownerId, ownerId)));
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Partial<Record<ApplicationStatus, number>>;
}

export function authorityCounts(db: Executor, authorityId: string) {
  return queueCounts(db, "authority", authorityId);
}
