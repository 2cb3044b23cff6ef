"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { decideNameChange } from "@/lib/services/employers/decide-name-change";
import { SESSION_EXPIRED, stateFromError, type FormState } from "@/components/review/action-state";

const input = z.object({
  id: z.string().max(64).catch(""),
  version: z.coerce.number().int().catch(-1),
  decision: z.string().max(10).catch(""),
  opinion: z.preprocess((v) => (typeof v === "string" ? v.trim().slice(0, 500) : ""), z.string()),
});

/** 单位名称变更 审核通过 / 不予通过 (R4). */
export async function decideNameChangeAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user || user.role !== "reviewer") return SESSION_EXPIRED;
  const parsed = input.parse(Object.fromEntries(fd.entries()));
  try {
    // The service refuses anything but approve/reject with a message.
    await decideNameChange(getDb(), actorFromUser(user), { ...parsed, decision: parsed.decision as "approve" | "reject" });
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath("/review/name-changes");
  redirect(`/review/name-changes?done=${parsed.decision === "approve" ? "approved" : "rejected"}`);
}
