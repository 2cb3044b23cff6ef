"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { startApplicationSchema } from "@/lib/schemas/applications";
import { action } from "@/app/_lib/action-pipeline";
import { createApplication } from "@/lib/services/applications/create-application";

/** 新增注册申请 → one type × specialty: the engine decides; an unfinished draft of the same kind is resumed. */
export const startApplication = action("applicant", startApplicationSchema, async (input, { actor }) => {
  const out = await createApplication(getDb(), actor, { ...input, infoChangeKind: input.infoChangeKind ?? null });
  revalidatePath("/applicant", "layout");
  return out;
});
