import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "../actor";
import { invalid, notFound, refused } from "../errors";
import {
  ANOMALY_LABELS,
  type AnomalyKind,
  recordAnomalyStep,
  syncPersonAnomalyFlag,
  withinReviewerReach,
} from "./anomaly-trail";

/**
 * 标记异常 (G6, T3): a reviewer flags 社保异常 or 人员查重异常 on a person found by 证件号码. The person sees it in
 * 我的申辩 and 我的消息 and, until it is cleared, confirms sole employment when filing.
 */
export async function flagAnomaly(
  db: Database,
  actor: Actor,
  input: { idNumber: string; kind: AnomalyKind; reason: string },
  now = new Date(),
) {
  if (actor.role !== "reviewer") throw notFound("page");
  const label = ANOMALY_LABELS[input.kind];
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ id: s.people.id, name: s.people.name })
      .from(s.people)
      .where(eq(s.people.idNumber, input.idNumber))
      .limit(2);
    if (found.length === 0)
      throw invalid("未找到该证件号码的人员，请核对后重新输入。", {
        idNumber: "未找到该证件号码的人员，请核对后重新输入。",
      });
    if (found.length > 1) throw refused("该证件号码对应多名人员，请联系管理员核实后再标记。");
    const person = found[0]!;
    // Another province's person is not this authority's to flag; said like an unknown number so nothing leaks.
    if (!(await withinReviewerReach(tx, actor, person.id)))
      throw invalid("未找到本机构管辖范围内该证件号码的人员，请核对后重新输入。", {
        idNumber: "未找到本机构管辖范围内该证件号码的人员，请核对后重新输入。",
      });
    // The partial unique index allows one open flag per person and kind; a concurrent second flag inserts nothing.
    const [row] = await tx
      .insert(s.personAnomalies)
      .values({
        personId: person.id,
        kind: input.kind,
        source: "reviewer",
        reason: input.reason,
        flaggedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: s.personAnomalies.id });
    if (!row) throw refused(`${person.name}已有未处理的${label}标记，无需重复标记。`);
    await syncPersonAnomalyFlag(tx, person.id, now);
    await recordAnomalyStep(tx, actor, {
      anomalyId: row.id,
      personId: person.id,
      action: "flagged",
      note: input.reason,
      notice: (n) => {
        const kind = n.anomaly(input.kind);
        return {
          title: n.t("anomaly.flagged.title", { kind }),
          body: n.t("anomaly.flagged.body", { kind, reason: input.reason }),
        };
      },
    });
    return { anomalyId: row.id, personName: person.name };
  });
}
