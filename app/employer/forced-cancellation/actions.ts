"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { fileForcedCancellation } from "@/lib/services/applications/file-forced-cancellation";
import { formString, SESSION_EXPIRED, stateFromError, type FormState } from "@/components/review/action-state";

/** 强制注销申报 (K2): the employer's filing with the judgment scan, signed by the employer. */
export async function fileForcedCancellationAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (user?.role !== "employer") return SESSION_EXPIRED;
  if (fd.get("declared") !== "on") {
    return { error: "请勾选本单位声明后再申报。", fieldErrors: { declared: "请勾选本单位声明" } };
  }
  const file = fd.get("judgment");
  const judgment = file instanceof File && file.size > 0 ? { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
  let applicationId: string;
  try {
    const out = await fileForcedCancellation(getDb(), actorFromUser(user), {
      registrationId: formString(fd, "registrationId", 64),
      reason: formString(fd, "reason", 100),
      opinion: formString(fd, "opinion", 500) || undefined,
      judgment,
    });
    applicationId = out.application.id;
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath("/employer", "layout");
  redirect(`/employer/applications/${applicationId}?done=forced`);
}
