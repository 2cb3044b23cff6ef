/** 通知公告 read models: what the public sees (published only) and the administrators' list (withdrawn too). */
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { readBytes } from "@/lib/server/storage";
import type { Executor } from "@/db/client";
import { announcementAttachments, announcements, files } from "@/db/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function keyword(q: string | undefined): SQL | undefined {
  const k = q?.trim().slice(0, 40);
  if (!k) return undefined;
  const like = `%${k.replace(/[%_\\]/g, "\\$&")}%`;
  return or(ilike(announcements.title, like), ilike(announcements.body, like));
}

export async function latestAnnouncements(db: Executor, limit = 6) {
  return db
    .select({ id: announcements.id, title: announcements.title, publishedAt: announcements.publishedAt })
    .from(announcements)
    .where(eq(announcements.status, "published"))
    .orderBy(desc(announcements.publishedAt), desc(announcements.id))
    .limit(limit);
}

export async function announcementPage(
  db: Executor,
  opts: { q?: string; page: number; pageSize: number; includeWithdrawn?: boolean },
) {
  const where = and(opts.includeWithdrawn ? undefined : eq(announcements.status, "published"), keyword(opts.q));
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: announcements.id,
        title: announcements.title,
        status: announcements.status,
        publishedAt: announcements.publishedAt,
        updatedAt: announcements.updatedAt,
      })
      .from(announcements)
      .where(where)
      .orderBy(desc(announcements.publishedAt), desc(announcements.id))
      .limit(opts.pageSize)
      .offset((opts.page - 1) * opts.pageSize),
    db.select({ n: count() }).from(announcements).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One notice with its attachments; `publicOnly` hides withdrawn ones (the public gets a 404). */
export async function announcementDetail(db: Executor, id: string, publicOnly: boolean) {
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select()
    .from(announcements)
    .where(and(eq(announcements.id, id), publicOnly ? eq(announcements.status, "published") : undefined));
  if (!row) return null;
  const attachments = await db
    .select({ fileId: files.id, name: files.originalName, byteSize: files.byteSize, mimeType: files.mimeType })
    .from(announcementAttachments)
    .innerJoin(files, eq(files.id, announcementAttachments.fileId))
    .where(eq(announcementAttachments.announcementId, id))
    .orderBy(asc(announcementAttachments.position));
  return { ...row, attachments };
}

/** The stored file behind a public attachment link, only while its notice is published. */
export async function publicAttachment(db: Executor, announcementId: string, fileId: string) {
  if (!UUID.test(announcementId) || !UUID.test(fileId)) return null;
  const [row] = await db
    .select({ storageKey: files.storageKey, name: files.originalName, mimeType: files.mimeType })
    .from(announcementAttachments)
    .innerJoin(files, eq(files.id, announcementAttachments.fileId))
    .innerJoin(announcements, eq(announcements.id, announcementAttachments.announcementId))
    .where(
      and(
        eq(announcementAttachments.announcementId, announcementId),
        inArray(announcementAttachments.fileId, [fileId]),
        eq(announcements.status, "published"),
        eq(files.kind, "announcement_attachment"),
      ),
    );
  return row ?? null;
}

/** The bytes of a published notice's attachment for anyone (no sign-in); null once the notice is withdrawn. */
export async function publicAttachmentFile(db: Executor, announcementId: string, fileId: string) {
  const file = await publicAttachment(db, announcementId, fileId);
  if (!file) return null;
  return { bytes: await readBytes(file.storageKey), mimeType: file.mimeType, fileName: file.name ?? "附件" };
}
