/**
 * Checking and storing 通知公告 attachments. Bytes go through lib/server/storage (so they follow wherever storage
 * moves); if the transaction that links them fails, the caller removes them again with `discard`.
 */
import type { Executor } from "@/db/client";
import { files } from "@/db/schema";
import { ATTACHMENT_FORMATS_LABEL, ATTACHMENT_MAX_BYTES, detectAttachment } from "@/lib/domain/attachments";
import { removeBytes, storeBytes } from "@/lib/server/storage";
import type { Actor } from "../actor";

export type AttachmentUpload = { fileName: string; bytes: Uint8Array };

export type StoredAttachment = {
  storageKey: string;
  sha256: string;
  fileName: string;
  mimeType: string;
  byteSize: number;
};

/** Problems in plain Chinese, one per bad file; empty when all may be published. */
export function checkAttachments(uploads: readonly AttachmentUpload[]): string[] {
  const problems: string[] = [];
  for (const u of uploads) {
    const name = u.fileName.slice(0, 200) || "未命名文件";
    if (u.bytes.byteLength === 0) problems.push(`“${name}”是空文件`);
    else if (u.bytes.byteLength > ATTACHMENT_MAX_BYTES) problems.push(`“${name}”超过10MB`);
    else if (!detectAttachment(name, u.bytes))
      problems.push(`“${name}”不是${ATTACHMENT_FORMATS_LABEL}文件（按文件内容识别，扩展名须与内容一致）`);
  }
  return problems;
}

export async function storeAttachments(uploads: readonly AttachmentUpload[]): Promise<StoredAttachment[]> {
  const out: StoredAttachment[] = [];
  for (const u of uploads) {
    const kind = detectAttachment(u.fileName, u.bytes)!;
    const stored = await storeBytes(u.bytes);
    out.push({ ...stored, fileName: u.fileName.slice(0, 200), mimeType: kind.mimeType, byteSize: u.bytes.byteLength });
  }
  return out;
}

export async function discard(stored: readonly StoredAttachment[]): Promise<void> {
  await Promise.all(stored.map((s) => removeBytes(s.storageKey)));
}

/** Inserts the file rows (already `kept`: an announcement is saved in the same transaction). */
export async function insertAttachmentFiles(
  tx: Executor,
  actor: Actor,
  stored: readonly StoredAttachment[],
): Promise<string[]> {
  if (!stored.length) return [];
  const rows = await tx
    .insert(files)
    .values(
      stored.map((s) => ({
        kind: "announcement_attachment" as const,
        originalName: s.fileName,
        mimeType: s.mimeType,
        byteSize: s.byteSize,
        sha256: s.sha256,
        storageKey: s.storageKey,
        state: "kept" as const,
        uploadedBy: actor.userId,
      })),
    )
    .returning({ id: files.id });
  return rows.map((r) => r.id);
}
