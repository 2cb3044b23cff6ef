import { eq, sql } from "drizzle-orm";
import { userAccounts } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { accountKey, describeRetry, readThrottle, recordFailure } from "@/lib/server/login-throttle";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/server/password";
import { logSecurityEvent } from "@/lib/server/security-events";
import { loginKindOf } from "./find-account";

/**
 * 修改登录密码 while signed in. Bumps session_generation, which ends every other session of the account; the caller
 * re-issues its own session with the returned generation. A wrong old password counts against the account's sign-in
 * counter (so a hijacked session cannot be used to guess the password).
 */
export async function changePassword(
  db: Executor,
  input: { accountId: string; oldPassword: string; newPassword: string; ip: string; now?: Date },
): Promise<ActionResult<{ sessionGeneration: number }>> {
  const now = input.now ?? new Date();
  const problem = passwordProblem(input.newPassword);
  if (problem) return { ok: false, error: problem, fieldErrors: { password: problem } };

  const [account] = await db.select().from(userAccounts).where(eq(userAccounts.id, input.accountId)).limit(1);
  if (!account || account.disabled) return { ok: false, error: "登录状态已失效，请重新登录后再修改密码。" };

  const key = accountKey(loginKindOf(account.role), account.loginName);
  const state = await readThrottle(db, { account: key }, now);
  if (state.lockedUntil) {
    return { ok: false, error: `原密码输错次数过多，请于 ${describeRetry(state.lockedUntil, now)}再试。` };
  }
  if (!(await verifyPassword(input.oldPassword, account.passwordHash))) {
    const after = await recordFailure(db, { account: key }, now);
    await logSecurityEvent(db, {
      kind: "login_failed",
      accountId: account.id,
      ip: input.ip,
      detail: { reason: "bad_old_password", failures: after.accountFailures },
    });
    const msg = after.lockedUntil
      ? `原密码不正确，输错次数过多，请于 ${describeRetry(after.lockedUntil, now)}再试。`
      : "原密码不正确，请重新输入。";
    return { ok: false, error: msg, fieldErrors: { oldPassword: msg } };
  }

  const hash = await hashPassword(input.newPassword);
  const [updated] = await db
    .update(userAccounts)
    .set({
      passwordHash: hash,
      passwordChangedAt: now,
      mustChangePassword: false,
      sessionGeneration: sql`${userAccounts.sessionGeneration} + 1`,
    })
    .where(eq(userAccounts.id, account.id))
    .returning({ sessionGeneration: userAccounts.sessionGeneration });
  await logSecurityEvent(db, { kind: "password_changed", accountId: account.id, ip: input.ip });
  return { ok: true, sessionGeneration: updated!.sessionGeneration };
}
