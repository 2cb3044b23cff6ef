"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { Outcome } from "@/components/applicant/outcome";
import { isApplicationType } from "@/lib/domain/application-types";
import { findProgram } from "@/lib/domain/programs";
import { createApplication } from "@/lib/services/applications/create-application";
import { act, applicantSession, SESSION_EXPIRED } from "../_lib/act";

/** 新增注册申请 → one type × specialty: the engine decides; an unfinished draft of the same kind is resumed. */
export async function startApplication(input: {
  programCode: string;
  type: string;
  specialtyCode: string | null;
  infoChangeKind?: "basic" | "important" | null;
}): Promise<Outcome<{ applicationId: string; resumed: boolean }>> {
  // Authorize before reading the input: anyone else gets the sign-in answer, whatever they sent (ASVS V4.1.1).
  if (!(await applicantSession())) return SESSION_EXPIRED;
  if (!input || typeof input !== "object") return { ok: false, error: "业务类型不正确，请刷新页面后重新选择。" };
  const program = findProgram(String(input.programCode));
  if (!program || !isApplicationType(input.type)) return { ok: false, error: "业务类型不正确，请刷新页面后重新选择。" };
  const infoChangeKind = input.infoChangeKind === "basic" || input.infoChangeKind === "important" ? input.infoChangeKind : null;
  const res = await act(({ actor }) =>
    createApplication(getDb(), actor, {
      programCode: program.code,
      type: input.type as never,
      specialtyCode: input.specialtyCode ? String(input.specialtyCode) : null,
      infoChangeKind,
    }),
  );
  if (res.ok) revalidatePath("/applicant", "layout");
  return res;
}
