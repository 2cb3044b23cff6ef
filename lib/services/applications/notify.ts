import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import { APPLICATION_TYPE_LABELS } from "@/lib/domain/application-types";
import type { ActorKind } from "@/lib/domain/types";
import type { ApplicationRow } from "@/db/rows/application-rows";

/**
 * 我的消息 (T2): the applicant hears of every step others take, with the opinion; the employer hears when a staff
 * member's application waits for it (签名确认, or consent to a withdrawal).
 */
export async function notifyParties(
  tx: Executor,
  app: ApplicationRow,
  by: ActorKind,
  title: string,
  opinion: string | null,
  summary?: string,
) {
  const typeLabel = APPLICATION_TYPE_LABELS[app.type];
  const ref = app.acceptanceNo ? `（受理编号 ${app.acceptanceNo}）` : "";
  const rows: (typeof s.messages.$inferInsert)[] = [];
  if (by !== "applicant") {
    const [account] = await tx
      .select({ id: s.userAccounts.id })
      .from(s.userAccounts)
      .where(and(eq(s.userAccounts.role, "applicant"), eq(s.userAccounts.personId, app.personId)));
    if (account) {
      const body = [`您的${typeLabel}申请${ref}：${title}。`, opinion ? `意见：${opinion}` : "", summary ?? ""]
        .filter(Boolean)
        .join("\n");
      rows.push({ recipientUserId: account.id, applicationId: app.id, title: `${typeLabel}：${title}`, body });
    }
  }
  if (by === "applicant" && app.employerId && (app.status === "signed" || app.status === "withdrawal_requested")) {
    const accounts = await tx
      .select({ id: s.userAccounts.id })
      .from(s.userAccounts)
      .where(and(eq(s.userAccounts.role, "employer"), eq(s.userAccounts.employerId, app.employerId)));
    const [person] = await tx.select({ name: s.people.name }).from(s.people).where(eq(s.people.id, app.personId));
    const what = app.status === "signed" ? "待企业签名确认" : "申请撤回，待单位同意";
    for (const a of accounts) {
      rows.push({
        recipientUserId: a.id,
        applicationId: app.id,
        title: `${person?.name ?? ""}的${typeLabel}申请${what}`,
        body: `${person?.name ?? ""}的${typeLabel}申请${ref}${what}。请在“待企业确认”中办理。`,
      });
    }
  }
  if (rows.length > 0) await tx.insert(s.messages).values(rows);
}
