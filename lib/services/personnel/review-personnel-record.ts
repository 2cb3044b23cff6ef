import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { authorities, employers, personnelRecords } from "@/db/schema";
import type { Actor } from "../actor";
import { conflict, invalid, notFound } from "../errors";
import { auditPersonnelChange } from "./audit";

export type ReviewPersonnelInput = { id: string; version: number; decision: "approve" | "return"; opinion?: string };

/**
 * 人员信息审核 (M4): a reviewer of the authority of the employer's province approves or returns a submitted staff
 * record; a return needs an opinion saying what to correct. Approval only confirms the submitted information — it
 * is not a finding that the person meets the conditions for registration (`004` 第二步).
 */
export async function reviewPersonnelRecord(db: Database, actor: Actor, input: ReviewPersonnelInput, now = new Date()) {
  if (actor.role !== "reviewer" || !actor.authorityId || !/^[0-9a-f-]{36}$/i.test(input.id))
    throw notFound("personnelRecord");
  const opinion = (input.opinion ?? "").trim().slice(0, 500);
  if (input.decision !== "approve" && input.decision !== "return") throw invalid("请选择审核通过或退回。");
  if (input.decision === "return" && !opinion) {
    throw invalid("请填写审核意见，告知单位需要更正的内容。", { opinion: "退回时请填写审核意见" });
  }
  const to = input.decision === "approve" ? "approved" : "returned";
  return db.transaction(async (tx) => {
    // Deny by default: only records of employers in the reviewer's own province.
    const [visible] = await tx
      .select({ status: personnelRecords.status })
      .from(personnelRecords)
      .innerJoin(employers, eq(employers.id, personnelRecords.employerId))
      .innerJoin(authorities, eq(authorities.provinceCode, employers.provinceCode))
      .where(and(eq(personnelRecords.id, input.id), eq(authorities.id, actor.authorityId!)));
    if (!visible) throw notFound("personnelRecord");
    const [row] = await tx
      .update(personnelRecords)
      .set({
        status: to,
        reviewOpinion: opinion || null,
        reviewedAt: now,
        reviewerName: actor.displayName,
        updatedAt: now,
        version: sql`${personnelRecords.version} + 1`,
      })
      .where(
        and(
          eq(personnelRecords.id, input.id),
          eq(personnelRecords.version, input.version),
          eq(personnelRecords.status, "submitted"),
        ),
      )
      .returning({ id: personnelRecords.id, version: personnelRecords.version, status: personnelRecords.status });
    if (!row) {
      if (visible.status !== "submitted")
        throw conflict("该人员信息已审核或已被单位撤回修改，请刷新页面查看当前状态。");
      throw conflict("该人员信息刚刚已被他人审核，请刷新页面后查看当前状态。");
    }
    await auditPersonnelChange(tx, actor, {
      recordId: row.id,
      action: to,
      from: "submitted",
      to,
      opinion: opinion || null,
    });
    return row;
  });
}
