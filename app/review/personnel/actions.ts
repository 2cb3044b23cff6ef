"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { reviewPersonnelRecord } from "@/lib/services/personnel/review-personnel-record";
import { SESSION_EXPIRED, stateFromError, type FormState } from "@/components/review/action-state";

const input = z.object({
  id: z.string().max(64).catch(""),
  version: z.coerce.number().int().catch(-1),
  decision: z.string().max(10).catch(""),
  opinion: z.preprocess((v) => (typeof v === "string" ? v.trim().slice(0, 500) : ""), z.string()),
});

/** 审核通过 / 退回 a staff record (M4). */
export async function reviewPersonnelAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user || user.role !== "reviewer") return SESSION_EXPIRED;
  const parsed = input.parse(Object.fromEntries(fd.entries()));
  try {
    // The service refuses anything but approve/return with a message.
    await reviewPersonnelRecord(getDb(), actorFromUser(user), { ...parsed, decision: parsed.decision as "approve" | "return" });
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath("/review/personnel", "layout");
  redirect(`/review/personnel?done=${parsed.decision === "approve" ? "approved" : "returned"}`);
}
