import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { announcementAttachments, announcements } from "@/db/schema";
import type { Actor } from "../actor";
import { conflict, notFound } from "../errors";
import { discard, insertAttachmentFiles, storeAttachments, type AttachmentUpload } from "./announcement-attachments";
import { auditContentChange, requireAdmin } from "./content-rules";
import { checkAnnouncement } from "./publish-announcement";

export type EditAnnouncementInput = {
  id: string;
  /** The version the administrator edited; a newer one means someone else saved first. */
  version: number;
  title: string;
  body: string;
  addAttachments: AttachmentUpload[];
  removeFileIds: string[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 修改通知公告: title, body and attachments of a published notice; its publication date stays. */
export async function editAnnouncement(db: Database, actor: Actor, input: EditAnnouncementInput, now = new Date()) {
  requireAdmin(actor, "announcement");
  if (!UUID.test(input.id)) throw notFound("announcement");
  const current = await db
    .select({ fileId: announcementAttachments.fileId })
    .from(announcementAttachments)
    .where(eq(announcementAttachments.announcementId, input.id));
  const removing = new Set(input.removeFileIds.filter((id) => current.some((c) => c.fileId === id)));
  const { title, body } = checkAnnouncement(
    input,
    current.length - removing.size + input.addAttachments.length,
    input.addAttachments,
  );
  const stored = await storeAttachments(input.addAttachments);
  try {
    return await db.transaction(async (tx) => {
      const updated = await tx
        .update(announcements)
        .set({ title, body, updatedAt: now, version: sql`${announcements.version} + 1` })
        .where(
          and(
            eq(announcements.id, input.id),
            eq(announcements.version, input.version),
            eq(announcements.status, "published"),
          ),
        )
        .returning({ id: announcements.id });
      if (!updated.length) {
        const [exists] = await tx
          .select({ status: announcements.status })
          .from(announcements)
          .where(eq(announcements.id, input.id));
        if (!exists) throw notFound("announcement");
        throw conflict(
          exists.status === "withdrawn"
            ? "该公告已撤回，不能再修改。"
            : "该公告刚刚已被他人修改。请刷新页面，在最新内容上重新修改（您填写的内容请先复制保存）。",
        );
      }
      if (removing.size) {
        await tx
          .delete(announcementAttachments)
          .where(
            and(
              eq(announcementAttachments.announcementId, input.id),
              inArray(announcementAttachments.fileId, [...removing]),
            ),
          );
      }
      const fileIds = await insertAttachmentFiles(tx, actor, stored);
      if (fileIds.length) {
        const base = current.length;
        await tx
          .insert(announcementAttachments)
          .values(fileIds.map((fileId, i) => ({ announcementId: input.id, fileId, position: base + i })));
      }
      await auditContentChange(tx, actor, { what: "通知公告", action: "修改", id: input.id, title });
      return { id: input.id };
    });
  } catch (e) {
    await discard(stored);
    throw e;
  }
}
