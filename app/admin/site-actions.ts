"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import {
  bytesOf,
  deleteFaqSchema,
  editAnnouncementSchema,
  faqEntrySchema,
  publishAnnouncementSchema,
  withdrawAnnouncementSchema,
} from "@/lib/schemas/site";
import { formAction } from "@/app/_lib/action-pipeline";
import { deleteFaqEntry } from "@/lib/services/site/delete-faq-entry";
import { editAnnouncement } from "@/lib/services/site/edit-announcement";
import { publishAnnouncement } from "@/lib/services/site/publish-announcement";
import { saveFaqEntry } from "@/lib/services/site/save-faq-entry";
import { withdrawAnnouncement } from "@/lib/services/site/withdraw-announcement";

function refreshPublic() {
  revalidatePath("/");
  revalidatePath("/notices");
  revalidatePath("/admin/notices");
}

/** 发布通知公告 */
export const publishAnnouncementAction = formAction("admin", publishAnnouncementSchema, async (f, { actor }) => {
  const { id } = await publishAnnouncement(getDb(), actor, {
    title: f.title,
    body: f.body,
    attachments: await bytesOf(f.attachments),
  });
  refreshPublic();
  redirect(`/admin/notices/${id}?done=published`);
});

/** 修改通知公告 */
export const editAnnouncementAction = formAction("admin", editAnnouncementSchema, async (f, { actor }) => {
  const { attachments, ...rest } = f;
  await editAnnouncement(getDb(), actor, { ...rest, addAttachments: await bytesOf(attachments) });
  refreshPublic();
  redirect(`/admin/notices/${f.id}?done=saved`);
});

/** 撤回通知公告 */
export const withdrawAnnouncementAction = formAction("admin", withdrawAnnouncementSchema, async (f, { actor }) => {
  await withdrawAnnouncement(getDb(), actor, f);
  refreshPublic();
  redirect(`/admin/notices/${f.id}?done=withdrawn`);
});

/** 新增或修改常见问题 */
export const saveFaqAction = formAction("admin", faqEntrySchema, async (f, { actor }) => {
  await saveFaqEntry(getDb(), actor, { ...f, version: f.id ? f.version : undefined });
  revalidatePath("/faq");
  redirect(`/admin/faq?done=${f.id ? "saved" : "added"}`);
});

/** 删除常见问题 */
export const deleteFaqAction = formAction("admin", deleteFaqSchema, async (f, { actor }) => {
  await deleteFaqEntry(getDb(), actor, f);
  revalidatePath("/faq");
  redirect("/admin/faq?done=deleted");
});
