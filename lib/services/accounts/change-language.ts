import { eq } from "drizzle-orm";
import { userAccounts } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The header's language switch for a signed-in user: the account remembers the choice, so every device, every later
 * page, 我的消息 and SMS follow it. Only the caller's own account is touched (the id comes from the session).
 */
export async function changeLanguage(db: Executor, accountId: string, locale: Locale): Promise<void> {
  await db.update(userAccounts).set({ locale }).where(eq(userAccounts.id, accountId));
}
