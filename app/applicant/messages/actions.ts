"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/server/auth";
import { markMessagesRead } from "@/lib/services/messages/mark-messages-read";

const idSchema = z.uuid();

/** Form actions (progressive: work without client JS). */
export async function markRead(formData: FormData): Promise<void> {
  const user = await getCurrentUser();
  // 我的消息 is the applicant's: another role (or a hand-made call without a form) changes nothing.
  if (user?.role !== "applicant" || !(formData instanceof FormData)) return;
  const all = formData.get("all") === "1";
  const id = idSchema.safeParse(formData.get("id"));
  if (!all && !id.success) return;
  await markMessagesRead(getDb(), user.id, all ? "all" : [id.data!]);
  revalidatePath("/applicant", "layout");
}
