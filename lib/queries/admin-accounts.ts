import { and, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { authorities, employers, people, securityEvents, userAccounts } from "@/db/schema";
import type { UserRole } from "@/lib/domain/types";

/** 系统管理 首页: accounts per role and failed sign-ins in the last 24 hours. */
export async function adminOverview(db: Executor) {
  const [byRole, [failures]] = await Promise.all([
    db.select({ role: userAccounts.role, n: count() }).from(userAccounts).groupBy(userAccounts.role),
    db
      .select({ n: count() })
      .from(securityEvents)
      .where(
        sql`${securityEvents.kind} = 'login_failed' and ${securityEvents.createdAt} > now() - interval '24 hours'`,
      ),
  ]);
  return { accountsByRole: new Map(byRole.map((r) => [r.role, r.n])), loginFailures24h: failures?.n ?? 0 };
}

/** 用户管理: one page of accounts, filtered by role and by a fragment of the login or display name. */
export async function accountPage(
  db: Executor,
  filter: { role?: UserRole; q?: string },
  page: { limit: number; offset: number },
) {
  const conds: SQL[] = [];
  if (filter.role) conds.push(eq(userAccounts.role, filter.role));
  if (filter.q) {
    // The fragment is matched literally: %, _ and \ typed by the admin are escaped.
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(userAccounts.loginName, like), ilike(userAccounts.displayName, like))!);
  }
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: userAccounts.id,
        role: userAccounts.role,
        loginName: userAccounts.loginName,
        displayName: userAccounts.displayName,
        disabled: userAccounts.disabled,
        hasPassword: userAccounts.passwordHash,
        lastLoginAt: userAccounts.lastLoginAt,
        employerName: employers.name,
        authorityName: authorities.name,
        linkedPersonName: people.name,
      })
      .from(userAccounts)
      .leftJoin(people, eq(people.id, userAccounts.personId))
      .leftJoin(employers, eq(employers.id, sql`coalesce(${userAccounts.employerId}, ${people.employerId})`))
      .leftJoin(authorities, eq(authorities.id, userAccounts.authorityId))
      .where(where)
      .orderBy(userAccounts.role, desc(userAccounts.createdAt), userAccounts.id)
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(userAccounts).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
