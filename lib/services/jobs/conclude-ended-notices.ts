import { and, eq, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { chinaDate } from "@/lib/server/clock";
import { SYSTEM_ACTOR } from "../actor";
import { concludeNotice } from "../applications/conclude-notice";
import { ServiceError } from "../errors";

export type ConcludeEndedNoticesResult = { concluded: number; skipped: number };

/**
 * 公示期满办结 without a reviewer's click: once a 公示 batch's last day (notices.ends_on, China time) has passed,
 * every application it lists that is still 公示中 concludes as the system. Applications corrected during the period
 * (公示期补正 moved them back to 审查中, `000` §三.1(9)) or otherwise no longer 公示中 are left alone.
 *
 * Idempotent and safe on several nodes at once: each application concludes in its own transaction through the
 * conditional update in transitionApplication (expected version and status), so a second run or a concurrent
 * reviewer's click makes the loser skip instead of concluding twice.
 */
export async function concludeEndedNotices(db: Database, now = new Date()): Promise<ConcludeEndedNoticesResult> {
  const today = chinaDate(now);
  const due = await db
    .select({ applicationId: s.applications.id, version: s.applications.version })
    .from(s.noticeItems)
    .innerJoin(s.notices, eq(s.notices.id, s.noticeItems.noticeId))
    .innerJoin(s.applications, eq(s.applications.id, s.noticeItems.applicationId))
    .where(and(eq(s.notices.kind, "publicity"), lt(s.notices.endsOn, today), eq(s.applications.status, "publicized")));
  let concluded = 0;
  let skipped = 0;
  for (const app of due) {
    try {
      await concludeNotice(
        db,
        SYSTEM_ACTOR,
        { applicationId: app.applicationId, version: app.version, opinion: "公示期满，系统自动办结" },
        now,
      );
      concluded++;
    } catch (e) {
      // Someone else concluded or corrected it in between: nothing left to do for this one.
      if (e instanceof ServiceError && (e.kind === "conflict" || e.kind === "refused" || e.kind === "not_found"))
        skipped++;
      else throw e;
    }
  }
  return { concluded, skipped };
}
