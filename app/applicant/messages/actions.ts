"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { uuid } from "@/lib/schemas/common";
import { plainFormAction } from "@/app/_lib/action-pipeline";
import { markMessagesRead } from "@/lib/services/messages/mark-messages-read";

/** 全部标为已读 posts all=1; one message's button posts its id. */
const markReadSchema = z.union([z.object({ all: z.literal("1") }), z.object({ id: uuid })]);

/** Form action (progressive: works without client JS). */
export const markRead = plainFormAction("applicant", markReadSchema, async (input, { user }) => {
  await markMessagesRead(getDb(), user.id, "all" in input ? "all" : [input.id]);
  revalidatePath("/applicant", "layout");
  return {};
});
