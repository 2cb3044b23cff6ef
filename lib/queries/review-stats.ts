/**
 * 统计 of one authority: applications by type, status and month, median days from submission to decision, and how
 * many are past their 办理时限 (the review level's working days, from the program data) right now.
 */
import { and, eq, inArray, isNotNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications } from "@/db/schema";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import { addMonths, type IsoDate } from "@/lib/domain/dates";
import { PROGRAMS, STATUTORY_REVIEW_WORKING_DAYS, type RouteCode } from "@/lib/domain/programs";
import { STATUS_LABELS } from "@/lib/domain/transitions";
import type { ApplicationStatus, ApplicationType } from "@/lib/domain/types";
import { overdueIfReceivedBefore } from "@/lib/domain/working-days";

/** Statuses in which the authority's clock runs (补正 stops it; 公示 is the publication period, not review). */
const CLOCK_RUNNING: ApplicationStatus[] = ["pending_acceptance", "under_review"];
const DECIDED: ApplicationStatus[] = ["approved", "rejected"];
const TYPE_ORDER = Object.keys(APPLICATION_TYPE_LABELS);

export type AuthorityStats = {
  total: number;
  byType: { label: string; count: number }[];
  byStatus: { label: string; count: number }[];
  byMonth: { month: string; submitted: number; decided: number }[];
  medianDaysToDecision: number | null;
  decidedCount: number;
  overdue: number;
  inProgress: number;
};

/** (program, route, level) → received before this date = past the level's time limit today. */
function overdueCondition(today: IsoDate): SQL {
  const parts: SQL[] = [];
  for (const program of Object.values(PROGRAMS)) {
    for (const [route, levels] of Object.entries(program.reviewRoutes) as [
      RouteCode,
      typeof program.reviewRoutes.default | undefined,
    ][]) {
      levels?.forEach((level, i) => {
        const cutoff = overdueIfReceivedBefore(today, level.workingDays ?? STATUTORY_REVIEW_WORKING_DAYS);
        parts.push(
          and(
            eq(applications.programCode, program.code),
            eq(applications.route, route),
            eq(applications.currentLevel, i + 1),
            sql`${applications.submittedAt} < ${`${cutoff}T00:00:00+08:00`}::timestamptz`,
          )!,
        );
      });
    }
  }
  return or(...parts)!;
}

export async function authorityStats(db: Executor, authorityId: string, today: IsoDate): Promise<AuthorityStats> {
  const mine = eq(applications.authorityId, authorityId);
  const firstMonth = `${addMonths(today, -11).slice(0, 7)}-01`;
  const monthOf = (col: typeof applications.submittedAt | typeof applications.decidedAt) =>
    sql<string>`to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
  const [byType, byStatus, submitted, decided, [median], [overdue]] = await Promise.all([
    db
      .select({ type: applications.type, n: sql<number>`count(*)::int` })
      .from(applications)
      .where(mine)
      .groupBy(applications.type),
    db
      .select({ status: applications.status, n: sql<number>`count(*)::int` })
      .from(applications)
      .where(mine)
      .groupBy(applications.status),
    db
      .select({ month: monthOf(applications.submittedAt), n: sql<number>`count(*)::int` })
      .from(applications)
      .where(and(mine, sql`${applications.submittedAt} >= ${`${firstMonth}T00:00:00+08:00`}::timestamptz`))
      .groupBy(sql`1`),
    db
      .select({ month: monthOf(applications.decidedAt), n: sql<number>`count(*)::int` })
      .from(applications)
      .where(
        and(
          mine,
          inArray(applications.status, DECIDED),
          sql`${applications.decidedAt} >= ${`${firstMonth}T00:00:00+08:00`}::timestamptz`,
        ),
      )
      .groupBy(sql`1`),
    db
      .select({
        days: sql.join([
          sql`percentile_cont(0.5) within group `,
          sql`(order by extract(epoch from ${applications.decidedAt} - ${applications.submittedAt}) / 86400)`,
        ]) as SQL<number | null>,
        n: sql<number>`count(*)::int`,
      })
      .from(applications)
      .where(
        and(
          mine,
          inArray(applications.status, DECIDED),
          isNotNull(applications.decidedAt),
          isNotNull(applications.submittedAt),
        ),
      ),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(applications)
      .where(and(mine, inArray(applications.status, CLOCK_RUNNING), overdueCondition(today))),
  ]);
  const months: string[] = [];
  for (let i = 11; i >= 0; i -= 1) months.push(addMonths(`${today.slice(0, 7)}-01`, -i).slice(0, 7));
  const sub = new Map(submitted.map((r) => [r.month, r.n]));
  const dec = new Map(decided.map((r) => [r.month, r.n]));
  const statusCounts = new Map(byStatus.map((r) => [r.status, r.n]));
  return {
    total: byStatus.reduce((n, r) => n + r.n, 0),
    // Most frequent first; ties in the order the types are listed everywhere else.
    byType: byType
      .sort((a, b) => b.n - a.n || TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type))
      .map((r) => ({ label: APPLICATION_TYPE_LABELS[r.type as ApplicationType] ?? r.type, count: r.n })),
    byStatus: (Object.keys(STATUS_LABELS) as ApplicationStatus[])
      .filter((s) => statusCounts.get(s))
      .map((s) => ({ label: STATUS_LABELS[s], count: statusCounts.get(s)! })),
    byMonth: months.map((m) => ({ month: m, submitted: sub.get(m) ?? 0, decided: dec.get(m) ?? 0 })),
    medianDaysToDecision:
      median?.days === null || median?.days === undefined ? null : Math.round(Number(median.days) * 10) / 10,
    decidedCount: median?.n ?? 0,
    overdue: overdue?.n ?? 0,
    inProgress: CLOCK_RUNNING.reduce((n, s) => n + (statusCounts.get(s) ?? 0), 0),
  };
}
