import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { userAccounts } from "@/db/schema";
import { accountKey, resetAccountThrottle } from "@/lib/server/login-throttle";
import type { Actor } from "../actor";
import { notFound } from "../errors";
import { loginKindOf } from "../accounts/find-account";
import { recordAdminAction, requireAdmin } from "./authorize";

/** 用户管理 → 解除锁定: clears the account's failed sign-in counter and lock (the user can sign in again at once). */
export async function unlockAccount(db: Database, actor: Actor, accountId: string): Promise<void> {
  requireAdmin(actor);
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(userAccounts).where(eq(userAccounts.id, accountId));
    if (!row) throw notFound("account");
    await resetAccountThrottle(tx, accountKey(loginKindOf(row.role), row.loginName));
    await recordAdminAction(tx, actor, "account_unlocked", { role: row.role, login: row.loginName });
  });
}
