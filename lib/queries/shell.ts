import { and, count, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { authorities, employers, messages, people } from "@/db/schema";

/**
 * What the signed-in shells (layouts) show around every page: the unit name in the header and the unread-message
 * badge. Kept small — layouts run on every navigation.
 */
export async function applicantShell(db: Executor, personId: string, userId: string) {
  const [[info], [unread]] = await Promise.all([
    db
      .select({ employerName: employers.name })
      .from(people)
      .leftJoin(employers, eq(employers.id, people.employerId))
      .where(eq(people.id, personId)),
    db
      .select({ n: count() })
      .from(messages)
      .where(and(eq(messages.recipientUserId, userId), isNull(messages.readAt))),
  ]);
  return { employerName: info?.employerName ?? undefined, unreadMessages: unread?.n ?? 0 };
}

export async function authorityName(db: Executor, authorityId: string): Promise<string | undefined> {
  const [a] = await db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, authorityId));
  return a?.name;
}
