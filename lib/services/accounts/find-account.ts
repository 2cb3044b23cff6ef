import { and, eq, inArray, sql } from "drizzle-orm";
import { employers, people, userAccounts } from "@/db/schema";
import type { Executor } from "@/db/client";
import type { UserRole } from "@/lib/domain/types";

/** Which login page an account signs in on; reviewers and admins share the staff page and its counters. */
export type LoginKind = "applicant" | "employer" | "staff";

export function loginKindOf(role: UserRole): LoginKind {
  return role === "applicant" ? "applicant" : role === "employer" ? "employer" : "staff";
}

function rolesOf(kind: LoginKind): UserRole[] {
  return kind === "staff" ? ["reviewer", "admin"] : [kind];
}

/** The account behind a login name, with the phone one-time codes go to (applicants: people.phone). */
export async function findAccountByLogin(db: Executor, kind: LoginKind, loginName: string) {
  const [row] = await db
    .select({
      id: userAccounts.id,
      role: userAccounts.role,
      loginName: userAccounts.loginName,
      passwordHash: userAccounts.passwordHash,
      displayName: userAccounts.displayName,
      disabled: userAccounts.disabled,
      sessionGeneration: userAccounts.sessionGeneration,
      mustChangePassword: userAccounts.mustChangePassword,
      personId: userAccounts.personId,
      employerId: userAccounts.employerId,
      authorityId: userAccounts.authorityId,
      locale: userAccounts.locale,
      phone: sql<string | null>`coalesce(${people.phone}, ${userAccounts.phone}, ${employers.contactPhone})`,
    })
    .from(userAccounts)
    .leftJoin(people, eq(people.id, userAccounts.personId))
    .leftJoin(employers, eq(employers.id, userAccounts.employerId))
    .where(and(eq(userAccounts.loginName, loginName), inArray(userAccounts.role, rolesOf(kind))))
    .orderBy(userAccounts.role)
    .limit(1);
  return row ?? null;
}
