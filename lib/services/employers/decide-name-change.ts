import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import * as s from "@/db/schema";
import { noticeText } from "../messages/notice-text";
import { issueSigningIdentity } from "@/lib/server/pki";
import { logSecurityEvent } from "@/lib/server/security-events";
import { getSmsProvider } from "@/lib/server/sms";
import type { Actor } from "../actor";
import { conflict, invalid, notFound } from "../errors";
import { refuseWhileApplicationsInFlight } from "./in-flight";

export type DecideNameChangeInput = { id: string; version: number; decision: "approve" | "reject"; opinion?: string };

/**
 * 单位名称变更 审核 (R4, `002` §5). Approval, in one transaction: the employer's name; the name printed on every
 * registration in force with it (批量变更), whose e-certificate goes back to 未领证 so the old one is no longer the
 * latest issue; the employer's signing identity re-issued under the new name; and each holder told (我的消息 and SMS)
 * to claim the new certificate (领证). Refused while an application of the employer is in flight (`BJ`), naming it.
 */
export async function decideNameChange(db: Database, actor: Actor, input: DecideNameChangeInput, now = new Date()) {
  if (actor.role !== "reviewer" || !actor.authorityId || !/^[0-9a-f-]{36}$/i.test(input.id))
    throw notFound("nameChange");
  if (input.decision !== "approve" && input.decision !== "reject") throw invalid("请选择审核通过或不予通过。");
  const opinion = (input.opinion ?? "").trim().slice(0, 500);
  if (input.decision === "reject" && !opinion)
    throw invalid("请填写审核意见，告知单位不予通过的原因。", { opinion: "不予通过时请填写审核意见" });

  return db.transaction(async (tx) => {
    // Deny by default: only changes of employers in the reviewer's own province.
    const [found] = await tx
      .select({ change: s.employerNameChanges })
      .from(s.employerNameChanges)
      .innerJoin(s.employers, eq(s.employers.id, s.employerNameChanges.employerId))
      .innerJoin(s.authorities, eq(s.authorities.provinceCode, s.employers.provinceCode))
      .where(and(eq(s.employerNameChanges.id, input.id), eq(s.authorities.id, actor.authorityId!)));
    if (!found) throw notFound("nameChange");
    const change = found.change;
    const to = input.decision === "approve" ? "approved" : "rejected";
    const [row] = await tx
      .update(s.employerNameChanges)
      .set({
        status: to,
        opinion: opinion || null,
        deciderName: actor.displayName,
        decidedAt: now,
        version: sql`${s.employerNameChanges.version} + 1`,
      })
      .where(
        and(
          eq(s.employerNameChanges.id, change.id),
          eq(s.employerNameChanges.version, input.version),
          eq(s.employerNameChanges.status, "submitted"),
        ),
      )
      .returning({ id: s.employerNameChanges.id });
    if (!row) throw conflict("该名称变更刚刚已被审核，请刷新页面查看当前状态。");

    let holders = 0;
    if (to === "approved") {
      await refuseWhileApplicationsInFlight(tx, change.employerId);
      await tx
        .update(s.employers)
        .set({ name: change.newName, updatedAt: now })
        .where(eq(s.employers.id, change.employerId));
      // The employer's sign-in accounts are shown by the unit's name (header, timelines).
      await tx
        .update(s.userAccounts)
        .set({ displayName: change.newName })
        .where(and(eq(s.userAccounts.role, "employer"), eq(s.userAccounts.employerId, change.employerId)));
      // A new updatedAt gives the next e-certificate a new serial: the old one verifies as 不是最新版本.
      const regs = await tx
        .update(s.registrations)
        .set({ employerName: change.newName, certificateState: "unclaimed", certificateFileId: null, updatedAt: now })
        .where(
          and(
            eq(s.registrations.employerId, change.employerId),
            inArray(s.registrations.status, ["active", "suspended"]),
          ),
        )
        .returning({ personId: s.registrations.personId, registrationNo: s.registrations.registrationNo });
      holders = regs.length;
      await issueSigningIdentity(tx, {
        kind: "employer",
        id: change.employerId,
        commonName: change.newName,
        organization: change.newName,
      });
      await tellHolders(tx, regs, change.oldName, change.newName);
    }
    await logSecurityEvent(tx, {
      kind: "employer_name_changed",
      accountId: actor.userId,
      detail: {
        changeId: change.id,
        action: to,
        oldName: change.oldName,
        newName: change.newName,
        opinion: opinion || undefined,
        holders,
      },
    });
    return { id: change.id, status: to, holders };
  });
}

async function tellHolders(
  tx: Executor,
  regs: { personId: string; registrationNo: string }[],
  oldName: string,
  newName: string,
) {
  if (!regs.length) return;
  const personIds = [...new Set(regs.map((r) => r.personId))];
  const accounts = await tx
    .select({ id: s.userAccounts.id, personId: s.userAccounts.personId, locale: s.userAccounts.locale })
    .from(s.userAccounts)
    .where(and(eq(s.userAccounts.role, "applicant"), inArray(s.userAccounts.personId, personIds)));
  const people = await tx
    .select({ id: s.people.id, name: s.people.name, phone: s.people.phone })
    .from(s.people)
    .where(inArray(s.people.id, personIds));
  const sms = getSmsProvider(tx);
  for (const p of people) {
    const nos = regs
      .filter((r) => r.personId === p.id)
      .map((r) => r.registrationNo)
      .join("、");
    const account = accounts.find((a) => a.personId === p.id);
    // In the holder's language, 我的消息 and SMS alike (ADR 0010).
    const n = noticeText(account?.locale);
    const body = n.t("employerRenamed.body", { oldName, newName, nos });
    if (account)
      await tx.insert(s.messages).values({ recipientUserId: account.id, title: n.t("employerRenamed.title"), body });
    if (p.phone) await sms.send(p.phone, n.sms(p.name, body));
  }
}
