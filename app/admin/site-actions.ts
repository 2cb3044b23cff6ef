"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formString, formVersion, SESSION_EXPIRED, stateFromError, type FormState } from "@/components/review/action-state";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { deleteFaqEntry } from "@/lib/services/site/delete-faq-entry";
import { editAnnouncement } from "@/lib/services/site/edit-announcement";
import { publishAnnouncement } from "@/lib/services/site/publish-announcement";
import { saveFaqEntry } from "@/lib/services/site/save-faq-entry";
import { withdrawAnnouncement } from "@/lib/services/site/withdraw-announcement";

async function admin() {
  const user = await getCurrentUser();
  return user && user.role === "admin" ? actorFromUser(user) : null;
}

async function uploads(fd: FormData) {
  const files = fd.getAll("attachments").filter((v): v is File => typeof v === "object" && v !== null && "arrayBuffer" in v && v.size > 0);
  return Promise.all(files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

function refreshPublic() {
  revalidatePath("/");
  revalidatePath("/notices");
  revalidatePath("/admin/notices");
}

/** 发布通知公告 */
export async function publishAnnouncementAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const actor = await admin();
  if (!actor) return SESSION_EXPIRED;
  let id: string;
  try {
    ({ id } = await publishAnnouncement(getDb(), actor, { title: formString(fd, "title", 400), body: formString(fd, "body", 40000), attachments: await uploads(fd) }));
  } catch (e) {
    return stateFromError(e);
  }
  refreshPublic();
  redirect(`/admin/notices/${id}?done=published`);
}

/** 修改通知公告 */
export async function editAnnouncementAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const actor = await admin();
  if (!actor) return SESSION_EXPIRED;
  const id = formString(fd, "id", 40);
  try {
    await editAnnouncement(getDb(), actor, {
      id,
      version: formVersion(fd),
      title: formString(fd, "title", 400),
      body: formString(fd, "body", 40000),
      addAttachments: await uploads(fd),
      removeFileIds: fd.getAll("removeFileIds").filter((v): v is string => typeof v === "string"),
    });
  } catch (e) {
    return stateFromError(e);
  }
  refreshPublic();
  redirect(`/admin/notices/${id}?done=saved`);
}

/** 撤回通知公告 */
export async function withdrawAnnouncementAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const actor = await admin();
  if (!actor) return SESSION_EXPIRED;
  const id = formString(fd, "id", 40);
  try {
    await withdrawAnnouncement(getDb(), actor, { id, version: formVersion(fd) });
  } catch (e) {
    return stateFromError(e);
  }
  refreshPublic();
  redirect(`/admin/notices/${id}?done=withdrawn`);
}

/** 新增或修改常见问题 */
export async function saveFaqAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const actor = await admin();
  if (!actor) return SESSION_EXPIRED;
  const id = formString(fd, "id", 40) || undefined;
  try {
    await saveFaqEntry(getDb(), actor, {
      id,
      version: id ? formVersion(fd) : undefined,
      category: formString(fd, "category", 80),
      question: formString(fd, "question", 600),
      answer: formString(fd, "answer", 10000),
      position: formString(fd, "position", 8),
    });
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath("/faq");
  redirect(`/admin/faq?done=${id ? "saved" : "added"}`);
}

/** 删除常见问题 */
export async function deleteFaqAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const actor = await admin();
  if (!actor) return SESSION_EXPIRED;
  try {
    await deleteFaqEntry(getDb(), actor, { id: formString(fd, "id", 40) });
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath("/faq");
  redirect("/admin/faq?done=deleted");
}
