import { desc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { smsOutbox } from "@/db/schema";

/** 短信发件箱 (demo / test deployments): the 50 newest messages. */
export function latestSmsOutbox(db: Executor) {
  return db.select().from(smsOutbox).orderBy(desc(smsOutbox.id)).limit(50);
}
