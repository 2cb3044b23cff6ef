import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { announcements } from "@/db/schema";
import type { Actor } from "../actor";
import { conflict, notFound } from "../errors";
import { auditContentChange, requireAdmin } from "./content-rules";
import { isUuid } from "@/lib/domain/ids";

/** 撤回通知公告: the public no longer sees it (nor its attachments); administrators still do, marked 已撤回. */
export async function withdrawAnnouncement(
  db: Database,
  actor: Actor,
  input: { id: string; version: number },
  now = new Date(),
) {
  requireAdmin(actor, "announcement");
  if (!isUuid(input.id)) throw notFound("announcement");
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(announcements)
      .set({ status: "withdrawn", withdrawnAt: now, updatedAt: now, version: sql`${announcements.version} + 1` })
      .where(
        and(
          eq(announcements.id, input.id),
          eq(announcements.version, input.version),
          eq(announcements.status, "published"),
        ),
      )
      .returning({ title: announcements.title });
    if (!rows.length) {
      const [exists] = await tx
        .select({ status: announcements.status })
        .from(announcements)
        .where(eq(announcements.id, input.id));
      if (!exists) throw notFound("announcement");
      throw conflict(
        exists.status === "withdrawn" ? "该公告已经撤回。" : "该公告刚刚已被他人修改。请刷新页面后再撤回。",
      );
    }
    await auditContentChange(tx, actor, { what: "通知公告", action: "撤回", id: input.id, title: rows[0]!.title });
    return { id: input.id };
  });
}
