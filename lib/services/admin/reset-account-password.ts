import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { people, userAccounts } from "@/db/schema";
import { issueCode } from "@/lib/server/one-time-codes";
import { hashPassword } from "@/lib/server/password";
import { maskPhone, type SmsProvider } from "@/lib/server/sms";
import type { Actor } from "../actor";
import { invalid, notFound } from "../errors";
import { recordAdminAction, requireAdmin } from "./authorize";
import { temporaryPassword } from "./temporary-password";

export type ResetOutcome =
  | { kind: "temporary_password"; temporaryPassword: string }
  | { kind: "code_sent"; maskedPhone: string };

/**
 * 用户管理 → 重置密码. Staff and employer accounts get a one-time password the administrator hands over; it must be
 * replaced at the next sign-in, and every open session ends. Applicants get a 找回密码 verification code by SMS to the
 * phone on record instead (their identity is the phone; the administrator never learns their password).
 */
export async function resetAccountPassword(
  db: Database,
  sms: SmsProvider,
  actor: Actor,
  accountId: string,
): Promise<ResetOutcome> {
  requireAdmin(actor);
  const [account] = await db.select().from(userAccounts).where(eq(userAccounts.id, accountId));
  if (!account) throw notFound("account");
  if (account.disabled) throw invalid("该账号已停用，请先启用再重置密码。");

  if (account.role === "applicant") {
    const [person] = account.personId
      ? await db.select({ phone: people.phone }).from(people).where(eq(people.id, account.personId))
      : [];
    const phone = person?.phone ?? account.phone;
    if (!phone) throw invalid("该人员没有登记手机号码，无法发送验证码。");
    return db.transaction(async (tx) => {
      const issued = await issueCode(tx, account.id, account.passwordHash ? "reset_password" : "activate");
      if (!issued.ok) throw invalid(`验证码刚刚已发送至 ${maskPhone(phone)}，请 ${issued.retryAfterSec} 秒后再发送。`);
      await sms.send(
        phone,
        `【执业注册平台】管理员已为您发起找回登录密码，验证码 ${issued.code}，10分钟内有效。请在登录页选择“找回密码”输入验证码并设置新密码。`,
      );
      await recordAdminAction(tx, actor, "password_reset_by_admin", {
        role: account.role,
        login: account.loginName,
        by: "sms code",
      });
      return { kind: "code_sent" as const, maskedPhone: maskPhone(phone) };
    });
  }

  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await tx
      .update(userAccounts)
      .set({ passwordHash, mustChangePassword: true, sessionGeneration: sql`${userAccounts.sessionGeneration} + 1` })
      .where(eq(userAccounts.id, account.id));
    await recordAdminAction(tx, actor, "password_reset_by_admin", {
      role: account.role,
      login: account.loginName,
      by: "temporary password",
    });
    return { kind: "temporary_password" as const, temporaryPassword: password };
  });
}
