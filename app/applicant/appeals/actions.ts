"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/app/_lib/action-pipeline";
import { getDb } from "@/db/client";
import { portraitProgramCode } from "@/lib/queries/applicant-applications";
import { fileAppealSchema } from "@/lib/schemas/appeals";
import { fileAppeal } from "@/lib/services/appeals/file-appeal";

/** 提交申辩 (T3): the explanation and the proof scan, checked by the program limits the person's portraits use. */
export const fileAppealAction = formAction("applicant", fileAppealSchema, async (f, { actor, personId }) => {
  const db = getDb();
  const programCode = await portraitProgramCode(db, personId);
  await fileAppeal(db, actor, {
    anomalyId: f.anomalyId,
    statement: f.statement,
    proof: { fileName: f.proof.name, bytes: new Uint8Array(await f.proof.arrayBuffer()), programCode },
  });
  revalidatePath("/applicant", "layout");
  redirect("/applicant/appeals?done=filed");
});
