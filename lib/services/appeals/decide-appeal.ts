import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "../actor";
import { conflict, notFound } from "../errors";
import { recordAnomalyStep, syncPersonAnomalyFlag, withinReviewerReach } from "../people/anomaly-trail";

/**
 * 申辩处理 (T3): the authority accepts an appeal — the anomaly is cleared and, with no other open anomaly, the filing
 * wizard no longer asks for the 社保确认 (G6) — or dismisses it, and the flag and that step stay. The reply reaches the
 * person in 我的消息 and on the anomaly's timeline.
 */
export async function decideAppeal(
  db: Database,
  actor: Actor,
  input: { appealId: string; decision: "accepted" | "dismissed"; reply: string },
  now = new Date(),
) {
  if (actor.role !== "reviewer") throw notFound("page");
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ personId: s.appeals.personId })
      .from(s.appeals)
      .where(eq(s.appeals.id, input.appealId));
    if (!target || !(await withinReviewerReach(tx, actor, target.personId))) throw notFound("appeal");
    // Conditional on the expected state: of two reviewers deciding at once, the second is told to refresh.
    const [appeal] = await tx
      .update(s.appeals)
      .set({ status: input.decision, reply: input.reply, decidedBy: actor.userId, decidedAt: now })
      .where(and(eq(s.appeals.id, input.appealId), eq(s.appeals.status, "submitted")))
      .returning();
    if (!appeal?.anomalyId) throw conflict("该申辩刚刚已被处理，请刷新页面查看结果。");
    const [anomaly] = await tx.select().from(s.personAnomalies).where(eq(s.personAnomalies.id, appeal.anomalyId));
    if (input.decision === "accepted") {
      await tx
        .update(s.personAnomalies)
        .set({ status: "cleared", clearedAt: now })
        .where(and(eq(s.personAnomalies.id, appeal.anomalyId), eq(s.personAnomalies.status, "open")));
      await syncPersonAnomalyFlag(tx, appeal.personId, now);
    }
    const accepted = input.decision === "accepted";
    await recordAnomalyStep(tx, actor, {
      anomalyId: appeal.anomalyId,
      personId: appeal.personId,
      action: input.decision,
      note: input.reply,
      notice: (n) => {
        const kind = n.anomaly(anomaly!.kind);
        const step = accepted ? "accepted" : "dismissed";
        return {
          title: n.t(`anomaly.${step}.title`, { kind }),
          body: n.t(`anomaly.${step}.body`, { kind, reply: input.reply }),
        };
      },
    });
    return { appealId: appeal.id, decision: input.decision };
  });
}
