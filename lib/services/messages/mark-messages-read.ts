import { and, eq, inArray, isNull } from "drizzle-orm";
import { messages } from "@/db/schema";
import type { Executor } from "@/db/client";

/** 我的消息: marks the given messages (or all) of one recipient as read. Other people's messages are untouched. */
export async function markMessagesRead(
  db: Executor,
  recipientUserId: string,
  ids: string[] | "all",
  now: Date = new Date(),
): Promise<number> {
  const mine = and(eq(messages.recipientUserId, recipientUserId), isNull(messages.readAt));
  const where =
    ids === "all" ? mine : and(mine, inArray(messages.id, ids.length ? ids : ["00000000-0000-0000-0000-000000000000"]));
  const rows = await db.update(messages).set({ readAt: now }).where(where).returning({ id: messages.id });
  return rows.length;
}
