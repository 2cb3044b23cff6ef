"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { nameChangeFilingSchema } from "@/lib/schemas/personnel";
import { formAction } from "@/app/_lib/action-pipeline";
import { fileNameChange } from "@/lib/services/employers/file-name-change";

/** 单位名称变更 (R4): files the new name with its proof for the authority's approval. */
export const fileNameChangeAction = formAction(
  "employer",
  nameChangeFilingSchema,
  async ({ newName, proof }, { actor }) => {
    await fileNameChange(getDb(), actor, {
      newName,
      proof: proof ? { fileName: proof.name, bytes: new Uint8Array(await proof.arrayBuffer()) } : null,
    });
    revalidatePath("/employer", "layout");
    redirect("/employer/name-change?done=filed");
  },
);
