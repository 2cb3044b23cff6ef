"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { forcedCancellationSchema } from "@/lib/schemas/decisions";
import { formAction } from "@/app/_lib/action-pipeline";
import { fileForcedCancellation } from "@/lib/services/applications/file-forced-cancellation";

/** 强制注销申报 (K2): the employer's filing with the judgment scan, signed by the employer. */
export const fileForcedCancellationAction = formAction("employer", forcedCancellationSchema, async (f, { actor }) => {
  const judgment = f.judgment
    ? { fileName: f.judgment.name, bytes: new Uint8Array(await f.judgment.arrayBuffer()) }
    : null;
  const out = await fileForcedCancellation(getDb(), actor, {
    registrationId: f.registrationId,
    reason: f.reason,
    opinion: f.opinion,
    judgment,
  });
  revalidatePath("/employer", "layout");
  redirect(`/employer/applications/${out.application.id}?done=forced`);
});
