import { inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { SYSTEM_ACTOR } from "../actor";
import { recordAnomalyStep, syncPersonAnomalyFlag } from "./anomaly-trail";

/**
 * 人员查重 (T3, `003` §2.6), run by the scheduler: a person whose current registrations (in force or suspended) name
 * two or more employers is flagged 人员查重异常 automatically. Someone already flagged is left alone (one open flag
 * per person and kind), so running it again adds nothing; a flag cleared by an accepted appeal is raised again only
 * if the registrations still disagree the next time it runs — which is what the authority's decision must fix.
 */
export async function detectDuplicateRegistrations(db: Database, now = new Date()) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        personId: s.registrations.personId,
        employers: sql<string>`string_agg(distinct ${s.registrations.employerName}, '、')`,
      })
      .from(s.registrations)
      .where(inArray(s.registrations.status, ["active", "suspended"]))
      .groupBy(s.registrations.personId)
      .having(sql`count(distinct ${s.registrations.employerId}) > 1`);
    let flagged = 0;
    for (const r of rows) {
      const reason = `系统查重发现您同时在多家单位注册（${r.employers}）`;
      const [row] = await tx
        .insert(s.personAnomalies)
        .values({ personId: r.personId, kind: "duplicate_registration", source: "automatic", reason })
        .onConflictDoNothing()
        .returning({ id: s.personAnomalies.id });
      if (!row) continue;
      flagged += 1;
      await syncPersonAnomalyFlag(tx, r.personId, now);
      await recordAnomalyStep(tx, SYSTEM_ACTOR, {
        anomalyId: row.id,
        personId: r.personId,
        action: "flagged",
        note: reason,
        notice: (n) => ({
          title: n.t("anomaly.flagged.title", { kind: n.anomaly("duplicate_registration") }),
          body: n.t("anomaly.duplicate.body", { employers: r.employers }),
        }),
      });
    }
    return { checked: rows.length, flagged };
  });
}
