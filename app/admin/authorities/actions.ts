"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { AdminFormState } from "@/components/admin/admin-form-state";
import { authorityEditSchema, authorityFormSchema } from "@/lib/schemas/admin";
import { createAuthority } from "@/lib/services/admin/create-authority";
import { updateAuthority } from "@/lib/services/admin/update-authority";
import { adminAct, parseForm } from "../_lib/admin-act";

export async function createAuthorityAction(_: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const parsed = parseForm(authorityFormSchema, fd);
  if ("state" in parsed) return parsed.state;
  return adminAct(async (actor) => {
    await createAuthority(getDb(), actor, parsed.data);
    revalidatePath("/admin/authorities");
    return { ok: true, message: `已新建机构“${parsed.data.name}”。` };
  });
}

export async function updateAuthorityAction(id: string, _: AdminFormState, fd: FormData): Promise<AdminFormState> {
  const parsed = parseForm(authorityEditSchema, fd);
  if ("state" in parsed) return parsed.state;
  return adminAct(async (actor) => {
    await updateAuthority(getDb(), actor, String(id), parsed.data);
    revalidatePath("/admin/authorities");
    return { ok: true, message: parsed.data.disabled ? "已保存；该机构已停用，不再接收新的申请。" : "已保存。" };
  });
}
