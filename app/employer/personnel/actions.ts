"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { personnelSaveSchema, personnelSubmitSchema } from "@/lib/schemas/personnel";
import { formAction } from "@/app/_lib/action-pipeline";
import { savePersonnelRecord } from "@/lib/services/personnel/save-personnel-record";
import { submitPersonnelRecord } from "@/lib/services/personnel/submit-personnel-record";

/** 保存 人员信息 (M4): a new record or an edit of one not yet submitted / returned. */
export const savePersonnelAction = formAction("employer", personnelSaveSchema, async (input, { actor }) => {
  const out = await savePersonnelRecord(getDb(), actor, input);
  revalidatePath("/employer/personnel", "layout");
  redirect(`/employer/personnel/${out.id}?done=saved`);
});

/** 上报 (M4): submit the record for the authority's review. */
export const submitPersonnelAction = formAction("employer", personnelSubmitSchema, async (input, { actor }) => {
  await submitPersonnelRecord(getDb(), actor, input);
  revalidatePath("/employer/personnel", "layout");
  redirect(`/employer/personnel/${input.id}?done=submitted`);
});
