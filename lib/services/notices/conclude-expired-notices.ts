import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { chinaDate } from "@/lib/server/clock";
import { SYSTEM_ACTOR } from "../actor";
import { ServiceError } from "../errors";
import { transitionApplication } from "../applications/transition";

export type ConcludeExpiredResult = { concluded: string[]; skipped: { applicationId: string; reason: string }[] };

/**
 * 公示期满自动办结: every 公示中 application whose latest published notice ended before today (China time) is concluded by
 * the system with its published outcome — the same engine rule as the reviewer's button, so nothing concludes early or
 * without a notice. One transaction per application: one that a reviewer concluded (or the applicant corrected, W6) in
 * the meantime is skipped, not failed. Meant to be called by the job queue once a day; safe to call again.
 */
export async function concludeExpiredNotices(
  db: Database,
  now = new Date(),
  limit = 500,
): Promise<ConcludeExpiredResult> {
  const today = chinaDate(now);
  const due = await db
    .selectDistinct({ id: s.applications.id })
    .from(s.applications)
    .innerJoin(s.noticeItems, eq(s.noticeItems.applicationId, s.applications.id))
    .innerJoin(s.notices, eq(s.notices.id, s.noticeItems.noticeId))
    .where(and(eq(s.applications.status, "publicized"), eq(s.notices.kind, "publicity"), lt(s.notices.endsOn, today)))
    .orderBy(sql`${s.applications.id}`)
    .limit(limit);
  const out: ConcludeExpiredResult = { concluded: [], skipped: [] };
  for (const { id } of due) {
    try {
      await transitionApplication(db, SYSTEM_ACTOR, {
        applicationId: id,
        action: "conclude",
        input: { opinion: "公示期满，系统自动办结" },
        now,
      });
      out.concluded.push(id);
    } catch (e) {
      if (!(e instanceof ServiceError)) throw e;
      out.skipped.push({ applicationId: id, reason: e.message });
    }
  }
  return out;
}
