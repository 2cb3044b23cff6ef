import { eq, sql } from "drizzle-orm";
import { userAccounts } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { CODE_EXPIRED, consumeCode, type CodePurpose } from "@/lib/server/one-time-codes";
import { accountKey, resetAccountThrottle } from "@/lib/server/login-throttle";
import { hashPassword, passwordProblem } from "@/lib/server/password";
import { logSecurityEvent } from "@/lib/server/security-events";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { findAccountByLogin } from "./find-account";

export interface SetPasswordWithCodeInput {
  kind: "applicant" | "employer";
  loginName: string;
  code: string;
  password: string;
  ip: string;
  /** The language of the page (the answer is in it). */
  locale?: Locale;
  now?: Date;
}

/**
 * consumeCode (shared with 签名 whose texts are made elsewhere) answers in Chinese; the person at this page reads
 * their own language. Its three answers are fixed texts, one with the number of tries left.
 */
function codeProblemIn(locale: Locale, error: string): string {
  if (locale === DEFAULT_LOCALE) return error;
  const t = translator(locale, "auth");
  if (error === CODE_EXPIRED) return t("problems.codeExpired");
  const left = /(\d+)次/.exec(error)?.[1];
  return left ? t("service.codeWrong", { left: Number(left) }) : t("problems.codeTooManyTries");
}

/** Shared step 2 of 获取密码 and 找回密码: check the SMS code, store the password, end every other session. */
export async function setPasswordWithCode(
  db: Executor,
  purpose: CodePurpose,
  input: SetPasswordWithCodeInput,
): Promise<ActionResult> {
  const now = input.now ?? new Date();
  const locale = input.locale ?? DEFAULT_LOCALE;
  const problem = passwordProblem(input.password) && translator(locale, "auth")("problems.passwordRule");
  if (problem) return { ok: false, error: problem, fieldErrors: { password: problem } };
  const hash = await hashPassword(input.password);

  return db.transaction(async (tx) => {
    const account = await findAccountByLogin(tx, input.kind, input.loginName);
    // No account, a disabled one, or 获取密码 on an account that has a password: the same answer as a code that has
    // expired, so step 2 reveals no more than step 1 (ASVS V2.5.2); the phone on record was told what to do instead.
    if (!account || account.disabled || (purpose === "activate" && account.passwordHash)) {
      const expired = codeProblemIn(locale, CODE_EXPIRED);
      return { ok: false, error: expired, fieldErrors: { code: expired } };
    }
    const check = await consumeCode(tx, account.id, purpose, input.code, now);
    if (!check.ok) {
      await logSecurityEvent(tx, { kind: "code_failed", accountId: account.id, ip: input.ip, detail: { purpose } });
      const problem = codeProblemIn(locale, check.error);
      return { ok: false, error: problem, fieldErrors: { code: problem } };
    }
    await tx
      .update(userAccounts)
      .set({
        passwordHash: hash,
        passwordChangedAt: now,
        sessionGeneration: sql`${userAccounts.sessionGeneration} + 1`,
      })
      .where(eq(userAccounts.id, account.id));
    // Proving the phone is as good as knowing the password: lift any sign-in lock on this login name.
    await resetAccountThrottle(tx, accountKey(input.kind, input.loginName));
    await logSecurityEvent(tx, {
      kind: purpose === "activate" ? "password_activated" : "password_reset",
      accountId: account.id,
      ip: input.ip,
    });
    return { ok: true };
  });
}
