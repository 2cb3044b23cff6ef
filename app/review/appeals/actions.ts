"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formAction } from "@/app/_lib/action-pipeline";
import { getDb } from "@/db/client";
import { decideAppealSchema, flagAnomalySchema } from "@/lib/schemas/appeals";
import { decideAppeal } from "@/lib/services/appeals/decide-appeal";
import { flagAnomaly } from "@/lib/services/people/flag-anomaly";

/** 采纳 / 不采纳 an appeal (T3). */
export const decideAppealAction = formAction("reviewer", decideAppealSchema, async (f, { actor }) => {
  await decideAppeal(getDb(), actor, f);
  revalidatePath("/review/appeals");
  redirect(`/review/appeals?done=${f.decision}`);
});

/** 标记异常 (G6, T3) on a person found by 证件号码. */
export const flagAnomalyAction = formAction("reviewer", flagAnomalySchema, async (f, { actor }) => {
  await flagAnomaly(getDb(), actor, f);
  revalidatePath("/review/appeals");
  redirect("/review/appeals?done=flagged");
});
