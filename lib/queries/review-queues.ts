/**
 * The reviewer's three queues (待受理 / 审查中 / 已办结) over the benchmarked `authorityQueue`, with counts for the
 * tabs from `authorityCounts`. The authority is always the signed-in reviewer's; filters come from the query string.
 */
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { authorities } from "@/db/schema";
import { APPLICATION_TYPE_LABELS, isApplicationType } from "@/lib/domain/application-types";
import {
  allPrograms,
  findProgram,
  findSpecialty,
  getProgram,
  type Program,
  type ReviewLevel,
} from "@/lib/domain/programs";
import type { ApplicationStatus, AuthorityLevel } from "@/lib/domain/types";
import { STATUS_LABELS } from "@/lib/domain/transitions";
import { workingDaysLeft } from "@/lib/domain/working-days";
import { chinaDate } from "@/lib/server/clock";
import { authorityCounts, authorityQueue, decodeCursor, PAGE_SIZE, rowStatusLabel, type QueueFilters } from "./queues";

export const REVIEW_TABS = {
  pending: { label: "待受理", path: "/review/pending", statuses: ["pending_acceptance"] },
  reviewing: {
    label: "审查中",
    path: "/review/reviewing",
    statuses: ["under_review", "correction_requested", "publicized"],
  },
  done: { label: "已办结", path: "/review/done", statuses: ["approved", "rejected"] },
} as const satisfies Record<string, { label: string; path: string; statuses: readonly ApplicationStatus[] }>;
export type ReviewTab = keyof typeof REVIEW_TABS;

/** Query-string filters as the form submits them (GET, so a filtered list can be bookmarked). */
export type ReviewSearch = {
  type?: string;
  specialty?: string;
  status?: string;
  from?: string;
  to?: string;
  who?: string;
  overdue?: string;
  cursor?: string;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The programs an authority reviews: those with a level of its kind on some review route — a provincial office only
 * for national programs and its own province's programs.
 */
function programsReviewedBy(authority: { level: AuthorityLevel; provinceCode: string | null }): Program[] {
  return allPrograms().filter((p) => {
    if (
      p.jurisdiction.kind === "provincial" &&
      authority.level === "provincial" &&
      p.jurisdiction.provinceCode !== authority.provinceCode
    )
      return false;
    return Object.values(p.reviewRoutes).some((route: readonly ReviewLevel[] | undefined) =>
      route?.some((l) => l.level === authority.level),
    );
  });
}

/**
 * The (program, specialty) pairs of the authority's own programs, as the 专业 select offers them: value `program:code`.
 */
export async function specialtyOptions(db: Executor, authorityId: string) {
  const [authority] = await db
    .select({ level: authorities.level, provinceCode: authorities.provinceCode })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  if (!authority) return [];
  return programsReviewedBy(authority).flatMap((p) =>
    p.specialties.map((sp) => ({ value: `${p.code}:${sp.code}`, label: `${p.name} / ${sp.name}` })),
  );
}

/** A repeated query parameter arrives as an array; the lists use the first value. */
export function firstValue(v: unknown): string | undefined {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === "string" ? x : undefined;
}

export function normalizeSearch<T extends Record<string, unknown>>(q: T): { [K in keyof T]?: string } {
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, firstValue(v)])) as { [K in keyof T]?: string };
}

export function parseReviewFilters(tab: ReviewTab, raw: ReviewSearch): QueueFilters {
  const q = normalizeSearch(raw);
  const allowed = REVIEW_TABS[tab].statuses as readonly ApplicationStatus[];
  const status = allowed.find((s) => s === q.status);
  const [programCode, specialty] = (q.specialty ?? "").split(":");
  const program = programCode ? findProgram(programCode) : undefined;
  return {
    statuses: status ? [status] : allowed,
    type: isApplicationType(q.type) ? q.type : undefined,
    programCode: program?.code,
    specialty: program && specialty && findSpecialty(program, specialty) ? specialty : undefined,
    from: q.from && DATE.test(q.from) ? q.from : undefined,
    to: q.to && DATE.test(q.to) ? q.to : undefined,
    who: q.who?.trim() ? q.who.trim().slice(0, 40) : undefined,
    // 只看超期: the expected decision date (working days after 受理) has passed.
    decisionDueBefore: q.overdue === "1" && tab !== "done" ? chinaDate(new Date()) : undefined,
  };
}

export async function reviewQueuePage(
  db: Executor,
  authorityId: string,
  tab: ReviewTab,
  raw: ReviewSearch,
  limit = PAGE_SIZE,
) {
  const q = normalizeSearch(raw);
  const filters = parseReviewFilters(tab, q);
  const [page, counts] = await Promise.all([
    authorityQueue(db, authorityId, filters, decodeCursor(q.cursor), limit),
    authorityCounts(db, authorityId),
  ]);
  const today = chinaDate(new Date());
  const rows = page.rows.map((r) => {
    const program = getProgram(r.programCode!);
    // The row's own columns last: `{ ...r, programName, … }` gave every row a hidden class of its own in V8 (each
    // added key after a spread is a fresh map transition), ≈ 5 µs a row — over half the page's CPU at 50 rows.
    return {
      programName: program.name,
      typeLabel: APPLICATION_TYPE_LABELS[r.type!],
      specialtyName: r.specialtyCode ? (findSpecialty(program, r.specialtyCode)?.name ?? r.specialtyCode) : null,
      /** Working days to the expected decision date; negative = overdue (shown in red). Null once decided. */
      decisionDaysLeft: r.expectedDecisionOn && tab !== "done" ? workingDaysLeft(today, r.expectedDecisionOn) : null,
      // Decided ones read as the reviewer's list names them (the applicant-facing label adds advice for the applicant).
      statusLabel:
        r.status === "approved" || r.status === "rejected" ? STATUS_LABELS[r.status] : rowStatusLabel(r, program),
      ...r,
    };
  });
  const tabCounts = Object.fromEntries(
    Object.entries(REVIEW_TABS).map(([k, t]) => [
      k,
      (t.statuses as readonly ApplicationStatus[]).reduce((n, s) => n + (counts[s] ?? 0), 0),
    ]),
  ) as Record<ReviewTab, number>;
  return { rows, nextCursor: page.nextCursor, counts: tabCounts, filters };
}

/** Everything one review queue screen shows: the page of rows with tab counts, and the 专业 filter's options. */
export async function reviewQueueScreen(
  db: Executor,
  authorityId: string,
  tab: ReviewTab,
  raw: ReviewSearch & { forwarded?: string },
) {
  const q = normalizeSearch(raw);
  const [page, specialties] = await Promise.all([
    reviewQueuePage(db, authorityId, tab, q),
    specialtyOptions(db, authorityId),
  ]);
  return { q, page, specialties };
}
export type ReviewQueueScreen = Awaited<ReturnType<typeof reviewQueueScreen>>;
