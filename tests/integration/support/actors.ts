import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/services/actor";

/** The demo account with this role and login name, as the session would present it to a service. */
export async function actorOf(db: Database, role: Actor["role"], loginName: string): Promise<Actor> {
  const [a] = await db
    .select()
    .from(s.userAccounts)
    .where(and(eq(s.userAccounts.role, role), eq(s.userAccounts.loginName, loginName)));
  if (!a) throw new Error(`no ${role} account ${loginName}`);
  return {
    userId: a.id,
    role: a.role,
    displayName: a.displayName,
    personId: a.personId,
    employerId: a.employerId,
    authorityId: a.authorityId,
  };
}

export const employer = (db: Database, uscc: string) => actorOf(db, "employer", uscc);
export const reviewer = (db: Database, username: string) => actorOf(db, "reviewer", username);
