import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import * as s from "@/db/schema";
import type { ActorKind } from "@/lib/domain/types";
import type { ApplicationRow } from "@/db/rows/application-rows";
import { noticeText } from "../messages/notice-text";

/**
 * 我的消息 (T2): the applicant hears of every step others take, with the opinion; the employer hears when a staff
 * member's application waits for it (签名确认, or consent to a withdrawal). Each in the recipient's language: `title`
 * (the engine's name of the step, program-specific) and `summary` are Chinese, so English readers get the status the
 * step led to instead, and no summary.
 */
export async function notifyParties(
  tx: Executor,
  app: ApplicationRow,
  by: ActorKind,
  title: string,
  opinion: string | null,
  summary?: string,
) {
  const rows: (typeof s.messages.$inferInsert)[] = [];
  if (by !== "applicant") {
    const [account] = await tx
      .select({ id: s.userAccounts.id, locale: s.userAccounts.locale })
      .from(s.userAccounts)
      .where(and(eq(s.userAccounts.role, "applicant"), eq(s.userAccounts.personId, app.personId)));
    if (account) {
      const n = noticeText(account.locale);
      const chinese = n.locale === "zh-CN";
      const values = {
        type: n.type(app.type),
        ref: n.ref(app.acceptanceNo),
        event: chinese ? title : n.t("application.statusNow", { status: n.status(app.status) }),
      };
      const body = [
        n.t("application.body", values),
        opinion ? n.t("application.opinion", { opinion }) : "",
        chinese ? (summary ?? "") : "",
      ]
        .filter(Boolean)
        .join("\n");
      rows.push({ recipientUserId: account.id, applicationId: app.id, title: n.t("application.title", values), body });
    }
  }
  if (by === "applicant" && app.employerId && (app.status === "signed" || app.status === "withdrawal_requested")) {
    const accounts = await tx
      .select({ id: s.userAccounts.id, locale: s.userAccounts.locale })
      .from(s.userAccounts)
      .where(and(eq(s.userAccounts.role, "employer"), eq(s.userAccounts.employerId, app.employerId)));
    const [person] = await tx.select({ name: s.people.name }).from(s.people).where(eq(s.people.id, app.personId));
    const what = app.status === "signed" ? "countersign" : "withdrawal";
    for (const a of accounts) {
      const n = noticeText(a.locale);
      const values = { name: person?.name ?? "", type: n.type(app.type), ref: n.ref(app.acceptanceNo) };
      rows.push({
        recipientUserId: a.id,
        applicationId: app.id,
        title: n.t(`employer.${what}.title`, values),
        body: n.t(`employer.${what}.body`, values),
      });
    }
  }
  if (rows.length > 0) await tx.insert(s.messages).values(rows);
}
