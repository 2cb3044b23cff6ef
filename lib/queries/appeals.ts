import { ANOMALY_KIND_LABELS } from "@/lib/domain/anomalies";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";

/** What a person sees for each kind of anomaly (`003` §2.6 我的申辩). */

/** 我的申辩: the person's anomalies, newest first, each with its appeals and its timeline. */
export async function personAnomaliesWithAppeals(db: Executor, personId: string) {
  const anomalies = await db
    .select()
    .from(s.personAnomalies)
    .where(eq(s.personAnomalies.personId, personId))
    .orderBy(desc(s.personAnomalies.createdAt));
  if (anomalies.length === 0) return [];
  const ids = anomalies.map((a) => a.id);
  const [appeals, events] = await Promise.all([
    db.select().from(s.appeals).where(inArray(s.appeals.anomalyId, ids)).orderBy(desc(s.appeals.createdAt)),
    db
      .select()
      .from(s.personAnomalyEvents)
      .where(inArray(s.personAnomalyEvents.anomalyId, ids))
      .orderBy(s.personAnomalyEvents.id),
  ]);
  return anomalies.map((a) => ({
    ...a,
    label: ANOMALY_KIND_LABELS[a.kind],
    appeals: appeals.filter((p) => p.anomalyId === a.id),
    events: events.filter((e) => e.anomalyId === a.id),
    pending: appeals.some((p) => p.anomalyId === a.id && p.status === "submitted"),
  }));
}

/** 申辩处理: appeals waiting for the authority's decision, oldest first, with the anomaly and the person. */
export async function pendingAppeals(db: Executor, authorityId: string) {
  // A provincial authority decides for people of its province (their own or their employer's); a national one for all.
  const [authority] = await db
    .select({ provinceCode: s.authorities.provinceCode })
    .from(s.authorities)
    .where(eq(s.authorities.id, authorityId));
  if (!authority) return [];
  const p = authority.provinceCode;
  const rows = await db
    .select({
      id: s.appeals.id,
      statement: s.appeals.statement,
      proofFileId: s.appeals.proofFileId,
      createdAt: s.appeals.createdAt,
      kind: s.personAnomalies.kind,
      reason: s.personAnomalies.reason,
      personName: s.people.name,
      idNumber: s.people.idNumber,
    })
    .from(s.appeals)
    .innerJoin(s.personAnomalies, eq(s.personAnomalies.id, s.appeals.anomalyId))
    .innerJoin(s.people, eq(s.people.id, s.appeals.personId))
    .leftJoin(s.employers, eq(s.employers.id, s.people.employerId))
    .where(
      and(
        eq(s.appeals.status, "submitted"),
        p ? or(eq(s.people.provinceCode, p), eq(s.employers.provinceCode, p)) : undefined,
      ),
    )
    .orderBy(s.appeals.createdAt)
    .limit(200);
  return rows.map((r) => ({ ...r, label: ANOMALY_KIND_LABELS[r.kind] }));
}
