import { and, eq, sql } from "drizzle-orm";
import { userAccounts } from "@/db/schema";
import type { Executor } from "@/db/client";

/**
 * Sessions are signed cookies that carry the account's session generation; every request re-reads the account and
 * refuses a token whose generation is stale, whose account is disabled, or that is older than the absolute lifetime
 * (lib/server/auth.ts). Ending every session of an account is therefore one conditional-free increment, safe to run
 * inside the caller's transaction (ASVS V3.3.1, V3.3.3).
 *
 * Callers: sign-out, 修改登录密码, 获取密码 / 找回密码, and disabling an account (admin screens).
 */
export async function endAllSessions(db: Executor, accountId: string): Promise<number | null> {
  const [row] = await db
    .update(userAccounts)
    .set({ sessionGeneration: sql`${userAccounts.sessionGeneration} + 1` })
    .where(eq(userAccounts.id, accountId))
    .returning({ sessionGeneration: userAccounts.sessionGeneration });
  return row?.sessionGeneration ?? null;
}

/** Sign-out: ends every session of the account, but only when presented by a session that is still valid. */
export async function endSessionsOnSignOut(
  db: Executor,
  accountId: string,
  generation: number | undefined,
): Promise<boolean> {
  if (generation === undefined) return false;
  const rows = await db
    .update(userAccounts)
    .set({ sessionGeneration: sql`${userAccounts.sessionGeneration} + 1` })
    .where(and(eq(userAccounts.id, accountId), eq(userAccounts.sessionGeneration, generation)))
    .returning({ id: userAccounts.id });
  return rows.length > 0;
}

/** Absolute session lifetime: a session ends 12 hours after sign-in however active it is (ASVS V3.3.2). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;

export function sessionTooOld(authenticatedAtMs: number | undefined, nowMs: number = Date.now()): boolean {
  return (
    !authenticatedAtMs ||
    !Number.isFinite(authenticatedAtMs) ||
    nowMs - authenticatedAtMs >= SESSION_ABSOLUTE_MS ||
    authenticatedAtMs > nowMs + 60_000
  );
}
