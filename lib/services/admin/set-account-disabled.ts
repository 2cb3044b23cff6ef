import { and, eq, ne, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { userAccounts } from "@/db/schema";
import type { Actor } from "../actor";
import { invalid, notFound } from "../errors";
import { recordAdminAction, requireAdmin } from "./authorize";

/**
 * 用户管理 → 停用 / 启用. Stopping bumps the session generation, so the account's open sessions end at their next
 * request (the session check in lib/server/auth.ts also refuses disabled accounts). An administrator cannot stop
 * their own account (there would be nobody left to undo it).
 */
export async function setAccountDisabled(
  db: Database,
  actor: Actor,
  accountId: string,
  disabled: boolean,
): Promise<void> {
  requireAdmin(actor);
  if (accountId === actor.userId && disabled) throw invalid("不能停用自己正在使用的管理员账号。");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(userAccounts)
      .set({
        disabled,
        sessionGeneration: disabled ? sql`${userAccounts.sessionGeneration} + 1` : userAccounts.sessionGeneration,
      })
      .where(and(eq(userAccounts.id, accountId), ne(userAccounts.disabled, disabled)))
      .returning({ role: userAccounts.role, loginName: userAccounts.loginName });
    if (!row) {
      const [exists] = await tx
        .select({ id: userAccounts.id })
        .from(userAccounts)
        .where(eq(userAccounts.id, accountId));
      if (!exists) throw notFound("account");
      return; // already in the asked state: nothing to do, nothing to record
    }
    await recordAdminAction(tx, actor, disabled ? "account_disabled" : "account_enabled", {
      role: row.role,
      login: row.loginName,
    });
  });
}
