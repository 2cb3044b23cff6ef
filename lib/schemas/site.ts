import { z } from "zod";
import { list, postedVersion, text, uuid } from "./common";

/**
 * 通知公告 and 常见问题 forms, as posted. Lengths and clean text here; what makes an announcement or an entry
 * complete (title required, attachment limits, 排序 range) is checked by the site services, next to each field.
 */
const attachments = list(z.unknown(), 20).transform((vs) =>
  vs.filter((v): v is File => v instanceof File && v.size > 0),
);

export const publishAnnouncementSchema = z.object({
  title: text(400).default(""),
  body: text(40000).default(""),
  attachments,
});

export const editAnnouncementSchema = publishAnnouncementSchema.extend({
  id: uuid,
  version: postedVersion,
  removeFileIds: list(uuid, 20),
});

export const withdrawAnnouncementSchema = z.object({ id: uuid, version: postedVersion });

export const faqEntrySchema = z.object({
  id: z.union([z.literal("").transform(() => undefined), uuid]).optional(),
  version: postedVersion.optional(),
  category: text(80).default(""),
  question: text(600).default(""),
  answer: text(10000).default(""),
  position: text(8).default(""),
});

export const deleteFaqSchema = z.object({ id: uuid });

/** Uploaded files as the services take them. */
export async function bytesOf(files: File[]) {
  return Promise.all(files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
