import type { Database } from "@/db/client";
import { announcementAttachments, announcements } from "@/db/schema";
import { ATTACHMENT_MAX_COUNT } from "@/lib/domain/attachments";
import type { Actor } from "../actor";
import { invalid } from "../errors";
import {
  checkAttachments,
  discard,
  insertAttachmentFiles,
  storeAttachments,
  type AttachmentUpload,
} from "./announcement-attachments";
import { auditContentChange, requireAdmin, textField } from "./content-rules";

export type AnnouncementInput = { title: string; body: string; attachments: AttachmentUpload[] };

export function checkAnnouncement(
  input: { title: unknown; body: unknown },
  attachmentCount: number,
  uploads: AttachmentUpload[],
) {
  const errors: Record<string, string> = {};
  const title = textField(input.title, "公告标题", 200, errors, "title");
  const body = textField(input.body, "公告正文", 20000, errors, "body");
  const problems = checkAttachments(uploads);
  if (problems.length) errors.attachments = `${problems.join("；")}。`;
  else if (attachmentCount > ATTACHMENT_MAX_COUNT) errors.attachments = `每条公告最多${ATTACHMENT_MAX_COUNT}个附件`;
  if (Object.keys(errors).length) throw invalid("公告未发布，请按提示修改后重新提交。", errors);
  return { title, body };
}

/** 通知公告: an administrator publishes a notice with its attachments; the public site shows it at once. */
export async function publishAnnouncement(db: Database, actor: Actor, input: AnnouncementInput, now = new Date()) {
  requireAdmin(actor, "page");
  const { title, body } = checkAnnouncement(input, input.attachments.length, input.attachments);
  const stored = await storeAttachments(input.attachments);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(announcements)
        .values({ title, body, publishedAt: now, updatedAt: now, createdBy: actor.userId })
        .returning();
      const fileIds = await insertAttachmentFiles(tx, actor, stored);
      if (fileIds.length)
        await tx
          .insert(announcementAttachments)
          .values(fileIds.map((fileId, position) => ({ announcementId: row!.id, fileId, position })));
      await auditContentChange(tx, actor, { what: "通知公告", action: "发布", id: row!.id, title });
      return { id: row!.id };
    });
  } catch (e) {
    await discard(stored);
    throw e;
  }
}
