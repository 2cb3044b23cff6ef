"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { Outcome } from "@/components/applicant/outcome";
import {
  addAchievement,
  addContinuingEducation,
  addWorkExperience,
  deleteAchievement,
  deleteContinuingEducation,
  deleteWorkExperience,
  updateAchievement,
  updateContinuingEducation,
  updateWorkExperience,
} from "@/lib/services/records/personal-records";
import { act } from "../_lib/act";

export type RecordKind = "work" | "achievement" | "ce";
type Values = Record<string, string>;

const PATHS: Record<RecordKind, string> = {
  work: "/applicant/records/work",
  achievement: "/applicant/records/achievements",
  ce: "/applicant/records/education",
};

/** 添加 / 修改 one record of the signed-in person (id null = new). */
export async function saveRecord(kind: RecordKind, id: string | null, values: Values): Promise<Outcome<{ id: string }>> {
  const db = getDb();
  const v = Object.fromEntries(Object.entries(values ?? {}).map(([k, x]) => [k, String(x ?? "")])) as Values;
  const res = await act(({ actor }) => {
    switch (kind) {
      case "work":
        return id ? updateWorkExperience(db, actor, id, v as never) : addWorkExperience(db, actor, v as never);
      case "achievement":
        return id ? updateAchievement(db, actor, id, v as never) : addAchievement(db, actor, v as never);
      case "ce":
        return id ? updateContinuingEducation(db, actor, id, v as never) : addContinuingEducation(db, actor, v as never);
    }
  });
  if (res.ok) revalidatePath(PATHS[kind]);
  return res;
}

export async function removeRecord(kind: RecordKind, id: string): Promise<Outcome<{ id: string }>> {
  const db = getDb();
  const res = await act(({ actor }) =>
    kind === "work" ? deleteWorkExperience(db, actor, String(id)) : kind === "achievement" ? deleteAchievement(db, actor, String(id)) : deleteContinuingEducation(db, actor, String(id)),
  );
  if (res.ok) revalidatePath(PATHS[kind]);
  return res;
}
