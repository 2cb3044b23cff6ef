"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { nameChangeDecisionSchema } from "@/lib/schemas/personnel";
import { formAction } from "@/app/_lib/action-pipeline";
import { decideNameChange } from "@/lib/services/employers/decide-name-change";

/** 单位名称变更 审核通过 / 不予通过 (R4). */
export const decideNameChangeAction = formAction("reviewer", nameChangeDecisionSchema, async (input, { actor }) => {
  await decideNameChange(getDb(), actor, input);
  revalidatePath("/review/name-changes");
  redirect(`/review/name-changes?done=${input.decision === "approve" ? "approved" : "rejected"}`);
});
