import { eq, sql } from "drizzle-orm";
import { userAccounts } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { CODE_EXPIRED, consumeCode, type CodePurpose } from "@/lib/server/one-time-codes";
import { accountKey, resetAccountThrottle } from "@/lib/server/login-throttle";
import { hashPassword, passwordProblem } from "@/lib/server/password";
import { logSecurityEvent } from "@/lib/server/security-events";
import { findAccountByLogin } from "./find-account";

export interface SetPasswordWithCodeInput {
  kind: "applicant" | "employer";
  loginName: string;
  code: string;
  password: string;
  ip: string;
  now?: Date;
}

/** Shared step 2 of 获取密码 and 找回密码: check the SMS code, store the password, end every other session. */
export async function setPasswordWithCode(
  db: Executor,
  purpose: CodePurpose,
  input: SetPasswordWithCodeInput,
): Promise<ActionResult> {
  const now = input.now ?? new Date();
  const problem = passwordProblem(input.password);
  if (problem) return { ok: false, error: problem, fieldErrors: { password: problem } };
  const hash = await hashPassword(input.password);

  return db.transaction(async (tx) => {
    const account = await findAccountByLogin(tx, input.kind, input.loginName);
    // No account, a disabled one, or 获取密码 on an account that has a password: the same answer as a code that has
    // expired, so step 2 reveals no more than step 1 (ASVS V2.5.2); the phone on record was told what to do instead.
    if (!account || account.disabled || (purpose === "activate" && account.passwordHash)) {
      return { ok: false, error: CODE_EXPIRED, fieldErrors: { code: CODE_EXPIRED } };
    }
    const check = await consumeCode(tx, account.id, purpose, input.code, now);
    if (!check.ok) {
      await logSecurityEvent(tx, { kind: "code_failed", accountId: account.id, ip: input.ip, detail: { purpose } });
      return { ok: false, error: check.error, fieldErrors: { code: check.error } };
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
