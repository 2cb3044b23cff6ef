"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { authorityEditSchema, authorityFormSchema } from "@/lib/schemas/admin";
import { boundFormAction, formAction } from "@/app/_lib/action-pipeline";
import { createAuthority } from "@/lib/services/admin/create-authority";
import { updateAuthority } from "@/lib/services/admin/update-authority";
import { uuid } from "@/lib/schemas/common";

export const createAuthorityAction = formAction("admin", authorityFormSchema, async (input, { actor }) => {
  await createAuthority(getDb(), actor, input);
  revalidatePath("/admin/authorities");
  return { message: `已新建机构“${input.name}”。` };
});

/** Bound on the page to the authority's id. */
export const updateAuthorityAction = boundFormAction(
  "admin",
  authorityEditSchema.extend({ id: uuid }),
  async ({ id, ...input }, { actor }) => {
    await updateAuthority(getDb(), actor, id, input);
    revalidatePath("/admin/authorities");
    return { message: input.disabled ? "已保存；该机构已停用，不再接收新的申请。" : "已保存。" };
  },
);
