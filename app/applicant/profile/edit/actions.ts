"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { profileEditSchema } from "@/lib/schemas/accounts";
import { action } from "@/app/_lib/action-pipeline";
import { requestContext } from "@/lib/server/request-context";
import { updateContactDetails } from "@/lib/services/people/update-contact-details";

/** 基本信息修改 (N1): phone and address. */
export const saveContactDetails = action("applicant", profileEditSchema, async (input, { user, personId }) => {
  const { ip } = await requestContext();
  const res = await updateContactDetails(getDb(), { accountId: user.id, personId, ip, ...input });
  if (res.ok) revalidatePath("/applicant", "layout");
  return res;
});
