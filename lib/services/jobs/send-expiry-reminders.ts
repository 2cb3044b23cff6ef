import { and, eq, gte, inArray, lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import { noticeText } from "../messages/notice-text";
import { addMonths, addDays } from "@/lib/domain/dates";
import { dueExpiryReminders, expiryReminders, extensionWindowOpensOn } from "@/lib/domain/deadlines";
import { getProgram } from "@/lib/domain/programs";
import { chinaDate } from "@/lib/server/clock";
import { getSmsProvider } from "@/lib/server/sms";

export type ExpiryRemindersResult = { sent: number };

/**
 * 注册有效期届满提醒 (issue 11): 6 months, 3 months and 30 days before a registration expires (program data), once
 * each, to 我的消息 and by SMS. The reminder row, the message and the SMS outbox row are written in one transaction
 * whose first statement claims the (registration, reminder) key with ON CONFLICT DO NOTHING — a second node, or a
 * retry after a crash, finds the key taken and sends nothing.
 */
export async function sendExpiryReminders(db: Database, now = new Date()): Promise<ExpiryRemindersResult> {
  const today = chinaDate(now);
  // No program reminds earlier than a year ahead; the window bounds the scan to registrations that can be due.
  const candidates = await db
    .select({
      id: s.registrations.id,
      personId: s.registrations.personId,
      programCode: s.registrations.programCode,
      registrationNo: s.registrations.registrationNo,
      validTo: s.registrations.validTo,
    })
    .from(s.registrations)
    .where(
      and(
        inArray(s.registrations.status, ["active", "suspended"]),
        gte(s.registrations.validTo, today),
        lte(s.registrations.validTo, addDays(addMonths(today, 12), 1)),
      ),
    );
  if (candidates.length === 0) return { sent: 0 };

  const recorded = await db
    .select({ subjectId: s.deadlineReminders.subjectId, key: s.deadlineReminders.reminderKey })
    .from(s.deadlineReminders)
    .where(
      and(
        eq(s.deadlineReminders.subjectKind, "registration_expiry"),
        inArray(
          s.deadlineReminders.subjectId,
          candidates.map((c) => c.id),
        ),
      ),
    );
  const sentBy = new Map<string, Set<string>>();
  for (const r of recorded)
    (sentBy.get(r.subjectId) ?? sentBy.set(r.subjectId, new Set()).get(r.subjectId)!).add(r.key);

  let sent = 0;
  for (const reg of candidates) {
    const program = getProgram(reg.programCode);
    const { send, passed } = dueExpiryReminders(
      reg.validTo,
      today,
      expiryReminders(program),
      sentBy.get(reg.id) ?? new Set(),
    );
    if (!send) continue;
    const delivered = await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(s.deadlineReminders)
        .values({ subjectKind: "registration_expiry", subjectId: reg.id, reminderKey: send.key })
        .onConflictDoNothing()
        .returning({ key: s.deadlineReminders.reminderKey });
      if (claimed.length === 0) return false;
      if (passed.length) {
        await tx
          .insert(s.deadlineReminders)
          .values(
            passed.map((p) => ({
              subjectKind: "registration_expiry" as const,
              subjectId: reg.id,
              reminderKey: p.key,
              sent: false,
            })),
          )
          .onConflictDoNothing();
      }
      const [person] = await tx
        .select({ name: s.people.name, phone: s.people.phone })
        .from(s.people)
        .where(eq(s.people.id, reg.personId));
      const [account] = await tx
        .select({ id: s.userAccounts.id, locale: s.userAccounts.locale })
        .from(s.userAccounts)
        .where(and(eq(s.userAccounts.role, "applicant"), eq(s.userAccounts.personId, reg.personId)));
      // In the registrant's language, 我的消息 and SMS alike (ADR 0010); the program's name is data, kept as it is.
      const n = noticeText(account?.locale);
      const opens = extensionWindowOpensOn(reg.validTo, program);
      const when = opens <= today ? n.t("expiry.openNow") : n.t("expiry.opensOn", { opens });
      const body = n.t("expiry.body", { program: program.name, no: reg.registrationNo, validTo: reg.validTo, when });
      if (account) {
        await tx
          .insert(s.messages)
          .values({ recipientUserId: account.id, title: n.t("expiry.title", { validTo: reg.validTo }), body });
      }
      if (person?.phone) await getSmsProvider(tx).send(person.phone, n.sms(person.name, body));
      return true;
    });
    if (delivered) sent++;
  }
  return { sent };
}
