import { count, desc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { securityEvents, userAccounts } from "@/db/schema";

/** 审计日志: one page of security events (newest first), optionally of one kind, with the account they concern. */
export async function securityEventPage(
  db: Executor,
  kind: string | undefined,
  page: { limit: number; offset: number },
) {
  const where = kind ? eq(securityEvents.kind, kind) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ e: securityEvents, loginName: userAccounts.loginName, displayName: userAccounts.displayName })
      .from(securityEvents)
      .leftJoin(userAccounts, eq(userAccounts.id, securityEvents.accountId))
      .where(where)
      .orderBy(desc(securityEvents.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(securityEvents).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
