"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { PERSONNEL_FIELD_LABELS } from "@/lib/domain/personnel";
import { getCurrentUser } from "@/lib/server/auth";
import { actorFromUser } from "@/lib/services/actor";
import { savePersonnelRecord } from "@/lib/services/personnel/save-personnel-record";
import { submitPersonnelRecord } from "@/lib/services/personnel/submit-personnel-record";
import { SESSION_EXPIRED, stateFromError, type FormState } from "@/components/review/action-state";

async function employerActor() {
  const user = await getCurrentUser();
  return user && user.role === "employer" ? actorFromUser(user) : null;
}

const str = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.trim().slice(0, max) : ""), z.string());
const ref = z.object({ id: z.string().max(64).optional().transform((v) => v || undefined), version: z.coerce.number().int().catch(-1) });
const fields = z.object(Object.fromEntries(Object.keys(PERSONNEL_FIELD_LABELS).map((k) => [k, str(200)])) as Record<string, ReturnType<typeof str>>);

/** 保存 人员信息 (M4): a new record or an edit of one not yet submitted / returned. */
export async function savePersonnelAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const actor = await employerActor();
  if (!actor) return SESSION_EXPIRED;
  const raw = Object.fromEntries(fd.entries());
  const { id, version } = ref.parse({ id: typeof raw.id === "string" ? raw.id : undefined, version: raw.version });
  let savedId: string;
  try {
    const out = await savePersonnelRecord(getDb(), actor, { id, version, fields: fields.parse(raw) as Record<string, string> });
    savedId = out.id;
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath("/employer/personnel", "layout");
  redirect(`/employer/personnel/${savedId}?done=saved`);
}

/** 上报 (M4): submit the record for the authority's review. */
export async function submitPersonnelAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const actor = await employerActor();
  if (!actor) return SESSION_EXPIRED;
  const { id, version } = ref.parse({ id: fd.get("id") ?? undefined, version: fd.get("version") });
  try {
    await submitPersonnelRecord(getDb(), actor, { id: id ?? "", version });
  } catch (e) {
    return stateFromError(e);
  }
  revalidatePath("/employer/personnel", "layout");
  redirect(`/employer/personnel/${id}?done=submitted`);
}
