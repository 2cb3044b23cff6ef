"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { noticeBatchSchema } from "@/lib/schemas/decisions";
import { formAction } from "@/app/_lib/action-pipeline";
import { publishNoticeBatch } from "@/lib/services/notices/publish-notice-batch";

/** 发布公示: a notice for the selected 公示中 applications of the reviewer's authority. */
export const publishNoticeBatchAction = formAction("reviewer", noticeBatchSchema, async (input, { actor }) => {
  await publishNoticeBatch(getDb(), actor, input);
  revalidatePath("/review/notices");
  redirect("/review/notices?done=published");
});
