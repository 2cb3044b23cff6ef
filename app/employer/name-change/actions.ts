"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { fileNameChange } from "@/lib/services/employers/file-name-change";
import { SESSION_EXPIRED, stateFromError, type FormState } from "@/components/review/action-state";

const input = z.object({
  newName: z.preprocess((v) => (typeof v === "string" ? v.trim().slice(0, 200) : ""), z.string()),
  proof: z.any().transform((f) => (f instanceof File && f.size > 0 ? f : null)),
});

/** 单位名称变更 (R4): files the new name with its proof for the authority's approval. */
export async function fileNameChangeAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user || user.role !== "employer") return SESSION_EXPIRED;
  const { newName, proof } = input.parse({ newName: fd.get("newName"), proof: fd.get("proof") });
  try {
    await fileNameChange(getDb(), actorFromUser(user), {
      newName,
      proof: proof ? { fileName: proof.name, bytes: new Uint8Array(await proof.arrayBuffer()) } : null,
    });
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath("/employer", "layout");
  redirect("/employer/name-change?done=filed");
}
