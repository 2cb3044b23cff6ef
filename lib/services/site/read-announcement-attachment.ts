import type { Database } from "@/db/client";
import { publicAttachment } from "@/lib/queries/public-announcements";
import { readBytes } from "@/lib/server/storage";
import { notFound } from "../errors";

/** A 通知公告 attachment for anyone (no sign-in) while its notice is published; otherwise not found. */
export async function readAnnouncementAttachment(db: Database, announcementId: string, fileId: string) {
  const file = await publicAttachment(db, announcementId, fileId);
  if (!file) throw notFound("该附件");
  return { bytes: await readBytes(file.storageKey), mimeType: file.mimeType, fileName: file.name ?? "附件" };
}
