"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { personnelReviewSchema } from "@/lib/schemas/personnel";
import { formAction } from "@/app/_lib/action-pipeline";
import { reviewPersonnelRecord } from "@/lib/services/personnel/review-personnel-record";

/** 审核通过 / 退回 a staff record (M4). */
export const reviewPersonnelAction = formAction("reviewer", personnelReviewSchema, async (input, { actor }) => {
  await reviewPersonnelRecord(getDb(), actor, input);
  revalidatePath("/review/personnel", "layout");
  redirect(`/review/personnel?done=${input.decision === "approve" ? "approved" : "returned"}`);
});
