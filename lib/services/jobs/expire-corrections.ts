import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { noticeText } from "../messages/notice-text";
import { compareDates } from "@/lib/domain/dates";
import { correctionReminderOn } from "@/lib/domain/deadlines";
import { getProgram } from "@/lib/domain/programs";
import { chinaDate } from "@/lib/server/clock";
import { getSmsProvider } from "@/lib/server/sms";
import { SYSTEM_ACTOR } from "../actor";
import { transitionApplication } from "../applications/transition";
import { ServiceError } from "../errors";

export type CorrectionDeadlinesResult = { reminded: number; expired: number; skipped: number };

/**
 * 补正期限 (issue 11, W4): each correction request carries a deadline (applications.correction_due_on, from program
 * data). A few days before it the applicant is reminded once in 我的消息 and by SMS; once the deadline has passed
 * without 提交补正, the system decides 不予注册 with the reason 逾期未补正 — the applicant can still correct and file
 * again (W5), as after any 不予注册.
 *
 * Idempotent across nodes: the reminder claims a once-only key; the expiry goes through the conditional update of
 * transitionApplication, so an applicant's last-minute 提交补正 and this job cannot both win.
 */
export async function expireCorrections(db: Database, now = new Date()): Promise<CorrectionDeadlinesResult> {
  const today = chinaDate(now);
  const open = await db
    .select({
      id: s.applications.id,
      version: s.applications.version,
      programCode: s.applications.programCode,
      type: s.applications.type,
      personId: s.applications.personId,
      acceptanceNo: s.applications.acceptanceNo,
      dueOn: s.applications.correctionDueOn,
    })
    .from(s.applications)
    .where(and(eq(s.applications.status, "correction_requested"), isNotNull(s.applications.correctionDueOn)));

  const result: CorrectionDeadlinesResult = { reminded: 0, expired: 0, skipped: 0 };
  for (const app of open) {
    const dueOn = app.dueOn!;
    const program = getProgram(app.programCode);
    if (compareDates(today, dueOn) > 0) {
      try {
        await transitionApplication(db, SYSTEM_ACTOR, {
          applicationId: app.id,
          expectedVersion: app.version,
          action: "reject",
          input: { reasons: [`逾期未补正（补正期限 ${dueOn}）`], opinion: `补正期限 ${dueOn} 已过，未提交补正材料` },
          now,
        });
        result.expired++;
      } catch (e) {
        if (e instanceof ServiceError) result.skipped++;
        else throw e;
      }
      continue;
    }
    if (compareDates(today, correctionReminderOn(dueOn, program)) < 0) continue;
    const reminded = await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(s.deadlineReminders)
        .values({ subjectKind: "correction_due", subjectId: app.id, reminderKey: `due-${dueOn}` })
        .onConflictDoNothing()
        .returning({ key: s.deadlineReminders.reminderKey });
      if (claimed.length === 0) return false;
      const [person] = await tx
        .select({ name: s.people.name, phone: s.people.phone })
        .from(s.people)
        .where(eq(s.people.id, app.personId));
      const [account] = await tx
        .select({ id: s.userAccounts.id, locale: s.userAccounts.locale })
        .from(s.userAccounts)
        .where(and(eq(s.userAccounts.role, "applicant"), eq(s.userAccounts.personId, app.personId)));
      // In the applicant's language, 我的消息 and SMS alike (ADR 0010).
      const n = noticeText(account?.locale);
      const body = n.t("correctionDue.body", { type: n.type(app.type), ref: n.ref(app.acceptanceNo), dueOn });
      if (account)
        await tx.insert(s.messages).values({
          recipientUserId: account.id,
          applicationId: app.id,
          title: n.t("correctionDue.title", { dueOn }),
          body,
        });
      if (person?.phone) await getSmsProvider(tx).send(person.phone, n.sms(person.name, body));
      return true;
    });
    if (reminded) result.reminded++;
  }
  return result;
}
