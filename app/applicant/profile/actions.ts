"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { Outcome } from "@/components/applicant/outcome";
import { searchEmployers, type EmployerSuggestion } from "@/lib/queries/applicant-employers";
import { changeEmployer } from "@/lib/services/people/change-employer";
import { setPortrait } from "@/lib/services/people/set-portrait";
import { act, applicantSession } from "../_lib/act";

/** 验证企业名称: suggestions for what was typed (debounced by the picker). */
export async function findEmployers(text: string): Promise<EmployerSuggestion[]> {
  if (!(await applicantSession())) return [];
  return searchEmployers(getDb(), String(text ?? ""), 8);
}

export async function chooseEmployer(employerId: string): Promise<Outcome<{ name: string; uscc: string; draftsUpdated: number }>> {
  const res = await act(({ actor }) => changeEmployer(getDb(), actor, { employerId: String(employerId) }));
  if (res.ok) revalidatePath("/applicant", "layout");
  return res;
}

export async function savePortrait(kind: "photo" | "signature", fileId: string): Promise<Outcome> {
  if (kind !== "photo" && kind !== "signature") return { ok: false, error: "上传类型不正确，请刷新页面后重试。" };
  const res = await act(({ actor }) => setPortrait(getDb(), actor, { kind, fileId: String(fileId) }));
  if (res.ok) revalidatePath("/applicant", "layout");
  return res;
}
