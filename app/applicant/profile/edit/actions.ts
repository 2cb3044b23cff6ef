"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { fieldErrorsOf, profileEditSchema } from "@/lib/schemas/accounts";
import { getCurrentUser } from "@/lib/server/auth";
import { requestContext } from "@/lib/server/request-context";
import { updateContactDetails } from "@/lib/services/people/update-contact-details";

export async function saveContactDetails(input: Record<string, string>): Promise<ActionResult> {
  const user = await getCurrentUser();
  if (user?.role !== "applicant" || !user.personId) return { ok: false, error: "登录已超时，请重新登录后再保存。" };
  const parsed = profileEditSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: "填写的信息有误，请按提示修改后重新保存。", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const { ip } = await requestContext();
  const res = await updateContactDetails(getDb(), { accountId: user.id, personId: user.personId, ip, ...parsed.data });
  if (res.ok) revalidatePath("/applicant", "layout");
  return res;
}
