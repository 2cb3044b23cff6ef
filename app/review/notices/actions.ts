"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { publishNoticeBatch } from "@/lib/services/notices/publish-notice-batch";
import { formString, SESSION_EXPIRED, stateFromError, type FormState } from "@/components/review/action-state";

/** 发布公示: a notice for the selected 公示中 applications of the reviewer's authority. */
export async function publishNoticeBatchAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (user?.role !== "reviewer") return SESSION_EXPIRED;
  try {
    await publishNoticeBatch(getDb(), actorFromUser(user), {
      title: formString(fd, "title", 300),
      body: formString(fd, "body", 6000),
      endsOn: formString(fd, "endsOn", 10),
      applicationIds: fd.getAll("applicationIds").filter((v): v is string => typeof v === "string"),
    });
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath("/review/notices");
  redirect("/review/notices?done=published");
}
