import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "../actor";
import { noticeText } from "../messages/notice-text";

/** The 我的消息 of a step, written in the recipient's language. */
export type AnomalyNotice = (n: ReturnType<typeof noticeText>) => { title: string; body: string };

/** What a person sees for each kind of anomaly (`003` §2.6 我的申辩). */
export const ANOMALY_LABELS = { social_insurance: "社保异常", duplicate_registration: "人员查重异常" } as const;
export type AnomalyKind = keyof typeof ANOMALY_LABELS;

type Step = "flagged" | "appealed" | "accepted" | "dismissed";

/**
 * One step of an anomaly (T3), written inside the transaction that made it: the anomaly's timeline event and the
 * applicant's 我的消息, so neither can exist without the change nor the change without them.
 */
export async function recordAnomalyStep(
  tx: Executor,
  actor: Actor,
  step: { anomalyId: string; personId: string; action: Step; note?: string | null; notice: AnomalyNotice },
) {
  await tx.insert(s.personAnomalyEvents).values({
    anomalyId: step.anomalyId,
    actorUserId: actor.userId || null,
    actorName: actor.displayName,
    action: step.action,
    note: step.note ?? null,
  });
  const [account] = await tx
    .select({ id: s.userAccounts.id, locale: s.userAccounts.locale })
    .from(s.userAccounts)
    .where(and(eq(s.userAccounts.role, "applicant"), eq(s.userAccounts.personId, step.personId)));
  if (account)
    await tx.insert(s.messages).values({ recipientUserId: account.id, ...step.notice(noticeText(account.locale)) });
}

/**
 * G6: the filing wizard asks for the 社保确认 (sole employment, social insurance with this employer) while the person
 * has any open anomaly — both 社保异常 and 人员查重异常 are about where the person really works. The column is the
 * mirror the wizard and the queues already read; it is recomputed from the records in the same transaction.
 */
export async function syncPersonAnomalyFlag(tx: Executor, personId: string, now: Date) {
  await tx
    .update(s.people)
    .set({
      socialInsuranceAnomaly: sql.join([
        sql`exists (select 1 from person_anomalies a `,
        sql`where a.person_id = ${personId} and a.status = 'open')`,
      ]),
      updatedAt: now,
    })
    .where(eq(s.people.id, personId));
}

/**
 * Which people a reviewer's authority handles anomalies for: a provincial authority those of its province (the
 * person's own province or their employer's), a national one everybody. Out of reach reads as "not found".
 */
export async function withinReviewerReach(tx: Executor, actor: Actor, personId: string): Promise<boolean> {
  if (!actor.authorityId) return false;
  const [authority] = await tx
    .select({ provinceCode: s.authorities.provinceCode })
    .from(s.authorities)
    .where(eq(s.authorities.id, actor.authorityId));
  if (!authority) return false;
  if (!authority.provinceCode) return true;
  const [row] = await tx
    .select({ own: s.people.provinceCode, employer: s.employers.provinceCode })
    .from(s.people)
    .leftJoin(s.employers, eq(s.employers.id, s.people.employerId))
    .where(eq(s.people.id, personId));
  return !!row && (row.own === authority.provinceCode || row.employer === authority.provinceCode);
}
